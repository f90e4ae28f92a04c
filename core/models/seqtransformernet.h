#pragma once
// The torch module behind SeqTransformer (SASRec / BERT4Rec) and the batch building it needs.
// Token ids: 0 = padding, 1..items = item index + 1, items + 1 = [MASK]. Sequences are
// left-padded, so the newest item is always the last column and has position maxLength - 1.

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include <torch/torch.h>

#include "models/transformerblocks.h"

namespace recforge {

struct ItemFeatures;
struct ScoreRequest;

// Optional parts of the network beyond SASRec / BERT4Rec's.
struct SeqNetExtras {
    // [items, t] float: a frozen text vector per item (encodeItemTexts). Stored as a buffer,
    // centred and scaled to unit variance per dimension, and added to the item's id embedding
    // through a learned projection, so an item without interactions still gets a vector.
    torch::Tensor textVectors;
    // A BERT-style output transform (Linear + GELU + LayerNorm) on the hidden states before they
    // are scored against the item table; pretraining creates it and fine-tuning reuses it.
    bool outputHead = false;
};

class SeqTransformerNetImpl : public torch::nn::Module {
public:
    // features may be null or empty (no feature bag).
    SeqTransformerNetImpl(int64_t items, int64_t maxLength, const TransformerConfig &config,
                          const ItemFeatures *features, const SeqNetExtras &extras = {});

    int64_t itemCount() const { return m_items; }
    int64_t maxLength() const { return m_maxLength; }
    int64_t maskToken() const { return m_items + 1; }
    bool hasFeatures() const { return !m_bag.is_empty(); }
    bool hasText() const { return !m_textProjection.is_empty(); }
    bool hasHead() const { return !m_head.is_empty(); }
    int64_t textDim() const { return hasText() ? m_textVectors.size(1) : 0; }
    int64_t layerCount() const { return int64_t(m_encoder->layerCount()); }
    // True when item vectors are more than the id embedding (features or text): encode() then
    // needs this batch's itemTable().
    bool composedItems() const { return hasFeatures() || hasText(); }

    // Output-side item vectors (tied with the input embedding): [items, d], the item embedding
    // (+ its projected text vector) plus the mean of its feature embeddings when features are on.
    torch::Tensor itemTable();
    // [items, d]: the id embedding plus the projected text vector, without the feature bag (what
    // attribute prediction reads: the features would give the answer away).
    torch::Tensor idTable();
    // hidden [..., d] -> the vectors scored against itemTable(): the output head when there is
    // one, else hidden itself.
    torch::Tensor output(const torch::Tensor &hidden);
    // tokens [B, L] (L <= maxLength) -> hidden [B, L, d]. itemTable: this batch's itemTable()
    // when features are on (computed once per batch), else undefined. lastOnly: only the last
    // column is computed in the final layer -> [B, 1, d] (scoring needs nothing else).
    torch::Tensor encode(const torch::Tensor &tokens, bool causal, const torch::Tensor &itemTable,
                         bool lastOnly = false);

private:
    int64_t m_items, m_maxLength;
    torch::nn::Embedding m_itemEmbedding{nullptr}, m_positionEmbedding{nullptr};
    torch::nn::LayerNorm m_norm{nullptr};
    torch::nn::Dropout m_dropout{nullptr};
    TransformerEncoder m_encoder{nullptr};
    torch::nn::EmbeddingBag m_bag{nullptr};
    torch::Tensor m_featureIds, m_featureOffsets; // buffers: CSR starts (size items)
    torch::Tensor m_textVectors;                  // buffer [items, t]
    torch::nn::Linear m_textProjection{nullptr};
    torch::nn::Sequential m_head{nullptr};
};
TORCH_MODULE(SeqTransformerNet);

// Left-pads token rows into a [rows.size(), width] int64 tensor; each row keeps its last `width`
// tokens. width = the longest row (at least 1) when 0.
torch::Tensor leftPadded(const std::vector<std::span<const int64_t>> &rows, int64_t width = 0);

// The hidden state after each history of `request`, for scoring: [request.size(), dim]. A row
// holds the history's last `keep` items as tokens (item + 1), then `trailingToken` when > 0
// (a [MASK] to predict). Rows are encoded in chunks of similar length, so a short history never
// pays for a long one's padding: encodeLast(tokens [B, W] left-padded, on `options`' device) ->
// [B, dim], the hidden state at the last column.
torch::Tensor
encodeHistoriesLast(const ScoreRequest &request, size_t keep, int64_t trailingToken, int64_t dim,
                    const torch::TensorOptions &options,
                    const std::function<torch::Tensor(const torch::Tensor &tokens)> &encodeLast);

} // namespace recforge
