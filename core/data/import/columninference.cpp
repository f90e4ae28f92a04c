#include "columninference.h"

#include <algorithm>
#include <set>

#include "data/import/fieldparsers.h"

namespace recforge {

std::string normalizeHeaderName(std::string_view name)
{
    std::string out;
    out.reserve(name.size());
    for (char c : trimSpaces(name)) {
        if (c == '_' || c == '-' || c == ' ' || c == '.')
            continue;
        out += (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
    }
    return out;
}

HeaderRole headerRole(std::string_view name)
{
    struct Entry {
        std::string_view key;
        HeaderRole role;
    };
    using R = HeaderRole;
    static constexpr Entry kNames[] = {
        {"userid", R::User},
        {"user", R::User},
        {"uid", R::User},
        {"visitorid", R::User},
        {"visitor", R::User},
        {"customer", R::User},
        {"customerid", R::User},
        {"memberid", R::User},
        {"member", R::User},
        {"buyerid", R::User},
        {"reviewerid", R::User},
        {"sessionid", R::User},
        {"用户", R::User},
        {"用户id", R::User},
        {"用户编号", R::User},
        {"会员", R::User},
        {"会员id", R::User},
        {"客户", R::User},
        {"客户id", R::User},
        {"买家", R::User},
        {"itemid", R::Item},
        {"item", R::Item},
        {"iid", R::Item},
        {"productid", R::Item},
        {"product", R::Item},
        {"sku", R::Item},
        {"skuid", R::Item},
        {"asin", R::Item},
        {"goodsid", R::Item},
        {"goods", R::Item},
        {"movieid", R::Item},
        {"articleid", R::Item},
        {"商品", R::Item},
        {"商品id", R::Item},
        {"商品编号", R::Item},
        {"物品", R::Item},
        {"物品id", R::Item},
        {"产品", R::Item},
        {"产品id", R::Item},
        {"timestamp", R::Timestamp},
        {"time", R::Timestamp},
        {"ts", R::Timestamp},
        {"date", R::Timestamp},
        {"datetime", R::Timestamp},
        {"eventtime", R::Timestamp},
        {"createdat", R::Timestamp},
        {"created", R::Timestamp},
        {"unixreviewtime", R::Timestamp},
        {"时间", R::Timestamp},
        {"日期", R::Timestamp},
        {"时间戳", R::Timestamp},
        {"行为时间", R::Timestamp},
        {"event", R::Event},
        {"behavior", R::Event},
        {"behaviour", R::Event},
        {"eventtype", R::Event},
        {"action", R::Event},
        {"behaviortype", R::Event},
        {"type", R::Event},
        {"行为", R::Event},
        {"行为类型", R::Event},
        {"事件", R::Event},
        {"事件类型", R::Event},
        {"rating", R::Value},
        {"value", R::Value},
        {"weight", R::Value},
        {"score", R::Value},
        {"overall", R::Value},
        {"评分", R::Value},
        {"分数", R::Value},
        {"权重", R::Value},
        {"title", R::Title},
        {"name", R::Title},
        {"productname", R::Title},
        {"itemname", R::Title},
        {"goodsname", R::Title},
        {"标题", R::Title},
        {"名称", R::Title},
        {"商品名称", R::Title},
        {"商品标题", R::Title},
        {"category", R::Category},
        {"categories", R::Category},
        {"categorypath", R::Category},
        {"cat", R::Category},
        {"categoryname", R::Category},
        {"类目", R::Category},
        {"分类", R::Category},
        {"品类", R::Category},
        {"类别", R::Category},
        {"brand", R::Brand},
        {"brandname", R::Brand},
        {"品牌", R::Brand},
        {"price", R::Price},
        {"价格", R::Price},
        {"售价", R::Price},
        {"单价", R::Price},
        {"description", R::Description},
        {"desc", R::Description},
        {"描述", R::Description},
        {"详情", R::Description},
        {"商品描述", R::Description},
    };
    const std::string key = normalizeHeaderName(name);
    for (const Entry &e : kNames)
        if (e.key == key)
            return e.role;
    return HeaderRole::None;
}

ColumnType inferColumnType(const std::vector<std::string_view> &values)
{
    bool any = false, allInt = true, allReal = true, allDate = true;
    for (std::string_view raw : values) {
        const std::string_view v = trimSpaces(raw);
        if (v.empty())
            continue;
        any = true;
        if (allInt && !parseInt64(v))
            allInt = false;
        if (allReal && !allInt && !parseFloatStrict(v))
            allReal = false;
        if (allDate && !looksLikeDateTime(v))
            allDate = false;
        if (!allInt && !allReal && !allDate)
            return ColumnType::Text;
    }
    if (!any)
        return ColumnType::Empty;
    if (allInt)
        return ColumnType::Integer;
    if (allReal)
        return ColumnType::Real;
    return allDate ? ColumnType::Timestamp : ColumnType::Text;
}

std::vector<ColumnType> inferColumnTypes(const std::vector<SampleRecord> &rows, size_t columnCount)
{
    std::vector<ColumnType> types;
    std::vector<std::string_view> values;
    for (size_t c = 0; c < columnCount; ++c) {
        values.clear();
        for (const SampleRecord &r : rows)
            if (c < r.fields.size())
                values.emplace_back(r.fields[c]);
        types.push_back(inferColumnType(values));
    }
    return types;
}

namespace {

// "#3". Appending (not "#" + to_string) also avoids a GCC 12 -Wrestrict false positive.
std::string indexReference(size_t index)
{
    std::string out = "#";
    out += std::to_string(index);
    return out;
}

} // namespace

std::string columnReference(const std::vector<std::string> &names, size_t index, bool hasHeader)
{
    if (hasHeader && index < names.size())
        return names[index];
    return indexReference(index);
}

namespace {

// Integers that look like unix seconds (1973..2286) or milliseconds.
bool looksLikeUnixTimes(const std::vector<SampleRecord> &rows, size_t column)
{
    bool any = false;
    for (const SampleRecord &r : rows) {
        if (column >= r.fields.size())
            continue;
        const std::string_view v = trimSpaces(r.fields[column]);
        if (v.empty())
            continue;
        const auto n = parseInt64(v);
        if (!n || *n < 100000000LL || (*n > 9999999999LL && *n < 1000000000000LL) ||
            *n > 9999999999999LL)
            return false;
        any = true;
    }
    return any;
}

} // namespace

InteractionColumns suggestInteractionColumns(const std::vector<std::string> &names,
                                             const std::vector<ColumnType> &types,
                                             const std::vector<SampleRecord> &sampleRows,
                                             bool hasHeader)
{
    InteractionColumns out;
    const size_t n = std::max(names.size(), types.size());
    if (hasHeader) {
        for (size_t c = 0; c < names.size(); ++c) {
            std::string *slot = nullptr;
            switch (headerRole(names[c])) {
            case HeaderRole::User:
                slot = &out.user;
                break;
            case HeaderRole::Item:
                slot = &out.item;
                break;
            case HeaderRole::Timestamp:
                slot = &out.timestamp;
                break;
            case HeaderRole::Event:
                slot = &out.event;
                break;
            case HeaderRole::Value:
                slot = &out.value;
                break;
            default:
                break;
            }
            if (slot && slot->empty())
                *slot = names[c];
        }
        return out;
    }
    if (n >= 1)
        out.user = "#0";
    if (n >= 2)
        out.item = "#1";
    for (size_t c = 2; c < n; ++c) {
        const ColumnType t = c < types.size() ? types[c] : ColumnType::Empty;
        if (out.timestamp.empty() &&
            (t == ColumnType::Timestamp ||
             (t == ColumnType::Integer && looksLikeUnixTimes(sampleRows, c)))) {
            out.timestamp = indexReference(c);
        } else if (out.event.empty() && t == ColumnType::Text) {
            out.event = indexReference(c);
        } else if (out.value.empty() && (t == ColumnType::Integer || t == ColumnType::Real)) {
            out.value = indexReference(c);
        }
    }
    return out;
}

ItemColumns suggestItemColumns(const std::vector<std::string> &names, bool hasHeader)
{
    ItemColumns out;
    std::set<size_t> used;
    if (hasHeader) {
        for (size_t c = 0; c < names.size(); ++c) {
            const HeaderRole role = headerRole(names[c]);
            std::string *slot = nullptr;
            if (role == HeaderRole::Item || normalizeHeaderName(names[c]) == "id")
                slot = &out.item;
            else if (role == HeaderRole::Title)
                slot = &out.title;
            else if (role == HeaderRole::Category)
                slot = &out.category;
            else if (role == HeaderRole::Brand)
                slot = &out.brand;
            else if (role == HeaderRole::Price)
                slot = &out.price;
            else if (role == HeaderRole::Description)
                slot = &out.description;
            if (slot && slot->empty()) {
                *slot = names[c];
                used.insert(c);
            }
        }
    }
    if (out.item.empty() && !names.empty()) {
        out.item = columnReference(names, 0, hasHeader);
        used.insert(0);
    }
    for (size_t c = 0; c < names.size(); ++c)
        if (!used.count(c))
            out.attributes.push_back(columnReference(names, c, hasHeader));
    return out;
}

UserColumns suggestUserColumns(const std::vector<std::string> &names, bool hasHeader)
{
    UserColumns out;
    size_t userColumn = 0;
    if (hasHeader)
        for (size_t c = 0; c < names.size(); ++c)
            if (headerRole(names[c]) == HeaderRole::User || normalizeHeaderName(names[c]) == "id") {
                userColumn = c;
                break;
            }
    if (names.empty())
        return out;
    out.user = columnReference(names, userColumn, hasHeader);
    for (size_t c = 0; c < names.size(); ++c)
        if (c != userColumn)
            out.attributes.push_back(columnReference(names, c, hasHeader));
    return out;
}

Expected<size_t> resolveColumn(const std::string &reference, const std::vector<std::string> &names,
                               bool hasHeader, const std::string &role, const std::string &file)
{
    if (reference.size() > 1 && reference[0] == '#') {
        if (const auto index = parseInt64(std::string_view(reference).substr(1));
            index && *index >= 0 && size_t(*index) < names.size())
            return size_t(*index);
    }
    if (hasHeader) {
        for (size_t c = 0; c < names.size(); ++c)
            if (names[c] == reference)
                return c;
        for (size_t c = 0; c < names.size(); ++c)
            if (equalsIgnoreCase(trimSpaces(names[c]), trimSpaces(reference)))
                return c;
    }
    std::string available;
    for (size_t c = 0; c < names.size(); ++c)
        available += (c ? ", " : "") + columnReference(names, c, hasHeader);
    return makeError(ErrorCode::Schema,
                     "no column '" + reference + "' for " + role + " (columns: " + available + ")",
                     Location{file, 0, 0, role});
}

} // namespace recforge
