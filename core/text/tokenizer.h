#pragma once
// The tokenizer contract shared by the SentencePiece model trained on the catalogue and the
// WordPiece tokenizer of an imported BERT, plus the one text of an item that both training and
// encoding use. Plain C++ (no LibTorch, no Qt); text is UTF-8 everywhere.
//
// Every tokenizer has all five special tokens. encode() never adds them and never produces
// [PAD]/[CLS]/[SEP]/[MASK] from text (the literal string "[MASK]" in a title is ordinary text);
// modelInput() adds [CLS] and [SEP]. Implementations are immutable after construction, so
// encode/decode are safe to call from several threads at once.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace recforge {

struct Dataset;
struct ItemInfo;

// Ids of the special tokens in one vocabulary. All are valid ids (>= 0) and pairwise distinct.
struct SpecialIds {
    int32_t pad = -1;
    int32_t unk = -1;
    int32_t cls = -1;
    int32_t sep = -1;
    int32_t mask = -1;
};

class Tokenizer {
public:
    virtual ~Tokenizer() = default;

    // "sentencepiece" or "wordpiece": stored with a trained encoder so it can be reloaded.
    virtual std::string_view kind() const = 0;

    // Token ids of `utf8`, no special tokens added. Characters the vocabulary cannot express map to
    // unkId(). Invalid UTF-8 does not fail (see each implementation for what it becomes).
    virtual std::vector<int32_t> encode(std::string_view utf8) const = 0;
    // The same tokenization as strings, one per id (for display and tests): pieces(t)[i] ==
    // tokenOf(encode(t)[i]) except for unknown pieces, where WordPiece gives "[UNK]" and
    // SentencePiece the unknown text itself.
    virtual std::vector<std::string> pieces(std::string_view utf8) const = 0;
    // Readable text of `ids`: [PAD], [CLS] and [SEP] are dropped, [UNK] and [MASK] are shown as
    // "[UNK]" / "[MASK]". Not an exact inverse in general (see each implementation).
    virtual std::string decode(std::span<const int32_t> ids) const = 0;

    virtual int32_t vocabSize() const = 0;
    // The token of `id`; empty when id is outside [0, vocabSize()).
    virtual std::string tokenOf(int32_t id) const = 0;
    // The id of the exact token string, or -1 when the vocabulary has no such token.
    virtual int32_t idOf(std::string_view token) const = 0;

    virtual SpecialIds specialIds() const = 0;
    int32_t padId() const { return specialIds().pad; }
    int32_t unkId() const { return specialIds().unk; }
    int32_t clsId() const { return specialIds().cls; }
    int32_t sepId() const { return specialIds().sep; }
    int32_t maskId() const { return specialIds().mask; }

    // "[CLS] tokens [SEP]" for a model: encode(utf8) truncated to its first maxLength - 2 tokens so
    // that the result has at most maxLength ids. No padding. maxLength below 2 counts as 2.
    std::vector<int32_t> modelInput(std::string_view utf8, int32_t maxLength) const;
};

// [CLS] tokens [SEP] with tokens truncated as in Tokenizer::modelInput.
std::vector<int32_t> buildModelInput(std::span<const int32_t> tokens, const SpecialIds &special,
                                     int32_t maxLength);

// The text of one catalogue item, the same for tokenizer training and for encoding:
//   "title | category > sub-category > leaf | brand | description"
// " | " separates fields and " > " the levels of the category path; empty fields (and empty path
// levels) are left out together with their separator, so an item with only a title is just the
// title. Runs of whitespace (tabs, newlines, CR) inside fields become one space and fields are
// trimmed, so every item is one line. Price and free-form attributes are not text and are not
// included. An item without any text gives "".
std::string itemText(const ItemInfo &item);

// itemText() of every item of `dataset`, indexed like dataset.items (items without text give "",
// which tokenizer training skips).
std::vector<std::string> itemTexts(const Dataset &dataset);

} // namespace recforge
