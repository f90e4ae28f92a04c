#pragma once

#include <memory>
#include <vector>

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include "experiment/trainrun.h"
#include "train/trainevents.h"

class QLabel;
class QPushButton;
class QTableWidget;
class QToolButton;

namespace recforge {
class Project;
class RunStore;
} // namespace recforge

namespace recforge::ui {

class Job;
class JobManager;
class JobProgressWidget;
class TrainingBuffer;
class TrainingCurvesChart;
class TrainingJob;
class TrainingQueue;

// The Training workspace: the queue of training runs (one at a time; cancel any, remove pending),
// live curves of the running job, overlays of stored runs, a progress bar with ETA and Cancel,
// the final test metrics with their protocol labels, and a hint when validation was still rising
// at the end.
//
// Live data never arrives as one signal per batch: the job's observer appends to a locked buffer
// and a UI timer (kTickMs) takes everything and replots once. HR@10 per epoch is recorded by core
// in the store only, so it is read incrementally (afterId) a few times a second.
class TrainingPanel : public QWidget {
    Q_OBJECT
public:
    static constexpr int kTickMs = 80;

    explicit TrainingPanel(JobManager *jobs, QWidget *parent = nullptr);
    ~TrainingPanel() override;

    void setProject(std::shared_ptr<recforge::Project> project);
    // Queues a run (Models panel's Train button). Returns the queue entry id.
    int enqueue(const recforge::TrainRunConfig &config);
    // Adds a stored run's curves to the plot (loaded by a job) / removes them.
    void overlayRun(qint64 runId, const QString &label);
    void removeOverlay(qint64 runId);

    TrainingQueue *queue() const { return m_queue; }
    TrainingCurvesChart *chart() const { return m_chart; }
    JobProgressWidget *progress() const { return m_progress; }
    QTableWidget *queueTable() const { return m_table; }
    QTableWidget *metricsTable() const { return m_metrics; }
    QLabel *hintLabel() const { return m_hint; }
    // Chart key of the live curve of queue entry `entryId` (negative, never a run id).
    static qint64 liveKey(int entryId) { return -qint64(entryId); }
    // Epoch events of the live (or last) run, as drawn.
    const std::vector<recforge::EpochEvent> &liveEpochs() const { return m_liveEpochs; }
    // Ticks that found new data and replotted (tests check coalescing).
    int replotCount() const { return m_replots; }
    // The job whose progress this panel shows (null when none runs).
    Job *liveJob() const;

Q_SIGNALS:
    // liveJob() changed: the status bar need not repeat the same progress bar.
    void liveJobChanged();
    // A training run ended (finished, failed or cancelled): the experiment store changed.
    void runEnded(qint64 runId);
    void issueReported(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void onJobStarted(TrainingJob *job, int entryId);
    void onJobEnded(TrainingJob *job, int entryId);
    void tick();
    // Reads new valid/HR@10 points of the live run from the store; returns whether any came.
    bool pollStoredValidation();
    void updateQueueTable();
    void updateButtons();
    void showFinalMetrics(const std::vector<recforge::MetricValue> &metrics);
    void populateOverlayMenu();
    int selectedEntryId() const;
    void retranslateUi();

    JobManager *m_jobs;
    std::shared_ptr<recforge::Project> m_project;
    std::shared_ptr<recforge::RunStore> m_store;     // overlays (read by jobs)
    std::unique_ptr<recforge::RunStore> m_liveStore; // UI-thread HR@10 polls only
    TrainingQueue *m_queue;
    QTimer m_timer;

    // The live run.
    QPointer<TrainingJob> m_liveJob;
    std::shared_ptr<TrainingBuffer> m_liveBuffer;
    int m_liveEntry = 0;
    std::string m_liveRunName;
    int64_t m_liveRunId = 0;
    int64_t m_liveAfterId = 0;
    std::vector<recforge::EpochEvent> m_liveEpochs;
    int m_ticksSincePoll = 0;
    int m_replots = 0;

    QLabel *m_queueTitle;
    QTableWidget *m_table;
    QPushButton *m_cancel;
    QPushButton *m_remove;
    QPushButton *m_clear;
    QToolButton *m_overlay;
    TrainingCurvesChart *m_chart;
    JobProgressWidget *m_progress;
    QLabel *m_hint;
    QLabel *m_metricsTitle;
    QTableWidget *m_metrics;
};

} // namespace recforge::ui
