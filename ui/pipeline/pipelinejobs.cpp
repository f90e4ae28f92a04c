#include "pipelinejobs.h"

#include "store/runstore.h"

namespace recforge::ui {

PipelineJob::PipelineJob(QString projectPath, Mode mode, recforge::PipelineParams params,
                         recforge::PipelineStage stage, QObject *parent)
    : Job(mode == Mode::Run      ? tr("Run pipeline %1").arg(QString::fromStdString(params.name))
          : mode == Mode::Resume ? tr("Resume pipeline %1").arg(QString::fromStdString(params.name))
                                 : tr("Re-run %1 of pipeline %2")
                                       .arg(QString::fromLatin1(recforge::pipelineStageName(stage)),
                                            QString::fromStdString(params.name)),
          parent),
      m_projectPath(std::move(projectPath)), m_mode(mode), m_params(std::move(params)),
      m_stage(stage)
{
    connect(this, &PipelineJob::stageStarted, this,
            [this](int stage, qint64 runId) { m_started[size_t(stage)] = runId; });
}

recforge::Status PipelineJob::execute(recforge::Observer &observer, recforge::StopToken stop)
{
    // Worker thread: hand each hook over to the UI thread, where this object lives.
    recforge::PipelineHooks hooks;
    hooks.stageStarted = [this](recforge::PipelineStage stage, int64_t runId) {
        QMetaObject::invokeMethod(
            this, [this, stage, runId] { Q_EMIT stageStarted(int(stage), qint64(runId)); },
            Qt::QueuedConnection);
    };
    hooks.stageFinished = [this](recforge::PipelineStage stage, int64_t runId,
                                 const recforge::Status &outcome) {
        const bool ok = bool(outcome);
        const QString message = ok ? QString() : QString::fromStdString(outcome.error().toString());
        QMetaObject::invokeMethod(
            this,
            [this, stage, runId, ok, message] {
                Q_EMIT stageFinished(int(stage), qint64(runId), ok, message);
            },
            Qt::QueuedConnection);
    };
    hooks.baselineStarted = [this](int64_t runId) {
        QMetaObject::invokeMethod(
            this, [this, runId] { Q_EMIT baselineStarted(qint64(runId)); }, Qt::QueuedConnection);
    };
    const std::string path = m_projectPath.toStdString();
    recforge::Expected<recforge::PipelineState> state =
        m_mode == Mode::Run ? recforge::runPipeline(path, m_params, observer, stop, hooks)
        : m_mode == Mode::Resume
            ? recforge::resumePipeline(path, m_params.name, observer, stop, hooks)
            : recforge::rerunPipelineStage(path, m_params.name, m_stage, observer, stop, hooks,
                                           m_params);
    if (!state)
        return tl::unexpected(state.error());
    m_state = std::move(*state);
    return {};
}

ListPipelinesJob::ListPipelinesJob(QString projectPath, std::shared_ptr<recforge::RunStore> store,
                                   QObject *parent)
    : Job(tr("List pipelines"), parent), m_projectPath(std::move(projectPath)),
      m_store(std::move(store))
{
}

recforge::Status ListPipelinesJob::execute(recforge::Observer &observer, recforge::StopToken)
{
    if (!reportStage(observer, "pipelines"))
        return recforge::makeError(recforge::ErrorCode::Cancelled, "cancelled");
    auto states = recforge::listPipelines(m_projectPath.toStdString());
    if (!states)
        return tl::unexpected(states.error());
    for (recforge::PipelineState &state : *states) {
        PipelineListing listing;
        for (int s = 0; s < recforge::kPipelineStages; ++s) {
            const int64_t id = state.runIds[size_t(s)];
            if (id <= 0)
                continue;
            if (auto run = m_store->run(id))
                listing.status[size_t(s)] = run->summary.status;
        }
        listing.state = std::move(state);
        m_pipelines.push_back(std::move(listing));
    }
    return {};
}

LoadRunSeriesJob::LoadRunSeriesJob(std::shared_ptr<recforge::RunStore> store, QList<qint64> runIds,
                                   QObject *parent)
    : Job(tr("Load curves"), parent), m_store(std::move(store)), m_runIds(std::move(runIds))
{
}

recforge::Status LoadRunSeriesJob::execute(recforge::Observer &observer, recforge::StopToken stop)
{
    recforge::ProgressReporter progress(observer, stop, "curves", m_runIds.size());
    int64_t done = 0;
    for (qint64 id : std::as_const(m_runIds)) {
        if (!progress.tick(done++))
            return recforge::makeError(recforge::ErrorCode::Cancelled, "cancelled");
        auto series = m_store->curves(id);
        if (!series)
            return tl::unexpected(series.error());
        m_series.insert(id, std::move(*series));
    }
    progress.finish();
    return {};
}

} // namespace recforge::ui
