#include "pretrainrun.h"

#include <filesystem>

#include "experiment/runinputs.h"
#include "experiment/runlogger.h"
#include "models/trainingdata.h"
#include "runtime/runtime.h"
#include "store/project.h"
#include "store/runstore.h"
#include "train/mlmpretrain.h"
#include "train/seqpretrain.h"

namespace recforge {

namespace {

namespace fs = std::filesystem;

tl::unexpected<Error> badKey(const std::string &key, const std::string &message)
{
    return makeError(ErrorCode::InvalidArgument, message, Location{"", 0, 0, key});
}

// The text stage (kept when its folder is complete), then behaviour pretraining, inside run
// `runId`; resumeFrom = a trainer checkpoint or empty.
Expected<PretrainRunResult> pretrainInRun(RunInputs &in, int64_t runId, PretrainRunConfig config,
                                          const std::string &device, const std::string &resumeFrom,
                                          Observer &observer, StopToken stop)
{
    RunStore &runs = *in.runs;
    auto artifacts = runs.runArtifactsDir(runId);
    if (!artifacts)
        return tl::unexpected(artifacts.error());
    const std::string &dir = *artifacts;
    PretrainRunResult out;
    out.runId = runId;
    RunLogger logger(runs, runId, observer);
    logger.setEpochMetricsPrefix("objective/");
    if (config.textPretrain) {
        out.textEncoderDir = (fs::path(dir) / "text-encoder").string();
        if (!fs::exists(fs::path(out.textEncoderDir) / "config.json")) {
            config.text.outputDir = out.textEncoderDir;
            config.text.train.device = device;
            config.text.train.threads = config.run.runtime.threads;
            logger.onMessage("pretraining the text encoder on the catalogue text");
            auto text = runMlmPretraining(config.text, in.dataset, observer, stop);
            if (!text)
                return tl::unexpected(text.error());
            for (size_t e = 0; e < text->epochLosses.size(); ++e)
                runs.appendCurvePoint(runId, "text/loss", 0, int(e + 1), text->epochLosses[e]);
            for (size_t e = 0; e < text->epochAccuracies.size(); ++e)
                runs.appendCurvePoint(runId, "text/masked_accuracy", 0, int(e + 1),
                                      text->epochAccuracies[e]);
        } else {
            logger.onMessage("text encoder kept from " + out.textEncoderDir);
        }
        config.params.textEncoder = out.textEncoderDir;
    }
    out.encoderPath = (fs::path(dir) / "encoder.pt").string();
    config.params.outputPath = out.encoderPath;
    config.params.train.checkpointDir = (fs::path(dir) / "trainer").string();
    config.params.train.resume = !resumeFrom.empty();
    config.params.train.resumeFrom = resumeFrom;
    config.params.train.device = device;
    config.params.train.threads = config.run.runtime.threads;
    config.params.train.seed = config.run.seed;
    auto result = runSequencePretraining(config.params, in.dataset, *in.data, logger, stop);
    if (!result)
        return tl::unexpected(result.error());
    out.result = *result;
    auto recorded = runs.recordCheckpoint(runId, 0, logger.lastStep(), out.encoderPath, true);
    if (!recorded)
        return tl::unexpected(recorded.error());
    std::vector<MetricRecord> metrics;
    for (const auto &[name, losses] : result->objectiveLosses) {
        if (losses.empty())
            continue;
        MetricRecord m;
        m.name = name;
        m.value = losses.back();
        m.stage = "train";
        metrics.push_back(m);
    }
    MetricRecord params;
    params.name = "Parameters";
    params.value = double(result->parameterCount);
    params.stage = "train";
    metrics.push_back(params);
    runs.recordMetrics(runId, std::move(metrics));
    return out;
}

Expected<PretrainRunResult> finishInRun(RunInputs &in, int64_t runId,
                                        const PretrainRunConfig &config, const std::string &device,
                                        const std::string &resumeFrom, Observer &observer,
                                        StopToken stop)
{
    Expected<PretrainRunResult> result = makeError(ErrorCode::Internal, "not run");
    try {
        result = pretrainInRun(in, runId, config, device, resumeFrom, observer, stop);
    } catch (const std::exception &e) {
        result = makeError(ErrorCode::Internal, std::string("pretraining failed: ") + e.what());
    }
    if (!result) {
        const bool cancelled = result.error().code == ErrorCode::Cancelled || stop.stopRequested();
        in.runs->logMessage(runId, cancelled ? "info" : "error", result.error().toString());
        (void)in.runs->finishRun(runId, cancelled ? RunStatus::Cancelled : RunStatus::Failed,
                                 result.error().toString());
        return result;
    }
    if (auto ok = in.runs->finishRun(runId, RunStatus::Finished); !ok)
        return tl::unexpected(ok.error());
    return result;
}

// A stored pretrain run and its configuration. InvalidArgument when it is not one.
Expected<std::pair<RunDetail, PretrainRunConfig>> storedPretrainRun(const RunStore &store,
                                                                    int64_t runId)
{
    auto detail = store.run(runId);
    if (!detail)
        return tl::unexpected(detail.error());
    const auto stored = nlohmann::json::parse(detail->paramsJson, nullptr, false);
    if (detail->summary.kind != "pretrain" || stored.is_discarded() || !stored.contains("pretrain"))
        return badKey("pretrain_run", "run " + std::to_string(runId) +
                                          " is not a pretraining run with a stored configuration");
    auto config = pretrainRunConfigFromJson(stored["pretrain"]);
    if (!config)
        return tl::unexpected(config.error());
    return std::make_pair(std::move(*detail), std::move(*config));
}

} // namespace

nlohmann::json toJson(const PretrainRunConfig &c)
{
    nlohmann::json j = {
        {"run", toJson(c.run)}, {"pretrain", toJson(c.params)}, {"text_pretrain", c.textPretrain}};
    if (c.textPretrain)
        j["text"] = toJson(c.text);
    return j;
}

Expected<PretrainRunConfig> pretrainRunConfigFromJson(const nlohmann::json &j)
{
    if (!j.is_object())
        return badKey("", "the pretraining config must be a JSON object");
    PretrainRunConfig c;
    for (auto it = j.begin(); it != j.end(); ++it)
        if (it.key() != "run" && it.key() != "pretrain" && it.key() != "text_pretrain" &&
            it.key() != "text")
            return badKey(it.key(), "unknown key '" + it.key() + "' in the pretraining config");
    if (j.contains("run")) {
        auto run = trainRunConfigFromJson(j["run"]);
        if (!run)
            return tl::unexpected(run.error());
        c.run = *run;
    }
    if (j.contains("pretrain")) {
        auto p = pretrainParamsFromJson(j["pretrain"]);
        if (!p)
            return tl::unexpected(p.error());
        c.params = *p;
    }
    if (j.contains("text_pretrain")) {
        if (!j["text_pretrain"].is_boolean())
            return badKey("text_pretrain", "'text_pretrain' must be true or false");
        c.textPretrain = j["text_pretrain"].get<bool>();
    }
    if (j.contains("text")) {
        auto t = mlmParamsFromJson(j["text"]);
        if (!t)
            return tl::unexpected(t.error());
        c.text = *t;
    }
    return c;
}

Expected<PretrainRunResult> runPretraining(const std::string &projectPath,
                                           const PretrainRunConfig &given, Observer &observer,
                                           StopToken stop,
                                           const std::function<void(int64_t)> &runCreated)
{
    PretrainRunConfig config = given;
    if (config.run.model != "sasrec" && config.run.model != "bert4rec")
        return badKey("model", "pretraining needs a sequential transformer (sasrec or "
                               "bert4rec), not '" +
                                   config.run.model + "'");
    if (config.params.model.empty())
        config.params.model = config.run.params;
    if (auto ok = config.params.validate(); !ok)
        return tl::unexpected(ok.error());
    auto device = applyRuntime(config.run.runtime);
    if (!device)
        return tl::unexpected(device.error());
    int64_t splitId = 0;
    auto in = openRunInputs(projectPath, config.run, 0, 0, &splitId, stop);
    if (!in)
        return tl::unexpected(in.error());
    const RunSpec spec = stageRunSpec(config.run, "pretrain",
                                      "pretrain " + config.run.model + " on " + in->dataset.name,
                                      {{"pretrain", toJson(config)}}, *in, splitId, *device);
    auto runId = in->runs->createRun(spec);
    if (!runId)
        return tl::unexpected(runId.error());
    if (runCreated)
        runCreated(*runId);
    return finishInRun(*in, *runId, config, *device, {}, observer, stop);
}

Expected<PretrainRunResult> resumePretraining(const std::string &projectPath, int64_t runId,
                                              Observer &observer, StopToken stop)
{
    const std::string runText = "run " + std::to_string(runId);
    auto store = RunStore::open(projectPath);
    if (!store)
        return tl::unexpected(store.error());
    auto found = storedPretrainRun(**store, runId);
    if (!found)
        return tl::unexpected(found.error());
    const RunDetail *detail = &found->first;
    const PretrainRunConfig *config = &found->second;
    if (detail->summary.status == RunStatus::Running ||
        detail->summary.status == RunStatus::Finished)
        return makeError(ErrorCode::InvalidArgument,
                         runText + " is " + runStatusName(detail->summary.status) +
                             "; only interrupted, failed or cancelled runs resume");
    if (detail->summary.datasetId == 0 || detail->summary.splitId == 0)
        return makeError(ErrorCode::NotFound, runText + ": its dataset or split was deleted");
    auto device = applyRuntime(config->run.runtime);
    if (!device)
        return tl::unexpected(device.error());
    store->reset(); // the inputs open their own store
    int64_t splitId = 0;
    auto in = openRunInputs(projectPath, config->run, detail->summary.datasetId,
                            detail->summary.splitId, &splitId, stop);
    if (!in)
        return tl::unexpected(in.error());
    // A run cancelled before its first epoch ended has no checkpoint: NotFound, run it again.
    std::string resumeFrom;
    auto point = in->runs->resumableCheckpoint(runId);
    if (point && fs::path(point->absolutePath).filename().string().rfind("trainer-e", 0) == 0)
        resumeFrom = point->absolutePath;
    if (resumeFrom.empty())
        return makeError(ErrorCode::NotFound,
                         runText + " has no trainer checkpoint to resume from; run it again");
    if (auto resumed = in->runs->resumeRun(runId); !resumed)
        return tl::unexpected(resumed.error());
    for (const Warning &w : point->skipped)
        observer.onMessage(w.message);
    return finishInRun(*in, runId, *config, *device, resumeFrom, observer, stop);
}

Expected<PretrainedEncoder> pretrainedEncoder(const std::string &projectPath, int64_t runId)
{
    const std::string runText = "run " + std::to_string(runId);
    auto store = RunStore::open(projectPath);
    if (!store)
        return tl::unexpected(store.error());
    auto found = storedPretrainRun(**store, runId);
    if (!found)
        return tl::unexpected(found.error());
    const RunDetail *detail = &found->first;
    const PretrainRunConfig *config = &found->second;
    PretrainedEncoder out;
    out.runId = runId;
    const fs::path dir = fs::path((*store)->artifactsDir()) / "runs" / std::to_string(runId);
    out.encoderPath = (dir / "encoder.pt").string();
    if (detail->summary.status != RunStatus::Finished || !fs::exists(out.encoderPath))
        return makeError(ErrorCode::NotFound,
                         runText + " has no pretrained encoder (status " +
                             runStatusName(detail->summary.status) + ")",
                         Location{out.encoderPath, 0, 0, "pretrain_run"});
    if (config->textPretrain && fs::exists(dir / "text-encoder" / "config.json"))
        out.textEncoderDir = (dir / "text-encoder").string();
    out.model = config->run.model;
    out.params = config->params.model.empty() ? config->run.params : config->params.model;
    return out;
}

} // namespace recforge
