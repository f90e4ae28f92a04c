#include "pairfinetunerun.h"

#include <cmath>

#include "experiment/runinputs.h"
#include "experiment/runlogger.h"
#include "models/itemfeatures.h"
#include "runtime/runtime.h"
#include "train/finetunepairs.h"
#include "train/seqpretrain.h"

namespace recforge {

namespace {

std::vector<MetricRecord> finalMetrics(const PairFinetuneResult &r)
{
    std::vector<MetricRecord> out;
    auto add = [&](const char *name, double value) {
        if (std::isnan(value))
            return;
        MetricRecord m;
        m.name = name;
        m.value = value;
        m.stage = "test";
        out.push_back(m);
    };
    if (r.task == PairTask::Classification) {
        add("AUC", r.auc);
        add("LogLoss", r.logLoss);
        add("initial/AUC", r.initialAuc);
        add("initial/LogLoss", r.initialLogLoss);
    } else {
        add("RMSE", r.rmse);
        add("MAE", r.mae);
        add("initial/RMSE", r.initialRmse);
        add("initial/MAE", r.initialMae);
    }
    return out;
}

} // namespace

Expected<PairFinetuneRunResult> runPairFinetuning(const std::string &projectPath,
                                                  const PairFinetuneRunConfig &given,
                                                  Observer &observer, StopToken stop)
{
    PairFinetuneRunConfig config = given;
    if (config.params.model.empty())
        config.params.model = config.run.params;
    if (config.params.pretrained.empty())
        config.params.pretrained = config.run.pretrained;
    if (auto ok = config.params.validate(); !ok)
        return tl::unexpected(ok.error());
    auto device = applyRuntime(config.run.runtime);
    if (!device)
        return tl::unexpected(device.error());
    config.params.train.device = *device;
    config.params.train.threads = config.run.runtime.threads;
    config.params.train.seed = config.run.seed;
    int64_t splitId = 0;
    auto in = openRunInputs(projectPath, config.run, 0, 0, &splitId, stop);
    if (!in)
        return tl::unexpected(in.error());
    SeqPretrainInputs inputs;
    if (config.params.model.value("itemFeatures", false))
        inputs.features = std::make_shared<ItemFeatures>(ItemFeatures::build(in->dataset));
    if (!config.run.textEncoder.empty()) {
        auto text = itemTextVectors(config.run.textEncoder, in->dataset);
        if (!text)
            return tl::unexpected(text.error());
        inputs.textVectors = *text;
    }
    const char *task =
        config.params.task == PairTask::Classification ? "classification" : "regression";
    const RunSpec spec = stageRunSpec(
        config.run, "finetune", std::string(task) + " fine-tune on " + in->dataset.name,
        {{"pair_finetune", toJson(config.params)}, {"run", toJson(config.run)}}, *in, splitId,
        *device);
    auto runId = in->runs->createRun(spec);
    if (!runId)
        return tl::unexpected(runId.error());
    RunLogger logger(*in->runs, *runId, observer);
    logger.setEpochMetricsPrefix("valid/");
    Expected<PairFinetuneResult> r = makeError(ErrorCode::Internal, "not run");
    try {
        r = finetunePairs(config.params, *in->data, inputs, logger, stop);
    } catch (const std::exception &e) {
        r = makeError(ErrorCode::Internal, std::string("fine-tuning failed: ") + e.what());
    }
    if (!r) {
        const bool cancelled = r.error().code == ErrorCode::Cancelled || stop.stopRequested();
        (void)in->runs->finishRun(*runId, cancelled ? RunStatus::Cancelled : RunStatus::Failed,
                                  r.error().toString());
        return tl::unexpected(r.error());
    }
    in->runs->recordMetrics(*runId, finalMetrics(*r));
    if (auto ok = in->runs->finishRun(*runId, RunStatus::Finished); !ok)
        return tl::unexpected(ok.error());
    return PairFinetuneRunResult{*runId, *r};
}

} // namespace recforge
