// previewFile: what the import wizard shows before importing.

#include <filesystem>
#include <set>

#include <nlohmann/json.hpp>

#include "data/import/columninference.h"
#include "data/import/delimitedimporter.h"
#include "data/import/fieldparsers.h"
#include "data/import/formatdetection.h"
#include "data/import/importer.h"

namespace fs = std::filesystem;

namespace recforge {

namespace {

constexpr size_t kPreviewBytes = 1 << 20;

// Fills types, suggestion (unless the options map user and item) and distinct events from rows.
void finishPreview(ImportPreview &preview, const ImportOptions &options,
                   const std::vector<SampleRecord> &rows)
{
    preview.columnTypes = inferColumnTypes(rows, preview.columnNames.size());
    preview.suggested = (!options.columns.user.empty() && !options.columns.item.empty())
                            ? options.columns
                            : suggestInteractionColumns(preview.columnNames, preview.columnTypes,
                                                        rows, preview.hasHeader);
    if (!preview.suggested.event.empty()) {
        auto index = resolveColumn(preview.suggested.event, preview.columnNames, preview.hasHeader,
                                   "event", options.path);
        if (index) {
            std::set<std::string> seen;
            for (const SampleRecord &r : rows)
                if (*index < r.fields.size()) {
                    std::string v(trimSpaces(r.fields[*index]));
                    if (!v.empty() && seen.insert(v).second)
                        preview.distinctEvents.push_back(v);
                }
        }
    }
}

Expected<ImportPreview> previewDelimited(const std::string &path, const ImportOptions &options,
                                         int maxRows, ImportFormat format)
{
    auto src = openDelimited(path, options, kPreviewBytes);
    if (!src)
        return tl::unexpected(src.error());
    ImportPreview preview;
    preview.format = format;
    preview.encoding = src->text.encoding;
    preview.encodingName = src->text.encodingName;
    preview.delimiter = src->delimiter;
    preview.hasHeader = src->hasHeader;
    preview.columnNames = src->names;
    std::vector<SampleRecord> rows;
    DelimitedRecord record;
    while (int(rows.size()) < maxRows &&
           src->reader->next(record) == DelimitedReader::Status::Record) {
        SampleRecord s;
        s.line = record.line;
        s.fields.assign(record.fields.begin(), record.fields.end());
        rows.push_back(std::move(s));
    }
    for (const SampleRecord &r : rows)
        preview.rows.push_back(r.fields);
    // Inference uses the larger sample when the preview shows fewer rows.
    finishPreview(preview, options, rows.size() >= src->sample.size() ? rows : src->sample);
    return preview;
}

std::string firstInter(const std::string &folder)
{
    std::error_code ec;
    for (const auto &entry : fs::directory_iterator(folder, ec))
        if (entry.path().extension() == ".inter")
            return entry.path().string();
    return folder;
}

Expected<ImportPreview> previewJsonLines(const ImportOptions &options, int maxRows)
{
    auto text = loadText(options.path, options.encoding, kPreviewBytes);
    if (!text)
        return tl::unexpected(text.error());
    ImportPreview preview;
    preview.format = ImportFormat::JsonLines;
    preview.encoding = text->encoding;
    preview.encodingName = text->encodingName;
    preview.delimiter = 0;
    std::vector<nlohmann::json> objects;
    const std::string_view all = text->text();
    for (size_t pos = 0; pos < all.size() && int(objects.size()) < maxRows;) {
        size_t end = all.find('\n', pos);
        if (end == std::string_view::npos)
            end = all.size();
        const std::string_view line = trimSpaces(all.substr(pos, end - pos));
        pos = end + 1;
        if (line.empty())
            continue;
        nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
        if (!j.is_object())
            continue;
        for (const auto &item : j.items())
            if (std::find(preview.columnNames.begin(), preview.columnNames.end(), item.key()) ==
                preview.columnNames.end())
                preview.columnNames.push_back(item.key());
        objects.push_back(std::move(j));
    }
    std::vector<SampleRecord> rows;
    for (const nlohmann::json &j : objects) {
        SampleRecord r;
        for (const std::string &name : preview.columnNames) {
            auto it = j.find(name);
            if (it == j.end() || it->is_null())
                r.fields.emplace_back();
            else
                r.fields.push_back(it->is_string() ? it->get<std::string>() : it->dump());
        }
        rows.push_back(r);
        preview.rows.push_back(r.fields);
    }
    finishPreview(preview, options, rows);
    return preview;
}

Expected<ImportPreview> previewSequence(const ImportOptions &options, int maxRows)
{
    auto text = loadText(options.path, options.encoding, kPreviewBytes);
    if (!text)
        return tl::unexpected(text.error());
    ImportPreview preview;
    preview.format = ImportFormat::Sequence;
    preview.encoding = text->encoding;
    preview.encodingName = text->encodingName;
    preview.delimiter = ' ';
    preview.hasHeader = false;
    preview.columnNames = {"user", "items"};
    preview.columnTypes = {ColumnType::Text, ColumnType::Text};
    const std::string_view all = text->text();
    for (size_t pos = 0; pos < all.size() && int(preview.rows.size()) < maxRows;) {
        size_t end = all.find('\n', pos);
        if (end == std::string_view::npos)
            end = all.size();
        const std::string_view line = trimSpaces(all.substr(pos, end - pos));
        pos = end + 1;
        if (line.empty())
            continue;
        const size_t space = line.find_first_of(" \t");
        const std::string_view user = line.substr(0, space);
        const std::string_view items =
            space == std::string_view::npos ? std::string_view() : trimSpaces(line.substr(space));
        preview.rows.push_back({std::string(user), std::string(items)});
    }
    preview.suggested.user = "user";
    preview.suggested.item = "items";
    return preview;
}

} // namespace

Expected<ImportPreview> previewFile(const ImportOptions &options, int maxRows)
{
    maxRows = std::max(maxRows, 1);
    auto format = resolveImportFormat(options);
    if (!format)
        return tl::unexpected(format.error());
    switch (*format) {
    case ImportFormat::JsonLines:
        return previewJsonLines(options, maxRows);
    case ImportFormat::Sequence:
        return previewSequence(options, maxRows);
    case ImportFormat::MovieLens: {
        ImportOptions ml = options;
        std::error_code ec;
        const std::string path = fs::is_directory(options.path, ec)
                                     ? (fs::path(options.path) / "u.data").string()
                                     : options.path;
        ml.delimiter = '\t';
        ml.hasHeader = false;
        auto preview = previewDelimited(path, ml, maxRows, ImportFormat::MovieLens);
        if (preview) {
            const std::vector<std::string> names = {"user_id", "item_id", "rating", "timestamp"};
            for (size_t c = 0; c < preview->columnNames.size() && c < names.size(); ++c)
                preview->columnNames[c] = names[c];
            preview->suggested = InteractionColumns{"#0", "#1", "#3", "", "#2"};
        }
        return preview;
    }
    case ImportFormat::RecBole: {
        ImportOptions rb = options;
        std::error_code ec;
        const std::string path =
            fs::is_directory(options.path, ec) ? firstInter(options.path) : options.path;
        rb.delimiter = '\t';
        rb.hasHeader = true;
        auto preview = previewDelimited(path, rb, maxRows, ImportFormat::RecBole);
        if (preview) {
            // "user_id:token" -> "user_id"; the suggestion is made again on the plain names.
            for (std::string &name : preview->columnNames)
                name = name.substr(0, name.find(':'));
            std::vector<SampleRecord> rows;
            for (const auto &r : preview->rows)
                rows.push_back(SampleRecord{r, 0});
            preview->distinctEvents.clear();
            finishPreview(*preview, options, rows);
        }
        return preview;
    }
    case ImportFormat::Auto:
    case ImportFormat::Delimited:
        break;
    }
    return previewDelimited(options.path, options, maxRows, ImportFormat::Delimited);
}

} // namespace recforge
