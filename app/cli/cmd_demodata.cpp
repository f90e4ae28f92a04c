#include <cstdio>

#include "clicommon.h"
#include "commands.h"
#include "data/generator.h"
#include "data/import/importoptions.h"
#include "data/stats.h"
#include "progressbar.h"

namespace recforge::cli {

int runDemoData(int argc, char **argv, int first)
{
    Args args("demo-data",
              {
                  {"project", true, "project file (*.recforge), created if missing", ""},
                  {"users", true, "number of users", "5000"},
                  {"items", true, "number of items", "2000"},
                  {"events", true, "number of events (up to 10M for benchmarks)", "200000"},
                  {"seed", true, "random seed", "42"},
                  {"name", true, "dataset name", "demo-shop"},
                  {"replace", false, "replace a dataset of the same name", ""},
              });
    int code = 0;
    if (!parseOrExit(args, argc, argv, first, code))
        return code;
    ShopParams params;
    auto users = args.integer("users", params.users);
    auto items = args.integer("items", params.items);
    auto events = args.integer("events", params.events);
    auto seed = args.integer("seed", int64_t(params.seed));
    for (auto *v : {&users, &items, &events, &seed})
        if (!*v)
            return reportError(v->error(), args);
    params.users = int(*users);
    params.items = int(*items);
    params.events = *events;
    params.seed = uint64_t(*seed);
    params.name = args.value("name", params.name);

    auto project = openProject(args, true);
    if (!project)
        return reportError(project.error(), args);

    StopToken stop;
    installInterruptHandler(stop);
    ProgressBar bar(!args.has("quiet"));
    auto dataset = generateShop(params, bar, stop);
    bar.finish();
    if (!dataset)
        return reportError(dataset.error(), args);

    ImportReport report;
    auto id = (*project)->saveDataset(*dataset, report, "generator", args.has("replace"),
                                      nlohmann::json{{"generator", toJson(params)}}.dump());
    if (!id)
        return reportError(id.error(), args);

    if (args.has("json")) {
        printJson({{"ok", true},
                   {"project", (*project)->path()},
                   {"dataset", {{"id", *id}, {"name", dataset->name}}},
                   {"params", toJson(params)},
                   {"users", dataset->userCount()},
                   {"items", dataset->itemCount()},
                   {"interactions", dataset->interactions.size()}});
    } else {
        std::printf("Generated '%s': %d users, %d items, %zu interactions -> %s (dataset %lld)\n",
                    dataset->name.c_str(), dataset->userCount(), dataset->itemCount(),
                    dataset->interactions.size(), (*project)->path().c_str(),
                    static_cast<long long>(*id));
    }
    return kOk;
}

} // namespace recforge::cli
