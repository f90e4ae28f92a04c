#include "jsonfields.h"

#include <charconv>
#include <cmath>

#include "data/import/formatsupport.h"

namespace recforge::importdetail {

namespace {

bool sameName(std::string_view key, std::string_view candidate)
{
    size_t i = 0, j = 0;
    auto skip = [](std::string_view s, size_t &k) {
        while (k < s.size() && (s[k] == '_' || s[k] == '-'))
            ++k;
    };
    while (true) {
        skip(key, i);
        skip(candidate, j);
        if (i == key.size() || j == candidate.size())
            return i == key.size() && j == candidate.size();
        char a = key[i], b = candidate[j];
        if (a >= 'A' && a <= 'Z')
            a = char(a - 'A' + 'a');
        if (b >= 'A' && b <= 'Z')
            b = char(b - 'A' + 'a');
        if (a != b)
            return false;
        ++i;
        ++j;
    }
}

std::string numberText(const Json &value)
{
    if (value.is_number_unsigned())
        return std::to_string(value.get<uint64_t>());
    if (value.is_number_integer())
        return std::to_string(value.get<int64_t>());
    char buffer[64];
    const auto r = std::to_chars(buffer, buffer + sizeof buffer, value.get<double>());
    return std::string(buffer, r.ptr);
}

} // namespace

std::optional<Json> sampleObject(std::string_view text, int maxObjects)
{
    LineCursor cursor(text);
    TextLine line;
    std::optional<Json> merged;
    int objects = 0, lines = 0;
    // Bounded in lines too, so a file of garbage does not get parsed twice.
    while (objects < maxObjects && lines < 10 * maxObjects && cursor.next(line)) {
        if (isBlank(line.text))
            continue;
        ++lines;
        Json parsed = Json::parse(line.text.begin(), line.text.end(), nullptr, false);
        if (!parsed.is_object())
            continue;
        ++objects;
        if (!merged) {
            merged = std::move(parsed);
            continue;
        }
        for (auto it = parsed.begin(); it != parsed.end(); ++it)
            if (!merged->contains(it.key()))
                (*merged)[it.key()] = it.value();
    }
    return merged;
}

const Json *findField(const Json &object, const std::string &key)
{
    if (!key.empty() && key.front() == '/') {
        try {
            const Json::json_pointer pointer(key);
            return object.contains(pointer) ? &object.at(pointer) : nullptr;
        } catch (const Json::exception &) {
            return nullptr;
        }
    }
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

std::string inferKey(const Json &object, std::initializer_list<std::string_view> candidates)
{
    for (std::string_view candidate : candidates)
        for (auto it = object.begin(); it != object.end(); ++it)
            if (sameName(it.key(), candidate))
                return it.key();
    return {};
}

bool idText(const Json &value, std::string &out, std::string &reason)
{
    if (value.is_string()) {
        out = value.get_ref<const std::string &>();
        return true;
    }
    if (value.is_number_integer()) {
        out = numberText(value);
        return true;
    }
    if (value.is_number_float()) {
        const double v = value.get<double>();
        if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 9.0e15) {
            out = std::to_string(int64_t(v));
            return true;
        }
        reason = "id is a fractional number";
        return false;
    }
    reason = std::string("id must be a string or an integer, not ") + jsonTypeName(value);
    return false;
}

bool scalarText(const Json &value, std::string &out, std::string &reason)
{
    if (value.is_null()) {
        out.clear();
        return true;
    }
    if (value.is_string()) {
        out = value.get_ref<const std::string &>();
        return true;
    }
    if (value.is_number()) {
        out = numberText(value);
        return true;
    }
    reason = std::string("expected a number or a string, not ") + jsonTypeName(value);
    return false;
}

bool attributeText(const Json &value, std::string &out)
{
    if (value.is_string()) {
        out = value.get_ref<const std::string &>();
        return true;
    }
    if (value.is_number()) {
        out = numberText(value);
        return true;
    }
    if (value.is_boolean()) {
        out = value.get<bool>() ? "true" : "false";
        return true;
    }
    if (value.is_array()) {
        out.clear();
        for (const Json &element : value) {
            std::string part;
            if (element.is_array() || element.is_object() || !attributeText(element, part))
                return false;
            if (!out.empty())
                out += ' ';
            out += part;
        }
        return true;
    }
    return false;
}

int64_t valueColumn(std::string_view line, const std::string &key)
{
    if (key.empty() || key.front() == '/')
        return 0;
    const std::string quoted = "\"" + key + "\"";
    size_t pos = 0;
    while ((pos = line.find(quoted, pos)) != std::string_view::npos) {
        size_t i = pos + quoted.size();
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
            ++i;
        if (i < line.size() && line[i] == ':') {
            ++i;
            while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
                ++i;
            return codePointColumn(line, i);
        }
        pos += quoted.size();
    }
    return 0;
}

const char *jsonTypeName(const Json &value)
{
    if (value.is_number_integer())
        return "an integer";
    if (value.is_number_float())
        return "a number";
    switch (value.type()) {
    case Json::value_t::null:
        return "null";
    case Json::value_t::boolean:
        return "a boolean";
    case Json::value_t::string:
        return "a string";
    case Json::value_t::array:
        return "an array";
    case Json::value_t::object:
        return "an object";
    default:
        return "a value";
    }
}

} // namespace recforge::importdetail
