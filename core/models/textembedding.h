#pragma once
// One vector per item from its catalogue text (itemText()): the text half of an item's
// representation, so an item never seen in training still gets a meaningful vector.

#include <cstdint>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "models/textencoder.h"
#include "text/tokenizer.h"

namespace recforge {

struct Dataset;

enum class TextPooling {
    Mean, // mean of the last hidden states over real tokens ([CLS] and [SEP] included)
    Cls,  // the hidden state of [CLS]
};

struct TextEmbeddingOptions {
    int64_t batchSize = 64;
    int32_t maxLength = 0; // tokens incl. [CLS]/[SEP]; 0 = the encoder's max_position_embeddings
    TextPooling pooling = TextPooling::Mean;
};

// [texts.size(), hidden] float32 on the CPU: tokenizer.modelInput(text, maxLength) of each
// text, encoded in batches of similar length (right-padded, padding masked) without gradients in
// eval mode (the encoder's train/eval mode is restored afterwards), then pooled. An empty text
// gives the vector of "[CLS] [SEP]". Results do not depend on batchSize beyond float rounding.
torch::Tensor encodeTexts(TextEncoder &encoder, const Tokenizer &tokenizer,
                          const std::vector<std::string> &texts,
                          const TextEmbeddingOptions &options = {});

// encodeTexts of itemTexts(dataset): [dataset.itemCount(), hidden], row = item index.
torch::Tensor encodeItemTexts(TextEncoder &encoder, const Tokenizer &tokenizer,
                              const Dataset &dataset, const TextEmbeddingOptions &options = {});

// Right-pads token rows with padId into [rows.size(), longest] int64.
torch::Tensor rightPadded(const std::vector<std::vector<int32_t>> &rows, int64_t padId);

} // namespace recforge
