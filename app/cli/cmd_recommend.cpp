#include <cstdio>

#include "clicommon.h"
#include "commands.h"
#include "io/scorehistories.h"
#include "models/recommender.h"
#include "progressbar.h"

namespace recforge::cli {

int runRecommend(int argc, char **argv, int first)
{
    Args args("recommend",
              {
                  {"model", true, "export folder (recforge-cli export) or a .ckpt file", ""},
                  {"histories", true,
                   "user histories: CSV user,item rows or 'user item1 item2 ...' lines", ""},
                  {"k", true, "recommendations per user", "10"},
                  {"batch", true, "users scored together", "1024"},
                  {"out", true, "write user_id,rank,item_id,score CSV here", ""},
                  {"keep-seen", false, "also recommend items of the user's history", ""},
              });
    int code = 0;
    if (!parseOrExit(args, argc, argv, first, code))
        return code;
    auto k = args.integer("k", 10);
    auto batch = args.integer("batch", 1024);
    for (auto *v : {&k, &batch})
        if (!*v)
            return reportError(v->error(), args);
    auto modelPath = args.required("model");
    if (!modelPath)
        return reportError(modelPath.error(), args);
    auto historiesPath = args.required("histories");
    if (!historiesPath)
        return reportError(historiesPath.error(), args);

    StopToken stop;
    installInterruptHandler(stop);
    auto model = openExportedModel(*modelPath);
    if (!model)
        return reportError(model.error(), args);
    ProgressBar bar(!args.has("quiet"));
    auto histories =
        readHistories(*historiesPath, model->items, model->model->itemCount(), bar, stop);
    if (!histories) {
        bar.finish();
        return reportError(histories.error(), args);
    }
    RecommendOptions options;
    options.k = int(std::clamp<int64_t>(*k, 0, 100000));
    options.batch = int(std::clamp<int64_t>(*batch, 0, 1 << 20));
    options.maskHistory = !args.has("keep-seen");
    auto lists = recommendForHistories(*model, *histories, options, bar, stop);
    bar.finish();
    if (!lists)
        return reportError(lists.error(), args);
    for (const Warning &w : histories->warnings)
        std::fprintf(stderr, "warning: %s: %s\n", w.location.toString().c_str(), w.message.c_str());
    if (args.has("out"))
        if (auto ok = writeRecommendationsCsv(args.value("out"), *model, *lists); !ok)
            return reportError(ok.error(), args);
    if (args.has("json")) {
        nlohmann::json users = nlohmann::json::array();
        for (const UserRecommendations &u : *lists) {
            nlohmann::json items = nlohmann::json::array();
            for (const RankedItem &r : u.items)
                items.push_back({{"item", externalItemId(*model, r.item)}, {"score", r.score}});
            users.push_back({{"user", u.user}, {"items", items}});
        }
        nlohmann::json warnings = nlohmann::json::array();
        for (const Warning &w : histories->warnings)
            warnings.push_back(
                {{"message", w.message}, {"line", w.location.line}, {"column", w.location.column}});
        printJson({{"ok", true},
                   {"model", model->model->id()},
                   {"users", users},
                   {"warnings", warnings}});
    } else if (!args.has("out")) {
        for (const UserRecommendations &u : *lists) {
            std::printf("%s:", u.user.c_str());
            for (const RankedItem &r : u.items)
                std::printf(" %s (%.4g)", externalItemId(*model, r.item).c_str(), r.score);
            std::printf("\n");
        }
    } else {
        std::printf("wrote %zu users' recommendations to %s\n", lists->size(),
                    args.value("out").c_str());
    }
    return kOk;
}

} // namespace recforge::cli
