#include "seqtransformernet.h"

#include <algorithm>
#include <numeric>

#include "models/itemfeatures.h"
#include "models/recommender.h"

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

torch::Tensor
encodeHistoriesLast(const ScoreRequest &request, size_t keep, int64_t trailingToken, int64_t dim,
                    const torch::TensorOptions &options,
                    const std::function<torch::Tensor(const torch::Tensor &tokens)> &encodeLast)
{
    constexpr int64_t kChunk = 256; // histories encoded together
    const int64_t n = int64_t(request.size());
    std::vector<std::vector<int64_t>> tokens(static_cast<size_t>(n));
    for (int64_t r = 0; r < n; ++r) {
        const auto &items = request.histories[size_t(r)].items;
        const size_t m = std::min(keep, items.size());
        auto &row = tokens[size_t(r)];
        row.reserve(m + 1);
        for (size_t k = items.size() - m; k < items.size(); ++k)
            row.push_back(int64_t(items[k]) + 1);
        if (trailingToken > 0)
            row.push_back(trailingToken);
    }
    std::vector<int64_t> order(static_cast<size_t>(n));
    std::iota(order.begin(), order.end(), int64_t(0));
    std::stable_sort(order.begin(), order.end(), [&](int64_t a, int64_t b) {
        return tokens[size_t(a)].size() < tokens[size_t(b)].size();
    });
    torch::Tensor out = torch::empty({n, dim}, options);
    for (int64_t begin = 0; begin < n; begin += kChunk) {
        const int64_t end = std::min(n, begin + kChunk);
        std::vector<std::span<const int64_t>> rows;
        for (int64_t k = begin; k < end; ++k)
            rows.emplace_back(tokens[size_t(order[size_t(k)])]);
        torch::Tensor hidden = encodeLast(leftPadded(rows).to(options.device()));
        torch::Tensor idx =
            torch::tensor(std::vector<int64_t>(order.begin() + begin, order.begin() + end),
                          torch::kLong)
                .to(options.device());
        out.index_copy_(0, idx, hidden);
    }
    return out;
}

} // namespace recforge
