#pragma once
// A text encoder folder in the common Hugging Face layout, read and written by the same code so
// a downloaded BERT and an encoder pretrained here load alike:
//   config.json         TextEncoderConfig (Hugging Face key names)
//   model.safetensors   weights under BERT's names ("bert.embeddings...", "cls.predictions...")
//   vocab.txt           WordPiece vocabulary (an imported BERT), or
//   sentencepiece.model SentencePiece model (trained here on the catalogue)
// (tokenizer_config.json, when present, sets WordPiece's casing; see wordpiecetokenizer.h.)

#include <memory>
#include <string>
#include <vector>

#include "common/error.h"
#include "io/safetensors.h"
#include "models/textencoder.h"
#include "text/tokenizer.h"

namespace recforge {

inline constexpr const char *kSentencePieceModelFile = "sentencepiece.model";

// The encoder's tensors under Hugging Face BertForMaskedLM names: encoder weights with the
// "bert." prefix, MLM head under "cls.predictions." (the tied decoder weight is not repeated),
// pooler as "bert.pooler.dense.*". Tensors share storage with the module.
NamedTensors textEncoderTensors(TextEncoder &encoder);

// Which optional heads a checkpoint carries (pooler / MLM head tensors present under either
// naming).
TextEncoderHeads textEncoderHeadsIn(const SafetensorsFile &file);

// Copies the tensors of `file` (read from `path`, used in messages) into `encoder` by name.
// Names may carry the "bert." prefix or not; "LayerNorm.gamma"/"beta" (TF-converted checkpoints)
// count as weight/bias; cls.predictions.decoder.bias stands for cls.predictions.bias.
// Tensors the encoder does not use (cls.seq_relationship.*, a pooler or MLM head the encoder was
// built without, ...) are returned as warnings, one per tensor; "position_ids" buffers are
// skipped silently. The tied decoder weight, when present, must equal the word embeddings
// (a warning otherwise: the encoder keeps the word embeddings).
// Errors (Location{path, field = tensor name}): Schema "missing tensor 'X' in <path>", Schema
// "tensor 'X' in <path> has shape [a, b], expected [c, d]". The encoder is unchanged on error.
Expected<std::vector<Warning>>
loadTextEncoderTensors(TextEncoder &encoder, const SafetensorsFile &file, const std::string &path);

struct LoadedTextEncoder {
    TextEncoder encoder{nullptr}; // in eval mode, on the CPU
    std::shared_ptr<const Tokenizer> tokenizer;
    std::vector<Warning> warnings; // unused tensors, a vocab size that differs from vocab_size
};

// Loads a folder: config.json, model.safetensors, and vocab.txt (WordPiece) or
// sentencepiece.model. The encoder gets a pooler / MLM head when the checkpoint has one.
// Errors: NotFound (folder, or no tokenizer file), those of readTextEncoderConfig,
// readSafetensors, the tokenizer loaders and loadTextEncoderTensors; InvalidArgument when the
// tokenizer has more tokens than vocab_size.
Expected<LoadedTextEncoder> loadTextEncoder(const std::string &folder);

// Writes encoder + tokenizer as a folder in the layout above (sentencepiece.model for a
// SentencePieceTokenizer, vocab.txt for any other tokenizer). Crash-safe: the files are written
// into a sibling temporary folder that replaces `folder` only when complete; a previous folder
// of that name is replaced. `metadata` goes into the safetensors header. Errors: Io naming the
// path.
Status saveTextEncoder(const std::string &folder, TextEncoder &encoder, const Tokenizer &tokenizer,
                       const std::map<std::string, std::string> &metadata = {});

} // namespace recforge
