#include "clicommon.h"

#include <cstdio>
#include <fstream>

#include "commands.h"

namespace recforge::cli {

int reportError(const Error &error, const Args &args)
{
    std::fprintf(stderr, "error: %s\n", error.toString().c_str());
    if (args.has("json")) {
        nlohmann::json j = {{"ok", false},
                            {"error",
                             {{"code", errorCodeName(error.code)},
                              {"message", error.message},
                              {"file", error.location.file},
                              {"line", error.location.line},
                              {"column", error.location.column},
                              {"field", error.location.field}}}};
        printJson(j);
    }
    if (error.code == ErrorCode::Cancelled)
        return kCancelled;
    return error.code == ErrorCode::InvalidArgument ? kUsage : kFailed;
}

bool parseOrExit(Args &args, int argc, char **argv, int first, int &exitCode)
{
    if (auto ok = args.parse(argc, argv, first); !ok) {
        exitCode = reportError(ok.error(), args);
        return false;
    }
    if (args.has("help")) {
        std::printf("%s", args.help().c_str());
        exitCode = kOk;
        return false;
    }
    return true;
}

Expected<std::unique_ptr<Project>> openProject(const Args &args, bool create)
{
    auto path = args.required("project");
    if (!path)
        return tl::unexpected(path.error());
    return Project::open(*path, create);
}

Expected<int64_t> resolveDataset(const Project &project, const Args &args)
{
    if (args.has("dataset"))
        return project.findDataset(args.value("dataset"));
    auto all = project.listDatasets();
    if (!all)
        return tl::unexpected(all.error());
    if (all->empty())
        return makeError(ErrorCode::NotFound, "project " + project.path() + " has no dataset");
    return all->back().id;
}

void printJson(const nlohmann::json &value)
{
    std::printf("%s\n", value.dump(2).c_str());
    std::fflush(stdout);
}

Expected<nlohmann::json> readJsonFile(const std::string &path)
{
    std::ifstream in(path);
    if (!in)
        return makeError(ErrorCode::Io, "cannot read " + path, Location{path, 0, 0, ""});
    try {
        return nlohmann::json::parse(in);
    } catch (const nlohmann::json::parse_error &e) {
        return makeError(ErrorCode::Parse, e.what(), Location{path, 0, int64_t(e.byte), ""});
    }
}

Status copyIntegerOptions(const Args &args, nlohmann::json &target,
                          std::initializer_list<const char *> options)
{
    for (const char *option : options) {
        if (!args.has(option))
            continue;
        auto v = args.integer(option, 0);
        if (!v)
            return tl::unexpected(v.error());
        target[option] = *v;
    }
    return {};
}

} // namespace recforge::cli
