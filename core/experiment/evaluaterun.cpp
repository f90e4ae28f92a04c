#include "evaluaterun.h"

#include "eval/evaluator.h"
#include "experiment/metricrecord.h"
#include "experiment/runinputs.h"
#include "models/modelfactory.h"
#include "store/project.h"
#include "store/runstore.h"

namespace recforge {

Expected<EvaluateRunResult> evaluateRun(const std::string &projectPath,
                                        const EvaluateRunParams &params, Observer &observer,
                                        StopToken stop)
{
    if (auto device = applyRuntime(params.runtime); !device)
        return tl::unexpected(device.error());
    auto opened = openStoredRun(projectPath, params.runId);
    if (!opened)
        return tl::unexpected(opened.error());
    auto &project = opened->project;
    auto &runs = opened->runs;
    const RunDetail *detail = &opened->detail;
    const RunSummary &summary = detail->summary;
    if (summary.datasetId == 0 || summary.splitId == 0)
        return makeError(ErrorCode::NotFound, "run " + std::to_string(params.runId) +
                                                  " has no dataset or split (deleted?)");
    const CheckpointInfo *best = nullptr;
    for (const CheckpointInfo &c : detail->checkpoints)
        if (!best || c.isBest || (!best->isBest && c.step >= best->step))
            best = &c;
    if (!best)
        return makeError(ErrorCode::NotFound,
                         "run " + std::to_string(params.runId) + " has no checkpoint");
    auto model = loadModel(runs->artifactsDir() + "/" + best->path);
    if (!model)
        return tl::unexpected(model.error());

    auto dataset = project->loadDataset(summary.datasetId);
    if (!dataset)
        return tl::unexpected(dataset.error());
    auto split = project->loadSplit(summary.splitId);
    if (!split)
        return tl::unexpected(split.error());
    TrainingDataOptions dataOptions;
    try {
        const auto stored = nlohmann::json::parse(detail->paramsJson);
        if (stored.contains("run")) {
            auto config = trainRunConfigFromJson(stored["run"]);
            if (config)
                dataOptions.fitScope = config->fitScope;
        }
    } catch (const std::exception &) {
        // Params of runs not made by runTraining: the default fit scope.
    }
    auto data = TrainingData::build(*dataset, *split, dataOptions, stop);
    if (!data)
        return tl::unexpected(data.error());

    EvalOptions o;
    o.stage = params.stage;
    o.candidates = params.spec.candidates;
    o.negatives = params.spec.negatives;
    o.ks = params.spec.ks;
    o.seed = params.seed;
    auto r = evaluate(**model, *data, o, observer, stop);
    if (!r)
        return tl::unexpected(r.error());
    EvaluateRunResult result;
    result.seconds = r->seconds;
    result.usersPerSecond = r->usersPerSecond;
    std::vector<MetricRecord> records;
    for (const MetricValue &v : r->overall.values) {
        result.metrics.push_back(v);
        records.push_back(toMetricRecord(v));
    }
    runs->recordMetrics(params.runId, std::move(records));
    if (auto ok = runs->flush(); !ok)
        return tl::unexpected(ok.error());
    return result;
}

} // namespace recforge
