#include "seqobjective.h"

#include <algorithm>
#include <numeric>
#include <random>

#include "train/losses.h"

namespace recforge {

SeqObjective::SeqObjective(SeqTransformerNet net, SeqVariant variant,
                           const SeqTransformerParams &params, const TrainingData &data,
                           const FitContext &ctx, Recommender &model)
    : m_net(std::move(net)), m_variant(variant), m_p(params), m_ctx(ctx), m_model(model)
{
    const bool causal = variant == SeqVariant::Causal;
    const size_t keep = size_t(params.maxLength) + (causal ? 1 : 0);
    m_offsets.push_back(0);
    for (int32_t u = 0; u < data.userCount(); ++u) {
        auto items = data.fitSequence(u).items;
        if (items.size() < (causal ? 2u : 1u))
            continue;
        const size_t n = std::min(keep, items.size());
        for (size_t k = items.size() - n; k < items.size(); ++k)
            m_tokens.push_back(int64_t(items[k]) + 1);
        m_offsets.push_back(int64_t(m_tokens.size()));
    }
}

int64_t SeqObjective::beginEpoch(int, int64_t batchSize, std::mt19937_64 &rng)
{
    std::vector<int64_t> order(static_cast<size_t>(exampleCount()));
    std::iota(order.begin(), order.end(), int64_t(0));
    std::shuffle(order.begin(), order.end(), rng);
    if (m_p.lengthBuckets) {
        // Sort within chunks of 32 batches: batches hold similar lengths (little padding) while
        // the chunks keep the epoch's order random; the batch order is shuffled afterwards.
        const size_t chunk = size_t(batchSize) * 32;
        for (size_t b = 0; b < order.size(); b += chunk) {
            auto end = order.begin() + int64_t(std::min(order.size(), b + chunk));
            std::stable_sort(order.begin() + int64_t(b), end, [&](int64_t x, int64_t y) {
                return m_offsets[size_t(x) + 1] - m_offsets[size_t(x)] <
                       m_offsets[size_t(y) + 1] - m_offsets[size_t(y)];
            });
        }
    }
    m_batches.clear();
    for (size_t b = 0; b < order.size(); b += size_t(batchSize))
        m_batches.emplace_back(order.begin() + int64_t(b),
                               order.begin() + int64_t(std::min(order.size(), b + batchSize)));
    if (m_p.lengthBuckets)
        std::shuffle(m_batches.begin(), m_batches.end(), rng);
    return int64_t(m_batches.size());
}

torch::Tensor SeqObjective::positionLoss(const torch::Tensor &hidden, const torch::Tensor &table,
                                         const torch::Tensor &targets)
{
    // hidden [n, d] of the real / masked positions only; targets [n] item indices.
    if (m_p.loss == "sampled")
        return uniformSampledSoftmaxLoss(hidden, table, targets, m_p.negatives);
    if (m_p.loss == "bpr") {
        torch::Tensor neg = torch::randint(m_net->itemCount(), {hidden.size(0)}, targets.options());
        torch::Tensor pos = (hidden * table.index_select(0, targets)).sum(1);
        torch::Tensor negScore = (hidden * table.index_select(0, neg)).sum(1);
        return bprLoss(pos, negScore);
    }
    return fullSoftmaxLoss(hidden, table, targets);
}

BatchLoss SeqObjective::loss(int64_t batch)
{
    const auto &examples = m_batches[size_t(batch)];
    std::vector<std::span<const int64_t>> rows;
    rows.reserve(examples.size());
    for (int64_t e : examples)
        rows.push_back(tokensOf(e));
    torch::Tensor tokens = leftPadded(rows).to(m_device); // [B, W]
    torch::Tensor table = m_net->itemTable();
    const torch::Tensor featureTable = m_net->composedItems() ? table : torch::Tensor();
    torch::Tensor input, targets;
    if (m_variant == SeqVariant::Causal) {
        const int64_t w = tokens.size(1);
        input = tokens.narrow(1, 0, w - 1);
        targets = tokens.narrow(1, 1, w - 1);
        // Left padding: a real input position always has a real next item as its target.
        const torch::Tensor positions = (input != 0).reshape(-1).nonzero().squeeze(1);
        torch::Tensor hidden = m_net->encode(input, true, featureTable);
        hidden = m_net->output(hidden.reshape({-1, hidden.size(2)}).index_select(0, positions));
        torch::Tensor t = targets.reshape(-1).index_select(0, positions) - 1;
        return {positionLoss(hidden, table, t), int64_t(examples.size())};
    }
    auto [masked, mask] = clozeMask(tokens, m_p.maskProb, m_net->maskToken());
    const torch::Tensor positions = mask.reshape(-1).nonzero().squeeze(1);
    torch::Tensor hidden = m_net->encode(masked, false, featureTable);
    hidden = m_net->output(hidden.reshape({-1, hidden.size(2)}).index_select(0, positions));
    torch::Tensor t = tokens.reshape(-1).index_select(0, positions) - 1;
    return {positionLoss(hidden, table, t), int64_t(examples.size())};
}

PositionBatch SeqObjective::positionBatch(int64_t batch)
{
    const auto &examples = m_batches[size_t(batch)];
    std::vector<std::span<const int64_t>> rows;
    rows.reserve(examples.size());
    for (int64_t e : examples)
        rows.push_back(tokensOf(e));
    torch::Tensor tokens = leftPadded(rows).to(m_device); // [B, W]
    torch::Tensor table = m_net->itemTable();
    const torch::Tensor featureTable = m_net->composedItems() ? table : torch::Tensor();
    PositionBatch p;
    p.table = table;
    p.samples = int64_t(examples.size());
    if (m_variant == SeqVariant::Causal) {
        const int64_t w = tokens.size(1);
        p.input = tokens.narrow(1, 0, w - 1);
        p.positions = (p.input != 0).reshape(-1).nonzero().squeeze(1);
        p.targets = tokens.narrow(1, 1, w - 1).reshape(-1).index_select(0, p.positions) - 1;
    } else {
        auto [masked, mask] = clozeMask(tokens, m_p.maskProb, m_net->maskToken());
        p.input = masked;
        p.positions = mask.reshape(-1).nonzero().squeeze(1);
        p.targets = tokens.reshape(-1).index_select(0, p.positions) - 1;
    }
    torch::Tensor hidden = m_net->encode(p.input, m_variant == SeqVariant::Causal, featureTable);
    p.hidden = m_net->output(hidden.reshape({-1, hidden.size(2)}).index_select(0, p.positions));
    return p;
}

Expected<std::optional<Validation>> SeqObjective::validate(int epoch)
{
    if (!m_ctx.validate)
        return std::optional<Validation>{};
    auto v = m_ctx.validate(m_model, epoch);
    if (!v)
        return tl::unexpected(v.error());
    return std::optional<Validation>(Validation{*v, {{"validation", *v}}});
}

} // namespace recforge
