#include "trainingjob.h"

#include "experiment/distillrun.h"
#include "store/runstore.h"
#include "train/trainevents.h"

namespace recforge::ui {

namespace {

// Training thread: progress and messages to the job's slot, events to the plot's buffer.
class BufferObserver final : public recforge::TrainObserver {
public:
    BufferObserver(recforge::Observer &forward, TrainingBuffer &buffer)
        : m_forward(forward), m_buffer(buffer)
    {
    }
    bool onProgress(const recforge::Progress &progress) override
    {
        return m_forward.onProgress(progress);
    }
    void onMessage(const std::string &message) override { m_forward.onMessage(message); }
    void onBatch(const recforge::BatchEvent &event) override { m_buffer.addBatch(event); }
    void onEpoch(const recforge::EpochEvent &event) override { m_buffer.addEpoch(event); }

private:
    recforge::Observer &m_forward;
    TrainingBuffer &m_buffer;
};

// A resumed distillation needs its teacher again: resumeDistillation, not resumeTraining.
bool isDistillationRun(const std::string &projectPath, int64_t runId)
{
    recforge::RunStore::Options options;
    options.markInterruptedOnOpen = false;
    auto store = recforge::RunStore::open(projectPath, options);
    if (!store)
        return false;
    auto detail = (*store)->run(runId);
    return detail && detail->summary.kind == "distil";
}

} // namespace

TrainingJob::TrainingJob(QString projectPath, recforge::TrainRunConfig config, QObject *parent)
    : Job(tr("Train %1").arg(QString::fromStdString(config.model)), parent),
      m_projectPath(std::move(projectPath)), m_config(std::move(config)),
      m_buffer(std::make_shared<TrainingBuffer>())
{
}

recforge::Status TrainingJob::execute(recforge::Observer &observer, recforge::StopToken stop)
{
    BufferObserver events(observer, *m_buffer);
    const std::string project = m_projectPath.toStdString();
    if (m_config.resumeRunId > 0 && isDistillationRun(project, m_config.resumeRunId)) {
        auto distilled = recforge::resumeDistillation(project, m_config.resumeRunId, events, stop);
        if (!distilled)
            return tl::unexpected(distilled.error());
        m_result = std::move(distilled->student);
        return {};
    }
    auto result = recforge::runTraining(m_projectPath.toStdString(), m_config, events, stop);
    if (!result)
        return tl::unexpected(result.error());
    m_result = std::move(*result);
    return {};
}

} // namespace recforge::ui
