#include <cstdio>

#include "clicommon.h"
#include "commands.h"

namespace recforge::cli {

int runDatasets(int argc, char **argv, int first)
{
    Args args("datasets", {{"project", true, "project file (*.recforge)", ""}});
    int code = 0;
    if (!parseOrExit(args, argc, argv, first, code))
        return code;
    auto project = openProject(args, false);
    if (!project)
        return reportError(project.error(), args);
    auto datasets = (*project)->listDatasets();
    if (!datasets)
        return reportError(datasets.error(), args);
    nlohmann::json out = nlohmann::json::array();
    for (const DatasetSummary &d : *datasets) {
        auto splits = (*project)->listSplits(d.id);
        if (!splits)
            return reportError(splits.error(), args);
        nlohmann::json js = nlohmann::json::array();
        for (const SplitSummary &s : *splits)
            js.push_back({{"id", s.id},
                          {"name", s.name},
                          {"kind", s.kind},
                          {"seed", s.seed},
                          {"train", s.train},
                          {"validation", s.validation},
                          {"test", s.test},
                          {"support", s.support},
                          {"excluded", s.excluded}});
        out.push_back({{"id", d.id},
                       {"name", d.name},
                       {"users", d.users},
                       {"items", d.items},
                       {"interactions", d.interactions},
                       {"source", d.source},
                       {"created", d.createdAt},
                       {"sha256", d.contentHash},
                       {"splits", js}});
        if (!args.has("json")) {
            std::printf("%lld  %-20s %8d users %8d items %10lld interactions  %s\n",
                        static_cast<long long>(d.id), d.name.c_str(), d.users, d.items,
                        static_cast<long long>(d.interactions), d.source.c_str());
            for (const SplitSummary &s : *splits)
                std::printf("      split %lld %-24s train %lld / valid %lld / test %lld\n",
                            static_cast<long long>(s.id), s.name.c_str(),
                            static_cast<long long>(s.train), static_cast<long long>(s.validation),
                            static_cast<long long>(s.test));
        }
    }
    if (args.has("json"))
        printJson({{"ok", true}, {"datasets", out}});
    return kOk;
}

} // namespace recforge::cli
