#pragma once

// Internal helpers of the JSON importers: field lookup with name inference, and conversion of JSON
// scalars to the text the row sink and the catalogue readers parse.

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace recforge::importdetail {

using Json = nlohmann::json;

// The value of `key` in `object`: an exact key, or a JSON pointer when the name starts with '/'
// ("/user/id"). nullptr when absent.
const Json *findField(const Json &object, const std::string &key);

// The union of the keys of the first `maxObjects` lines that parse as JSON objects (values of the
// first object that has each key), for field-name inference; nullopt when no line is an object.
std::optional<Json> sampleObject(std::string_view text, int maxObjects = 100);

// First key of `object` equal (ignoring case, '_' and '-') to one of `candidates`, in candidate
// order; empty when none.
std::string inferKey(const Json &object, std::initializer_list<std::string_view> candidates);

// An id: a string, an integer, or a float with an integral value (42.0 -> "42"). False with a
// reason for null, bool, arrays, objects and fractional numbers.
bool idText(const Json &value, std::string &out, std::string &reason);
// A scalar for a number/timestamp/event field: strings as they are, numbers in shortest form.
// False with a reason for bool, arrays and objects; null gives an empty text.
bool scalarText(const Json &value, std::string &out, std::string &reason);
// A free-form attribute value: scalars as text, arrays of scalars joined with a space. False for
// objects, nested arrays and null.
bool attributeText(const Json &value, std::string &out);

// 1-based column (code points) where the value of `key` starts in the raw line, or 0 when the key
// cannot be found textually (pointers, escaped keys).
int64_t valueColumn(std::string_view line, const std::string &key);

const char *jsonTypeName(const Json &value);

} // namespace recforge::importdetail
