#include "recboleimporter.h"

#include <chrono>
#include <filesystem>

#include "data/import/fieldparsers.h"
#include "data/import/formatsupport.h"
#include "data/import/recboleside.h"
#include "data/import/rowsink.h"

namespace recforge {

using namespace importdetail;

namespace {

const char *typeName(RecBoleType type)
{
    switch (type) {
    case RecBoleType::Token:
        return "token";
    case RecBoleType::TokenSeq:
        return "token_seq";
    case RecBoleType::Float:
        return "float";
    case RecBoleType::FloatSeq:
        return "float_seq";
    }
    return "?";
}

bool isSequence(RecBoleType type)
{
    return type == RecBoleType::TokenSeq || type == RecBoleType::FloatSeq;
}

// "dir" -> "dir/<name>.inter" when the folder holds exactly one .inter file.
Expected<std::string> resolveInterPath(const std::string &path)
{
    if (!isDirectory(path))
        return path;
    std::vector<std::string> found;
    std::error_code ec;
    for (const auto &entry : std::filesystem::directory_iterator(path, ec))
        if (entry.path().extension() == ".inter")
            found.push_back(entry.path().string());
    if (found.size() != 1)
        return makeError(ErrorCode::NotFound,
                         found.empty() ? "no .inter file in the folder"
                                       : "several .inter files in the folder; choose one",
                         Location{path, 0, 0, {}});
    return found.front();
}

// Position of a required or optional .inter field; Schema error when a required one is missing or
// a field has a sequence type where one value is needed.
Expected<std::optional<size_t>> interField(const std::vector<RecBoleField> &fields,
                                           const std::string &configured,
                                           std::initializer_list<std::string_view> defaults,
                                           bool required, const char *role, const std::string &file)
{
    const std::optional<size_t> index = findRecBoleField(fields, configured, defaults);
    const std::string wanted = configured.empty() ? std::string(*defaults.begin()) : configured;
    if (!index) {
        if (required || !configured.empty())
            return makeError(ErrorCode::Schema,
                             std::string("no ") + role + " field '" + wanted + "' in the header",
                             Location{file, 1, 0, wanted});
        return std::optional<size_t>{};
    }
    const RecBoleField &field = fields[*index];
    if (isSequence(field.type))
        return makeError(ErrorCode::Schema,
                         std::string("the ") + role + " field must hold one value, not " +
                             typeName(field.type),
                         Location{file, 1, int64_t(*index + 1), field.name});
    return index;
}

SinkField sinkField(const std::optional<size_t> &index, const std::vector<RecBoleField> &fields)
{
    return index ? SinkField::at(int64_t(*index + 1), fields[*index].name) : SinkField{};
}

} // namespace

Expected<std::vector<RecBoleField>> parseRecBoleHeader(const std::string &line,
                                                       const std::string &file)
{
    std::vector<std::string_view> cells;
    splitOn(std::string_view(line), '\t', cells);
    std::vector<RecBoleField> fields;
    for (size_t c = 0; c < cells.size(); ++c) {
        const std::string_view cell = trimSpaces(cells[c]);
        const Location where{file, 1, int64_t(c + 1), std::string(cell)};
        const size_t colon = cell.rfind(':');
        if (colon == std::string_view::npos)
            return makeError(ErrorCode::Schema,
                             "header column '" + std::string(cell) +
                                 "' has no ':type' (expected name:token, name:token_seq, "
                                 "name:float or name:float_seq)",
                             where);
        const std::string_view name = trimSpaces(cell.substr(0, colon));
        const std::string type = toLowerAscii(trimSpaces(cell.substr(colon + 1)));
        if (name.empty())
            return makeError(ErrorCode::Schema, "header column has an empty field name", where);
        RecBoleField field{std::string(name), RecBoleType::Token};
        if (type == "token")
            field.type = RecBoleType::Token;
        else if (type == "token_seq")
            field.type = RecBoleType::TokenSeq;
        else if (type == "float")
            field.type = RecBoleType::Float;
        else if (type == "float_seq")
            field.type = RecBoleType::FloatSeq;
        else
            return makeError(ErrorCode::Schema,
                             "unknown type '" + type + "' in header column '" + std::string(cell) +
                                 "' (expected token, token_seq, float or float_seq)",
                             where);
        for (const RecBoleField &earlier : fields)
            if (earlier.name == field.name)
                return makeError(ErrorCode::Schema, "duplicate field '" + field.name + "'", where);
        fields.push_back(std::move(field));
    }
    return fields;
}

Expected<ImportResult> importRecBole(const ImportOptions &options, Observer &observer,
                                     StopToken stop)
{
    const auto started = std::chrono::steady_clock::now();
    auto interPath = resolveInterPath(options.path);
    if (!interPath)
        return tl::unexpected(interPath.error());
    const std::string &file = *interPath;
    auto atomic = loadAtomicFile(file, options.encoding);
    if (!atomic)
        return tl::unexpected(atomic.error());
    const std::vector<RecBoleField> &fields = atomic->fields;

    const InteractionColumns &names = options.columns;
    auto user = interField(fields, names.user, {"user_id"}, true, "user id", file);
    auto item = interField(fields, names.item, {"item_id"}, true, "item id", file);
    auto time = interField(fields, names.timestamp, {"timestamp"}, false, "timestamp", file);
    auto value = interField(fields, names.value, {"rating"}, false, "rating", file);
    auto event = interField(fields, names.event, {"event"}, false, "event", file);
    for (const auto *found : {&user, &item, &time, &value, &event})
        if (!*found)
            return tl::unexpected(found->error());

    ImportResult result;
    Dataset &dataset = result.dataset;
    dataset.name = options.datasetName.empty() ? fileStem(file) : options.datasetName;
    FileImportReport report;
    report.file = file;
    report.format = "recbole";
    report.encoding = atomic->decoded.encodingName;
    report.delimiter = '\t';
    report.header = true;

    ImportOptions effective = options;
    if (value->has_value() && !event->has_value() && isGenericDefaultEvent(options))
        effective.defaultEvent = "rating";
    {
        InteractionRowSink sink(dataset, report, effective,
                                SinkLayout{sinkField(*user, fields), sinkField(*item, fields),
                                           sinkField(*time, fields), sinkField(*event, fields),
                                           sinkField(*value, fields)},
                                file);
        const std::string_view body = atomic->body;
        sink.reserve(body.size() / 30);
        const int64_t total = int64_t(atomic->decoded.text().size());
        const int64_t bodyStart = total - int64_t(body.size());
        ProgressReporter progress(observer, stop, "parse " + displayName(file), total);
        LineCursor cursor(body);
        TextLine line;
        std::vector<std::string_view> cells;
        auto cellOf = [&](const std::optional<size_t> &index) {
            return index ? cells[*index] : std::string_view();
        };
        while (cursor.next(line)) {
            if (!progress.tick(bodyStart + int64_t(cursor.position())))
                return tl::unexpected(cancelledError(file));
            if (isBlank(line.text))
                continue; // blank lines are not records
            const int64_t lineNumber = line.number + atomic->firstBodyLine - 1;
            splitOn(line.text, '\t', cells);
            if (cells.size() != fields.size()) {
                const bool few = cells.size() < fields.size();
                const size_t column = few ? cells.size() + 1 : fields.size() + 1;
                if (!sink.reject(lineNumber, int64_t(column), few ? fields[column - 1].name : "",
                                 "expected " + std::to_string(fields.size()) +
                                     " tab-separated fields, found " + std::to_string(cells.size()),
                                 line.text))
                    return tl::unexpected(sink.error());
                continue;
            }
            if (!sink.add(RecordFields{cells[**user], cells[**item], cellOf(*time), cellOf(*event),
                                       cellOf(*value)},
                          lineNumber, line.text))
                return tl::unexpected(sink.error());
        }
        progress.finish();
        if (Status done = sink.finish(); !done)
            return tl::unexpected(done.error());
    }
    result.report.files.push_back(std::move(report));
    atomic = {}; // release the interactions text before the side files

    auto sidePath = [&](const std::string &configured, const char *extension) {
        if (!configured.empty())
            return configured;
        const std::string beside = replaceExtension(file, extension);
        return fileExists(beside) ? beside : std::string();
    };
    if (const std::string itemsPath = sidePath(options.itemsPath, ".item"); !itemsPath.empty()) {
        auto items = importRecBoleItems(dataset, itemsPath, options, observer, stop);
        if (!items)
            return tl::unexpected(items.error());
        result.report.files.push_back(std::move(*items));
    }
    if (const std::string usersPath = sidePath(options.usersPath, ".user"); !usersPath.empty()) {
        auto users = importRecBoleUsers(dataset, usersPath, options, observer, stop);
        if (!users)
            return tl::unexpected(users.error());
        result.report.files.push_back(std::move(*users));
    }
    dataset.syncInfoSizes();
    result.report.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
}

} // namespace recforge
