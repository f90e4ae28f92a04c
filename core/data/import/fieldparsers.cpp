#include "fieldparsers.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

namespace recforge {

std::string toLowerAscii(std::string_view text)
{
    std::string out(text);
    for (char &c : out)
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    return out;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z')
            x = char(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = char(y - 'A' + 'a');
        if (x != y)
            return false;
    }
    return true;
}

std::optional<int64_t> parseInt64(std::string_view text)
{
    if (!text.empty() && text[0] == '+')
        text.remove_prefix(1);
    if (text.empty() || text[0] == '+')
        return std::nullopt;
    int64_t v = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || ptr != text.data() + text.size())
        return std::nullopt;
    return v;
}

std::optional<double> parseFloatStrict(std::string_view text)
{
    if (!text.empty() && text[0] == '+')
        text.remove_prefix(1);
    if (text.empty() || text[0] == '+' || (text[0] == '-' && text.size() == 1))
        return std::nullopt;
    double v = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || ptr != text.data() + text.size() || !std::isfinite(v))
        return std::nullopt;
    return v;
}

std::optional<int64_t> daysFromCivil(int year, int month, int day)
{
    static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1)
        return std::nullopt;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int monthDays = kDays[size_t(month - 1)] + (month == 2 && leap ? 1 : 0);
    if (day > monthDays)
        return std::nullopt;
    // Howard Hinnant's days_from_civil.
    const int y = year - (month <= 2 ? 1 : 0);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = unsigned((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1);
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return int64_t(era) * 146097 + int64_t(doe) - 719468;
}

namespace {

// A tiny cursor over a field for the hand-written date parsers.
struct Cursor {
    std::string_view s;
    size_t i = 0;

    bool atEnd() const { return i >= s.size(); }
    char peek() const { return atEnd() ? '\0' : s[i]; }
    bool eat(char c)
    {
        if (peek() != c)
            return false;
        ++i;
        return true;
    }
    // Reads between minDigits and maxDigits decimal digits.
    bool number(int minDigits, int maxDigits, int &out)
    {
        int n = 0, v = 0;
        while (n < maxDigits && !atEnd() && s[i] >= '0' && s[i] <= '9') {
            v = v * 10 + (s[i] - '0');
            ++i;
            ++n;
        }
        out = v;
        return n >= minDigits;
    }
    void skipSpaces()
    {
        while (!atEnd() && (s[i] == ' ' || s[i] == '\t'))
            ++i;
    }
};

std::optional<int64_t> makeTime(int y, int mo, int d, int h, int mi, int sec, int64_t offset)
{
    if (h > 23 || mi > 59 || sec > 60)
        return std::nullopt;
    auto days = daysFromCivil(y, mo, d);
    if (!days)
        return std::nullopt;
    return *days * 86400 + h * 3600 + mi * 60 + sec - offset;
}

// "Z", "+08:00", "+0800", "+08", "UTC" ; returns false on junk. Offset in seconds.
bool parseOffset(Cursor &c, int64_t &offset)
{
    offset = 0;
    if (c.eat('Z') || c.eat('z'))
        return true;
    if (c.s.substr(c.i) == "UTC" || c.s.substr(c.i) == "GMT") {
        c.i = c.s.size();
        return true;
    }
    const char sign = c.peek();
    if (sign != '+' && sign != '-')
        return false;
    ++c.i;
    int hh = 0, mm = 0;
    if (!c.number(2, 2, hh) || hh > 18)
        return false;
    if (c.eat(':')) {
        if (!c.number(2, 2, mm))
            return false;
    } else if (!c.atEnd()) {
        if (!c.number(2, 2, mm))
            return false;
    }
    if (mm > 59)
        return false;
    offset = (hh * 3600 + mm * 60) * (sign == '-' ? -1 : 1);
    return true;
}

// Optional " 12:30[:45[.123]][offset]" (or "T12:30...") after a date, up to the end.
bool parseTimeTail(Cursor &c, int &h, int &mi, int &sec, int64_t &offset, bool allowT)
{
    h = mi = sec = 0;
    offset = 0;
    if (c.atEnd())
        return true;
    if (allowT && (c.peek() == 'T' || c.peek() == 't'))
        ++c.i;
    else if (c.peek() == ' ')
        c.skipSpaces();
    else
        return false;
    if (!c.number(1, 2, h) || !c.eat(':') || !c.number(2, 2, mi))
        return false;
    if (c.eat(':')) {
        if (!c.number(2, 2, sec))
            return false;
        if (c.eat('.') || c.eat(',')) {
            int ignored = 0;
            if (!c.number(1, 9, ignored))
                return false;
        }
    }
    c.skipSpaces();
    if (c.atEnd())
        return true;
    return parseOffset(c, offset) && c.atEnd();
}

// yyyy<sep>mm<sep>dd[time]; sep is '-' for ISO, '/' or '.' for the common forms.
std::optional<int64_t> parseYearFirst(std::string_view text, bool isoOnly)
{
    Cursor c{text};
    int y = 0, mo = 0, d = 0;
    if (!c.number(4, 4, y))
        return std::nullopt;
    const char sep = c.peek();
    if (sep != '-' && (isoOnly || (sep != '/' && sep != '.')))
        return std::nullopt;
    ++c.i;
    if (!c.number(1, 2, mo) || !c.eat(sep) || !c.number(1, 2, d))
        return std::nullopt;
    int h, mi, sec;
    int64_t offset;
    if (!parseTimeTail(c, h, mi, sec, offset, sep == '-'))
        return std::nullopt;
    return makeTime(y, mo, d, h, mi, sec, offset);
}

// dd/mm/yyyy (day-first unless the second number cannot be a month) [time].
std::optional<int64_t> parseYearLast(std::string_view text)
{
    Cursor c{text};
    int a = 0, b = 0, y = 0;
    if (!c.number(1, 2, a))
        return std::nullopt;
    const char sep = c.peek();
    if (sep != '/' && sep != '-' && sep != '.')
        return std::nullopt;
    ++c.i;
    if (!c.number(1, 2, b) || !c.eat(sep) || !c.number(4, 4, y))
        return std::nullopt;
    int h, mi, sec;
    int64_t offset;
    if (!parseTimeTail(c, h, mi, sec, offset, false))
        return std::nullopt;
    const bool monthFirst = b > 12 && a <= 12;
    return monthFirst ? makeTime(y, a, b, h, mi, sec, offset)
                      : makeTime(y, b, a, h, mi, sec, offset);
}

// Integer (with an optional ignored fraction) for unix times; nullopt on anything else.
std::optional<int64_t> parseUnixNumber(std::string_view text)
{
    const size_t dot = text.find('.');
    const std::string_view whole = dot == std::string_view::npos ? text : text.substr(0, dot);
    if (dot != std::string_view::npos) {
        const std::string_view frac = text.substr(dot + 1);
        if (frac.empty() || frac.find_first_not_of("0123456789") != std::string_view::npos)
            return std::nullopt;
    }
    return parseInt64(whole);
}

int64_t floorDiv(int64_t a, int64_t b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

std::optional<int64_t> parseAuto(std::string_view text)
{
    if (auto n = parseUnixNumber(text)) {
        if (text.size() == 8 && text.find('.') == std::string_view::npos) {
            // yyyymmdd: as unix seconds this would be 1970-1973, implausible for a shop log.
            const int64_t v = *n;
            const int y = int(v / 10000), mo = int(v / 100 % 100), d = int(v % 100);
            if (y >= 1900 && y < 2200)
                if (auto t = makeTime(y, mo, d, 0, 0, 0, 0))
                    return t;
        }
        return (*n > 100000000000LL || *n < -100000000000LL) ? floorDiv(*n, 1000) : *n;
    }
    if (text.size() >= 8 && text[0] >= '0' && text[0] <= '9') {
        if (text[4] == '-' || text[4] == '/' || text[4] == '.')
            return parseYearFirst(text, false);
        return parseYearLast(text);
    }
    return std::nullopt;
}

constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                      "jul", "aug", "sep", "oct", "nov", "dec"};

std::optional<int64_t> parseCustom(std::string_view text, std::string_view pattern)
{
    Cursor c{text};
    int y = 1970, mo = 1, d = 1, h = 0, mi = 0, sec = 0;
    int64_t offset = 0;
    for (size_t p = 0; p < pattern.size(); ++p) {
        const char pc = pattern[p];
        if (pc == ' ' || pc == '\t') {
            c.skipSpaces();
            continue;
        }
        if (pc != '%' || p + 1 == pattern.size()) {
            if (!c.eat(pc))
                return std::nullopt;
            continue;
        }
        const char spec = pattern[++p];
        bool ok = true;
        switch (spec) {
        case 'Y':
            ok = c.number(4, 4, y);
            break;
        case 'y':
            ok = c.number(2, 2, y);
            y += y < 69 ? 2000 : 1900; // POSIX strptime's pivot
            break;
        case 'm':
            ok = c.number(1, 2, mo);
            break;
        case 'd':
            ok = c.number(1, 2, d);
            break;
        case 'H':
            ok = c.number(1, 2, h);
            break;
        case 'M':
            ok = c.number(1, 2, mi);
            break;
        case 'S':
            ok = c.number(1, 2, sec);
            break;
        case 'f': {
            int ignored = 0;
            ok = c.number(1, 9, ignored);
            break;
        }
        case 'z':
            ok = parseOffset(c, offset);
            break;
        case 'b': {
            ok = false;
            const std::string word = toLowerAscii(c.s.substr(c.i, 3));
            for (size_t k = 0; k < kMonths.size(); ++k)
                if (word == kMonths[k]) {
                    mo = int(k) + 1;
                    ok = true;
                }
            c.i += 3;
            while (!c.atEnd() && std::isalpha(static_cast<unsigned char>(c.peek())))
                ++c.i; // full month names
            break;
        }
        case '%':
            ok = c.eat('%');
            break;
        default:
            return std::nullopt; // unsupported directive
        }
        if (!ok)
            return std::nullopt;
    }
    if (!c.atEnd())
        return std::nullopt;
    return makeTime(y, mo, d, h, mi, sec, offset);
}

} // namespace

std::optional<int64_t> parseTimestamp(std::string_view text, TimestampFormat format,
                                      std::string_view pattern)
{
    text = trimSpaces(text);
    if (text.empty())
        return std::nullopt;
    switch (format) {
    case TimestampFormat::Auto:
        return parseAuto(text);
    case TimestampFormat::UnixSeconds:
        return parseUnixNumber(text);
    case TimestampFormat::UnixMillis: {
        auto n = parseUnixNumber(text);
        if (!n)
            return std::nullopt;
        return floorDiv(*n, 1000);
    }
    case TimestampFormat::Iso8601:
        return parseYearFirst(text, true);
    case TimestampFormat::Custom:
        return parseCustom(text, pattern);
    }
    return std::nullopt;
}

bool looksLikeDateTime(std::string_view text)
{
    text = trimSpaces(text);
    if (text.find_first_not_of("0123456789.+-") == std::string_view::npos &&
        text.find_first_of("-") == std::string_view::npos)
        return false; // a bare number
    return text.size() >= 8 && parseAuto(text).has_value();
}

std::string_view EventResolver::builtinKind(std::string_view lowered)
{
    // Separators are ignored so add_to_cart, add-to-cart and "add to cart" all match.
    std::string key;
    for (char c : lowered)
        if (c != '_' && c != '-' && c != ' ')
            key += c;
    struct Spelling {
        std::string_view raw, kind;
    };
    static constexpr Spelling kSpellings[] = {
        {"pv", "view"},
        {"view", "view"},
        {"views", "view"},
        {"viewed", "view"},
        {"detail", "view"},
        {"details", "view"},
        {"pageview", "view"},
        {"impression", "view"},
        {"browse", "view"},
        {"浏览", "view"},
        {"click", "click"},
        {"clicks", "click"},
        {"clicked", "click"},
        {"点击", "click"},
        {"cart", "cart"},
        {"addtocart", "cart"},
        {"addcart", "cart"},
        {"add2cart", "cart"},
        {"加购", "cart"},
        {"加入购物车", "cart"},
        {"buy", "purchase"},
        {"purchase", "purchase"},
        {"purchased", "purchase"},
        {"order", "purchase"},
        {"transaction", "purchase"},
        {"checkout", "purchase"},
        {"pay", "purchase"},
        {"购买", "purchase"},
        {"下单", "purchase"},
        {"rating", "rating"},
        {"rate", "rating"},
        {"rated", "rating"},
        {"评分", "rating"},
    };
    for (const Spelling &s : kSpellings)
        if (s.raw == key)
            return s.kind;
    return {};
}

EventResolver::EventResolver(const EventMapping &mapping, EventKinds &kinds)
    : m_keepUnknown(mapping.keepUnknownAsCustom), m_kinds(kinds)
{
    for (const auto &[raw, target] : mapping.rules)
        m_rules.emplace_back(toLowerAscii(trimSpaces(raw)), target);
}

tl::expected<EventResolver::Resolved, std::string> EventResolver::resolveSlow(std::string_view raw)
{
    const std::string lowered = toLowerAscii(trimSpaces(raw));
    CacheEntry entry{std::string(raw), {}, {}};
    auto internKind = [&](const std::string &kind) -> bool {
        if (m_kinds.size() >= 65535 &&
            !std::count(m_kinds.names().begin(), m_kinds.names().end(), kind)) {
            entry.error = "too many distinct event kinds";
            return false;
        }
        entry.resolved.code = m_kinds.intern(kind);
        return true;
    };
    bool found = false;
    if (lowered.empty()) {
        entry.error = "empty event";
        found = true;
    }
    for (const auto &[key, target] : m_rules) {
        if (found)
            break;
        if (key == lowered) {
            found = true;
            const std::string_view builtin = builtinKind(toLowerAscii(target.kind));
            if (internKind(builtin.empty() ? toLowerAscii(target.kind) : std::string(builtin)))
                entry.resolved.weight = target.weight;
        }
    }
    if (!found) {
        const std::string_view builtin = builtinKind(lowered);
        if (!builtin.empty())
            internKind(std::string(builtin));
        else if (m_keepUnknown)
            internKind(lowered);
        else
            entry.error = "unknown event '" + std::string(raw) + "'";
    }
    // Bounded cache: a mis-mapped high-cardinality column must not make every lookup linear.
    if (m_cache.size() < 64)
        m_cache.push_back(entry);
    if (!entry.error.empty())
        return tl::unexpected(entry.error);
    return entry.resolved;
}

} // namespace recforge
