#pragma once
// Typed, checked reads of optional JSON fields for the params structs' fromJson functions.

#include <cstdint>
#include <limits>
#include <string>
#include <type_traits>

#include <nlohmann/json.hpp>

#include "common/error.h"

namespace recforge {

// Reads json[key] into `out` when present and not null (otherwise `out` keeps its default).
// Strings must be strings; floating point fields any number; integer fields integers within
// T's range (unsigned: non-negative). Errors: InvalidArgument with Location::field = key.
template <typename T> Status readJsonField(const nlohmann::json &json, const char *key, T &out)
{
    const auto it = json.find(key);
    if (it == json.end() || it->is_null())
        return {};
    auto invalid = [key](const char *message) {
        return makeError(ErrorCode::InvalidArgument, std::string(key) + ": " + message,
                         Location{"", 0, 0, key});
    };
    if constexpr (std::is_same_v<T, std::string>) {
        if (!it->is_string())
            return invalid("expected a string");
    } else if constexpr (std::is_floating_point_v<T>) {
        if (!it->is_number())
            return invalid("expected a number");
    } else if constexpr (std::is_unsigned_v<T>) {
        if (!it->is_number_integer() || (!it->is_number_unsigned() && it->get<int64_t>() < 0))
            return invalid("expected a non-negative integer");
    } else {
        if (!it->is_number_integer())
            return invalid("expected an integer");
        const int64_t v = it->get<int64_t>();
        if (v < int64_t(std::numeric_limits<T>::min()) ||
            v > int64_t(std::numeric_limits<T>::max()))
            return invalid("out of range");
    }
    out = it->get<T>();
    return {};
}

} // namespace recforge
