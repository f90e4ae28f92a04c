// recforge-cli finetune: a pretrained encoder (a pretrain run or a file) fine-tuned for next-item
// prediction, purchase / click classification or rating regression; recorded as a run.
#include <cstdio>

#include "clicommon.h"
#include "commands.h"
#include "experiment/pairfinetunerun.h"
#include "experiment/pretrainrun.h"
#include "trainprogress.h"

namespace recforge::cli {

namespace {

// --config (a run config), then the pretrained encoder and the fine-tune options on top.
Expected<TrainRunConfig> finetuneConfig(const Args &args, const std::string &project)
{
    nlohmann::json json = nlohmann::json::object();
    if (args.has("config")) {
        auto j = readJsonFile(args.value("config"));
        if (!j)
            return tl::unexpected(j.error());
        json = *j;
    }
    int64_t pretrainRun = 0;
    if (args.has("pretrain-run")) {
        auto id = args.integer("pretrain-run", 0);
        if (!id)
            return tl::unexpected(id.error());
        pretrainRun = *id;
    }
    PretrainedEncoder encoder;
    if (pretrainRun > 0) {
        auto found = pretrainedEncoder(project, pretrainRun);
        if (!found)
            return tl::unexpected(found.error());
        encoder = *found;
        if (!json.contains("model"))
            json["model"] = encoder.model;
        nlohmann::json params = encoder.params;
        if (json.contains("params") && json["params"].is_object())
            params.update(json["params"]); // training keys (epochs, lr) from the config
        json["params"] = params;
    } else if (!args.has("pretrained")) {
        return makeError(ErrorCode::InvalidArgument,
                         "give the encoder: --pretrain-run ID or --pretrained FILE",
                         Location{"", 0, 0, "pretrained"});
    }
    if (!json.contains("model"))
        json["model"] = "sasrec";
    if (args.has("epochs")) {
        auto v = args.integer("epochs", 0);
        if (!v)
            return tl::unexpected(v.error());
        json["params"]["epochs"] = *v;
    }
    if (args.has("dataset"))
        json["dataset"] = args.value("dataset");
    if (args.has("device"))
        json["device"] = args.value("device");
    if (auto ok = copyIntegerOptions(args, json, {"seed", "threads"}); !ok)
        return tl::unexpected(ok.error());
    auto config = trainRunConfigFromJson(json);
    if (!config) {
        Error e = config.error();
        e.location.file = args.value("config");
        return tl::unexpected(e);
    }
    config->pretrained = args.has("pretrained") ? args.value("pretrained") : encoder.encoderPath;
    config->textEncoder =
        args.has("text-encoder") ? args.value("text-encoder") : encoder.textEncoderDir;
    config->parentRunId = pretrainRun;
    if (args.has("freeze-layers")) {
        auto v = args.integer("freeze-layers", 0);
        if (!v)
            return tl::unexpected(v.error());
        config->finetune.freezeLayers = int(*v);
    }
    if (args.has("layer-decay")) {
        auto v = args.real("layer-decay", 1.0);
        if (!v)
            return tl::unexpected(v.error());
        config->finetune.layerDecay = *v;
    }
    // Flags switch options on; what they leave out keeps the config's value. The output head is
    // dropped unless --keep-head, --reinit-head or the config says otherwise (docs/pipeline.md:
    // on Amazon Beauty the kept cloze head slowed the fine-tune and cost quality).
    const bool configChoosesHead =
        json.contains("finetune") && json["finetune"].is_object() &&
        (json["finetune"].contains("dropHead") || json["finetune"].contains("reinitHead"));
    if (args.has("reinit-head"))
        config->finetune.reinitHead = true;
    if (args.has("freeze-embeddings"))
        config->finetune.freezeEmbeddings = true;
    if (args.has("keep-head") && args.has("drop-head"))
        return makeError(ErrorCode::InvalidArgument,
                         "--keep-head and --drop-head exclude each other",
                         Location{"", 0, 0, "drop-head"});
    if (args.has("keep-head") || args.has("reinit-head"))
        config->finetune.dropHead = false;
    else if (args.has("drop-head") || !configChoosesHead)
        config->finetune.dropHead = true;
    if (auto ok = config->finetune.validate(); !ok)
        return tl::unexpected(ok.error());
    return config;
}

int printPairResult(const Args &args, const PairFinetuneRunResult &r)
{
    const PairFinetuneResult &f = r.result;
    const bool cls = f.task == PairTask::Classification;
    if (args.has("json")) {
        printJson({{"ok", true}, {"run", r.runId}, {"result", toJson(f)}});
        return kOk;
    }
    std::printf("Run %lld: %s fine-tune, %d epochs, %lld training pairs, %lld held out, %.1f s\n",
                static_cast<long long>(r.runId), cls ? "classification" : "regression", f.epochsRun,
                static_cast<long long>(f.trainPairs), static_cast<long long>(f.heldOutPairs),
                f.seconds);
    if (cls)
        std::printf("  held-out AUC %.4f -> %.4f, LogLoss %.4f -> %.4f\n", f.initialAuc, f.auc,
                    f.initialLogLoss, f.logLoss);
    else
        std::printf("  held-out RMSE %.4f -> %.4f, MAE %.4f -> %.4f\n", f.initialRmse, f.rmse,
                    f.initialMae, f.mae);
    return kOk;
}

} // namespace

int runFinetune(int argc, char **argv, int first)
{
    Args args("finetune",
              {
                  {"project", true, "project file (*.recforge)", ""},
                  {"pretrain-run", true, "a finished pretrain run of the project", ""},
                  {"pretrained", true, "a pretrained encoder file instead of a run", ""},
                  {"task", true, "next-item | classification | regression", "next-item"},
                  {"positive-event", true, "classification label: purchase | click | cart | view",
                   "purchase"},
                  {"config", true, "run config JSON (dataset, split, params, evaluations)", ""},
                  {"dataset", true, "dataset name (overrides the config)", ""},
                  {"epochs", true, "epochs (overrides the config)", ""},
                  {"freeze-layers", true, "keep the lowest N transformer layers frozen", "0"},
                  {"freeze-embeddings", false, "keep the item / position embeddings frozen", ""},
                  {"layer-decay", true, "layer-wise learning-rate decay (1 = off)", "1"},
                  {"reinit-head", false, "re-initialise the pretrained output head", ""},
                  {"drop-head", false,
                   "fine-tune without the pretrained output head (S3-Rec's fine-tuning; the "
                   "default)",
                   ""},
                  {"keep-head", false, "fine-tune through the pretrained output head", ""},
                  {"text-encoder", true, "text encoder folder whose item vectors join", ""},
                  {"seed", true, "seed (overrides the config)", ""},
                  {"device", true, "auto | cpu | cuda (overrides the config)", ""},
                  {"threads", true, "intra-op threads, 0 = all cores", ""},
              });
    int code = 0;
    if (!parseOrExit(args, argc, argv, first, code))
        return code;
    auto project = args.required("project");
    if (!project)
        return reportError(project.error(), args);
    const std::string task = args.value("task", "next-item");
    if (task != "next-item" && task != "classification" && task != "regression")
        return reportError(
            Error{ErrorCode::InvalidArgument,
                  "unknown task '" + task + "' (next-item, classification or regression)",
                  Location{"", 0, 0, "task"}},
            args);
    auto config = finetuneConfig(args, *project);
    if (!config)
        return reportError(config.error(), args);

    StopToken stop;
    installInterruptHandler(stop);
    TrainProgress progress(!args.has("quiet") && !args.has("json"));
    if (task == "next-item") {
        auto result = runTraining(*project, *config, progress, stop);
        progress.finish();
        if (!result)
            return reportError(result.error(), args);
        printTrainResult(args, *result);
        return kOk;
    }
    PairFinetuneRunConfig pair;
    pair.run = *config;
    pair.params.pretrained = config->pretrained;
    pair.params.model = config->params;
    pair.params.task = task == "classification" ? PairTask::Classification : PairTask::Regression;
    pair.params.positiveEvent = args.value("positive-event", "purchase");
    pair.params.finetune = config->finetune;
    if (config->params.contains("epochs") && config->params["epochs"].is_number_integer())
        pair.params.train.epochs = config->params["epochs"].get<int>();
    auto result = runPairFinetuning(*project, pair, progress, stop);
    progress.finish();
    if (!result)
        return reportError(result.error(), args);
    return printPairResult(args, *result);
}

} // namespace recforge::cli
