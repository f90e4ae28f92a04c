#include "tokenizer.h"

#include <algorithm>

#include "data/dataset.h"

namespace recforge {

std::vector<int32_t> Tokenizer::modelInput(std::string_view utf8, int32_t maxLength) const
{
    const std::vector<int32_t> tokens = encode(utf8);
    return buildModelInput(tokens, specialIds(), maxLength);
}

std::vector<int32_t> buildModelInput(std::span<const int32_t> tokens, const SpecialIds &special,
                                     int32_t maxLength)
{
    const size_t keep = std::min(tokens.size(), size_t(std::max(maxLength, 2) - 2));
    std::vector<int32_t> out;
    out.reserve(keep + 2);
    out.push_back(special.cls);
    out.insert(out.end(), tokens.begin(), tokens.begin() + keep);
    out.push_back(special.sep);
    return out;
}

namespace {

bool isAsciiSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// Trimmed, with every run of ASCII whitespace collapsed to one space.
std::string squeezed(std::string_view field)
{
    std::string out;
    out.reserve(field.size());
    bool pendingSpace = false;
    for (char c : field) {
        if (isAsciiSpace(c)) {
            pendingSpace = !out.empty();
            continue;
        }
        if (pendingSpace)
            out.push_back(' ');
        pendingSpace = false;
        out.push_back(c);
    }
    return out;
}

void appendField(std::string &out, const std::string &field, std::string_view separator)
{
    if (field.empty())
        return;
    if (!out.empty())
        out.append(separator);
    out.append(field);
}

} // namespace

std::string itemText(const ItemInfo &item)
{
    std::string category;
    for (const std::string &level : item.categoryPath)
        appendField(category, squeezed(level), " > ");
    std::string out;
    appendField(out, squeezed(item.title), " | ");
    appendField(out, category, " | ");
    appendField(out, squeezed(item.brand), " | ");
    appendField(out, squeezed(item.description), " | ");
    return out;
}

std::vector<std::string> itemTexts(const Dataset &dataset)
{
    std::vector<std::string> texts;
    texts.reserve(size_t(dataset.itemCount()));
    for (int32_t i = 0; i < dataset.itemCount(); ++i)
        texts.push_back(size_t(i) < dataset.itemInfo.size() ? itemText(dataset.itemInfo[size_t(i)])
                                                            : std::string());
    return texts;
}

} // namespace recforge
