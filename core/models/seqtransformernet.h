#pragma once
// The torch module behind SeqTransformer (SASRec / BERT4Rec) and the batch building it needs.
// Token ids: 0 = padding, 1..items = item index + 1, items + 1 = [MASK]. Sequences are
// left-padded, so the newest item is always the last column and has position maxLength - 1.

#include <cstdint>
#include <span>
#include <vector>

#include <torch/torch.h>

#include "models/transformerblocks.h"

namespace recforge {

struct ItemFeatures;

class SeqTransformerNetImpl : public torch::nn::Module {
public:
    // features may be null or empty (no feature bag).
    SeqTransformerNetImpl(int64_t items, int64_t maxLength, const TransformerConfig &config,
                          const ItemFeatures *features);

    int64_t itemCount() const { return m_items; }
    int64_t maxLength() const { return m_maxLength; }
    int64_t maskToken() const { return m_items + 1; }
    bool hasFeatures() const { return !m_bag.is_empty(); }

    // Output-side item vectors (tied with the input embedding): [items, d], the item embedding
    // plus the mean of its feature embeddings when features are on.
    torch::Tensor itemTable();
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
};
TORCH_MODULE(SeqTransformerNet);

// Left-pads token rows into a [rows.size(), width] int64 tensor; each row keeps its last `width`
// tokens. width = the longest row (at least 1) when 0.
torch::Tensor leftPadded(const std::vector<std::span<const int64_t>> &rows, int64_t width = 0);

} // namespace recforge
