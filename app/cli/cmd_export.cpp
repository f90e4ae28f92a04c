#include <cstdio>

#include "clicommon.h"
#include "commands.h"
#include "io/runexport.h"
#include "progressbar.h"

namespace recforge::cli {

int runExport(int argc, char **argv, int first)
{
    Args args("export",
              {
                  {"project", true, "project file (*.recforge)", ""},
                  {"run", true, "run id whose model is exported", ""},
                  {"out", true, "export folder (created when missing)", ""},
                  {"formats", true, "safetensors,torchscript,ckpt,embeddings,topk or all", "all"},
                  {"k", true, "length of the top-K lists", "10"},
                  {"batch", true, "users scored together", "1024"},
                  {"report", false, "add report.html (params, metrics, curves)", ""},
              });
    int code = 0;
    if (!parseOrExit(args, argc, argv, first, code))
        return code;
    auto run = args.integer("run", 0);
    auto k = args.integer("k", 10);
    auto batch = args.integer("batch", 1024);
    for (auto *v : {&run, &k, &batch})
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
                   {"warnings", warnings}});
    } else {
        for (const ExportedFile &f : result->files)
            std::printf("%-20s %12lld bytes\n", f.name.c_str(), static_cast<long long>(f.bytes));
        std::printf("exported run %lld to %s (%.2f s)\n", static_cast<long long>(*run),
                    result->dir.c_str(), result->seconds);
    }
    return kOk;
}

} // namespace recforge::cli
