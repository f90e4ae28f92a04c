#include "recommendjobs.h"

#include <mutex>

#include "store/project.h"
#include "store/runstore.h"

namespace recforge::ui {

ListTrainedRunsJob::ListTrainedRunsJob(QString projectPath, QObject *parent)
    : Job(tr("List trained models"), parent), m_projectPath(std::move(projectPath))
{
}

recforge::Status ListTrainedRunsJob::execute(recforge::Observer &observer, recforge::StopToken)
{
    if (!reportStage(observer, "runs"))
        return recforge::makeError(recforge::ErrorCode::Cancelled, "cancelled");
    auto project = recforge::Project::open(m_projectPath.toStdString(), false);
    if (!project)
        return tl::unexpected(project.error());
    recforge::RunStore::Options options;
    options.markInterruptedOnOpen = false; // listing never changes run states
    auto store = recforge::RunStore::open(**project, options);
    if (!store)
        return tl::unexpected(store.error());
    auto runs = recforge::listTrainedRuns(**store);
    if (!runs)
        return tl::unexpected(runs.error());
    m_runs = std::move(*runs);
    return {};
}

LoadRunModelJob::LoadRunModelJob(recforge::LoadRunParams params, int slot, QObject *parent)
    : Job(tr("Load model of run %1").arg(params.runId), parent), m_params(std::move(params)),
      m_slot(slot)
{
}

recforge::Status LoadRunModelJob::execute(recforge::Observer &observer, recforge::StopToken stop)
{
    auto model = recforge::loadRunModel(m_params, observer, stop);
    if (!model)
        return tl::unexpected(model.error());
    m_model = std::move(*model);
    return {};
}

RecommendJob::RecommendJob(std::vector<std::shared_ptr<recforge::RunModel>> models,
                           recforge::UserHistory history, recforge::RecommendParams params,
                           quint64 generation, QObject *parent)
    : Job(tr("Recommend"), parent), m_models(std::move(models)), m_history(std::move(history)),
      m_params(std::move(params)), m_generation(generation)
{
}

recforge::Status RecommendJob::execute(recforge::Observer &, recforge::StopToken stop)
{
    for (const auto &model : m_models) {
        if (stop.stopRequested())
            return recforge::makeError(recforge::ErrorCode::Cancelled, "cancelled");
        std::lock_guard lock(model->modelMutex);
        auto result = recforge::recommend(*model->model, *model->dataset, m_history, m_params,
                                          &model->explainer());
        if (!result)
            return tl::unexpected(result.error());
        m_results.push_back(std::move(*result));
    }
    return {};
}

} // namespace recforge::ui
