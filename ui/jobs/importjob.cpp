#include "importjob.h"

#include <nlohmann/json.hpp>

#include "store/project.h"

namespace recforge::ui {

ImportJob::ImportJob(std::shared_ptr<recforge::Project> project, ImportRequest request,
                     QObject *parent)
    : Job(tr("Import"), parent), m_project(std::move(project)), m_request(std::move(request))
{
}

recforge::Status ImportJob::execute(recforge::Observer &observer, recforge::StopToken stop)
{
    auto imported = recforge::importDataset(m_request.options, observer, stop);
    if (!imported)
        return tl::unexpected(imported.error());
    recforge::Dataset &dataset = imported->dataset;
    m_report = std::move(imported->report);

    if (!reportStage(observer, "filter") || stop.stopRequested())
        return recforge::makeError(recforge::ErrorCode::Cancelled, "import cancelled");
    auto filtered = recforge::applyFilters(dataset, m_request.filter);
    if (!filtered)
        return tl::unexpected(filtered.error());
    m_filterReport = *filtered;
    if (dataset.interactions.size() == 0)
        return recforge::makeError(recforge::ErrorCode::Empty,
                                   "no interactions are left after filtering");

    std::optional<recforge::Split> split;
    if (m_request.split) {
        if (!reportStage(observer, "split"))
            return recforge::makeError(recforge::ErrorCode::Cancelled, "import cancelled");
        auto made = recforge::makeSplit(dataset, *m_request.split, stop);
        if (!made)
            return tl::unexpected(made.error());
        m_splitCounts = made->counts(dataset);
        split = std::move(*made);
    }

    // Last point where a stop leaves the project untouched.
    if (!reportStage(observer, "save") || stop.stopRequested())
        return recforge::makeError(recforge::ErrorCode::Cancelled, "import cancelled");
    nlohmann::json metadata;
    metadata["filter"] = recforge::toJson(m_request.filter);
    metadata["filterReport"] = recforge::toJson(m_filterReport);
    auto id = m_project->saveDataset(dataset, m_report, m_request.options.path,
                                     m_request.replaceExisting, metadata.dump());
    if (!id)
        return tl::unexpected(id.error());
    if (split) {
        const std::string name = m_request.split->name.empty()
                                     ? std::string(recforge::splitKindName(m_request.split->kind))
                                     : m_request.split->name;
        auto splitId = m_project->saveSplit(*id, *split, name);
        if (!splitId) {
            (void)m_project->deleteDataset(*id); // all or nothing
            return tl::unexpected(splitId.error());
        }
    }
    m_datasetId = *id;
    m_datasetName = dataset.name;
    m_users = dataset.userCount();
    m_items = dataset.itemCount();
    m_interactions = int64_t(dataset.interactions.size());
    return {};
}

} // namespace recforge::ui
