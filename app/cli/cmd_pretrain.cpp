#include <cstdio>
#include <fstream>

#include "clicommon.h"
#include "commands.h"
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

} // namespace

int runPretrain(int argc, char **argv, int first)
{
    Args args("pretrain",
              {
                  {"project", true, "project file (*.recforge)", ""},
                  {"dataset", true, "dataset name", "the most recent"},
                  {"objective", true, "text: masked-language model on the catalogue text", "text"},
                  {"config", true, "pretraining params JSON (see docs/pretraining.md)", ""},
                  {"out", true, "folder the pretrained model is saved to", ""},
                  {"epochs", true, "epochs (overrides the config)", ""},
                  {"seed", true, "seed (overrides the config)", ""},
                  {"threads", true, "intra-op threads, 0 = all cores", ""},
              });
    int code = 0;
    if (!parseOrExit(args, argc, argv, first, code))
        return code;
    const std::string objective = args.value("objective", "text");
    if (objective != "text")
        return reportError(Error{ErrorCode::InvalidArgument,
                                 "unknown objective '" + objective + "' (known: text)",
                                 Location{"", 0, 0, "objective"}},
                           args);
    nlohmann::json json = nlohmann::json::object();
    if (args.has("config")) {
        auto j = readJsonFile(args.value("config"));
        if (!j)
            return reportError(j.error(), args);
        json = *j;
    }
    auto out = args.required("out");
    if (!out)
        return reportError(out.error(), args);
    json["outputDir"] = *out;
    for (const char *key : {"epochs", "seed", "threads"}) {
        if (!args.has(key))
            continue;
        auto v = args.integer(key, 0);
        if (!v)
            return reportError(v.error(), args);
        json["train"][key] = *v;
    }
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
