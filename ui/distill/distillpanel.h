#pragma once

#include <memory>

#include <QPointer>
#include <QWidget>

#include "eval/modelcomparison.h"

class QComboBox;
class QCustomPlot;
class QLabel;
class QPushButton;
class QTabWidget;
class QTableWidget;

namespace recforge {
class Project;
class RunStore;
} // namespace recforge

namespace recforge::ui {

class DistillUserView;
class JobManager;
class LoadDistilRunJob;
class TrainingCurvesChart;

// The Distillation workspace: one stored distillation run (kind "distil") at a time, teacher and
// student side by side (and the same student trained without the teacher, when the run has it):
// the ratios written out, a figures table, grouped bars of quality (under the comparison's one
// protocol), size, latency and throughput, the overlaid learning curves of the runs, the
// histogram of per-user Jaccard@K of the top-K lists, and one user's two lists (DistillUserView).
// Everything is read by jobs; the UI thread only draws.
class DistillPanel : public QWidget {
    Q_OBJECT
public:
    explicit DistillPanel(JobManager *jobs, QWidget *parent = nullptr);
    ~DistillPanel() override;

    void setProject(std::shared_ptr<recforge::Project> project);
    // Re-lists the distillation runs (a job), keeping the selected run.
    void refresh();
    // Selects and loads a run (once it is listed).
    void selectRun(qint64 runId);
    qint64 currentRunId() const;

    // The comparison on screen (valid after comparisonShown()).
    const recforge::ModelComparison &comparison() const { return m_comparison; }
    bool hasComparison() const { return m_hasComparison; }

    QComboBox *runCombo() const { return m_runs; }
    QLabel *summaryLabel() const { return m_summary; }
    QTableWidget *figuresTable() const { return m_figures; }
    QTabWidget *tabs() const { return m_tabs; }
    QCustomPlot *qualityChart() const { return m_quality; }
    QCustomPlot *overlapChart() const { return m_overlap; }
    TrainingCurvesChart *curves() const { return m_curves; }
    DistillUserView *userView() const { return m_userView; }

Q_SIGNALS:
    void runsListed(int count);
    void comparisonShown(qint64 runId);
    void issueReported(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void loadRun(qint64 runId);
    void clearComparison();
    void showComparison(const LoadDistilRunJob &job);
    void fillFigures();
    void plotQuality();
    void plotSizeAndSpeed();
    void plotOverlap();
    void retranslateUi();

    JobManager *m_jobs;
    std::shared_ptr<recforge::Project> m_project;
    std::shared_ptr<recforge::RunStore> m_store;
    QPointer<LoadDistilRunJob> m_loading;
    qint64 m_wanted = 0; // run to select once listed
    recforge::ModelComparison m_comparison;
    bool m_hasComparison = false;

    QLabel *m_runLabel;
    QComboBox *m_runs;
    QPushButton *m_refresh;
    QLabel *m_summary;
    QTableWidget *m_figures;
    QTabWidget *m_tabs;
    QCustomPlot *m_quality;
    QCustomPlot *m_parameters;
    QCustomPlot *m_disk;
    QCustomPlot *m_latency;
    QCustomPlot *m_throughput;
    TrainingCurvesChart *m_curves;
    QCustomPlot *m_overlap;
    DistillUserView *m_userView;
};

} // namespace recforge::ui
