// importItemAttributesJson: {"item_id": [attribute ids]} side files (S3-Rec item2attributes).

#include "sequenceimporter.h"

#include <nlohmann/json.hpp>

#include "data/import/fieldparsers.h"
#include "data/import/formatsupport.h"
#include "data/import/textdecoder.h"

namespace recforge {

using namespace importdetail;

namespace {

using Json = nlohmann::json;

// An attribute id: a non-empty string or an integer. False with a reason otherwise.
bool attributeId(const Json &value, std::string &out, std::string &reason)
{
    if (value.is_string() && !trimSpaces(value.get_ref<const std::string &>()).empty()) {
        out = std::string(trimSpaces(value.get_ref<const std::string &>()));
        return true;
    }
    if (value.is_number_unsigned()) {
        out = std::to_string(value.get<uint64_t>());
        return true;
    }
    if (value.is_number_integer()) {
        out = std::to_string(value.get<int64_t>());
        return true;
    }
    reason = std::string("attribute ids must be integers or non-empty strings, found ") +
             (value.is_string() ? "an empty string" : value.type_name());
    return false;
}

// Where the key of an entry is in the text, for error locations (only computed on errors).
Location keyLocation(std::string_view text, const std::string &key, const std::string &file)
{
    const size_t pos = text.find("\"" + key + "\"");
    Location where =
        pos == std::string_view::npos ? Location{file, 0, 0, {}} : locateOffset(text, pos, file);
    where.field = key;
    return where;
}

} // namespace

Expected<FileImportReport> importItemAttributesJson(Dataset &dataset, const std::string &path,
                                                    Observer &observer, StopToken stop,
                                                    ErrorPolicy policy,
                                                    const std::string &attributeName)
{
    auto decoded = loadText(path, TextEncoding::Auto);
    if (!decoded)
        return tl::unexpected(decoded.error());
    const std::string_view text = decoded->text();
    if (isBlank(text))
        return makeError(ErrorCode::Empty, "attribute file is empty", Location{path, 0, 0, {}});

    Json root;
    std::vector<std::string> order;
    try {
        // nlohmann::json sorts keys; items first seen here are appended in file order, so the keys
        // are recorded as the parser meets them (ordered_json would be quadratic in the items).
        root = Json::parse(text.begin(), text.end(),
                           [&order](int depth, Json::parse_event_t event, Json &parsed) {
                               if (depth == 1 && event == Json::parse_event_t::key)
                                   order.push_back(parsed.get<std::string>());
                               return true;
                           });
    } catch (const Json::parse_error &e) {
        Location where = locateOffset(text, e.byte > 0 ? e.byte - 1 : 0, path);
        return makeError(ErrorCode::Parse, std::string("invalid JSON: ") + e.what(),
                         std::move(where));
    }
    if (!root.is_object())
        return makeError(ErrorCode::Parse,
                         std::string("expected a JSON object {\"item\": [attribute ids]}, found ") +
                             root.type_name(),
                         Location{path, 1, 1, {}});

    FileImportReport report;
    report.file = path;
    report.format = "json";
    report.encoding = decoded->encodingName;
    ImportOptions rowOptions;
    rowOptions.errorPolicy = policy;
    SideFileRows rows(report, rowOptions, path);
    ProgressReporter progress(observer, std::move(stop), "attributes " + displayName(path),
                              int64_t(order.size()));
    int64_t done = 0;
    std::vector<std::string> values;
    for (const std::string &key : order) {
        if (!progress.tick(++done))
            return tl::unexpected(cancelledError(path));
        // A repeated key: the parser kept the last value; it is read once, at the first occurrence.
        const auto found = root.find(key);
        if (found == root.end())
            continue;
        const Json list = std::move(*found);
        root.erase(found);
        std::string reason;
        values.clear();
        if (trimSpaces(key).empty()) {
            reason = "empty item id";
        } else if (!list.is_array()) {
            reason = std::string("expected an array of attribute ids, found ") + list.type_name();
        } else {
            for (const Json &element : list) {
                std::string value;
                if (!attributeId(element, value, reason))
                    break;
                values.push_back(std::move(value));
            }
        }
        if (!reason.empty()) {
            const Location where = keyLocation(text, key, path);
            if (!rows.reject(where.line, where.column, key, reason, key))
                return tl::unexpected(rows.error());
            continue;
        }
        const int32_t index = dataset.items.intern(trimSpaces(key));
        dataset.syncInfoSizes();
        auto &attributes = dataset.itemInfo[size_t(index)].attributes;
        for (std::string &value : values)
            attributes.emplace_back(attributeName, std::move(value));
        rows.accept();
    }
    progress.finish();
    if (Status finished = rows.finish("items"); !finished)
        return tl::unexpected(finished.error());
    return report;
}

} // namespace recforge
