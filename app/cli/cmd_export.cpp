#include <cstdio>

#include "clicommon.h"
#include "commands.h"
#include "io/runexport.h"
#include "progressbar.h"

namespace recforge::cli {

int runExport(int argc, char **argv, int first)
{
    Args args(
        "export",
        {
            {"project", true, "project file (*.recforge)", ""},
            {"run", true, "run id whose model is exported", ""},
            {"out", true, "export folder (created when missing)", ""},
            {"formats", true, "safetensors,torchscript,ckpt,embeddings,topk or all", "all"},
            {"k", true, "length of the top-K lists", "10"},
            {"batch", true, "users scored together", "1024"},
            {"report", false, "add report.html (params, metrics, curves)", ""},
            {"approximate", false, "top-K from an HNSW index (large catalogues)", ""},
            {"ef", true, "index search beam (--approximate; higher = better recall)", "100"},
            {"recall-sample", true, "users checked against exact top-K (--approximate)", "1000"},
        });
    int code = 0;
    if (!parseOrExit(args, argc, argv, first, code))
        return code;
    auto run = args.integer("run", 0);
    auto k = args.integer("k", 10);
    auto batch = args.integer("batch", 1024);
    auto ef = args.integer("ef", 100);
    auto recallSample = args.integer("recall-sample", 1000);
    for (auto *v : {&run, &k, &batch, &ef, &recallSample})
        if (!*v)
            return reportError(v->error(), args);
    if (*run <= 0)
        return reportError(
            Error{ErrorCode::InvalidArgument, "export needs --run <id>", Location{"", 0, 0, "run"}},
            args);
    auto project = args.required("project");
    if (!project)
        return reportError(project.error(), args);
    auto out = args.required("out");
    if (!out)
        return reportError(out.error(), args);
    auto formats = parseExportFormats(args.value("formats", "all"));
    if (!formats)
        return reportError(formats.error(), args);
    ExportOptions options;
    options.dir = *out;
    options.formats = *formats;
    options.k = int(std::clamp<int64_t>(*k, 0, 100000));
    options.batch = int(std::clamp<int64_t>(*batch, 0, 1 << 20));
    options.report = args.has("report");
    options.approximateTopK = args.has("approximate");
    options.index.ef = int(std::clamp<int64_t>(*ef, 1, 1 << 20));
    options.recallSample = int(std::clamp<int64_t>(*recallSample, 0, 1 << 30));

    StopToken stop;
    installInterruptHandler(stop);
    ProgressBar bar(!args.has("quiet"));
    auto result = exportRun(*project, *run, options, bar, stop);
    bar.finish();
    if (!result)
        return reportError(result.error(), args);
    for (const Warning &w : result->warnings)
        std::fprintf(stderr, "warning: %s\n", w.message.c_str());
    if (args.has("json")) {
        nlohmann::json files = nlohmann::json::array();
        for (const ExportedFile &f : result->files)
            files.push_back({{"name", f.name}, {"bytes", f.bytes}});
        nlohmann::json warnings = nlohmann::json::array();
        for (const Warning &w : result->warnings)
            warnings.push_back(w.message);
        printJson({{"ok", true},
                   {"run", *run},
                   {"dir", result->dir},
                   {"seconds", result->seconds},
                   {"files", files},
                   {"topk_recall", result->topKRecall >= 0 ? nlohmann::json(result->topKRecall)
                                                           : nlohmann::json(nullptr)},
                   {"warnings", warnings}});
    } else {
        for (const ExportedFile &f : result->files)
            std::printf("%-20s %12lld bytes\n", f.name.c_str(), static_cast<long long>(f.bytes));
        if (result->topKRecall >= 0)
            std::printf("top-K recall@%d against exact: %.4f (%lld users)\n", options.k,
                        result->topKRecall, static_cast<long long>(result->topKRecallUsers));
        std::printf("exported run %lld to %s (%.2f s)\n", static_cast<long long>(*run),
                    result->dir.c_str(), result->seconds);
    }
    return kOk;
}

} // namespace recforge::cli
