#include <cmath>
#include <cstdio>
#include <cstring>

#include "clicommon.h"
#include "commands.h"
#include "experiment/distillrun.h"
#include "experiment/pretrainrun.h"
#include "experiment/trainrun.h"
#include "store/runstore.h"
#include "trainprogress.h"

namespace recforge::cli {

namespace {

nlohmann::json metricJson(const MetricRecord &m)
{
    return {{"name", m.name},
            {"value", std::isnan(m.value) ? nlohmann::json() : nlohmann::json(m.value)},
            {"stage", m.stage},
            {"group", m.group},
            {"k", m.k},
            {"protocol", m.protocolLabel}};
}

nlohmann::json summaryJson(const RunSummary &r)
{
    nlohmann::json metrics = nlohmann::json::array();
    for (const MetricRecord &m : r.lastMetrics)
        if (m.group == "all")
            metrics.push_back(metricJson(m));
    return {{"id", r.id},
            {"name", r.name},
            {"kind", r.kind},
            {"model", r.model},
            {"status", runStatusName(r.status)},
            {"error", r.error},
            {"seed", r.seed},
            {"dataset_id", r.datasetId},
            {"split_id", r.splitId},
            {"device", r.device},
            {"code_version", r.codeVersion},
            {"created", r.createdAt},
            {"finished", r.finishedAt},
            {"metrics", metrics}};
}

int listRuns(const Args &args, RunStore &store)
{
    auto runs = store.listRuns();
    if (!runs)
        return reportError(runs.error(), args);
    if (args.has("json")) {
        nlohmann::json out = nlohmann::json::array();
        for (const RunSummary &r : *runs)
            out.push_back(summaryJson(r));
        printJson({{"ok", true}, {"runs", out}});
        return kOk;
    }
    for (const RunSummary &r : *runs) {
        std::printf("%4lld  %-11s %-12s %-30s %s\n", static_cast<long long>(r.id),
                    runStatusName(r.status), r.model.c_str(), r.name.c_str(), r.createdAt.c_str());
        for (const MetricRecord &m : r.lastMetrics)
            if (m.group == "all" && m.name.rfind("NDCG@10", 0) == 0)
                std::printf("        %s = %.4f  (%s)\n", m.name.c_str(), m.value,
                            m.protocolLabel.c_str());
    }
    return kOk;
}

int showRun(const Args &args, RunStore &store)
{
    auto id = args.integer("run", 0);
    if (!id)
        return reportError(id.error(), args);
    auto detail = store.run(*id);
    if (!detail)
        return reportError(detail.error(), args);
    if (args.has("json")) {
        nlohmann::json metrics = nlohmann::json::array();
        for (const MetricRecord &m : detail->metrics)
            metrics.push_back(metricJson(m));
        nlohmann::json checkpoints = nlohmann::json::array();
        for (const CheckpointInfo &c : detail->checkpoints)
            checkpoints.push_back({{"epoch", c.epoch},
                                   {"step", c.step},
                                   {"path", c.path},
                                   {"sha256", c.sha256},
                                   {"bytes", c.bytes},
                                   {"best", c.isBest}});
        nlohmann::json curves = nlohmann::json::array();
        for (const CurveStats &c : detail->summary.curves)
            curves.push_back({{"series", c.series}, {"points", c.points}, {"last", c.last}});
        nlohmann::json out = summaryJson(detail->summary);
        out["params"] = nlohmann::json::parse(detail->paramsJson, nullptr, false);
        out["metrics"] = metrics;
        out["checkpoints"] = checkpoints;
        out["curves"] = curves;
        printJson({{"ok", true}, {"run", out}});
        return kOk;
    }
    const RunSummary &r = detail->summary;
    std::printf("Run %lld  %s  [%s]\n  model %s, seed %llu, device %s, code %s\n",
                static_cast<long long>(r.id), r.name.c_str(), runStatusName(r.status),
                r.model.c_str(), static_cast<unsigned long long>(r.seed), r.device.c_str(),
                r.codeVersion.c_str());
    if (!r.error.empty())
        std::printf("  error: %s\n", r.error.c_str());
    std::printf("  params %s\n", detail->paramsJson.c_str());
    for (const MetricRecord &m : detail->metrics)
        if (m.group == "all")
            std::printf("  %-14s %.4f  (%s)\n", m.name.c_str(), m.value, m.protocolLabel.c_str());
    for (const CheckpointInfo &c : detail->checkpoints)
        std::printf("  checkpoint %s  sha256 %s%s\n", c.path.c_str(), c.sha256.c_str(),
                    c.isBest ? "  (best)" : "");
    return kOk;
}

// Continues an interrupted / failed / cancelled training or pretraining run from its last
// checkpoint.
int resumeRun(const Args &args)
{
    auto id = args.integer("run", 0);
    if (!id)
        return reportError(id.error(), args);
    auto project = args.required("project");
    if (!project)
        return reportError(project.error(), args);
    StopToken stop;
    installInterruptHandler(stop);
    TrainProgress progress(!args.has("quiet"));
    auto store = RunStore::open(*project);
    if (!store)
        return reportError(store.error(), args);
    auto detail = (*store)->run(*id);
    if (!detail)
        return reportError(detail.error(), args);
    store->reset();
    if (detail->summary.kind == "pretrain") {
        auto pretrained = resumePretraining(*project, *id, progress, stop);
        progress.finish();
        if (!pretrained)
            return reportError(pretrained.error(), args);
        std::printf("Run %lld resumed and finished: encoder %s\n", static_cast<long long>(*id),
                    pretrained->encoderPath.c_str());
        return kOk;
    }
    if (detail->summary.kind == "distil") {
        auto distilled = resumeDistillation(*project, *id, progress, stop);
        progress.finish();
        if (!distilled)
            return reportError(distilled.error(), args);
        printTrainResult(args, distilled->student);
        std::printf("Comparison with the teacher: %s\n", distilled->comparisonPath.c_str());
        return kOk;
    }
    auto result = resumeTraining(*project, *id, progress, stop);
    progress.finish();
    if (!result)
        return reportError(result.error(), args);
    printTrainResult(args, *result);
    return kOk;
}

} // namespace

int runRuns(int argc, char **argv, int first)
{
    const bool haveAction = first < argc && std::strncmp(argv[first], "--", 2) != 0;
    const std::string action = haveAction ? argv[first] : "list";
    Args args("runs " + action, {
                                    {"project", true, "project file (*.recforge)", ""},
                                    {"run", true, "run id (show, resume)", ""},
                                    {"quiet", false, "no progress bar (resume)", ""},
                                });
    int code = 0;
    if (!parseOrExit(args, argc, argv, haveAction ? first + 1 : first, code))
        return code;
    if (action != "list" && action != "show" && action != "resume")
        return reportError(Error{ErrorCode::InvalidArgument,
                                 "runs expects 'list', 'show' or 'resume', got '" + action + "'",
                                 Location{}},
                           args);
    if (action == "resume")
        return resumeRun(args);
    auto project = openProject(args, false);
    if (!project)
        return reportError(project.error(), args);
    auto store = RunStore::open(**project);
    if (!store)
        return reportError(store.error(), args);
    return action == "list" ? listRuns(args, **store) : showRun(args, **store);
}

} // namespace recforge::cli
