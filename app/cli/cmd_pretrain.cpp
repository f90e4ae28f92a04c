#include <cstdio>
#include <fstream>

#include "clicommon.h"
#include "commands.h"
#include "experiment/pretrainrun.h"
#include "train/mlmpretrain.h"
#include "trainprogress.h"

namespace recforge::cli {

namespace {

void printMlmResult(const Args &args, const MlmResult &r)
{
    if (args.has("json")) {
        printJson({{"ok", true},
                   {"objective", "text"},
                   {"output", r.outputDir},
                   {"epochs", r.epochsRun},
                   {"steps", r.steps},
                   {"epoch_losses", r.epochLosses},
                   {"masked_accuracy", r.epochAccuracies},
                   {"initial_masked_accuracy", r.initialAccuracy},
                   {"initial_loss", r.initialLoss},
                   {"final_loss", r.finalLoss},
                   {"train_texts", r.trainTexts},
                   {"validation_texts", r.validationTexts},
                   {"tokens", r.tokens},
                   {"vocab_size", r.vocabSize},
                   {"parameters", r.parameterCount},
                   {"tokenizer", r.tokenizerKind},
                   {"device", r.device},
                   {"seconds", r.seconds}});
        return;
    }
    std::printf("Text encoder pretrained in %.1f s: %lld parameters, %s tokenizer of %d pieces, "
                "%lld texts (%lld held out)\n",
                r.seconds, static_cast<long long>(r.parameterCount), r.tokenizerKind.c_str(),
                r.vocabSize, static_cast<long long>(r.trainTexts),
                static_cast<long long>(r.validationTexts));
    std::printf("  held-out MLM loss %.4f -> %.4f, masked-token accuracy %.4f -> %.4f\n",
                r.initialLoss, r.finalLoss, r.initialAccuracy,
                r.epochAccuracies.empty() ? r.initialAccuracy : r.epochAccuracies.back());
    if (!r.outputDir.empty())
        std::printf("  saved to %s\n", r.outputDir.c_str());
}

void printBehaviourResult(const Args &args, const PretrainRunResult &r)
{
    const PretrainResult &p = r.result;
    if (args.has("json")) {
        printJson({{"ok", true},
                   {"objective", "behaviour"},
                   {"run", r.runId},
                   {"encoder", r.encoderPath},
                   {"text_encoder", r.textEncoderDir},
                   {"result", toJson(p)}});
        return;
    }
    std::printf("Run %lld: behaviour pretraining, %d epochs in %.1f s, %lld parameters, %lld "
                "sequences\n",
                static_cast<long long>(r.runId), p.epochsRun, p.seconds,
                static_cast<long long>(p.parameterCount), static_cast<long long>(p.sequences));
    for (const auto &[name, losses] : p.objectiveLosses)
        if (!losses.empty())
            std::printf("  %-20s %.4f -> %.4f\n", name.c_str(), losses.front(), losses.back());
    std::printf("  encoder: %s\n", r.encoderPath.c_str());
    if (!r.textEncoderDir.empty())
        std::printf("  text encoder: %s\n", r.textEncoderDir.c_str());
    std::printf("  fine-tune it: recforge-cli finetune --project ... --pretrain-run %lld\n",
                static_cast<long long>(r.runId));
}

// Behaviour pretraining (cloze + attribute prediction) as a stored run.
int pretrainBehaviour(const Args &args, nlohmann::json json)
{
    if (!json.contains("run"))
        json["run"] = nlohmann::json::object();
    if (!json["run"].contains("model"))
        json["run"]["model"] = "sasrec";
    if (args.has("dataset"))
        json["run"]["dataset"] = args.value("dataset");
    if (auto ok = copyIntegerOptions(args, json["run"], {"seed", "threads"}); !ok)
        return reportError(ok.error(), args);
    if (args.has("epochs")) {
        auto v = args.integer("epochs", 0);
        if (!v)
            return reportError(v.error(), args);
        json["pretrain"]["train"]["epochs"] = *v;
    }
    if (args.has("no-attributes"))
        json["pretrain"]["attributes"] = false;
    if (args.has("no-cloze"))
        json["pretrain"]["cloze"] = false;
    if (args.has("with-text"))
        json["text_pretrain"] = true;
    if (args.has("prefixes"))
        json["pretrain"]["prefixes"] = true;
    if (args.has("cloze-loss"))
        json["pretrain"]["clozeLoss"] = args.value("cloze-loss");
    if (args.has("cloze-negatives")) {
        auto v = args.integer("cloze-negatives", 0);
        if (!v)
            return reportError(v.error(), args);
        json["pretrain"]["clozeNegatives"] = *v;
    }
    auto config = pretrainRunConfigFromJson(json);
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
    TrainProgress progress(!args.has("quiet") && !args.has("json"));
    auto result = runPretraining(*project, *config, progress, stop);
    progress.finish();
    if (!result)
        return reportError(result.error(), args);
    printBehaviourResult(args, *result);
    return kOk;
}

} // namespace

int runPretrain(int argc, char **argv, int first)
{
    Args args(
        "pretrain",
        {
            {"project", true, "project file (*.recforge)", ""},
            {"dataset", true, "dataset name", "the most recent"},
            {"objective", true,
             "text: masked-language model on the catalogue text; behaviour: cloze + "
             "attribute prediction of the sequential transformer (a stored run)",
             "text"},
            {"config", true, "pretraining params JSON (see docs/pretraining.md)", ""},
            {"out", true, "folder the text encoder is saved to (text)", ""},
            {"no-attributes", false, "behaviour: cloze only", ""},
            {"no-cloze", false, "behaviour: attribute prediction only", ""},
            {"with-text", false, "behaviour: pretrain a text encoder on the catalogue first", ""},
            {"prefixes", false,
             "behaviour: every prefix of a sequence is an example, its last item masked (S3-Rec)",
             ""},
            {"cloze-loss", true,
             "behaviour: softmax (every item) | sampled (uniformly drawn negatives)", "softmax"},
            {"cloze-negatives", true, "behaviour: negatives per masked item (sampled)", "100"},
            {"epochs", true, "epochs (overrides the config)", ""},
            {"seed", true, "seed (overrides the config)", ""},
            {"threads", true, "intra-op threads, 0 = all cores", ""},
        });
    int code = 0;
    if (!parseOrExit(args, argc, argv, first, code))
        return code;
    const std::string objective = args.value("objective", "text");
    if (objective != "text" && objective != "behaviour")
        return reportError(Error{ErrorCode::InvalidArgument,
                                 "unknown objective '" + objective + "' (text or behaviour)",
                                 Location{"", 0, 0, "objective"}},
                           args);
    nlohmann::json json = nlohmann::json::object();
    if (args.has("config")) {
        auto j = readJsonFile(args.value("config"));
        if (!j)
            return reportError(j.error(), args);
        json = *j;
    }
    if (objective == "behaviour")
        return pretrainBehaviour(args, json);
    auto out = args.required("out");
    if (!out)
        return reportError(out.error(), args);
    json["outputDir"] = *out;
    if (auto ok = copyIntegerOptions(args, json["train"], {"epochs", "seed", "threads"}); !ok)
        return reportError(ok.error(), args);
    auto params = mlmParamsFromJson(json);
    if (!params)
        return reportError(params.error(), args);
    auto project = openProject(args, false);
    if (!project)
        return reportError(project.error(), args);
    auto id = resolveDataset(**project, args);
    if (!id)
        return reportError(id.error(), args);
    auto dataset = (*project)->loadDataset(*id);
    if (!dataset)
        return reportError(dataset.error(), args);

    StopToken stop;
    installInterruptHandler(stop);
    TrainProgress progress(!args.has("quiet") && !args.has("json"));
    auto result = runMlmPretraining(*params, *dataset, progress, stop);
    progress.finish();
    if (!result)
        return reportError(result.error(), args);
    for (const Warning &w : result->warnings)
        std::fprintf(stderr, "warning: %s\n", w.message.c_str());
    printMlmResult(args, *result);
    return kOk;
}

} // namespace recforge::cli
