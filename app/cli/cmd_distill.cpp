// recforge-cli distill: a stored teacher run teaches a small student; prints the comparison.
#include <cmath>
#include <cstdio>
#include <fstream>

#include "clicommon.h"
#include "commands.h"
#include "comparisontable.h"
#include "experiment/distillrun.h"
#include "trainprogress.h"

namespace recforge::cli {

int runDistill(int argc, char **argv, int first)
{
    Args args("distill",
              {
                  {"project", true, "project file (*.recforge)", ""},
                  {"teacher-run", true, "the teacher: a training run id of the project", ""},
                  {"config", true, "distillation config JSON (student model + params, loss)", ""},
                  {"student", true, "student model id: sasrec | gru4rec | mlprec", "sasrec"},
                  {"alpha", true, "weight of the teacher terms (0 = plain training)", "0.5"},
                  {"temperature", true, "softmax temperature of the KL term", "1"},
                  {"mode", true, "kl | ranking | both", "both"},
                  {"top-k", true, "teacher list length for ranking distillation", "10"},
                  {"seed", true, "seed", "42"},
                  {"device", true, "auto | cpu | cuda", "auto"},
                  {"threads", true, "intra-op threads, 0 = all cores", "0"},
                  {"baseline", false,
                   "also train the student without the teacher and compare it (student alone)", ""},
              });
    int code = 0;
    if (!parseOrExit(args, argc, argv, first, code))
        return code;
    nlohmann::json json = nlohmann::json::object();
    if (args.has("config")) {
        auto j = readJsonFile(args.value("config"));
        if (!j)
            return reportError(j.error(), args);
        json = *j;
    }
    if (args.has("student")) {
        if (!json.contains("student") || !json["student"].is_object())
            json["student"] = nlohmann::json::object();
        json["student"]["model"] = args.value("student");
    }
    for (const auto &[option, key] :
         {std::pair{"alpha", "alpha"}, {"temperature", "temperature"}}) {
        if (!args.has(option))
            continue;
        auto v = args.real(option, 0);
        if (!v)
            return reportError(v.error(), args);
        json[key] = *v;
    }
    for (const auto &[option, key] : {std::pair{"teacher-run", "teacher_run"},
                                      {"top-k", "top_k"},
                                      {"seed", "seed"},
                                      {"threads", "threads"}}) {
        if (!args.has(option))
            continue;
        auto v = args.integer(option, 0);
        if (!v)
            return reportError(v.error(), args);
        json[key] = *v;
    }
    for (const char *key : {"mode", "device"})
        if (args.has(key))
            json[key] = args.value(key);
    if (args.has("baseline"))
        json["baseline"] = true;
    auto params = distillParamsFromJson(json);
    if (!params) {
        Error e = params.error();
        e.location.file = args.value("config");
        return reportError(e, args);
    }
    auto project = args.required("project");
    if (!project)
        return reportError(project.error(), args);

    StopToken stop;
    installInterruptHandler(stop);
    TrainProgress progress(!args.has("quiet"));
    auto result = distill(*project, *params, progress, stop);
    progress.finish();
    if (!result)
        return reportError(result.error(), args);

    if (args.has("json")) {
        nlohmann::json metrics = nlohmann::json::array();
        for (const MetricValue &v : result->student.metrics)
            metrics.push_back(toJson(v));
        printJson({{"ok", true},
                   {"run", result->student.runId},
                   {"teacher_run", params->teacherRunId},
                   {"model", result->student.model},
                   {"params", result->student.resolvedParams},
                   {"parameters", result->student.parameterCount},
                   {"fit_seconds", result->student.fitSeconds},
                   {"checkpoint", result->student.checkpointPath},
                   {"metrics", metrics},
                   {"comparison", toJson(result->comparison)},
                   {"comparison_file", result->comparisonPath}});
        return kOk;
    }
    std::printf("Run %lld: %s distilled from run %lld in %.1f s\n",
                static_cast<long long>(result->student.runId), result->student.model.c_str(),
                static_cast<long long>(params->teacherRunId), result->student.fitSeconds);
    printComparisonTable(result->comparison);
    return kOk;
}

} // namespace recforge::cli
