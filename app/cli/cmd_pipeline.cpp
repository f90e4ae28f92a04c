// recforge-cli pipeline: the pretrain -> fine-tune -> distil chain of runs (run, resume, re-run a
// stage, list, show).
#include <cstdio>
#include <cstring>

#include "clicommon.h"
#include "commands.h"
#include "comparisontable.h"
#include "experiment/pipeline.h"
#include "store/runstore.h"
#include "trainprogress.h"

namespace recforge::cli {

namespace {

// "pretrain run 3 finished -> finetune run 4 finished -> distil run 6 running"
void printState(const Args &args, const std::string &project, const PipelineState &state)
{
    auto store = RunStore::open(project);
    nlohmann::json stages = nlohmann::json::array();
    std::string line;
    for (int s = 0; s < kPipelineStages; ++s) {
        const auto stage = static_cast<PipelineStage>(s);
        const int64_t id = state.runIds[s];
        std::string status = id > 0 ? "unknown" : "not started";
        if (id > 0 && store)
            if (auto detail = (*store)->run(id))
                status = runStatusName(detail->summary.status);
        if (stage == PipelineStage::Distil && !state.params.distil)
            status = "off";
        stages.push_back({{"stage", pipelineStageName(stage)}, {"run", id}, {"status", status}});
        line += std::string(s ? " -> " : "") + pipelineStageName(stage) +
                (id > 0 ? " run " + std::to_string(id) : "") + " " + status;
    }
    if (state.baselineRunId > 0)
        line += " (student alone: run " + std::to_string(state.baselineRunId) + ")";
    if (args.has("json")) {
        printJson({{"ok", true},
                   {"name", state.params.name},
                   {"file", state.path},
                   {"stages", stages},
                   {"baseline_run", state.baselineRunId},
                   {"encoder", state.encoderPath}});
        return;
    }
    std::printf("%-20s %s\n", state.params.name.c_str(), line.c_str());
}

int finishWith(const Args &args, const std::string &project, Expected<PipelineState> result)
{
    if (!result)
        return reportError(result.error(), args);
    printState(args, project, *result);
    if (!args.has("json") && result->runId(PipelineStage::Distil) > 0)
        if (auto c = readComparison(project, result->runId(PipelineStage::Distil)))
            printComparisonTable(*c);
    return kOk;
}

} // namespace

int runPipeline(int argc, char **argv, int first)
{
    const bool haveAction = first < argc && std::strncmp(argv[first], "--", 2) != 0;
    const std::string action = haveAction ? argv[first] : "list";
    Args args("pipeline " + action,
              {
                  {"project", true, "project file (*.recforge)", ""},
                  {"config", true, "pipeline config JSON (run; rerun: replaces the params)", ""},
                  {"name", true, "pipeline name (resume, rerun, show)", ""},
                  {"stage", true, "rerun: pretrain | finetune | distil", ""},
              });
    int code = 0;
    if (!parseOrExit(args, argc, argv, haveAction ? first + 1 : first, code))
        return code;
    if (action != "run" && action != "resume" && action != "rerun" && action != "list" &&
        action != "show")
        return reportError(
            Error{ErrorCode::InvalidArgument,
                  "pipeline expects run, resume, rerun, list or show, got '" + action + "'",
                  Location{}},
            args);
    auto project = args.required("project");
    if (!project)
        return reportError(project.error(), args);
    if (action == "list") {
        auto all = listPipelines(*project);
        if (!all)
            return reportError(all.error(), args);
        for (const PipelineState &s : *all)
            printState(args, *project, s);
        if (all->empty() && !args.has("json"))
            std::printf("no pipelines in %s\n", project->c_str());
        return kOk;
    }
    std::optional<PipelineParams> params;
    if (args.has("config")) {
        auto j = readJsonFile(args.value("config"));
        if (!j)
            return reportError(j.error(), args);
        auto p = pipelineParamsFromJson(*j);
        if (!p) {
            Error e = p.error();
            e.location.file = args.value("config");
            return reportError(e, args);
        }
        params = *p;
    }
    std::string name = args.value("name");
    if (name.empty() && params)
        name = params->name;
    if (action == "show") {
        auto state = readPipeline(*project, name);
        return finishWith(args, *project, std::move(state));
    }
    StopToken stop;
    installInterruptHandler(stop);
    TrainProgress progress(!args.has("quiet") && !args.has("json"));
    PipelineHooks hooks;
    hooks.stageStarted = [&](PipelineStage stage, int64_t runId) {
        progress.onMessage(std::string("stage ") + pipelineStageName(stage) + ": run " +
                           std::to_string(runId));
    };
    Expected<PipelineState> result = makeError(ErrorCode::Internal, "not run");
    if (action == "run") {
        if (!params)
            return reportError(Error{ErrorCode::InvalidArgument,
                                     "pipeline run needs --config pipeline.json",
                                     Location{"", 0, 0, "config"}},
                               args);
        result = recforge::runPipeline(*project, *params, progress, stop, hooks);
    } else if (action == "resume") {
        result = resumePipeline(*project, name, progress, stop, hooks);
    } else {
        auto stage = parsePipelineStage(args.value("stage"));
        if (!stage)
            return reportError(stage.error(), args);
        result = rerunPipelineStage(*project, name, *stage, progress, stop, hooks, params);
    }
    progress.finish();
    return finishWith(args, *project, std::move(result));
}

} // namespace recforge::cli
