#include "runinputs.h"

#include "data/dataset.h"
#include "store/project.h"

namespace recforge {

// Loads or creates the split the config names. Returns (split id, split).
Expected<std::pair<int64_t, Split>> resolveSplit(Project &project, int64_t datasetId,
                                                 const Dataset &dataset,
                                                 const TrainRunConfig &config, StopToken stop)
{
    auto splits = project.listSplits(datasetId);
    if (!splits)
        return tl::unexpected(splits.error());
    const std::string wanted =
        !config.splitName.empty()
            ? config.splitName
            : (!config.split.name.empty() ? config.split.name
                                          : std::string(splitKindName(config.split.kind)) +
                                                "-seed" + std::to_string(config.split.seed));
    for (const SplitSummary &s : *splits) {
        if (s.name != wanted)
            continue;
        auto split = project.loadSplit(s.id);
        if (!split)
            return tl::unexpected(split.error());
        return std::make_pair(s.id, std::move(*split));
    }
    if (!config.splitName.empty())
        return makeError(ErrorCode::NotFound,
                         "dataset '" + dataset.name + "' has no split named '" + wanted + "'",
                         Location{"", 0, 0, "split"});
    auto split = makeSplit(dataset, config.split, stop);
    if (!split)
        return tl::unexpected(split.error());
    auto id = project.saveSplit(datasetId, *split, wanted);
    if (!id)
        return tl::unexpected(id.error());
    return std::make_pair(*id, std::move(*split));
}

Expected<int64_t> resolveDataset(Project &project, const std::string &name)
{
    if (!name.empty())
        return project.findDataset(name);
    auto all = project.listDatasets();
    if (!all)
        return tl::unexpected(all.error());
    if (all->empty())
        return makeError(ErrorCode::NotFound, "project " + project.path() + " has no dataset",
                         Location{"", 0, 0, "dataset"});
    return all->back().id;
}

Expected<ProjectStore> openProjectStore(const std::string &projectPath)
{
    auto project = Project::open(projectPath, false);
    if (!project)
        return tl::unexpected(project.error());
    auto runs = RunStore::open(**project);
    if (!runs)
        return tl::unexpected(runs.error());
    return ProjectStore{std::move(*project), std::move(*runs)};
}

Expected<StoredRun> openStoredRun(const std::string &projectPath, int64_t runId)
{
    auto opened = openProjectStore(projectPath);
    if (!opened)
        return tl::unexpected(opened.error());
    auto detail = opened->runs->run(runId);
    if (!detail)
        return tl::unexpected(detail.error());
    StoredRun out;
    static_cast<ProjectStore &>(out) = std::move(*opened);
    out.params = nlohmann::json::parse(detail->paramsJson, nullptr, false);
    out.detail = std::move(*detail);
    return out;
}

Expected<RunInputs> openRunInputs(const std::string &projectPath, const TrainRunConfig &run,
                                  int64_t datasetId, int64_t splitId, int64_t *splitOut,
                                  StopToken stop)
{
    RunInputs in;
    auto opened = openProjectStore(projectPath);
    if (!opened)
        return tl::unexpected(opened.error());
    in.project = std::move(opened->project);
    in.runs = std::move(opened->runs);
    if (datasetId == 0) {
        auto id = resolveDataset(*in.project, run.dataset);
        if (!id)
            return tl::unexpected(id.error());
        datasetId = *id;
    }
    in.datasetId = datasetId;
    auto dataset = in.project->loadDataset(datasetId);
    if (!dataset)
        return tl::unexpected(dataset.error());
    in.dataset = std::move(*dataset);
    Split split;
    if (splitId == 0) {
        auto resolved = resolveSplit(*in.project, datasetId, in.dataset, run, stop);
        if (!resolved)
            return tl::unexpected(resolved.error());
        splitId = resolved->first;
        split = std::move(resolved->second);
    } else {
        auto loaded = in.project->loadSplit(splitId);
        if (!loaded)
            return tl::unexpected(loaded.error());
        split = std::move(*loaded);
    }
    *splitOut = splitId;
    TrainingDataOptions options;
    options.fitScope = run.fitScope;
    auto data = TrainingData::build(in.dataset, split, options, stop);
    if (!data)
        return tl::unexpected(data.error());
    in.data = std::make_unique<TrainingData>(std::move(*data));
    return in;
}

RunSpec stageRunSpec(const TrainRunConfig &run, const std::string &kind, const std::string &name,
                     const nlohmann::json &storedParams, const RunInputs &inputs, int64_t splitId,
                     const std::string &device)
{
    RunSpec spec;
    spec.name = run.runName.empty() ? name : run.runName;
    spec.kind = kind;
    spec.model = run.model;
    spec.paramsJson = storedParams.dump();
    spec.seed = run.seed;
    spec.datasetId = inputs.datasetId;
    spec.splitId = splitId;
    spec.device = device;
    spec.parentRunId = run.parentRunId;
    return spec;
}

} // namespace recforge
