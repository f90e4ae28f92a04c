#include "trainrun.h"

#include <chrono>
#include <filesystem>

#include "eval/evaluator.h"
#include "experiment/metricrecord.h"
#include "experiment/runinputs.h"
#include "experiment/runlogger.h"
#include "experiment/trainrunhooks.h"
#include "models/itemfeatures.h"
#include "models/modelfactory.h"
#include "models/seqtransformer.h"
#include "runtime/runtime.h"
#include "store/project.h"
#include "store/runstore.h"
#include "train/seqpretrain.h"

namespace recforge {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

Error withField(Error e, const std::string &field)
{
    if (e.location.field.empty())
        e.location.field = field;
    return e;
}

// What the model needs from the dataset before fit(): the catalogue's side features when its params
// ask for them, the text encoder's item vectors, the pretrained encoder of a fine-tune.
Status prepareModel(Recommender &model, const Dataset &dataset, const TrainRunConfig &config)
{
    auto *seq = dynamic_cast<SeqTransformer *>(&model);
    if (!seq) {
        if (!config.pretrained.empty() || !config.textEncoder.empty())
            return makeError(
                ErrorCode::InvalidArgument,
                "model '" + config.model +
                    "' cannot start from a pretrained encoder or read text vectors "
                    "(sasrec and bert4rec can)",
                Location{"", 0, 0, config.pretrained.empty() ? "text_encoder" : "pretrained"});
        return {};
    }
    if (model.params().value("itemFeatures", false))
        seq->setItemFeatures(std::make_shared<ItemFeatures>(ItemFeatures::build(dataset)));
    if (!config.textEncoder.empty()) {
        auto vectors = itemTextVectors(config.textEncoder, dataset);
        if (!vectors)
            return tl::unexpected(withField(vectors.error(), "text_encoder"));
        seq->setTextVectors(*vectors);
    }
    if (!config.pretrained.empty()) {
        if (!std::filesystem::exists(config.pretrained))
            return makeError(ErrorCode::NotFound,
                             "pretrained encoder " + config.pretrained + " does not exist",
                             Location{config.pretrained, 0, 0, "pretrained"});
        seq->setPretrained(config.pretrained, config.finetune);
    }
    return {};
}

EvalOptions evalOptionsFor(const EvalSpec &spec, EvalStage stage, uint64_t seed)
{
    EvalOptions o;
    o.stage = stage;
    o.candidates = spec.candidates;
    o.negatives = spec.negatives;
    o.ks = spec.ks;
    o.seed = seed;
    return o;
}

// Fits, validates, evaluates and saves; the caller owns the run row and its final status.
Expected<TrainRunResult> fitAndEvaluate(RunStore &runs, int64_t runId, Recommender &model,
                                        const TrainingData &data, const TrainRunConfig &config,
                                        const std::string &device, RunLogger &logger,
                                        const std::string &resumeFrom, const TrainRunHooks &hooks,
                                        StopToken stop)
{
    TrainRunResult result;
    auto dir = runs.runArtifactsDir(runId);
    if (!dir)
        return tl::unexpected(dir.error());
    FitContext ctx(logger, stop);
    ctx.seed = config.seed;
    ctx.device = device;
    ctx.threads = config.runtime.threads;
    // Iterative models checkpoint every epoch (RunLogger records each with its sha256), so a run
    // killed mid-way resumes from its last epoch.
    ctx.checkpointDir = (std::filesystem::path(*dir) / "trainer").string();
    ctx.resume = !resumeFrom.empty();
    ctx.resumeFrom = resumeFrom;
    if (config.validateEachEpoch && data.hasStage(EvalStage::Validation)) {
        ctx.validate = [&, runId](Recommender &m, int epoch) -> Expected<double> {
            EvalOptions o;
            o.stage = EvalStage::Validation;
            o.ks = {10, 20};
            o.breakdown = false;
            o.maxUsers = config.validationUsers;
            o.seed = config.seed;
            NullObserver quiet;
            auto r = evaluate(m, data, o, quiet, stop);
            if (!r)
                return tl::unexpected(r.error());
            for (const MetricValue &v : r->overall.values) {
                if (v.name == "NDCG@10" || v.name == "HR@10" || v.name == "NDCG@20")
                    runs.appendCurvePoint(runId, "valid/" + v.name, logger.lastStep(), epoch,
                                          v.value);
            }
            return r->value("NDCG@10");
        };
    }
    if (hooks.beforeFit)
        if (auto ok = hooks.beforeFit(model, data); !ok)
            return tl::unexpected(ok.error());
    const auto fitStart = Clock::now();
    if (auto ok = model.fit(data, ctx); !ok)
        return tl::unexpected(ok.error());
    result.fitSeconds = secondsSince(fitStart);

    const auto evalStart = Clock::now();
    for (const EvalSpec &spec : config.evaluations) {
        auto r =
            evaluate(model, data, evalOptionsFor(spec, EvalStage::Test, config.seed), logger, stop);
        if (!r)
            return tl::unexpected(r.error());
        std::vector<MetricRecord> records;
        for (const MetricValue &v : r->overall.values) {
            result.metrics.push_back(v);
            records.push_back(toMetricRecord(v));
        }
        for (const MetricGroup &g : r->buckets)
            for (const MetricValue &v : g.values)
                records.push_back(toMetricRecord(v));
        runs.recordMetrics(runId, std::move(records));
    }
    result.evalSeconds = secondsSince(evalStart);

    result.checkpointPath = (std::filesystem::path(*dir) / "model.ckpt").string();
    if (auto ok = model.save(result.checkpointPath); !ok)
        return tl::unexpected(ok.error());
    auto ckpt = runs.recordCheckpoint(runId, 0, logger.lastStep(), result.checkpointPath, true);
    if (!ckpt)
        return tl::unexpected(ckpt.error());
    result.parameterCount = model.parameterCount();
    if (hooks.afterFit)
        if (auto ok = hooks.afterFit(runs, runId, model, data, result); !ok)
            return tl::unexpected(ok.error());
    return result;
}

struct RunOrigin {
    int64_t datasetId = 0, splitId = 0;
    std::string resumeFrom; // a trainer checkpoint (empty = a fresh run)
};

// Fits and evaluates inside run `runId` (running) and gives it its final status.
Expected<TrainRunResult> executeRun(RunStore &runs, int64_t runId, Recommender &model,
                                    const TrainingData &data, const TrainRunConfig &config,
                                    const std::string &device, const RunOrigin &origin,
                                    const TrainRunHooks &hooks, Observer &observer, StopToken stop)
{
    RunLogger logger(runs, runId, observer);
    Expected<TrainRunResult> result = makeError(ErrorCode::Internal, "not run");
    try {
        result = fitAndEvaluate(runs, runId, model, data, config, device, logger, origin.resumeFrom,
                                hooks, stop);
    } catch (const std::exception &e) {
        result = makeError(ErrorCode::Internal, std::string("training failed: ") + e.what());
    }
    if (!result) {
        const bool cancelled = result.error().code == ErrorCode::Cancelled || stop.stopRequested();
        runs.logMessage(runId, cancelled ? "info" : "error", result.error().toString());
        (void)runs.finishRun(runId, cancelled ? RunStatus::Cancelled : RunStatus::Failed,
                             result.error().toString());
        return result;
    }
    result->runId = runId;
    result->datasetId = origin.datasetId;
    result->splitId = origin.splitId;
    result->model = config.model;
    result->resolvedParams = model.params();
    if (auto ok = runs.finishRun(runId, RunStatus::Finished); !ok)
        return tl::unexpected(ok.error());
    return result;
}

} // namespace

Expected<TrainRunResult> runTraining(const std::string &projectPath, const TrainRunConfig &config,
                                     Observer &observer, StopToken stop)
{
    return runTrainingWith(projectPath, config, TrainRunHooks{}, observer, stop);
}

Expected<TrainRunResult> runTrainingWith(const std::string &projectPath,
                                         const TrainRunConfig &config, const TrainRunHooks &hooks,
                                         Observer &observer, StopToken stop)
{
    if (config.resumeRunId > 0)
        return resumeTrainingWith(projectPath, config.resumeRunId, hooks, observer, stop);
    auto device = applyRuntime(config.runtime);
    if (!device)
        return tl::unexpected(device.error());
    auto model = createModel(config.model, config.params);
    if (!model)
        return tl::unexpected(withField(model.error(), "params"));

    auto project = Project::open(projectPath, false);
    if (!project)
        return tl::unexpected(project.error());
    auto datasetId = resolveDataset(**project, config.dataset);
    if (!datasetId)
        return tl::unexpected(withField(datasetId.error(), "dataset"));
    ProgressReporter progress(observer, stop, "loading dataset", 0);
    progress.finish();
    auto dataset = (*project)->loadDataset(*datasetId);
    if (!dataset)
        return tl::unexpected(dataset.error());
    auto split = resolveSplit(**project, *datasetId, *dataset, config, stop);
    if (!split)
        return tl::unexpected(split.error());
    if (auto ok = prepareModel(**model, *dataset, config); !ok)
        return tl::unexpected(ok.error());
    TrainingDataOptions dataOptions;
    dataOptions.fitScope = config.fitScope;
    auto data = TrainingData::build(*dataset, split->second, dataOptions, stop);
    if (!data)
        return tl::unexpected(data.error());

    auto runs = RunStore::open(**project);
    if (!runs)
        return tl::unexpected(runs.error());
    RunSpec spec;
    spec.name = config.runName.empty() ? config.model + " on " + dataset->name : config.runName;
    spec.kind = hooks.kind == "train" && !config.pretrained.empty() ? "finetune" : hooks.kind;
    spec.parentRunId = hooks.parentRunId > 0 ? hooks.parentRunId : config.parentRunId;
    spec.model = config.model;
    nlohmann::json stored =
        hooks.extraParams.is_object() ? hooks.extraParams : nlohmann::json::object();
    stored["model"] = (*model)->params();
    stored["run"] = toJson(config);
    spec.paramsJson = stored.dump();
    spec.seed = config.seed;
    spec.datasetId = *datasetId;
    spec.splitId = split->first;
    spec.device = *device;
    auto runId = (*runs)->createRun(spec);
    if (!runId)
        return tl::unexpected(runId.error());
    if (hooks.runCreated)
        hooks.runCreated(*runId);
    return executeRun(**runs, *runId, **model, *data, config, *device,
                      {*datasetId, split->first, {}}, hooks, observer, stop);
}

Expected<TrainRunResult> resumeTraining(const std::string &projectPath, int64_t runId,
                                        Observer &observer, StopToken stop)
{
    return resumeTrainingWith(projectPath, runId, TrainRunHooks{}, observer, stop);
}

Expected<TrainRunResult> resumeTrainingWith(const std::string &projectPath, int64_t runId,
                                            const TrainRunHooks &hooks, Observer &observer,
                                            StopToken stop)
{
    auto opened = openStoredRun(projectPath, runId);
    if (!opened)
        return tl::unexpected(opened.error());
    auto &project = opened->project;
    auto &runs = opened->runs;
    const RunDetail *detail = &opened->detail;
    const std::string runText = "run " + std::to_string(runId);
    const nlohmann::json &stored = opened->params;
    const std::string &kind = detail->summary.kind;
    const bool kindMatches =
        hooks.kind == "train" ? (kind == "train" || kind == "finetune") : kind == hooks.kind;
    if (!kindMatches || stored.is_discarded() || !stored.contains("run") ||
        !stored.contains("model"))
        return makeError(ErrorCode::InvalidArgument,
                         runText + " is not a " +
                             (hooks.kind == "train" ? std::string("training") : hooks.kind) +
                             " run with a stored configuration");
    auto config = trainRunConfigFromJson(stored["run"]);
    if (!config)
        return tl::unexpected(config.error());
    config->params = stored["model"];
    config->params.erase("checkpointDir"); // a model parameter before it moved into FitContext
    if (detail->summary.status == RunStatus::Running ||
        detail->summary.status == RunStatus::Finished)
        return makeError(ErrorCode::InvalidArgument,
                         runText + " is " + runStatusName(detail->summary.status) +
                             "; only interrupted, failed or cancelled runs resume");
    if (detail->summary.datasetId == 0 || detail->summary.splitId == 0)
        return makeError(ErrorCode::NotFound, runText + ": its dataset or split was deleted");
    auto device = applyRuntime(config->runtime);
    if (!device)
        return tl::unexpected(device.error());
    auto model = createModel(config->model, config->params);
    if (!model)
        return tl::unexpected(withField(model.error(), "params"));
    auto dataset = project->loadDataset(detail->summary.datasetId);
    if (!dataset)
        return tl::unexpected(dataset.error());
    auto split = project->loadSplit(detail->summary.splitId);
    if (!split)
        return tl::unexpected(split.error());
    if (auto ok = prepareModel(**model, *dataset, *config); !ok)
        return tl::unexpected(ok.error());
    TrainingDataOptions dataOptions;
    dataOptions.fitScope = config->fitScope;
    auto data = TrainingData::build(*dataset, *split, dataOptions, stop);
    if (!data)
        return tl::unexpected(data.error());
    auto point = runs->resumableCheckpoint(runId);
    if (!point)
        return tl::unexpected(point.error());
    if (std::filesystem::path(point->absolutePath).filename().string().rfind("trainer-e", 0) != 0)
        return makeError(ErrorCode::NotFound,
                         runText + " has no trainer checkpoint to resume from (only " +
                             point->absolutePath + ")");
    if (auto resumed = runs->resumeRun(runId); !resumed) // back to running, owned by us
        return tl::unexpected(resumed.error());
    for (const Warning &w : point->skipped)
        observer.onMessage(w.message);
    return executeRun(*runs, runId, **model, *data, *config, *device,
                      {detail->summary.datasetId, detail->summary.splitId, point->absolutePath},
                      hooks, observer, stop);
}

} // namespace recforge
