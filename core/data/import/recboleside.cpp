#include "recboleside.h"

#include <algorithm>

#include "data/import/fieldparsers.h"
#include "data/import/formatsupport.h"

namespace recforge::importdetail {

namespace {

// Runs perRow(cells, lineNumber, line, rows) over the body of an atomic file; ragged rows are
// rejected here. perRow returns false when the import must stop.
template <typename PerRow>
Expected<FileImportReport> readAtomicRows(const AtomicFile &atomic, const ImportOptions &options,
                                          Observer &observer, StopToken stop, const char *what,
                                          PerRow perRow)
{
    FileImportReport report;
    report.file = atomic.path;
    report.format = "recbole";
    report.encoding = atomic.decoded.encodingName;
    report.delimiter = '\t';
    report.header = true;
    SideFileRows rows(report, options, atomic.path);
    const int64_t total = int64_t(atomic.decoded.text().size());
    const int64_t bodyStart = total - int64_t(atomic.body.size());
    ProgressReporter progress(observer, std::move(stop), "parse " + displayName(atomic.path),
                              total);
    LineCursor cursor(atomic.body);
    TextLine line;
    std::vector<std::string_view> cells;
    const size_t width = atomic.fields.size();
    while (cursor.next(line)) {
        if (!progress.tick(bodyStart + int64_t(cursor.position())))
            return tl::unexpected(cancelledError(atomic.path));
        if (isBlank(line.text))
            continue;
        const int64_t lineNumber = line.number + atomic.firstBodyLine - 1;
        splitOn(line.text, '\t', cells);
        if (cells.size() != width) {
            const bool few = cells.size() < width;
            const size_t column = few ? cells.size() + 1 : width + 1;
            if (!rows.reject(lineNumber, int64_t(column), few ? atomic.fields[column - 1].name : "",
                             "expected " + std::to_string(width) + " tab-separated fields, found " +
                                 std::to_string(cells.size()),
                             line.text))
                return tl::unexpected(rows.error());
            continue;
        }
        // Declared float fields must hold numbers, whatever they map to.
        bool bad = false;
        for (size_t c = 0; c < width && !bad; ++c)
            if (auto reason = checkRecBoleValue(cells[c], atomic.fields[c].type)) {
                bad = true;
                if (!rows.reject(lineNumber, int64_t(c + 1), atomic.fields[c].name, *reason,
                                 line.text))
                    return tl::unexpected(rows.error());
            }
        if (bad)
            continue;
        if (!perRow(cells, lineNumber, line, rows))
            return tl::unexpected(rows.error());
    }
    progress.finish();
    if (Status done = rows.finish(what); !done)
        return tl::unexpected(done.error());
    return report;
}

std::string joinedAttribute(std::string_view value, RecBoleType type)
{
    // Sequences keep RecBole's space separation, normalised to single spaces.
    if (type == RecBoleType::TokenSeq || type == RecBoleType::FloatSeq) {
        std::vector<std::string_view> parts;
        splitWhitespace(value, parts);
        std::string out;
        for (std::string_view part : parts) {
            if (!out.empty())
                out += ' ';
            out += part;
        }
        return out;
    }
    return std::string(trimSpaces(value));
}

} // namespace

Expected<AtomicFile> loadAtomicFile(const std::string &path, TextEncoding encoding)
{
    auto decoded = loadText(path, encoding);
    if (!decoded)
        return tl::unexpected(decoded.error());
    AtomicFile atomic;
    atomic.path = path;
    atomic.decoded = std::move(*decoded);
    const std::string_view text = atomic.decoded.text();
    LineCursor cursor(text);
    TextLine line;
    bool found = false;
    while (cursor.next(line))
        if (!isBlank(line.text)) {
            found = true;
            break;
        }
    if (!found)
        return makeError(ErrorCode::Empty, "file is empty", Location{path, 0, 0, {}});
    auto fields = parseRecBoleHeader(std::string(line.text), path);
    if (!fields) {
        Error error = fields.error();
        error.location.line = line.number;
        return tl::unexpected(std::move(error));
    }
    atomic.fields = std::move(*fields);
    atomic.body = text.substr(cursor.position());
    atomic.firstBodyLine = line.number + 1;
    if (isBlank(atomic.body))
        return makeError(ErrorCode::Empty, "the file has a header but no rows",
                         Location{path, line.number, 0, {}});
    return atomic;
}

std::optional<size_t> findRecBoleField(const std::vector<RecBoleField> &fields,
                                       const std::string &name,
                                       std::initializer_list<std::string_view> candidates)
{
    if (!name.empty()) {
        for (size_t i = 0; i < fields.size(); ++i)
            if (fields[i].name == name)
                return i;
        return std::nullopt;
    }
    for (std::string_view candidate : candidates)
        for (size_t i = 0; i < fields.size(); ++i)
            if (equalsIgnoreCase(fields[i].name, candidate))
                return i;
    return std::nullopt;
}

std::optional<std::string> checkRecBoleValue(std::string_view value, RecBoleType type)
{
    if (type == RecBoleType::Float) {
        const std::string_view text = trimSpaces(value);
        if (!text.empty() && !parseFloatStrict(text))
            return "not a finite number: '" + std::string(text) + "'";
    } else if (type == RecBoleType::FloatSeq) {
        std::vector<std::string_view> parts;
        splitWhitespace(value, parts);
        for (std::string_view part : parts)
            if (!parseFloatStrict(part))
                return "not a finite number in the sequence: '" + std::string(part) + "'";
    }
    return std::nullopt;
}

Expected<FileImportReport> importRecBoleItems(Dataset &dataset, const std::string &path,
                                              const ImportOptions &options, Observer &observer,
                                              StopToken stop)
{
    auto atomic = loadAtomicFile(path, options.encoding);
    if (!atomic)
        return tl::unexpected(atomic.error());
    const std::vector<RecBoleField> &fields = atomic->fields;
    const ItemColumns &names = options.itemColumns;
    const auto id = findRecBoleField(fields, names.item, {"item_id"});
    if (!id)
        return makeError(ErrorCode::Schema, "no item id field in the header",
                         Location{path, atomic->firstBodyLine - 1, 0,
                                  names.item.empty() ? "item_id" : names.item});
    const auto title =
        findRecBoleField(fields, names.title, {"title", "movie_title", "item_title", "name"});
    const auto category = findRecBoleField(
        fields, names.category, {"categories", "category", "genre", "genres", "class", "cate"});
    const auto brand = findRecBoleField(fields, names.brand, {"brand"});
    const auto price = findRecBoleField(fields, names.price, {"price"});
    const auto description = findRecBoleField(fields, names.description, {"description", "desc"});

    auto perRow = [&](const std::vector<std::string_view> &cells, int64_t lineNumber,
                      const TextLine &line, SideFileRows &rows) {
        const std::string_view itemId = trimSpaces(cells[*id]);
        if (itemId.empty())
            return rows.reject(lineNumber, int64_t(*id + 1), fields[*id].name, "empty item id",
                               line.text);
        double priceValue = kMissingPrice;
        if (price) {
            const std::string_view text = trimSpaces(cells[*price]);
            if (!text.empty()) {
                const auto parsed = parseFloatStrict(text);
                if (!parsed || *parsed < 0)
                    return rows.reject(
                        lineNumber, int64_t(*price + 1), fields[*price].name,
                        "price must be a number >= 0, not '" + std::string(text) + "'", line.text);
                priceValue = *parsed;
            }
        }
        const int32_t index = dataset.items.intern(itemId);
        dataset.syncInfoSizes();
        ItemInfo &info = dataset.itemInfo[size_t(index)];
        for (size_t c = 0; c < fields.size(); ++c) {
            const std::string_view cell = cells[c];
            if (c == *id) {
                continue;
            } else if (title && c == *title) {
                info.title = std::string(trimSpaces(cell));
            } else if (brand && c == *brand) {
                info.brand = std::string(trimSpaces(cell));
            } else if (description && c == *description) {
                info.description = std::string(trimSpaces(cell));
            } else if (price && c == *price) {
                info.price = priceValue;
            } else if (category && c == *category) {
                if (fields[c].type == RecBoleType::TokenSeq) {
                    std::vector<std::string_view> parts;
                    splitWhitespace(cell, parts);
                    info.categoryPath.assign(parts.begin(), parts.end());
                } else {
                    info.categoryPath = splitCategoryPath(cell, names.categorySeparator);
                }
            } else if (!trimSpaces(cell).empty()) {
                if (!names.attributes.empty() &&
                    std::find(names.attributes.begin(), names.attributes.end(), fields[c].name) ==
                        names.attributes.end())
                    continue;
                info.attributes.emplace_back(fields[c].name, joinedAttribute(cell, fields[c].type));
            }
        }
        rows.accept();
        return true;
    };
    return readAtomicRows(*atomic, options, observer, std::move(stop), "items", perRow);
}

Expected<FileImportReport> importRecBoleUsers(Dataset &dataset, const std::string &path,
                                              const ImportOptions &options, Observer &observer,
                                              StopToken stop)
{
    auto atomic = loadAtomicFile(path, options.encoding);
    if (!atomic)
        return tl::unexpected(atomic.error());
    const std::vector<RecBoleField> &fields = atomic->fields;
    const UserColumns &names = options.userColumns;
    const auto id = findRecBoleField(fields, names.user, {"user_id"});
    if (!id)
        return makeError(ErrorCode::Schema, "no user id field in the header",
                         Location{path, atomic->firstBodyLine - 1, 0,
                                  names.user.empty() ? "user_id" : names.user});
    auto perRow = [&](const std::vector<std::string_view> &cells, int64_t lineNumber,
                      const TextLine &line, SideFileRows &rows) {
        const std::string_view userId = trimSpaces(cells[*id]);
        if (userId.empty())
            return rows.reject(lineNumber, int64_t(*id + 1), fields[*id].name, "empty user id",
                               line.text);
        const int32_t index = dataset.users.intern(userId);
        dataset.syncInfoSizes();
        UserInfo &info = dataset.userInfo[size_t(index)];
        for (size_t c = 0; c < fields.size(); ++c) {
            if (c == *id || trimSpaces(cells[c]).empty())
                continue;
            if (!names.attributes.empty() &&
                std::find(names.attributes.begin(), names.attributes.end(), fields[c].name) ==
                    names.attributes.end())
                continue;
            info.attributes.emplace_back(fields[c].name, joinedAttribute(cells[c], fields[c].type));
        }
        rows.accept();
        return true;
    };
    return readAtomicRows(*atomic, options, observer, std::move(stop), "users", perRow);
}

} // namespace recforge::importdetail
