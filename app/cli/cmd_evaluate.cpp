#include <cstdio>
#include <sstream>

#include "clicommon.h"
#include "commands.h"
#include "experiment/evaluaterun.h"
#include "progressbar.h"

namespace recforge::cli {

namespace {
Expected<std::vector<int>> parseKs(const std::string &text)
{
    std::vector<int> ks;
    std::stringstream in(text);
    std::string part;
    while (std::getline(in, part, ',')) {
        try {
            size_t used = 0;
            const int k = std::stoi(part, &used);
            if (used != part.size() || k < 1 || k > 1000)
                throw std::invalid_argument(part);
            ks.push_back(k);
        } catch (const std::exception &) {
            return makeError(ErrorCode::InvalidArgument,
                             "--ks expects cut-offs like 5,10,20 (each 1..1000), got '" + text +
                                 "'",
                             Location{"", 0, 0, "ks"});
        }
    }
    if (ks.empty())
        return makeError(ErrorCode::InvalidArgument, "--ks is empty", Location{"", 0, 0, "ks"});
    return ks;
}
} // namespace

int runEvaluate(int argc, char **argv, int first)
{
    Args args("evaluate", {
                              {"project", true, "project file (*.recforge)", ""},
                              {"run", true, "run id whose fitted model is evaluated", ""},
                              {"candidates", true, "full | uniform | popularity", "full"},
                              {"negatives", true, "sampled negatives per user", "99"},
                              {"ks", true, "cut-offs", "5,10,20"},
                              {"stage", true, "test | validation", "test"},
                              {"seed", true, "negative sampling / tie seed", "42"},
                              {"threads", true, "intra-op threads, 0 = all cores", "0"},
                          });
    int code = 0;
    if (!parseOrExit(args, argc, argv, first, code))
        return code;
    EvaluateRunParams params;
    auto run = args.integer("run", 0);
    auto negatives = args.integer("negatives", 99);
    auto seed = args.integer("seed", 42);
    auto threads = args.integer("threads", 0);
    for (auto *v : {&run, &negatives, &seed, &threads})
        if (!*v)
            return reportError(v->error(), args);
    if (*run <= 0)
        return reportError(Error{ErrorCode::InvalidArgument, "evaluate needs --run <id>",
                                 Location{"", 0, 0, "run"}},
                           args);
    auto candidates = parseCandidates(args.value("candidates", "full"));
    if (!candidates)
        return reportError(candidates.error(), args);
    auto stage = parseEvalStage(args.value("stage", "test"));
    if (!stage)
        return reportError(stage.error(), args);
    auto ks = parseKs(args.value("ks", "5,10,20"));
    if (!ks)
        return reportError(ks.error(), args);
    params.runId = *run;
    params.spec = EvalSpec{*candidates, int(*negatives), *ks};
    params.stage = *stage;
    params.seed = uint64_t(*seed);
    params.runtime.threads = int(*threads);
    auto project = args.required("project");
    if (!project)
        return reportError(project.error(), args);

    StopToken stop;
    installInterruptHandler(stop);
    ProgressBar bar(!args.has("quiet"));
    auto result = evaluateRun(*project, params, bar, stop);
    bar.finish();
    if (!result)
        return reportError(result.error(), args);
    if (args.has("json")) {
        nlohmann::json metrics = nlohmann::json::array();
        for (const MetricValue &v : result->metrics)
            metrics.push_back(toJson(v));
        printJson({{"ok", true},
                   {"run", params.runId},
                   {"seconds", result->seconds},
                   {"users_per_second", result->usersPerSecond},
                   {"metrics", metrics}});
    } else {
        for (const MetricValue &v : result->metrics)
            std::printf("%s\n", v.toString().c_str());
        std::printf("(%.2f s, %.0f users/s)\n", result->seconds, result->usersPerSecond);
    }
    return kOk;
}

} // namespace recforge::cli
