#pragma once
// The Pipeline workspace's jobs: run / resume / re-run a stored pretrain -> fine-tune -> distil
// pipeline (core/experiment/pipeline.h), list the stored pipelines with the status of every
// stage's run, and read the stored curves of some runs. Torch-free header.

#include <array>
#include <memory>
#include <optional>
#include <vector>

#include <QHash>
#include <QString>

#include "experiment/pipeline.h"
#include "jobs/job.h"
#include "store/runtypes.h"

namespace recforge {
class RunStore;
}

namespace recforge::ui {

// One call of runPipeline, resumePipeline or rerunPipelineStage on a worker thread. The
// pipeline's hooks run on that thread; they are forwarded to the UI thread as the queued signals
// stageStarted / stageFinished / baselineStarted, so a view can follow each stage's run while it
// trains. Cancel (requestStop) stops the running stage; the pipeline file keeps it for Resume.
class PipelineJob : public Job {
    Q_OBJECT
public:
    enum class Mode { Run, Resume, Rerun };

    // Run: a new pipeline from `params`. Resume: the stored pipeline params.name. Rerun: `stage`
    // of the stored pipeline params.name again, with `params` replacing the stored ones.
    PipelineJob(QString projectPath, Mode mode, recforge::PipelineParams params,
                recforge::PipelineStage stage = recforge::PipelineStage::Pretrain,
                QObject *parent = nullptr);

    Mode mode() const { return m_mode; }
    QString pipelineName() const { return QString::fromStdString(m_params.name); }
    // Valid after succeeded().
    const recforge::PipelineState &pipelineState() const { return m_state; }
    // UI thread: the run ids reported by stageStarted so far (0 = not started by this job).
    std::array<qint64, recforge::kPipelineStages> startedRuns() const { return m_started; }

Q_SIGNALS:
    void stageStarted(int stage, qint64 runId);
    void stageFinished(int stage, qint64 runId, bool ok, const QString &message);
    // The distil stage trains (or continues) the student without the teacher first.
    void baselineStarted(qint64 runId);

protected:
    recforge::Status execute(recforge::Observer &observer, recforge::StopToken stop) override;

private:
    QString m_projectPath;
    Mode m_mode;
    recforge::PipelineParams m_params;
    recforge::PipelineStage m_stage;
    recforge::PipelineState m_state;
    std::array<qint64, recforge::kPipelineStages> m_started{0, 0, 0};
};

// A stored pipeline with the status of each stage's run (nullopt: no run, or the run is gone).
struct PipelineListing {
    recforge::PipelineState state;
    std::array<std::optional<recforge::RunStatus>, recforge::kPipelineStages> status;
};

// listPipelines() plus RunStore::run() of every stage run.
class ListPipelinesJob : public Job {
    Q_OBJECT
public:
    ListPipelinesJob(QString projectPath, std::shared_ptr<recforge::RunStore> store,
                     QObject *parent = nullptr);
    // Valid after succeeded(), by name.
    const std::vector<PipelineListing> &pipelines() const { return m_pipelines; }

protected:
    recforge::Status execute(recforge::Observer &observer, recforge::StopToken stop) override;

private:
    QString m_projectPath;
    std::shared_ptr<recforge::RunStore> m_store;
    std::vector<PipelineListing> m_pipelines;
};

// Every stored series of some runs (x = epoch), for the per-stage charts.
class LoadRunSeriesJob : public Job {
    Q_OBJECT
public:
    LoadRunSeriesJob(std::shared_ptr<recforge::RunStore> store, QList<qint64> runIds,
                     QObject *parent = nullptr);
    // Valid after succeeded(): one entry per run id.
    const QHash<qint64, std::vector<recforge::CurveSeries>> &series() const { return m_series; }

protected:
    recforge::Status execute(recforge::Observer &observer, recforge::StopToken stop) override;

private:
    std::shared_ptr<recforge::RunStore> m_store;
    QList<qint64> m_runIds;
    QHash<qint64, std::vector<recforge::CurveSeries>> m_series;
};

} // namespace recforge::ui
