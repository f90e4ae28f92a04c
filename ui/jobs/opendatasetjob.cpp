#include "opendatasetjob.h"

#include "store/project.h"

namespace recforge::ui {

OpenDatasetJob::OpenDatasetJob(std::shared_ptr<recforge::Project> project, int64_t datasetId,
                               QObject *parent)
    : Job(tr("Open dataset"), parent), m_project(std::move(project)), m_datasetId(datasetId)
{
}

recforge::Status OpenDatasetJob::execute(recforge::Observer &observer, recforge::StopToken stop)
{
    if (!reportStage(observer, "load"))
        return recforge::makeError(recforge::ErrorCode::Cancelled, "cancelled");
    auto dataset = m_project->loadDataset(m_datasetId);
    if (!dataset)
        return tl::unexpected(dataset.error());
    auto report = m_project->loadImportReport(m_datasetId);
    if (!report)
        return tl::unexpected(report.error());
    if (!reportStage(observer, "statistics") || stop.stopRequested())
        return recforge::makeError(recforge::ErrorCode::Cancelled, "cancelled");
    auto stats = std::make_shared<recforge::DatasetStats>(recforge::computeStats(*dataset));
    m_dataset = std::make_shared<const recforge::Dataset>(std::move(*dataset));
    m_report = std::make_shared<const recforge::ImportReport>(std::move(*report));
    m_stats = std::move(stats);
    return {};
}

} // namespace recforge::ui
