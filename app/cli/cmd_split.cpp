#include <cstdio>

#include "clicommon.h"
#include "commands.h"
#include "data/split.h"
#include "progressbar.h"

namespace recforge::cli {

namespace {
Expected<SplitParams> splitParamsFromArgs(const Args &args)
{
    SplitParams p;
    auto kind = parseSplitKind(args.value("kind", "leave-one-out"));
    if (!kind)
        return tl::unexpected(kind.error());
    p.kind = *kind;
    auto seed = args.integer("seed", int64_t(p.seed));
    auto valid = args.real("valid-ratio", p.validRatio);
    auto test = args.real("test-ratio", p.testRatio);
    auto validCutoff = args.integer("valid-cutoff", p.validCutoff);
    auto testCutoff = args.integer("test-cutoff", p.testCutoff);
    auto support = args.integer("support", p.supportSize);
    auto itemCutoff = args.integer("item-cutoff", p.itemCutoff);
    if (!seed)
        return tl::unexpected(seed.error());
    if (!valid)
        return tl::unexpected(valid.error());
    if (!test)
        return tl::unexpected(test.error());
    for (auto *v : {&validCutoff, &testCutoff, &support, &itemCutoff})
        if (!*v)
            return tl::unexpected(v->error());
    p.seed = uint64_t(*seed);
    p.validRatio = *valid;
    p.testRatio = *test;
    p.validCutoff = *validCutoff;
    p.testCutoff = *testCutoff;
    p.supportSize = int(*support);
    p.itemCutoff = *itemCutoff;
    p.name =
        args.value("name", std::string(splitKindName(p.kind)) + "-seed" + std::to_string(p.seed));
    return p;
}
} // namespace

int runSplit(int argc, char **argv, int first)
{
    Args args(
        "split",
        {
            {"project", true, "project file (*.recforge)", ""},
            {"dataset", true, "dataset name", "the most recent"},
            {"kind", true, "leave-one-out | temporal | random | cold-users | cold-items",
             "leave-one-out"},
            {"seed", true, "random seed", "42"},
            {"valid-ratio", true, "validation share (random, cold-users)", "0.1"},
            {"test-ratio", true, "test share (random, cold-users)", "0.1"},
            {"valid-cutoff", true, "temporal: unix time where validation starts", "80% quantile"},
            {"test-cutoff", true, "temporal: unix time where test starts", "90% quantile"},
            {"support", true, "cold-users: interactions kept as support", "3"},
            {"item-cutoff", true, "cold-items: items first seen after it are cold", "90% quantile"},
            {"name", true, "split name", "<kind>-seed<seed>"},
        });
    int code = 0;
    if (!parseOrExit(args, argc, argv, first, code))
        return code;
    auto params = splitParamsFromArgs(args);
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
    auto split = makeSplit(*dataset, *params, stop);
    if (!split)
        return reportError(split.error(), args);
    auto splitId = (*project)->saveSplit(*id, *split, params->name);
    if (!splitId)
        return reportError(splitId.error(), args);
    const SplitCounts counts = split->counts();
    if (args.has("json")) {
        printJson({{"ok", true},
                   {"dataset", {{"id", *id}, {"name", dataset->name}}},
                   {"split",
                    {{"id", *splitId},
                     {"name", params->name},
                     {"params", toJson(split->params)},
                     {"counts", toJson(counts)}}}});
    } else {
        std::printf("Split '%s' (%s, seed %llu) of '%s': train %lld, validation %lld, test %lld, "
                    "support %lld, excluded %lld; %d test users\n",
                    params->name.c_str(), splitKindName(params->kind),
                    static_cast<unsigned long long>(params->seed), dataset->name.c_str(),
                    static_cast<long long>(counts.train), static_cast<long long>(counts.validation),
                    static_cast<long long>(counts.test), static_cast<long long>(counts.support),
                    static_cast<long long>(counts.excluded), counts.testUsers);
    }
    return kOk;
}

} // namespace recforge::cli
