// Catalogue and user-attribute JSON Lines (importJsonLinesItems / importJsonLinesUsers).

#include "jsonlimporter.h"

#include <algorithm>
#include <optional>

#include "data/import/fieldparsers.h"
#include "data/import/formatsupport.h"
#include "data/import/jsonfields.h"
#include "data/import/textdecoder.h"

namespace recforge {

using namespace importdetail;

namespace {

// Runs `perObject(object, line, rows)` for every non-blank line that is a JSON object; syntax
// errors and non-objects are rejected records. perObject returns false when the import must stop.
template <typename PerObject>
Expected<FileImportReport> readObjects(const std::string &path, const ImportOptions &options,
                                       Observer &observer, StopToken stop, const char *what,
                                       std::string_view text, const std::string &encodingName,
                                       PerObject perObject)
{
    FileImportReport report;
    report.file = path;
    report.format = "jsonl";
    report.encoding = encodingName;
    SideFileRows rows(report, options, path);
    ProgressReporter progress(observer, std::move(stop), "parse " + displayName(path),
                              int64_t(text.size()));
    LineCursor cursor(text);
    TextLine line;
    while (cursor.next(line)) {
        if (!progress.tick(int64_t(cursor.position())))
            return tl::unexpected(cancelledError(path));
        if (isBlank(line.text))
            continue;
        Json object;
        try {
            object = Json::parse(line.text.begin(), line.text.end());
        } catch (const Json::parse_error &e) {
            const int64_t column = e.byte > 0 ? codePointColumn(line.text, e.byte - 1) : 1;
            if (!rows.reject(line.number, column, {}, "invalid JSON", line.text))
                return tl::unexpected(rows.error());
            continue;
        }
        if (!object.is_object()) {
            if (!rows.reject(line.number, 1, {},
                             std::string("expected a JSON object, found ") + jsonTypeName(object),
                             line.text))
                return tl::unexpected(rows.error());
            continue;
        }
        if (!perObject(object, line, rows))
            return tl::unexpected(rows.error());
    }
    progress.finish();
    if (Status done = rows.finish(what); !done)
        return tl::unexpected(done.error());
    return report;
}

// The id of one record, or a rejection (false from the outer function when the import stops).
bool readId(const Json &object, const std::string &key, const char *what, const TextLine &line,
            SideFileRows &rows, std::string &id, bool &stop)
{
    const Json *value = findField(object, key);
    std::string reason;
    stop = false;
    if (!value || value->is_null()) {
        stop = !rows.reject(line.number, 0, key, std::string("missing ") + what + " id", line.text);
        return false;
    }
    if (!idText(*value, id, reason) || trimSpaces(id).empty()) {
        if (reason.empty())
            reason = "id is empty";
        stop = !rows.reject(line.number, valueColumn(line.text, key), key,
                            std::string(what) + " " + reason, line.text);
        return false;
    }
    return true;
}

bool isMapped(const std::string &key, std::initializer_list<const std::string *> mapped)
{
    return std::any_of(mapped.begin(), mapped.end(),
                       [&](const std::string *m) { return *m == key; });
}

std::vector<std::string> categoryFrom(const Json &value, const std::string &separator)
{
    if (value.is_string())
        return splitCategoryPath(value.get_ref<const std::string &>(), separator);
    std::vector<std::string> out;
    if (!value.is_array())
        return out;
    // Amazon metadata nests paths: "categories": [["Beauty", "Skin Care"], [...]]; take the first.
    const Json &path = (!value.empty() && value.front().is_array()) ? value.front() : value;
    for (const Json &part : path) {
        std::string text;
        if (attributeText(part, text) && !trimSpaces(text).empty())
            out.emplace_back(trimSpaces(text));
    }
    return out;
}

} // namespace

Expected<FileImportReport> importJsonLinesItems(Dataset &dataset, const ImportOptions &options,
                                                Observer &observer, StopToken stop)
{
    const std::string &path = options.itemsPath;
    if (path.empty())
        return makeError(ErrorCode::InvalidArgument, "no catalogue file given");
    auto decoded = loadText(path, options.encoding);
    if (!decoded)
        return tl::unexpected(decoded.error());
    const std::string_view text = decoded->text();

    ItemColumns columns = options.itemColumns;
    if (columns.item.empty()) {
        const std::optional<Json> sample = sampleObject(text);
        if (sample) {
            const Json &o = *sample;
            columns.item = inferKey(o, {"item_id", "item", "iid", "product_id", "asin", "sku",
                                        "goods_id", "movie_id", "id"});
            if (columns.title.empty())
                columns.title = inferKey(o, {"title", "name", "product_name", "movie_title"});
            if (columns.category.empty())
                columns.category = inferKey(
                    o, {"category", "categories", "category_path", "genres", "genre", "class"});
            if (columns.brand.empty())
                columns.brand = inferKey(o, {"brand", "manufacturer", "maker"});
            if (columns.price.empty())
                columns.price = inferKey(o, {"price", "cost"});
            if (columns.description.empty())
                columns.description = inferKey(o, {"description", "desc", "summary"});
            if (columns.item.empty())
                return makeError(ErrorCode::Schema, "no item id field in the catalogue objects",
                                 Location{path, 0, 0, "item"});
        } else {
            columns.item = "item_id"; // nothing parses: every line is rejected
        }
    }

    std::string id, textValue;
    auto perObject = [&](const Json &object, const TextLine &line, SideFileRows &rows) {
        bool stopNow = false;
        if (!readId(object, columns.item, "item", line, rows, id, stopNow))
            return !stopNow;
        ItemInfo parsed;
        std::string reason;
        auto textField = [&](const std::string &key, std::string &out) {
            const Json *value = key.empty() ? nullptr : findField(object, key);
            if (!value || value->is_null())
                return true;
            if (attributeText(*value, out))
                return true;
            reason = key + ": expected text, not " + jsonTypeName(*value);
            return false;
        };
        std::string badKey;
        if (!textField(columns.title, parsed.title))
            badKey = columns.title;
        else if (!textField(columns.brand, parsed.brand))
            badKey = columns.brand;
        else if (!textField(columns.description, parsed.description))
            badKey = columns.description;
        if (badKey.empty() && !columns.price.empty()) {
            if (const Json *value = findField(object, columns.price); value && !value->is_null()) {
                std::optional<double> price;
                if (value->is_number())
                    price = value->get<double>();
                else if (value->is_string())
                    price = parseFloatStrict(trimSpaces(value->get_ref<const std::string &>()));
                if (value->is_string() && trimSpaces(value->get_ref<const std::string &>()).empty())
                    price = kMissingPrice;
                else if (!price || !(*price >= 0)) {
                    badKey = columns.price;
                    reason = "price must be a number >= 0";
                } else
                    parsed.price = *price;
            }
        }
        if (!badKey.empty())
            return rows.reject(line.number, valueColumn(line.text, badKey), badKey, reason,
                               line.text);
        if (!columns.category.empty())
            if (const Json *value = findField(object, columns.category))
                parsed.categoryPath = categoryFrom(*value, columns.categorySeparator);
        for (auto it = object.begin(); it != object.end(); ++it) {
            const std::string &key = it.key();
            if (isMapped(key, {&columns.item, &columns.title, &columns.category, &columns.brand,
                               &columns.price, &columns.description}))
                continue;
            if (!columns.attributes.empty() &&
                std::find(columns.attributes.begin(), columns.attributes.end(), key) ==
                    columns.attributes.end())
                continue;
            if (attributeText(*it, textValue))
                parsed.attributes.emplace_back(key, textValue);
        }

        const int32_t index = dataset.items.intern(trimSpaces(id));
        dataset.syncInfoSizes();
        ItemInfo &info = dataset.itemInfo[size_t(index)];
        // A later record of the same item fills in or overrides what it has.
        if (!parsed.title.empty())
            info.title = std::move(parsed.title);
        if (!parsed.categoryPath.empty())
            info.categoryPath = std::move(parsed.categoryPath);
        if (!parsed.brand.empty())
            info.brand = std::move(parsed.brand);
        if (parsed.hasPrice())
            info.price = parsed.price;
        if (!parsed.description.empty())
            info.description = std::move(parsed.description);
        for (auto &attribute : parsed.attributes)
            info.attributes.push_back(std::move(attribute));
        rows.accept();
        return true;
    };
    return readObjects(path, options, observer, std::move(stop), "catalogue items", text,
                       decoded->encodingName, perObject);
}

Expected<FileImportReport> importJsonLinesUsers(Dataset &dataset, const ImportOptions &options,
                                                Observer &observer, StopToken stop)
{
    const std::string &path = options.usersPath;
    if (path.empty())
        return makeError(ErrorCode::InvalidArgument, "no user file given");
    auto decoded = loadText(path, options.encoding);
    if (!decoded)
        return tl::unexpected(decoded.error());
    const std::string_view text = decoded->text();

    UserColumns columns = options.userColumns;
    if (columns.user.empty()) {
        const std::optional<Json> sample = sampleObject(text);
        if (sample) {
            columns.user = inferKey(*sample, {"user_id", "user", "uid", "customer_id",
                                              "reviewer_id", "visitor_id", "member_id", "id"});
            if (columns.user.empty())
                return makeError(ErrorCode::Schema, "no user id field in the user objects",
                                 Location{path, 0, 0, "user"});
        } else {
            columns.user = "user_id";
        }
    }

    std::string id, value;
    auto perObject = [&](const Json &object, const TextLine &line, SideFileRows &rows) {
        bool stopNow = false;
        if (!readId(object, columns.user, "user", line, rows, id, stopNow))
            return !stopNow;
        const int32_t index = dataset.users.intern(trimSpaces(id));
        dataset.syncInfoSizes();
        UserInfo &info = dataset.userInfo[size_t(index)];
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key() == columns.user)
                continue;
            if (!columns.attributes.empty() &&
                std::find(columns.attributes.begin(), columns.attributes.end(), it.key()) ==
                    columns.attributes.end())
                continue;
            if (attributeText(*it, value))
                info.attributes.emplace_back(it.key(), value);
        }
        rows.accept();
        return true;
    };
    return readObjects(path, options, observer, std::move(stop), "users", text,
                       decoded->encodingName, perObject);
}

} // namespace recforge
