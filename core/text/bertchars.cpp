#include "bertchars.h"

#include <string_view>

namespace recforge::bertchars {

namespace {

// Base letters of U+00C0..U+00FF and U+0100..U+017F after NFD; '-' marks letters without a
// canonical decomposition (generated with Python's unicodedata.normalize("NFD", ...)).
constexpr std::string_view kLatin1Bases =
    "AAAAAA-CEEEEIIII-NOOOOO--UUUUY--aaaaaa-ceeeeiiii-nooooo--uuuuy-y";
constexpr std::string_view kLatinExtABases = "AaAaAaCcCcCcCcDd--EeEeEeEeEeGgGgGgGgHh--IiIiIiIiI---"
                                             "JjKk-LlLlLl----NnNnNn---OoOoOo--RrRrRrSsSsSsSsTtTt--"
                                             "UuUuUuUuUuUuWwYyYZzZzZz-";
static_assert(kLatin1Bases.size() == 0x40 && kLatinExtABases.size() == 0x80);

bool inRange(char32_t cp, char32_t lo, char32_t hi)
{
    return cp >= lo && cp <= hi;
}

} // namespace

bool isWhitespace(char32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0x1680 ||
           inRange(cp, 0x2000, 0x200A) || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

bool isControl(char32_t cp)
{
    if (cp == '\t' || cp == '\n' || cp == '\r')
        return false;
    // Cc, the Cf characters of the BMP, surrogates, private use, tags, private-use planes.
    return cp < 0x20 || inRange(cp, 0x7F, 0x9F) || cp == 0xAD || inRange(cp, 0x200B, 0x200F) ||
           inRange(cp, 0x202A, 0x202E) || inRange(cp, 0x2060, 0x2064) ||
           inRange(cp, 0x2066, 0x206F) || cp == 0xFEFF || inRange(cp, 0xFFF9, 0xFFFB) ||
           inRange(cp, 0x600, 0x605) || cp == 0x61C || cp == 0x6DD || cp == 0x70F || cp == 0x890 ||
           cp == 0x891 || cp == 0x8E2 || cp == 0x180E || inRange(cp, 0xD800, 0xDFFF) ||
           inRange(cp, 0xE000, 0xF8FF) || inRange(cp, 0xE0000, 0xE007F) || cp >= 0xF0000;
}

bool isPunctuation(char32_t cp)
{
    if (inRange(cp, 33, 47) || inRange(cp, 58, 64) || inRange(cp, 91, 96) || inRange(cp, 123, 126))
        return true;
    switch (cp) {
    case 0xA1:
    case 0xA7:
    case 0xAB:
    case 0xB6:
    case 0xB7:
    case 0xBB:
    case 0xBF: // Latin-1
    case 0x3001:
    case 0x3002:
    case 0x3003:
    case 0x3030:
    case 0x303D: // CJK
    case 0x30A0:
    case 0x30FB:
    case 0xFE63:
    case 0xFE68:
    case 0xFE6A:
    case 0xFE6B:
    case 0xFF1A:
    case 0xFF1B:
    case 0xFF1F:
    case 0xFF20:
    case 0xFF3F:
    case 0xFF5B:
    case 0xFF5D:
        return true;
    default:
        break;
    }
    return inRange(cp, 0x2010, 0x2027) || inRange(cp, 0x2030, 0x2043) ||
           inRange(cp, 0x2045, 0x2051) || inRange(cp, 0x2053, 0x205E) ||
           inRange(cp, 0x3008, 0x3011) || inRange(cp, 0x3014, 0x301F) ||
           inRange(cp, 0xFE10, 0xFE19) || inRange(cp, 0xFE30, 0xFE52) ||
           inRange(cp, 0xFE54, 0xFE61) ||
           (inRange(cp, 0xFF01, 0xFF0F) && cp != 0xFF04 && cp != 0xFF0B) ||
           inRange(cp, 0xFF3B, 0xFF3D) || inRange(cp, 0xFF5F, 0xFF65);
}

bool isCjk(char32_t cp)
{
    return inRange(cp, 0x4E00, 0x9FFF) || inRange(cp, 0x3400, 0x4DBF) ||
           inRange(cp, 0x20000, 0x2A6DF) || inRange(cp, 0x2A700, 0x2B73F) ||
           inRange(cp, 0x2B740, 0x2B81F) || inRange(cp, 0x2B820, 0x2CEAF) ||
           inRange(cp, 0xF900, 0xFAFF) || inRange(cp, 0x2F800, 0x2FA1F);
}

char32_t toLower(char32_t cp)
{
    if (inRange(cp, 'A', 'Z') || (inRange(cp, 0xC0, 0xDE) && cp != 0xD7))
        return cp + 0x20;
    if (cp == 0x130)
        return 'i';
    if (cp == 0x178)
        return 0xFF;
    // Latin Extended-A pairs: upper case at even code points in 0100..0137 and 014A..0177, at odd
    // ones in 0139..0148 and 0179..017E.
    if ((inRange(cp, 0x100, 0x137) || inRange(cp, 0x14A, 0x177)) && cp % 2 == 0)
        return cp + 1;
    if ((inRange(cp, 0x139, 0x148) || inRange(cp, 0x179, 0x17E)) && cp % 2 == 1)
        return cp + 1;
    if (inRange(cp, 0x391, 0x3A9) && cp != 0x3A2) // Greek capitals
        return cp + 0x20;
    if (inRange(cp, 0x410, 0x42F)) // Cyrillic А..Я
        return cp + 0x20;
    if (inRange(cp, 0x400, 0x40F)) // Cyrillic Ѐ..Џ
        return cp + 0x50;
    if (inRange(cp, 0xFF21, 0xFF3A)) // fullwidth Ａ..Ｚ
        return cp + 0x20;
    return cp;
}

char32_t stripAccent(char32_t cp)
{
    if (inRange(cp, 0x300, 0x36F))
        return 0;
    char base = '-';
    if (inRange(cp, 0xC0, 0xFF))
        base = kLatin1Bases[cp - 0xC0];
    else if (inRange(cp, 0x100, 0x17F))
        base = kLatinExtABases[cp - 0x100];
    return base == '-' ? cp : char32_t(base);
}

} // namespace recforge::bertchars
