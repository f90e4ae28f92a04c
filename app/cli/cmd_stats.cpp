#include <cstdio>
#include <ctime>

#include "clicommon.h"
#include "commands.h"
#include "data/stats.h"
#include "progressbar.h"

namespace recforge::cli {

namespace {
std::string isoDate(int64_t unixSeconds)
{
    const std::time_t t = std::time_t(unixSeconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

void printHuman(const std::string &name, const DatasetStats &s)
{
    std::printf("Dataset '%s'\n", name.c_str());
    std::printf("  users              %d\n", s.users);
    std::printf("  items              %d (%d with interactions)\n", s.items,
                s.itemsWithInteractions);
    std::printf("  interactions       %lld\n", static_cast<long long>(s.interactions));
    std::printf("  sparsity           %.4f%%\n", s.sparsity * 100);
    std::printf("  per user           mean %.2f, median %.1f\n", s.meanPerUser, s.medianPerUser);
    std::printf("  per item           mean %.2f, median %.1f\n", s.meanPerItem, s.medianPerItem);
    if (s.interactions > 0)
        std::printf("  time range         %s .. %s\n", isoDate(s.minTime).c_str(),
                    isoDate(s.maxTime).c_str());
    std::printf("  event funnel      ");
    for (const auto &[kind, count] : s.eventFunnel)
        std::printf(" %s=%lld", kind.c_str(), static_cast<long long>(count));
    std::printf(
        "\n  catalogue coverage  title %.0f%%, category %.0f%%, brand %.0f%%, price %.0f%%, "
        "description %.0f%%\n",
        s.coverage.title * 100, s.coverage.category * 100, s.coverage.brand * 100,
        s.coverage.price * 100, s.coverage.description * 100);
    if (!s.categoryMix.empty()) {
        std::printf("  category mix      ");
        for (const auto &[category, count] : s.categoryMix)
            std::printf(" %s=%lld", category.c_str(), static_cast<long long>(count));
        std::printf("\n");
    }
}
} // namespace

int runStats(int argc, char **argv, int first)
{
    Args args("stats", {
                           {"project", true, "project file (*.recforge)", ""},
                           {"dataset", true, "dataset name", "the most recent"},
                       });
    int code = 0;
    if (!parseOrExit(args, argc, argv, first, code))
        return code;
    auto project = openProject(args, false);
    if (!project)
        return reportError(project.error(), args);
    auto id = resolveDataset(**project, args);
    if (!id)
        return reportError(id.error(), args);
    auto dataset = (*project)->loadDataset(*id);
    if (!dataset)
        return reportError(dataset.error(), args);
    const DatasetStats stats = computeStats(*dataset);
    if (args.has("json"))
        printJson({{"ok", true},
                   {"dataset", {{"id", *id}, {"name", dataset->name}}},
                   {"stats", toJson(stats)}});
    else
        printHuman(dataset->name, stats);
    return kOk;
}

} // namespace recforge::cli
