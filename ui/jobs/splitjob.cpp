#include "splitjob.h"

#include "store/project.h"

namespace recforge::ui {

SplitJob::SplitJob(std::shared_ptr<recforge::Project> project, int64_t datasetId,
                   std::shared_ptr<const recforge::Dataset> dataset, recforge::SplitParams params,
                   QObject *parent)
    : Job(tr("Make split"), parent), m_project(std::move(project)), m_datasetId(datasetId),
      m_dataset(std::move(dataset)), m_params(std::move(params))
{
}

recforge::Status SplitJob::execute(recforge::Observer &observer, recforge::StopToken stop)
{
    if (!reportStage(observer, "split"))
        return recforge::makeError(recforge::ErrorCode::Cancelled, "cancelled");
    auto split = recforge::makeSplit(*m_dataset, m_params, stop);
    if (!split)
        return tl::unexpected(split.error());
    m_counts = split->counts(*m_dataset);
    if (!reportStage(observer, "save") || stop.stopRequested())
        return recforge::makeError(recforge::ErrorCode::Cancelled, "cancelled");
    const std::string name =
        m_params.name.empty() ? std::string(recforge::splitKindName(m_params.kind)) : m_params.name;
    auto id = m_project->saveSplit(m_datasetId, *split, name);
    if (!id)
        return tl::unexpected(id.error());
    m_splitId = *id;
    return {};
}

} // namespace recforge::ui
