#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "data/dataset.h"
#include "data/import/importoptions.h"

namespace recforge {

// Strips ASCII spaces and tabs (and a trailing '\r') at both ends. Inline: called for every field
// of every record.
inline std::string_view trimSpaces(std::string_view text)
{
    size_t b = 0, e = text.size();
    while (b < e && (text[b] == ' ' || text[b] == '\t'))
        ++b;
    while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\r'))
        --e;
    return text.substr(b, e - b);
}
std::string toLowerAscii(std::string_view text);
bool equalsIgnoreCase(std::string_view a, std::string_view b);

// Whole-field integer: optional sign, decimal digits, nothing else (no spaces, no junk). nullopt on
// empty, junk or overflow.
std::optional<int64_t> parseInt64(std::string_view text);

// Whole-field finite real number ("3", "-2.5", "1e3", "+4"). nullopt on empty, "nan", "inf",
// overflow to infinity, or trailing junk ("3.5kg").
std::optional<double> parseFloatStrict(std::string_view text);

// Days since 1970-01-01 of a proleptic Gregorian date; nullopt when the date does not exist.
std::optional<int64_t> daysFromCivil(int year, int month, int day);

// Parses a timestamp field to unix seconds (UTC). nullopt when it does not parse.
//  - UnixSeconds / UnixMillis: integers (a fractional part is allowed and truncated); millis are
//    divided by 1000 (floor).
//  - Iso8601: "2024-03-01T12:30:00", "2024-03-01 12:30", "2024-03-01", with optional fractional
//    seconds and "Z" / "+08:00" / "+0800" / "-05" offsets. Without an offset the time is UTC.
//  - Auto: a number is seconds, or milliseconds when its magnitude is > 1e11; text is ISO 8601 or
//    one of "2024/03/01[ 12:30[:00]]", "2024.03.01", "20240301" (8 digits are read as a date
//    only when the number is not a plausible unix time, i.e. it is a valid yyyymmdd), and
//    "01/03/2024[ 12:30[:00]]" (also with '-' or '.'). Dates with the year last are read
//    DAY-FIRST (01/03/2024 is 1 March 2024, the order of most non-US shops) unless that is
//    impossible: when the second number is > 12 the date is month-first (03/25/2024).
//    Use Custom "%m/%d/%Y" to force US order.
//  - Custom: a strptime-like `pattern` with %Y %y %m %d %H %M %S %f (fraction, ignored) %z
//    (+hh:mm / +hhmm / Z) %b (Jan..Dec) %% and literal characters; whitespace in the pattern
//    matches any run of whitespace.
std::optional<int64_t> parseTimestamp(std::string_view text, TimestampFormat format,
                                      std::string_view pattern = {});

// True when the text parses as a text date/time under Auto (not a bare number); used by type
// inference to tell a Timestamp column from a Text one.
bool looksLikeDateTime(std::string_view text);

// Maps raw event strings to (EventKinds code, weight) through an EventMapping:
//   1. the mapping's rules (case-insensitive on the raw string, surrounding spaces ignored);
//   2. built-in spellings: pv/view/detail/page_view/impression -> view, click -> click,
//      cart/addtocart/add_to_cart/add-to-cart -> cart, buy/purchase/order/transaction/checkout
//      -> purchase, rating/rate -> rating;
//   3. otherwise the lowercased string as a custom kind when keepUnknownAsCustom, else an error.
// Custom kinds are interned into the EventKinds given to the constructor. Results are cached per
// distinct raw string, so calling resolve() per row is cheap.
class EventResolver {
public:
    struct Resolved {
        uint16_t code = 0;
        float weight = 1.0f;
    };

    EventResolver(const EventMapping &mapping, EventKinds &kinds);

    // The reason on failure is a short text: "empty event", "unknown event 'x'".
    tl::expected<Resolved, std::string> resolve(std::string_view raw)
    {
        // Logs have a handful of distinct raw strings: a linear scan over a tiny cache beats
        // hashing.
        for (const CacheEntry &e : m_cache)
            if (e.raw == raw) {
                if (!e.error.empty()) [[unlikely]]
                    return tl::unexpected(e.error);
                return e.resolved;
            }
        return resolveSlow(raw);
    }

    // Canonical built-in kind name for a lowercased raw spelling ("addtocart" -> "cart"), or an
    // empty view when it is not a built-in spelling.
    static std::string_view builtinKind(std::string_view lowered);

private:
    struct CacheEntry {
        std::string raw;
        Resolved resolved;
        std::string error; // non-empty: the raw string is rejected
    };
    tl::expected<Resolved, std::string> resolveSlow(std::string_view raw);

    std::vector<std::pair<std::string, EventMapping::Target>> m_rules; // lowercased keys
    bool m_keepUnknown = true;
    EventKinds &m_kinds;
    std::vector<CacheEntry> m_cache;
};

} // namespace recforge
