#pragma once
// A SentencePiece model trained on the catalogue text (Chinese and English), behind Tokenizer.
//
// Vocabulary layout of every model trained here: 0 [PAD], 1 [UNK], 2 [CLS], 3 [SEP], 4 [MASK],
// then the learned pieces. [PAD]/[CLS]/[SEP]/[MASK] are SentencePiece control symbols, so encode()
// never produces them from text; there is no BOS/EOS. A model loaded from a file must have all
// five pieces (anywhere in the vocabulary) or load() fails.
//
// Round trip: decode(encode(t)) == t after SentencePiece's normalisation (NFKC plus whitespace
// squeezing and trimming with the default rule) for every t whose characters are in the
// vocabulary; characters outside it encode to [UNK] (or to byte pieces with byteFallback).

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/error.h"
#include "common/progress.h"
#include "text/tokenizer.h"

namespace recforge {

enum class SentencePieceModelType { Unigram, Bpe };

enum class SentencePieceNormalization {
    NmtNfkc, // SentencePiece's default: NFKC plus NMT-style cleanup (full-width -> ASCII ...)
    Nfkc,
    Identity, // no normalisation at all (whitespace is still escaped)
};

struct SentencePieceParams {
    // Total vocabulary including the five special tokens. With hardVocabLimit a corpus that
    // cannot fill it is an error (the message says the largest size that would work); without
    // (the default) it is an upper bound and a small catalogue gets a smaller vocabulary.
    int32_t vocabSize = 8000;
    bool hardVocabLimit = false;
    SentencePieceModelType modelType = SentencePieceModelType::Unigram;
    // Fraction of characters the vocabulary must cover; the rarest rest become [UNK]. 0.9995 suits
    // Chinese (large character set); 1.0 is fine for small alphabets.
    double characterCoverage = 0.9995;
    // Longest text fed to the trainer, in bytes. Longer texts are cut at a character boundary
    // here (SentencePiece itself would skip them entirely).
    int32_t maxSentenceLength = 4192;
    // Seed of SentencePiece's process-wide random generator. SentencePiece draws from it only when
    // it samples or shuffles sentences, which it does not here (every text is used), so it is
    // recorded for completeness. Determinism: the same corpus and params give a byte-identical
    // model (the tests check this for unigram and BPE with one thread; 4 threads were identical
    // too in a check on 3000 texts, as SentencePiece splits the work by a fixed partition).
    uint32_t seed = 42;
    // Trainer threads. 1 keeps small corpora fast and the model independent of the machine.
    int32_t numThreads = 1;
    // Unknown characters become UTF-8 byte pieces instead of [UNK] (adds 256 pieces).
    bool byteFallback = false;
    SentencePieceNormalization normalization = SentencePieceNormalization::NmtNfkc;
};

class SentencePieceTokenizer final : public Tokenizer {
public:
    // Trains a model on `texts` (one text per item; see itemText()). Empty texts are skipped.
    // Errors: Empty when no text is left, InvalidArgument for bad params or when SentencePiece
    // rejects the corpus (its message is passed through, e.g. "Vocabulary size is too large"),
    // Cancelled when `stop` is requested while the corpus is being fed (SentencePiece's own
    // training loop cannot be interrupted), Internal when the SentencePiece module
    // (librecforge_spm.so, see spm/spmapi.h) cannot be loaded - also for load/fromBytes.
    static Expected<SentencePieceTokenizer> train(const std::vector<std::string> &texts,
                                                  const SentencePieceParams &params,
                                                  StopToken stop = {});
    // Loads a model file written by save() (or any SentencePiece model with the five special
    // pieces). Errors: Io naming the file when it is missing or unreadable, Parse naming the file
    // when it is not a SentencePiece model, Schema naming the file and the missing piece.
    static Expected<SentencePieceTokenizer> load(const std::string &path);
    // Same from the bytes of a model file; `name` is used in error locations.
    static Expected<SentencePieceTokenizer> fromBytes(std::string bytes, const std::string &name);

    SentencePieceTokenizer(SentencePieceTokenizer &&) noexcept;
    SentencePieceTokenizer &operator=(SentencePieceTokenizer &&) noexcept;
    ~SentencePieceTokenizer() override;

    // Writes the model file crash-safely (temporary file + rename). Errors: Io naming the path.
    Status save(const std::string &path) const;
    // The serialized model (what save() writes).
    const std::string &bytes() const { return m_bytes; }

    std::string_view kind() const override { return "sentencepiece"; }
    std::vector<int32_t> encode(std::string_view utf8) const override;
    std::vector<std::string> pieces(std::string_view utf8) const override;
    // Inverse of encode() up to normalisation; see the header comment.
    std::string decode(std::span<const int32_t> ids) const override;
    int32_t vocabSize() const override;
    std::string tokenOf(int32_t id) const override;
    int32_t idOf(std::string_view token) const override;
    SpecialIds specialIds() const override { return m_special; }

private:
    SentencePieceTokenizer();

    // A SentencePieceProcessor inside librecforge_spm.so (see spm/spmapi.h), deleted by the
    // module's destroy().
    std::shared_ptr<void> m_processor;
    std::string m_bytes;
    SpecialIds m_special;
};

} // namespace recforge
