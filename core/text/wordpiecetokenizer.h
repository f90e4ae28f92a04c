#pragma once
// BERT's WordPiece tokenizer for an imported pretrained model (the common folder layout:
// config.json, model.safetensors, vocab.txt, optionally tokenizer_config.json).
//
// encode(): basicTokenize() (see basictokenizer.h), then per word greedy longest-match-first
// against the vocabulary, continuation pieces prefixed with "##"; a word that cannot be covered,
// or that is longer than maxCharsPerWord characters, becomes one [UNK]. This matches Hugging
// Face's BertTokenizer except that special-token strings in the text ("[MASK]") are ordinary text
// here, and within the character-table limits documented in bertchars.h.
//
// decode() joins tokens with spaces and glues "##" pieces to the previous one. Lower-casing,
// accents and the spacing around punctuation and CJK characters are not restored
// ("hello , world !").

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/error.h"
#include "text/basictokenizer.h"
#include "text/tokenizer.h"

namespace recforge {

struct WordPieceOptions {
    BasicTokenizerOptions basic;
    // Longer words (in characters, after basic tokenization) become [UNK], as in BERT.
    int32_t maxCharsPerWord = 100;
};

class WordPieceTokenizer final : public Tokenizer {
public:
    // Reads a vocab.txt: one token per line, line n (1-based) is id n - 1; LF or CRLF line ends;
    // a UTF-8 BOM is ignored. Errors: Io naming the file; Parse naming file and line for an empty
    // line or a token that appeared before (with the line of its first occurrence); Schema naming
    // the file when [PAD], [UNK], [CLS], [SEP] or [MASK] is missing; Empty for a file without
    // tokens.
    static Expected<WordPieceTokenizer> loadVocab(const std::string &path,
                                                  const WordPieceOptions &options = {});
    // Same from the file's contents; `name` is used in error locations.
    static Expected<WordPieceTokenizer> parseVocab(std::string_view contents,
                                                   const std::string &name,
                                                   const WordPieceOptions &options = {});
    // Reads `folder`/vocab.txt and, when present, the casing settings of
    // `folder`/tokenizer_config.json (do_lower_case, strip_accents, tokenize_chinese_chars, as
    // written by Hugging Face; strip_accents null or absent means "same as do_lower_case"). Without
    // that file the defaults of WordPieceOptions apply (uncased). Errors: as loadVocab, plus Parse
    // naming tokenizer_config.json when it is not a JSON object or a setting is not a boolean.
    static Expected<WordPieceTokenizer> loadBertFolder(const std::string &folder);

    const WordPieceOptions &options() const { return m_options; }

    std::string_view kind() const override { return "wordpiece"; }
    std::vector<int32_t> encode(std::string_view utf8) const override;
    std::vector<std::string> pieces(std::string_view utf8) const override;
    std::string decode(std::span<const int32_t> ids) const override;
    int32_t vocabSize() const override { return int32_t(m_tokens.size()); }
    std::string tokenOf(int32_t id) const override;
    int32_t idOf(std::string_view token) const override;
    SpecialIds specialIds() const override { return m_special; }

private:
    struct Hash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };

    WordPieceTokenizer() = default;
    // Appends the ids of one basic-tokenized word.
    void encodeWord(const std::u32string &word, std::vector<int32_t> &ids) const;

    WordPieceOptions m_options;
    std::vector<std::string> m_tokens;
    std::unordered_map<std::string, int32_t, Hash, std::equal_to<>> m_ids;
    SpecialIds m_special;
};

} // namespace recforge
