#include <cstdio>
#include <fstream>

#include "clicommon.h"
#include "commands.h"
#include "experiment/trainrun.h"
#include "models/registry.h"
#include "trainprogress.h"

namespace recforge::cli {

namespace {

void printModels()
{
    for (const ModelSchema &s : modelSchemas()) {
        std::printf("%-14s %s\n", s.id.c_str(), s.description.c_str());
        for (const ParamSpec &p : s.params)
            std::printf("    %-22s %s (default %s)\n", p.key.c_str(), p.help.c_str(),
                        p.defaultValue.dump().c_str());
    }
}

} // namespace

int runTrain(int argc, char **argv, int first)
{
    Args args("train", {
                           {"project", true, "project file (*.recforge)", ""},
                           {"config", true, "run config JSON (see docs/run-config.md)", ""},
                           {"dataset", true, "dataset name (overrides the config)", ""},
                           {"model", true, "model id (overrides the config)", ""},
                           {"seed", true, "seed (overrides the config)", ""},
                           {"device", true, "auto | cpu | cuda (overrides the config)", ""},
                           {"threads", true, "intra-op threads, 0 = all cores", ""},
                           {"list-models", false, "list the models and their parameters", ""},
                       });
    int code = 0;
    if (!parseOrExit(args, argc, argv, first, code))
        return code;
    if (args.has("list-models")) {
        printModels();
        return kOk;
    }
    nlohmann::json json = nlohmann::json::object();
    if (args.has("config")) {
        auto j = readJsonFile(args.value("config"));
        if (!j)
            return reportError(j.error(), args);
        json = *j;
    }
    if (args.has("dataset"))
        json["dataset"] = args.value("dataset");
    if (args.has("model"))
        json["model"] = args.value("model");
    if (args.has("device"))
        json["device"] = args.value("device");
    if (auto ok = copyIntegerOptions(args, json, {"seed", "threads"}); !ok)
        return reportError(ok.error(), args);
    auto config = trainRunConfigFromJson(json);
    if (!config) {
        Error e = config.error();
        e.location.file = args.value("config");
        return reportError(e, args);
    }
    auto project = args.required("project");
    if (!project)
        return reportError(project.error(), args);

    StopToken stop;
    installInterruptHandler(stop);
    TrainProgress progress(!args.has("quiet"));
    auto result = runTraining(*project, *config, progress, stop);
    progress.finish();
    if (!result)
        return reportError(result.error(), args);

    printTrainResult(args, *result);
    return kOk;
}

} // namespace recforge::cli
