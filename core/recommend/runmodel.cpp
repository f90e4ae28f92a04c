#include "runmodel.h"

#include <filesystem>

#include "experiment/trainrun.h"
#include "models/interactionmatrix.h"
#include "models/modelfactory.h"
#include "models/recommender.h"
#include "models/trainingdata.h"
#include "store/project.h"
#include "store/runstore.h"

namespace recforge {

namespace {

// The checkpoint that holds the fitted model: the best one, else the newest.
std::optional<CheckpointInfo> modelCheckpoint(const RunDetail &detail)
{
    std::optional<CheckpointInfo> best;
    for (const CheckpointInfo &c : detail.checkpoints)
        if (!best || c.isBest || (!best->isBest && c.step >= best->step))
            best = c;
    return best;
}

std::string absoluteCheckpoint(const std::string &artifactsDir, const std::string &path)
{
    const std::filesystem::path p(path);
    return p.is_absolute() ? p.string() : (std::filesystem::path(artifactsDir) / p).string();
}

Expected<std::optional<TrainedRun>> trainedRunOf(const RunStore &store, const RunSummary &s)
{
    if (s.status != RunStatus::Finished || s.datasetId == 0)
        return std::optional<TrainedRun>{};
    auto detail = store.run(s.id);
    if (!detail)
        return tl::unexpected(detail.error());
    const auto checkpoint = modelCheckpoint(*detail);
    if (!checkpoint)
        return std::optional<TrainedRun>{};
    TrainedRun run;
    run.runId = s.id;
    run.name = s.name;
    run.model = s.model;
    run.datasetId = s.datasetId;
    run.splitId = s.splitId;
    run.checkpoint = absoluteCheckpoint(store.artifactsDir(), checkpoint->path);
    run.createdAt = s.createdAt;
    return std::optional<TrainedRun>(std::move(run));
}

FitScope fitScopeOf(const std::string &paramsJson)
{
    const auto json = nlohmann::json::parse(paramsJson, nullptr, false);
    if (json.is_object() && json.contains("run"))
        if (auto config = trainRunConfigFromJson(json["run"]))
            return config->fitScope;
    return FitScope::Train;
}

} // namespace

Expected<std::vector<TrainedRun>> listTrainedRuns(const RunStore &store)
{
    RunFilter filter;
    filter.status = RunStatus::Finished;
    auto runs = store.listRuns(filter);
    if (!runs)
        return tl::unexpected(runs.error());
    std::vector<TrainedRun> out;
    for (const RunSummary &s : *runs) {
        auto run = trainedRunOf(store, s);
        if (!run)
            return tl::unexpected(run.error());
        if (*run)
            out.push_back(std::move(**run));
    }
    return out;
}

EmbeddingMatrix itemEmbeddingsOf(const Recommender &model)
{
    EmbeddingMatrix out;
    torch::NoGradGuard noGrad;
    const torch::Tensor e = model.itemEmbeddings();
    if (!e.defined() || e.dim() != 2 || e.size(0) == 0 || e.size(1) == 0)
        return out;
    const torch::Tensor cpu = e.detach().to(torch::kCPU, torch::kFloat32).contiguous();
    out.rows = int32_t(cpu.size(0));
    out.dim = int32_t(cpu.size(1));
    out.values.assign(cpu.data_ptr<float>(), cpu.data_ptr<float>() + cpu.numel());
    return out;
}

Expected<std::shared_ptr<RunModel>> loadRunModel(const LoadRunParams &params, Observer &observer,
                                                 StopToken stop)
{
    ProgressReporter progress(observer, stop, "opening run", 0);
    auto cancelled = [] { return makeError(ErrorCode::Cancelled, "cancelled"); };
    auto project = Project::open(params.projectPath, false);
    if (!project)
        return tl::unexpected(project.error());
    RunStore::Options storeOptions;
    storeOptions.markInterruptedOnOpen = false; // a viewer never changes run states
    auto store = RunStore::open(**project, storeOptions);
    if (!store)
        return tl::unexpected(store.error());
    auto detail = (*store)->run(params.runId);
    if (!detail)
        return tl::unexpected(detail.error());
    if (detail->summary.status != RunStatus::Finished)
        return makeError(ErrorCode::InvalidArgument,
                         "run " + std::to_string(params.runId) + " is " +
                             runStatusName(detail->summary.status) + ", not finished");
    auto trained = trainedRunOf(**store, detail->summary);
    if (!trained)
        return tl::unexpected(trained.error());
    if (!*trained)
        return makeError(ErrorCode::NotFound,
                         "run " + std::to_string(params.runId) + " has no model checkpoint");

    auto result = std::make_shared<RunModel>();
    result->run = std::move(**trained);
    const TrainedRun &run = result->run;

    progress.setStage("loading dataset", 0);
    if (!progress.finish())
        return cancelled();
    if (params.knownDataset && params.knownDatasetId == run.datasetId) {
        result->dataset = params.knownDataset;
        result->sequences = params.knownSequences;
    } else {
        auto dataset = (*project)->loadDataset(run.datasetId);
        if (!dataset)
            return tl::unexpected(dataset.error());
        result->dataset = std::make_shared<const Dataset>(std::move(*dataset));
    }
    if (!result->sequences)
        result->sequences =
            std::make_shared<const UserSequences>(UserSequences::build(*result->dataset));
    auto split = (*project)->loadSplit(run.splitId);
    if (!split)
        return tl::unexpected(split.error());
    result->split = std::make_shared<const Split>(std::move(*split));

    progress.setStage("similarities", 0);
    if (!progress.finish())
        return cancelled();
    TrainingDataOptions options;
    options.fitScope = fitScopeOf(detail->paramsJson);
    auto data = TrainingData::build(*result->dataset, *result->split, options, stop);
    if (!data)
        return tl::unexpected(data.error());
    result->cooccurrence =
        ItemSimilarity::fromInteractions(InteractionMatrix::build(*data, Feedback::Binary));

    progress.setStage("loading model", 0);
    if (!progress.finish())
        return cancelled();
    try {
        auto model = loadModel(run.checkpoint);
        if (!model)
            return tl::unexpected(model.error());
        result->model = std::shared_ptr<Recommender>(std::move(*model));
        if (result->model->itemCount() != result->dataset->itemCount())
            return makeError(ErrorCode::InvalidArgument,
                             "the model scores " + std::to_string(result->model->itemCount()) +
                                 " items but its dataset has " +
                                 std::to_string(result->dataset->itemCount()));
        if (auto *module = result->model->module())
            module->eval();
        const EmbeddingMatrix embeddings = itemEmbeddingsOf(*result->model);
        if (embeddings.rows == result->dataset->itemCount()) {
            result->embedding = ItemSimilarity::fromEmbeddings(embeddings);
            progress.setStage("item map", 0);
            if (!progress.finish())
                return cancelled();
            auto map = buildItemMap(embeddings, *result->dataset);
            if (map)
                result->itemMap = std::move(*map);
        }
    } catch (const std::exception &e) {
        return makeError(ErrorCode::Internal, std::string("loading the model: ") + e.what());
    }
    return result;
}

} // namespace recforge
