#include <cstdio>
#include <fstream>

#include "clicommon.h"
#include "commands.h"
#include "data/filters.h"
#include "data/import/importer.h"
#include "data/split.h"
#include "progressbar.h"

namespace recforge::cli {

namespace {

Expected<char> parseDelimiter(const std::string &text)
{
    if (text.empty() || text == "auto")
        return char(0);
    if (text == "comma" || text == ",")
        return ',';
    if (text == "tab" || text == "\\t" || text == "\t")
        return '\t';
    if (text == "semicolon" || text == ";")
        return ';';
    if (text == "pipe" || text == "|")
        return '|';
    if (text == "space" || text == " ")
        return ' ';
    return makeError(ErrorCode::InvalidArgument,
                     "unknown delimiter '" + text + "' (auto, comma, tab, semicolon, pipe, space)",
                     Location{"", 0, 0, "delimiter"});
}

Expected<ImportOptions> importOptionsFromArgs(const Args &args)
{
    ImportOptions o;
    auto input = args.required("input");
    if (!input)
        return tl::unexpected(input.error());
    o.path = *input;
    o.itemsPath = args.value("items");
    o.usersPath = args.value("users");
    o.datasetName = args.value("name");
    auto format = parseImportFormat(args.value("format", "auto"));
    if (!format)
        return tl::unexpected(format.error());
    o.format = *format;
    auto delimiter = parseDelimiter(args.value("delimiter", "auto"));
    if (!delimiter)
        return tl::unexpected(delimiter.error());
    o.delimiter = *delimiter;
    const std::string encoding = args.value("encoding", "auto");
    if (encoding == "auto")
        o.encoding = TextEncoding::Auto;
    else if (encoding == "utf-8" || encoding == "utf8")
        o.encoding = TextEncoding::Utf8;
    else if (encoding == "gbk" || encoding == "gb18030")
        o.encoding = TextEncoding::Gb18030;
    else
        return makeError(ErrorCode::InvalidArgument,
                         "unknown encoding '" + encoding + "' (auto, utf-8, gbk, gb18030)",
                         Location{"", 0, 0, "encoding"});
    if (args.has("header"))
        o.hasHeader = true;
    if (args.has("no-header"))
        o.hasHeader = false;
    o.columns.user = args.value("user-column");
    o.columns.item = args.value("item-column");
    o.columns.timestamp = args.value("time-column");
    o.columns.event = args.value("event-column");
    o.columns.value = args.value("value-column");
    o.defaultEvent = args.value("event", o.defaultEvent);
    const std::string timeFormat = args.value("time-format", "auto");
    if (timeFormat == "auto")
        o.timestampFormat = TimestampFormat::Auto;
    else if (timeFormat == "unix" || timeFormat == "unix-seconds")
        o.timestampFormat = TimestampFormat::UnixSeconds;
    else if (timeFormat == "unix-ms")
        o.timestampFormat = TimestampFormat::UnixMillis;
    else if (timeFormat == "iso8601")
        o.timestampFormat = TimestampFormat::Iso8601;
    else {
        o.timestampFormat = TimestampFormat::Custom;
        o.timestampPattern = timeFormat;
    }
    const std::string onError = args.value("on-error", "skip");
    if (onError == "skip")
        o.errorPolicy = ErrorPolicy::SkipAndReport;
    else if (onError == "stop")
        o.errorPolicy = ErrorPolicy::StopAtFirstError;
    else
        return makeError(ErrorCode::InvalidArgument, "--on-error expects skip or stop",
                         Location{"", 0, 0, "on-error"});
    return o;
}

Expected<FilterParams> filterParamsFromArgs(const Args &args)
{
    FilterParams f;
    f.dedup = args.has("dedup");
    f.kcore = args.has("kcore");
    auto minUser = args.integer("min-user", 0);
    auto minItem = args.integer("min-item", 0);
    auto from = args.integer("time-from", 0);
    auto to = args.integer("time-to", 0);
    for (auto *v : {&minUser, &minItem, &from, &to})
        if (!*v)
            return tl::unexpected(v->error());
    f.minUserInteractions = int(*minUser);
    f.minItemInteractions = int(*minItem);
    if (args.has("time-from"))
        f.timeFrom = *from;
    if (args.has("time-to"))
        f.timeTo = *to;
    return f;
}

// Quotes a CSV field when it needs it (RFC 4180).
std::string csvField(const std::string &s)
{
    if (s.find_first_of(",\"\r\n") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char c : s)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

Status writeRejectedCsv(const ImportReport &report, const std::string &path)
{
    const std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out)
            return makeError(ErrorCode::Io, "cannot write " + tmp);
        out << "file,line,column,field,reason,text\n";
        for (const FileImportReport &f : report.files)
            for (const RejectedRow &r : f.rejected)
                out << csvField(r.file) << ',' << r.line << ',' << r.column << ','
                    << csvField(r.field) << ',' << csvField(r.reason) << ',' << csvField(r.text)
                    << '\n';
        if (!out.flush())
            return makeError(ErrorCode::Io, "cannot write " + tmp);
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0)
        return makeError(ErrorCode::Io, "cannot rename " + tmp + " to " + path);
    return {};
}

nlohmann::json reportJson(const ImportReport &report)
{
    nlohmann::json files = nlohmann::json::array();
    for (const FileImportReport &f : report.files) {
        nlohmann::json rejected = nlohmann::json::array();
        for (size_t i = 0; i < f.rejected.size() && i < 20; ++i) {
            const RejectedRow &r = f.rejected[i];
            rejected.push_back(
                {{"line", r.line}, {"column", r.column}, {"field", r.field}, {"reason", r.reason}});
        }
        files.push_back({{"file", f.file},
                         {"format", f.format},
                         {"encoding", f.encoding},
                         {"delimiter", std::string(f.delimiter ? 1 : 0, f.delimiter)},
                         {"header", f.header},
                         {"read", f.rowsRead},
                         {"accepted", f.rowsAccepted},
                         {"rejected", f.rowsRejected},
                         {"first_rejected", rejected}});
    }
    return {{"files", files}, {"seconds", report.seconds}};
}

} // namespace

int runImport(int argc, char **argv, int first)
{
    Args args(
        "import",
        {
            {"project", true, "project file (*.recforge), created if missing", ""},
            {"input", true, "interactions file (csv/tsv/jsonl/sequence/u.data/.inter)", ""},
            {"items", true, "item catalogue file", ""},
            {"users", true, "user attribute file", ""},
            {"name", true, "dataset name", "file name"},
            {"format", true, "auto | delimited | jsonl | sequence | movielens | recbole", "auto"},
            {"delimiter", true, "auto | comma | tab | semicolon | pipe", "auto"},
            {"encoding", true, "auto | utf-8 | gbk | gb18030", "auto"},
            {"header", false, "the first line is a header", "sniffed"},
            {"no-header", false, "the first line is data", ""},
            {"user-column", true, "user id column (name or #index)", "inferred"},
            {"item-column", true, "item id column", "inferred"},
            {"time-column", true, "timestamp column", "inferred"},
            {"event-column", true, "event type column", "inferred"},
            {"value-column", true, "rating / weight column", "inferred"},
            {"event", true, "event kind when there is no event column", "view"},
            {"time-format", true, "auto | unix | unix-ms | iso8601 | strptime pattern", "auto"},
            {"on-error", true, "skip (skip and report) | stop (stop at the first error)", "skip"},
            {"rejected-csv", true, "write every reported rejected row to this CSV", ""},
            {"dedup", false, "drop duplicate rows", ""},
            {"min-user", true, "minimum interactions per user", "0"},
            {"min-item", true, "minimum interactions per item", "0"},
            {"kcore", false, "repeat the minimum-count filters until stable", ""},
            {"time-from", true, "keep interactions at or after this unix time", ""},
            {"time-to", true, "keep interactions before this unix time", ""},
            {"split", true, "also store a split of this kind (see `split --help`)", ""},
            {"seed", true, "split seed", "42"},
            {"replace", false, "replace a dataset of the same name", ""},
        });
    int code = 0;
    if (!parseOrExit(args, argc, argv, first, code))
        return code;
    auto options = importOptionsFromArgs(args);
    if (!options)
        return reportError(options.error(), args);
    auto filters = filterParamsFromArgs(args);
    if (!filters)
        return reportError(filters.error(), args);
    SplitParams splitParams;
    if (args.has("split")) {
        auto kind = parseSplitKind(args.value("split"));
        if (!kind)
            return reportError(kind.error(), args);
        auto seed = args.integer("seed", 42);
        if (!seed)
            return reportError(seed.error(), args);
        splitParams.kind = *kind;
        splitParams.seed = uint64_t(*seed);
    }
    auto project = openProject(args, true);
    if (!project)
        return reportError(project.error(), args);

    StopToken stop;
    installInterruptHandler(stop);
    ProgressBar bar(!args.has("quiet"));
    auto result = importDataset(*options, bar, stop);
    bar.finish();
    if (!result)
        return reportError(result.error(), args);
    auto filterReport = applyFilters(result->dataset, *filters);
    if (!filterReport)
        return reportError(filterReport.error(), args);
    if (result->dataset.interactions.size() == 0)
        return reportError(Error{ErrorCode::Empty, "no interaction left after filtering",
                                 Location{options->path, 0, 0, ""}},
                           args);

    const nlohmann::json metadata = {{"filter", toJson(*filters)},
                                     {"filter_report", toJson(*filterReport)}};
    auto id = (*project)->saveDataset(result->dataset, result->report, options->path,
                                      args.has("replace"), metadata.dump());
    if (!id)
        return reportError(id.error(), args);

    nlohmann::json splitJson;
    if (args.has("split")) {
        auto split = makeSplit(result->dataset, splitParams, stop);
        if (!split)
            return reportError(split.error(), args);
        const std::string name = std::string(splitKindName(splitParams.kind)) + "-seed" +
                                 std::to_string(splitParams.seed);
        auto splitId = (*project)->saveSplit(*id, *split, name);
        if (!splitId)
            return reportError(splitId.error(), args);
        splitJson = {{"id", *splitId}, {"name", name}, {"counts", toJson(split->counts())}};
    }
    if (args.has("rejected-csv"))
        if (auto ok = writeRejectedCsv(result->report, args.value("rejected-csv")); !ok)
            return reportError(ok.error(), args);

    const Dataset &d = result->dataset;
    if (args.has("json")) {
        nlohmann::json out = {{"ok", true},
                              {"project", (*project)->path()},
                              {"dataset", {{"id", *id}, {"name", d.name}}},
                              {"users", d.userCount()},
                              {"items", d.itemCount()},
                              {"interactions", d.interactions.size()},
                              {"report", reportJson(result->report)},
                              {"filter_report", toJson(*filterReport)}};
        if (!splitJson.is_null())
            out["split"] = splitJson;
        printJson(out);
    } else {
        for (const FileImportReport &f : result->report.files) {
            std::printf("%s: %lld read, %lld accepted, %lld rejected (%s, %s)\n", f.file.c_str(),
                        static_cast<long long>(f.rowsRead), static_cast<long long>(f.rowsAccepted),
                        static_cast<long long>(f.rowsRejected), f.format.c_str(),
                        f.encoding.c_str());
            for (size_t i = 0; i < f.rejected.size() && i < 5; ++i) {
                const RejectedRow &r = f.rejected[i];
                std::printf("  rejected %s:%lld:%lld (%s): %s\n", r.file.c_str(),
                            static_cast<long long>(r.line), static_cast<long long>(r.column),
                            r.field.c_str(), r.reason.c_str());
            }
            if (f.rowsRejected > 5)
                std::printf("  ... %lld more (use --rejected-csv FILE)\n",
                            static_cast<long long>(f.rowsRejected - 5));
        }
        std::printf("Stored '%s' (dataset %lld): %d users, %d items, %zu interactions in %s\n",
                    d.name.c_str(), static_cast<long long>(*id), d.userCount(), d.itemCount(),
                    d.interactions.size(), (*project)->path().c_str());
        if (!splitJson.is_null())
            std::printf("Split '%s' stored.\n", splitJson["name"].get<std::string>().c_str());
    }
    return kOk;
}

} // namespace recforge::cli
