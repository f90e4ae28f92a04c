#include "basictokenizer.h"

#include "text/bertchars.h"
#include "text/utf8.h"

namespace recforge {

namespace {

// Steps 1-2: cleaned text with spaces around CJK ideographs.
std::u32string cleaned(std::string_view utf8, bool splitCjk)
{
    std::u32string out;
    for (char32_t cp : utf8::decode(utf8)) {
        if (cp == 0 || cp == utf8::kReplacement || bertchars::isControl(cp))
            continue;
        if (bertchars::isWhitespace(cp)) {
            out.push_back(U' ');
        } else if (splitCjk && bertchars::isCjk(cp)) {
            out.push_back(U' ');
            out.push_back(cp);
            out.push_back(U' ');
        } else {
            out.push_back(cp);
        }
    }
    return out;
}

std::u32string folded(std::u32string_view word, const BasicTokenizerOptions &options)
{
    std::u32string out;
    out.reserve(word.size());
    for (char32_t cp : word) {
        if (options.lowerCase)
            cp = bertchars::toLower(cp);
        if (options.stripAccents) {
            cp = bertchars::stripAccent(cp);
            if (cp == 0)
                continue;
        }
        out.push_back(cp);
    }
    return out;
}

void splitPunctuation(const std::u32string &word, std::vector<std::u32string> &out)
{
    bool startNew = true;
    for (char32_t cp : word) {
        if (bertchars::isPunctuation(cp)) {
            out.push_back(std::u32string(1, cp));
            startNew = true;
            continue;
        }
        if (startNew)
            out.emplace_back();
        out.back().push_back(cp);
        startNew = false;
    }
}

} // namespace

std::vector<std::u32string> basicTokenize(std::string_view utf8,
                                          const BasicTokenizerOptions &options)
{
    const std::u32string text = cleaned(utf8, options.splitCjk);
    std::vector<std::u32string> words;
    size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i] == U' ')
            ++i;
        size_t end = i;
        while (end < text.size() && text[end] != U' ')
            ++end;
        if (end > i) {
            const std::u32string word =
                folded(std::u32string_view(text).substr(i, end - i), options);
            splitPunctuation(word, words);
        }
        i = end;
    }
    return words;
}

} // namespace recforge
