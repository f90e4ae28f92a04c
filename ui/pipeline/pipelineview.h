#pragma once

#include <array>
#include <memory>
#include <optional>
#include <vector>

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include "experiment/pipeline.h"
#include "pipeline/pipelinejobs.h"

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace recforge {
class Project;
class RunStore;
} // namespace recforge

namespace recforge::ui {

class JobManager;
class JobProgressWidget;
class PipelineForm;
class RunOptionsWidget;

// The Pipeline workspace: the project's stored pretrain → fine-tune → distil pipelines, a form
// for a new one (or the selected one's params, to re-run a stage with changes), Run / Resume /
// Re-run this stage through a PipelineJob with its progress, ETA and Cancel, each stage's status
// (read from its run) and a small live chart per stage. While a stage's run trains, its stored
// curves are polled incrementally (afterId) every kPollMs; a selected stored pipeline's curves
// are read once by a job.
class PipelineView : public QWidget {
    Q_OBJECT
public:
    static constexpr int kPollMs = 500;

    explicit PipelineView(JobManager *jobs, QWidget *parent = nullptr);
    ~PipelineView() override;

    void setProject(std::shared_ptr<recforge::Project> project);
    // Re-lists the stored pipelines (a job), keeping the selection.
    void refresh();
    // Selects a listed pipeline by name (fills the form, reads its curves).
    bool selectPipeline(const QString &name);
    // Clears the selection: a new pipeline with the default form and a free name.
    void newPipeline();

    // Starts a job; false (with issueReported) when one runs or the params are invalid.
    bool runPipeline();
    bool resumePipeline();
    bool rerunStage(recforge::PipelineStage stage);
    PipelineJob *job() const { return m_job; }

    QString selectedName() const;
    const std::vector<PipelineListing> &pipelines() const { return m_listings; }
    QListWidget *list() const { return m_list; }
    QLineEdit *nameEdit() const { return m_name; }
    PipelineForm *form() const { return m_form; }
    QPushButton *runButton() const { return m_run; }
    QPushButton *resumeButton() const { return m_resume; }
    QPushButton *runOptionsButton() const { return m_runOptions; }
    QLabel *runOptionsSummary() const { return m_runOptionsSummary; }
    // Applies what the "Data and evaluation" dialog holds to a new pipeline's params (dataset,
    // split, seed, device, threads, validation users, test evaluations); the dialog calls it on
    // OK. Returns the error text of invalid options, empty when applied.
    QString applyRunOptions(const RunOptionsWidget &options);
    JobProgressWidget *progress() const { return m_progress; }

Q_SIGNALS:
    void pipelinesListed(int count);
    // A selected pipeline's stored curves are drawn (tests wait for it).
    void curvesLoaded();
    // A stage's chart now follows this run live. The distil stage follows the baseline (the
    // student trained alone) first, then the taught student.
    void stageRunFollowed(int stage, qint64 runId);
    // A stage's run ended (finished, failed or cancelled): the experiment store changed.
    void runEnded(qint64 runId);
    // The pipeline job ended.
    void pipelineEnded(const QString &name);
    void issueReported(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    const PipelineListing *selectedListing() const;
    bool start(PipelineJob *job);
    void onStageStarted(int stage, qint64 runId);
    void onBaselineStarted(qint64 runId);
    void onStageFinished(int stage, qint64 runId, bool ok, const QString &message);
    void onSelectionChanged();
    void loadStageCurves(const recforge::PipelineState &state);
    void poll();
    void pollStage(int stage);
    void showStatuses();
    void updateButtons();
    // Opens the "Data and evaluation" dialog for a new pipeline.
    void editRunOptions();
    // The summary line "Dataset … · Split …" of the form's params.
    void showRunOptions();
    QString uniqueName() const;
    QString statusText(int stage) const;
    void retranslateUi();

    JobManager *m_jobs;
    std::shared_ptr<recforge::Project> m_project;
    std::shared_ptr<recforge::RunStore> m_store;     // read by jobs
    std::unique_ptr<recforge::RunStore> m_pollStore; // UI-thread incremental curve polls
    std::vector<PipelineListing> m_listings;
    QString m_wanted; // select once listed
    QPointer<PipelineJob> m_job;
    QPointer<LoadRunSeriesJob> m_loading;
    QTimer m_timer;

    // What the stage boxes show: the run of each stage, its status (for the live job: its own
    // report), and the newest curve point id drawn.
    std::array<int64_t, recforge::kPipelineStages> m_runs{0, 0, 0};
    std::array<std::optional<recforge::RunStatus>, recforge::kPipelineStages> m_status;
    std::array<qint64, recforge::kPipelineStages> m_afterId{0, 0, 0};
    std::array<bool, recforge::kPipelineStages> m_live{false, false, false};

    QLabel *m_listTitle;
    QListWidget *m_list;
    QPushButton *m_new;
    QPushButton *m_refresh;
    QLabel *m_nameLabel;
    QLineEdit *m_name;
    PipelineForm *m_form;
    QPushButton *m_run;
    QPushButton *m_resume;
    QPushButton *m_runOptions;
    QLabel *m_runOptionsSummary;
    JobProgressWidget *m_progress;
};

} // namespace recforge::ui
