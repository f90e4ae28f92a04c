#include "wordpiecetokenizer.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "text/utf8.h"

namespace recforge {

namespace {

constexpr std::string_view kContinuation = "##";

Expected<std::string> readFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return makeError(ErrorCode::Io, std::string("cannot open file: ") + std::strerror(errno),
                         Location{path, 0, 0, {}});
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad())
        return makeError(ErrorCode::Io, "cannot read file", Location{path, 0, 0, {}});
    return std::move(buffer).str();
}

// Reads a boolean setting of tokenizer_config.json into `value`; absent or null keeps it.
Status readFlag(const nlohmann::json &config, const char *key, bool &value, const std::string &file)
{
    const auto it = config.find(key);
    if (it == config.end() || it->is_null())
        return {};
    if (!it->is_boolean())
        return makeError(ErrorCode::Parse, std::string("'") + key + "' is not true or false",
                         Location{file, 0, 0, key});
    value = it->get<bool>();
    return {};
}

} // namespace

Expected<WordPieceTokenizer> WordPieceTokenizer::loadVocab(const std::string &path,
                                                           const WordPieceOptions &options)
{
    Expected<std::string> contents = readFile(path);
    if (!contents)
        return tl::unexpected(contents.error());
    return parseVocab(*contents, path, options);
}

Expected<WordPieceTokenizer> WordPieceTokenizer::parseVocab(std::string_view contents,
                                                            const std::string &name,
                                                            const WordPieceOptions &options)
{
    WordPieceTokenizer tokenizer;
    tokenizer.m_options = options;
    if (contents.starts_with("\xEF\xBB\xBF"))
        contents.remove_prefix(3);
    int64_t line = 0;
    while (!contents.empty()) {
        ++line;
        const size_t newline = contents.find('\n');
        std::string_view token = contents.substr(0, newline);
        contents.remove_prefix(newline == std::string_view::npos ? contents.size() : newline + 1);
        if (token.ends_with('\r'))
            token.remove_suffix(1);
        if (token.empty())
            return makeError(ErrorCode::Parse, "empty line in vocabulary",
                             Location{name, line, 0, {}});
        const int32_t id = int32_t(tokenizer.m_tokens.size());
        const auto [it, inserted] = tokenizer.m_ids.emplace(std::string(token), id);
        if (!inserted)
            return makeError(ErrorCode::Parse,
                             "duplicate token '" + std::string(token) + "' (first on line " +
                                 std::to_string(it->second + 1) + ")",
                             Location{name, line, 0, {}});
        tokenizer.m_tokens.emplace_back(token);
    }
    if (tokenizer.m_tokens.empty())
        return makeError(ErrorCode::Empty, "vocabulary has no tokens", Location{name, 0, 0, {}});

    SpecialIds &special = tokenizer.m_special;
    const std::pair<int32_t *, const char *> wanted[] = {
        {&special.pad, "[PAD]"}, {&special.unk, "[UNK]"},   {&special.cls, "[CLS]"},
        {&special.sep, "[SEP]"}, {&special.mask, "[MASK]"},
    };
    for (auto [id, token] : wanted) {
        *id = tokenizer.idOf(token);
        if (*id < 0)
            return makeError(ErrorCode::Schema,
                             std::string("vocabulary has no ") + token + " token",
                             Location{name, 0, 0, {}});
    }
    return tokenizer;
}

Expected<WordPieceTokenizer> WordPieceTokenizer::loadBertFolder(const std::string &folder)
{
    const std::filesystem::path dir(folder);
    WordPieceOptions options;
    const std::string configPath = (dir / "tokenizer_config.json").string();
    if (std::filesystem::exists(configPath)) {
        Expected<std::string> text = readFile(configPath);
        if (!text)
            return tl::unexpected(text.error());
        const nlohmann::json config = nlohmann::json::parse(*text, nullptr, false);
        if (config.is_discarded() || !config.is_object())
            return makeError(ErrorCode::Parse, "not a JSON object", Location{configPath, 0, 0, {}});
        BasicTokenizerOptions &basic = options.basic;
        if (Status ok = readFlag(config, "do_lower_case", basic.lowerCase, configPath); !ok)
            return tl::unexpected(ok.error());
        basic.stripAccents = basic.lowerCase; // BERT's rule when strip_accents is unset
        if (Status ok = readFlag(config, "strip_accents", basic.stripAccents, configPath); !ok)
            return tl::unexpected(ok.error());
        if (Status ok = readFlag(config, "tokenize_chinese_chars", basic.splitCjk, configPath); !ok)
            return tl::unexpected(ok.error());
    }
    return loadVocab((dir / "vocab.txt").string(), options);
}

void WordPieceTokenizer::encodeWord(const std::u32string &word, std::vector<int32_t> &ids) const
{
    if (int64_t(word.size()) > m_options.maxCharsPerWord) {
        ids.push_back(m_special.unk);
        return;
    }
    // offsets[k] = byte offset of character k in the UTF-8 form; offsets.back() = its size.
    std::string bytes;
    std::vector<size_t> offsets;
    offsets.reserve(word.size() + 1);
    for (char32_t cp : word) {
        offsets.push_back(bytes.size());
        utf8::append(bytes, cp);
    }
    offsets.push_back(bytes.size());

    const size_t first = ids.size();
    std::string candidate;
    size_t start = 0;
    while (start < word.size()) {
        int32_t found = -1;
        size_t end = word.size();
        for (; end > start; --end) {
            candidate.assign(start > 0 ? kContinuation : std::string_view());
            candidate.append(bytes, offsets[start], offsets[end] - offsets[start]);
            if (const auto it = m_ids.find(candidate); it != m_ids.end()) {
                found = it->second;
                break;
            }
        }
        if (found < 0) { // the whole word is unknown, not just the rest
            ids.resize(first);
            ids.push_back(m_special.unk);
            return;
        }
        ids.push_back(found);
        start = end;
    }
}

std::vector<int32_t> WordPieceTokenizer::encode(std::string_view utf8) const
{
    std::vector<int32_t> ids;
    for (const std::u32string &word : basicTokenize(utf8, m_options.basic))
        encodeWord(word, ids);
    return ids;
}

std::vector<std::string> WordPieceTokenizer::pieces(std::string_view utf8) const
{
    std::vector<std::string> out;
    for (int32_t id : encode(utf8))
        out.push_back(m_tokens[size_t(id)]);
    return out;
}

std::string WordPieceTokenizer::decode(std::span<const int32_t> ids) const
{
    std::string out;
    for (int32_t id : ids) {
        if (id < 0 || id >= vocabSize() || id == m_special.pad || id == m_special.cls ||
            id == m_special.sep)
            continue;
        std::string_view token = m_tokens[size_t(id)];
        if (token.starts_with(kContinuation) && token.size() > kContinuation.size())
            token.remove_prefix(kContinuation.size());
        else if (!out.empty())
            out.push_back(' ');
        out.append(token);
    }
    return out;
}

std::string WordPieceTokenizer::tokenOf(int32_t id) const
{
    if (id < 0 || id >= vocabSize())
        return {};
    return m_tokens[size_t(id)];
}

int32_t WordPieceTokenizer::idOf(std::string_view token) const
{
    const auto it = m_ids.find(token);
    return it == m_ids.end() ? -1 : it->second;
}

} // namespace recforge
