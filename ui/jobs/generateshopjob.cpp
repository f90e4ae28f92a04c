#include "generateshopjob.h"

#include <nlohmann/json.hpp>

#include "store/project.h"

namespace recforge::ui {

GenerateShopJob::GenerateShopJob(std::shared_ptr<recforge::Project> project,
                                 recforge::ShopParams params, QObject *parent)
    : Job(tr("Generate demo shop"), parent), m_project(std::move(project)),
      m_params(std::move(params))
{
}

recforge::Status GenerateShopJob::execute(recforge::Observer &observer, recforge::StopToken stop)
{
    auto dataset = recforge::generateShop(m_params, observer, stop);
    if (!dataset)
        return tl::unexpected(dataset.error());
    if (!reportStage(observer, "save") || stop.stopRequested())
        return recforge::makeError(recforge::ErrorCode::Cancelled, "generation cancelled");
    nlohmann::json metadata;
    metadata["generator"] = recforge::toJson(m_params);
    auto id = m_project->saveDataset(*dataset, recforge::ImportReport{}, "generator", true,
                                     metadata.dump());
    if (!id)
        return tl::unexpected(id.error());
    m_datasetId = *id;
    return {};
}

} // namespace recforge::ui
