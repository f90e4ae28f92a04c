#pragma once

#include <memory>

#include <QPointer>
#include <QWidget>

#include "io/modelexport.h"

class QLabel;
class QPushButton;
class QTabWidget;
class QTableView;

namespace recforge {
class Project;
class RunStore;
} // namespace recforge

namespace recforge::ui {

class JobManager;
class LoadCurvesJob;
class MetricsComparison;
class RunDetailsView;
class RunsTableModel;
class TrainingCurvesChart;

// The Experiments workspace: every run of the project's experiment store (status in colour,
// interrupted runs marked; key metrics in columns of one protocol each), refresh (also after
// each training job), and for the selected runs: overlaid curves, a metrics comparison that only
// compares values under the same protocol, and the details of the current run (params JSON,
// metrics with protocols, checkpoints with sha256). Delete removes a run that is not running.
class ExperimentsPanel : public QWidget {
    Q_OBJECT
public:
    explicit ExperimentsPanel(JobManager *jobs, QWidget *parent = nullptr);
    ~ExperimentsPanel() override;

    // Opens the project's experiment store (marking runs of dead processes interrupted).
    void setProject(std::shared_ptr<recforge::Project> project);
    // Re-reads the run list (one query on the store's read connection), keeping the selection.
    void refresh();
    // Selects these runs (table order) and compares them.
    void selectRuns(const QList<qint64> &runIds);
    QList<qint64> selectedRunIds() const;
    // Deletes the selected runs that are not running (through a job; refreshes afterwards).
    void deleteSelected(bool confirm = true);
    // Exports one run's model into options.dir through an ExportRunJob (exported() on success,
    // issueReported() on failure). The Export button asks for the options in an ExportDialog.
    void exportRun(qint64 runId, const recforge::ExportOptions &options);
    QPushButton *exportButton() const { return m_export; }
    QPushButton *resumeButton() const { return m_resume; }
    // Re-opens an exported model and writes the top-K lists of a histories file (a
    // ScoreHistoriesJob; historiesScored() on success, warnings and failures as issues). The
    // "Score a file…" button asks for the paths in a ScoreHistoriesDialog.
    void scoreHistories(const QString &model, const QString &histories, const QString &output,
                        int k);

    RunsTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    TrainingCurvesChart *curves() const { return m_curves; }
    MetricsComparison *comparison() const { return m_comparison; }
    RunDetailsView *details() const { return m_details; }
    QTabWidget *tabs() const { return m_tabs; }

Q_SIGNALS:
    void issueReported(const QString &text);
    void exported(const QString &dir, int files);
    void historiesScored(const QString &csv, int users);
    // Resume was pressed on an interrupted, failed or cancelled run (the Training panel queues it).
    void resumeRequested(qint64 runId, const QString &runName);
    // The curves of the selected runs are drawn (tests wait for it).
    void curvesLoaded();

protected:
    void changeEvent(QEvent *event) override;

private:
    void onSelectionChanged();
    void loadCurves(const QList<qint64> &ids);
    void retranslateUi();

    JobManager *m_jobs;
    std::shared_ptr<recforge::Project> m_project;
    std::shared_ptr<recforge::RunStore> m_store;
    QPointer<LoadCurvesJob> m_loading;
    QLabel *m_title;
    QPushButton *m_refresh;
    QPushButton *m_delete;
    QPushButton *m_export;
    QPushButton *m_resume;
    QPushButton *m_score;
    RunsTableModel *m_model;
    QTableView *m_table;
    QTabWidget *m_tabs;
    TrainingCurvesChart *m_curves;
    MetricsComparison *m_comparison;
    RunDetailsView *m_details;
};

} // namespace recforge::ui
