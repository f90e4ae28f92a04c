#include "runexport.h"

#include "io/report.h"
#include "models/modelfactory.h"
#include "store/project.h"
#include "store/runstore.h"

namespace recforge {

Expected<ExportResult> exportRun(const std::string &projectPath, int64_t runId,
                                 ExportOptions options, Observer &observer, StopToken stop)
{
    auto project = Project::open(projectPath, false);
    if (!project)
        return tl::unexpected(project.error());
    RunStore::Options storeOptions;
    storeOptions.markInterruptedOnOpen = false; // exporting never changes run states
    auto runs = RunStore::open(**project, storeOptions);
    if (!runs)
        return tl::unexpected(runs.error());
    auto detail = (*runs)->run(runId);
    if (!detail)
        return tl::unexpected(detail.error());
    // Same choice as evaluateRun: the best checkpoint, else the one with the highest step.
    const CheckpointInfo *best = nullptr;
    for (const CheckpointInfo &c : detail->checkpoints)
        if (!best || c.isBest || (!best->isBest && c.step >= best->step))
            best = &c;
    if (!best)
        return makeError(ErrorCode::NotFound,
                         "run " + std::to_string(runId) + " has no checkpoint");
    if (detail->summary.datasetId == 0)
        return makeError(ErrorCode::NotFound,
                         "run " + std::to_string(runId) + " has no dataset (deleted?)");
    const std::string checkpoint = (*runs)->artifactsDir() + "/" + best->path;
    auto model = loadModel(checkpoint);
    if (!model)
        return tl::unexpected(model.error());
    if (stop.stopRequested())
        return makeError(ErrorCode::Cancelled, "export cancelled");
    auto dataset = (*project)->loadDataset(detail->summary.datasetId);
    if (!dataset)
        return tl::unexpected(dataset.error());
    if (options.extra.is_null())
        options.extra = {{"project", projectPath},
                         {"run", runId},
                         {"runName", detail->summary.name},
                         {"checkpoint", best->path},
                         {"checkpointEpoch", best->epoch}};
    if (options.report) {
        auto curves = (*runs)->curves(runId);
        if (!curves)
            return tl::unexpected(curves.error());
        options.extraFiles.emplace_back("report.html", renderRunReport(*detail, *curves));
    }
    return exportModel(**model, *dataset, options, observer, stop);
}

} // namespace recforge
