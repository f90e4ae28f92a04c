// Catalogue and user attribute files in delimited form (the side files of an import).

#include <optional>

#include "data/import/columninference.h"
#include "data/import/delimitedimporter.h"
#include "data/import/fieldparsers.h"
#include "data/import/formatsupport.h"
#include "data/import/importer.h"

namespace recforge {

namespace {

// "$12.50", "¥30", "12.5元", "EUR 9" -> the number; nullopt when no finite number >= 0 remains.
std::optional<double> parsePrice(std::string_view text)
{
    static constexpr std::string_view kSigns[] = {"$",   "¥",   "￥",  "€",   "£",
                                                  "RMB", "USD", "EUR", "CNY", "元"};
    text = trimSpaces(text);
    for (bool changed = true; changed;) {
        changed = false;
        for (std::string_view sign : kSigns) {
            if (text.starts_with(sign)) {
                text = trimSpaces(text.substr(sign.size()));
                changed = true;
            }
            if (text.ends_with(sign)) {
                text = trimSpaces(text.substr(0, text.size() - sign.size()));
                changed = true;
            }
        }
    }
    const auto v = parseFloatStrict(text);
    if (!v || *v < 0)
        return std::nullopt;
    return v;
}

struct Side {
    DelimitedSource src;
    FileImportReport report;
};

Expected<Side> openSide(const std::string &path, const ImportOptions &options)
{
    auto src = openDelimited(path, options);
    if (!src)
        return tl::unexpected(src.error());
    Side side{std::move(*src), {}};
    side.report.file = side.src.file;
    side.report.format = importFormatName(ImportFormat::Delimited);
    side.report.encoding = side.src.text.encodingName;
    side.report.delimiter = side.src.delimiter;
    side.report.header = side.src.hasHeader;
    return side;
}

// Runs `perRecord` over every data record, handling ragged rows, malformed quoting, progress and
// cancellation. perRecord returns false to stop (StopAtFirstError).
template <typename PerRecord>
Status forEachRecord(Side &side, importdetail::SideFileRows &rows, Observer &observer,
                     StopToken stop, PerRecord perRecord)
{
    DelimitedSource &src = side.src;
    ProgressReporter progress(observer, stop, "parse", int64_t(src.text.text().size()));
    DelimitedRecord record;
    const size_t expected = src.names.size();
    uint32_t sinceTick = 0;
    for (;;) {
        const auto status = src.reader->next(record);
        if (status == DelimitedReader::Status::End)
            break;
        if (status == DelimitedReader::Status::Error)
            return tl::unexpected(src.reader->error());
        bool ok;
        if (record.fields.size() != expected) {
            const size_t column = std::min(record.fields.size(), expected) + 1;
            ok = rows.reject(record.line, int64_t(column),
                             column <= expected ? src.names[column - 1] : std::string(),
                             "expected " + std::to_string(expected) + " fields, found " +
                                 std::to_string(record.fields.size()),
                             record.raw);
        } else if (record.problemColumn != 0) {
            ok = rows.reject(record.line, record.problemColumn,
                             src.names[size_t(record.problemColumn) - 1], record.problem,
                             record.raw);
        } else {
            ok = perRecord(record);
        }
        if (!ok)
            return tl::unexpected(rows.error());
        if (++sinceTick == 4096) {
            sinceTick = 0;
            if (!progress.tick(int64_t(src.reader->position())))
                return tl::unexpected(importdetail::cancelledError(src.file));
        }
    }
    if (!progress.finish())
        return tl::unexpected(importdetail::cancelledError(src.file));
    return {};
}

Expected<std::optional<size_t>> optionalColumn(const std::string &ref, const DelimitedSource &src,
                                               const char *role)
{
    if (ref.empty())
        return std::optional<size_t>();
    auto index = resolveColumn(ref, src.names, src.hasHeader, role, src.file);
    if (!index)
        return tl::unexpected(index.error());
    return std::optional<size_t>(*index);
}

std::string cell(const DelimitedRecord &record, std::optional<size_t> column)
{
    return column ? std::string(trimSpaces(record.fields[*column])) : std::string();
}

// Columns kept as attributes: the given list, or every column not in `used`.
Expected<std::vector<size_t>> attributeColumns(const std::vector<std::string> &refs,
                                               const DelimitedSource &src,
                                               const std::vector<std::optional<size_t>> &used)
{
    std::vector<size_t> out;
    if (!refs.empty()) {
        for (const std::string &ref : refs) {
            auto index = resolveColumn(ref, src.names, src.hasHeader, "attribute", src.file);
            if (!index)
                return tl::unexpected(index.error());
            out.push_back(*index);
        }
        return out;
    }
    for (size_t c = 0; c < src.names.size(); ++c) {
        bool isUsed = false;
        for (const auto &u : used)
            isUsed = isUsed || (u && *u == c);
        if (!isUsed)
            out.push_back(c);
    }
    return out;
}

} // namespace

Expected<FileImportReport> importDelimitedItems(Dataset &dataset, const ImportOptions &options,
                                                Observer &observer, StopToken stop)
{
    auto opened = openSide(options.itemsPath, options);
    if (!opened)
        return tl::unexpected(opened.error());
    Side &side = *opened;
    const DelimitedSource &src = side.src;
    ItemColumns cols = options.itemColumns;
    if (cols.item.empty()) {
        ItemColumns guess = suggestItemColumns(src.names, src.hasHeader);
        guess.categorySeparator = cols.categorySeparator;
        cols = std::move(guess);
    }
    auto itemCol = optionalColumn(cols.item, src, "item");
    auto titleCol = optionalColumn(cols.title, src, "title");
    auto categoryCol = optionalColumn(cols.category, src, "category");
    auto brandCol = optionalColumn(cols.brand, src, "brand");
    auto priceCol = optionalColumn(cols.price, src, "price");
    auto descCol = optionalColumn(cols.description, src, "description");
    for (auto *col : {&itemCol, &titleCol, &categoryCol, &brandCol, &priceCol, &descCol})
        if (!*col)
            return tl::unexpected(col->error());
    auto attrs = attributeColumns(
        cols.attributes, src, {*itemCol, *titleCol, *categoryCol, *brandCol, *priceCol, *descCol});
    if (!attrs)
        return tl::unexpected(attrs.error());

    importdetail::SideFileRows rows(side.report, options, src.file);
    const size_t iItem = **itemCol;
    auto perRecord = [&](const DelimitedRecord &record) {
        const std::string id = cell(record, iItem);
        if (id.empty())
            return rows.reject(record.line, int64_t(iItem) + 1, src.names[iItem], "empty item id",
                               record.raw);
        double price = kMissingPrice;
        if (*priceCol) {
            const std::string_view text = trimSpaces(record.fields[**priceCol]);
            if (!text.empty()) {
                const auto parsed = parsePrice(text);
                if (!parsed)
                    return rows.reject(record.line, int64_t(**priceCol) + 1, src.names[**priceCol],
                                       "not a price: '" + std::string(text) + "'", record.raw);
                price = *parsed;
            }
        }
        const int32_t index = dataset.items.intern(id);
        dataset.syncInfoSizes();
        ItemInfo &info = dataset.itemInfo[size_t(index)];
        // A repeated id updates the item: later non-empty cells win.
        if (std::string v = cell(record, *titleCol); !v.empty())
            info.title = std::move(v);
        if (std::string v = cell(record, *categoryCol); !v.empty())
            info.categoryPath = importdetail::splitCategoryPath(v, cols.categorySeparator);
        if (std::string v = cell(record, *brandCol); !v.empty())
            info.brand = std::move(v);
        if (!std::isnan(price))
            info.price = price;
        if (std::string v = cell(record, *descCol); !v.empty())
            info.description = std::move(v);
        for (size_t c : *attrs) {
            std::string v = cell(record, c);
            if (v.empty())
                continue;
            setAttribute(info.attributes, src.names[c], std::move(v));
        }
        rows.accept();
        return true;
    };
    if (auto done = forEachRecord(side, rows, observer, stop, perRecord); !done)
        return tl::unexpected(done.error());
    if (auto done = rows.finish("catalogue items"); !done)
        return tl::unexpected(done.error());
    return std::move(side.report);
}

Expected<FileImportReport> importDelimitedUsers(Dataset &dataset, const ImportOptions &options,
                                                Observer &observer, StopToken stop)
{
    auto opened = openSide(options.usersPath, options);
    if (!opened)
        return tl::unexpected(opened.error());
    Side &side = *opened;
    const DelimitedSource &src = side.src;
    UserColumns cols = options.userColumns;
    if (cols.user.empty())
        cols = suggestUserColumns(src.names, src.hasHeader);
    auto userCol = optionalColumn(cols.user, src, "user");
    if (!userCol)
        return tl::unexpected(userCol.error());
    auto attrs = attributeColumns(cols.attributes, src, {*userCol});
    if (!attrs)
        return tl::unexpected(attrs.error());

    importdetail::SideFileRows rows(side.report, options, src.file);
    const size_t iUser = **userCol;
    auto perRecord = [&](const DelimitedRecord &record) {
        const std::string id = cell(record, iUser);
        if (id.empty())
            return rows.reject(record.line, int64_t(iUser) + 1, src.names[iUser], "empty user id",
                               record.raw);
        const int32_t index = dataset.users.intern(id);
        dataset.syncInfoSizes();
        UserInfo &info = dataset.userInfo[size_t(index)];
        for (size_t c : *attrs) {
            std::string v = cell(record, c);
            if (v.empty())
                continue;
            setAttribute(info.attributes, src.names[c], std::move(v));
        }
        rows.accept();
        return true;
    };
    if (auto done = forEachRecord(side, rows, observer, stop, perRecord); !done)
        return tl::unexpected(done.error());
    if (auto done = rows.finish("users"); !done)
        return tl::unexpected(done.error());
    return std::move(side.report);
}

} // namespace recforge
