#include "seqtransformernet.h"

#include <algorithm>

#include "models/itemfeatures.h"

namespace recforge {

SeqTransformerNetImpl::SeqTransformerNetImpl(int64_t items, int64_t maxLength,
                                             const TransformerConfig &config,
                                             const ItemFeatures *features,
                                             const SeqNetExtras &extras)
    : m_items(items), m_maxLength(maxLength)
{
    m_itemEmbedding = register_module(
        "item",
        torch::nn::Embedding(torch::nn::EmbeddingOptions(items + 2, config.hidden).padding_idx(0)));
    m_positionEmbedding =
        register_module("position", torch::nn::Embedding(maxLength, config.hidden));
    m_norm = register_module(
        "norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({config.hidden}).eps(1e-12)));
    m_dropout = register_module("dropout", torch::nn::Dropout(config.dropout));
    m_encoder = register_module("encoder", TransformerEncoder(config));
    if (features && !features->empty() && features->itemCount == items) {
        m_bag = register_module(
            "features", torch::nn::EmbeddingBag(
                            torch::nn::EmbeddingBagOptions(features->vocabularySize, config.hidden)
                                .mode(torch::kMean)));
        m_featureIds = register_buffer("featureIds", torch::tensor(features->ids, torch::kLong));
        std::vector<int64_t> starts(features->offsets.begin(), features->offsets.end() - 1);
        m_featureOffsets = register_buffer("featureOffsets", torch::tensor(starts, torch::kLong));
    }
    if (extras.textVectors.defined() && extras.textVectors.dim() == 2 &&
        extras.textVectors.size(0) == items) {
        torch::NoGradGuard noGrad;
        torch::Tensor t = extras.textVectors.to(torch::kFloat).detach().clone();
        t = (t - t.mean(0, true)) / t.std().clamp_min(1e-6);
        m_textVectors = register_buffer("textVectors", t);
        m_textProjection = register_module(
            "textProjection",
            torch::nn::Linear(torch::nn::LinearOptions(t.size(1), config.hidden).bias(false)));
    }
    if (extras.outputHead) {
        m_head = register_module(
            "head",
            torch::nn::Sequential(
                torch::nn::Linear(config.hidden, config.hidden), torch::nn::GELU(),
                torch::nn::LayerNorm(torch::nn::LayerNormOptions({config.hidden}).eps(1e-12))));
    }
    initTransformerWeights(*this);
}

torch::Tensor SeqTransformerNetImpl::idTable()
{
    torch::Tensor table = m_itemEmbedding->weight.narrow(0, 1, m_items);
    if (m_textProjection)
        table = table + m_textProjection(m_textVectors);
    return table;
}

torch::Tensor SeqTransformerNetImpl::output(const torch::Tensor &hidden)
{
    return m_head ? m_head->forward(hidden) : hidden;
}

torch::Tensor SeqTransformerNetImpl::itemTable()
{
    torch::Tensor table = idTable();
    if (m_bag)
        table = table + m_bag(m_featureIds, m_featureOffsets);
    return table;
}

torch::Tensor SeqTransformerNetImpl::encode(const torch::Tensor &tokens, bool causal,
                                            const torch::Tensor &itemTable, bool lastOnly)
{
    const int64_t b = tokens.size(0), l = tokens.size(1);
    torch::Tensor x;
    if (itemTable.defined()) {
        const torch::Tensor &w = m_itemEmbedding->weight;
        torch::Tensor full =
            torch::cat({w.narrow(0, 0, 1), itemTable, w.narrow(0, m_items + 1, 1)});
        x = full.index_select(0, tokens.reshape(-1)).view({b, l, -1});
    } else {
        x = m_itemEmbedding(tokens);
    }
    // Left padding: the last column is position maxLength - 1.
    torch::Tensor positions =
        torch::arange(m_maxLength - l, m_maxLength, tokens.options().dtype(torch::kLong));
    x = m_dropout(m_norm(x + m_positionEmbedding(positions).unsqueeze(0)));
    return m_encoder(x, tokens, causal, lastOnly);
}

torch::Tensor leftPadded(const std::vector<std::span<const int64_t>> &rows, int64_t width)
{
    if (width <= 0) {
        width = 1;
        for (const auto &r : rows)
            width = std::max<int64_t>(width, int64_t(r.size()));
    }
    torch::Tensor out = torch::zeros({int64_t(rows.size()), width}, torch::kLong);
    int64_t *p = out.data_ptr<int64_t>();
    for (size_t i = 0; i < rows.size(); ++i) {
        const auto &r = rows[i];
        const int64_t n = std::min<int64_t>(width, int64_t(r.size()));
        std::copy(r.end() - n, r.end(), p + int64_t(i) * width + (width - n));
    }
    return out;
}

} // namespace recforge
