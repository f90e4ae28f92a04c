#include "sequencebatches.h"

#include <algorithm>
#include <numeric>

#include "models/seqtransformernet.h"

namespace recforge {

SequenceBatches::SequenceBatches(const TrainingData &data, int64_t maxLength, bool lengthBuckets)
    : m_lengthBuckets(lengthBuckets)
{
    const size_t keep = size_t(maxLength) + 1;
    m_offsets.push_back(0);
    for (int32_t u = 0; u < data.userCount(); ++u) {
        auto items = data.fitSequence(u).items;
        if (items.size() < 2)
            continue;
        const size_t n = std::min(keep, items.size());
        for (size_t k = items.size() - n; k < items.size(); ++k)
            m_tokens.push_back(int64_t(items[k]) + 1);
        m_offsets.push_back(int64_t(m_tokens.size()));
    }
}

int64_t SequenceBatches::beginEpoch(int64_t batchSize, std::mt19937_64 &rng)
{
    std::vector<int64_t> order(static_cast<size_t>(exampleCount()));
    std::iota(order.begin(), order.end(), int64_t(0));
    std::shuffle(order.begin(), order.end(), rng);
    auto length = [&](int64_t x) { return m_offsets[size_t(x) + 1] - m_offsets[size_t(x)]; };
    if (m_lengthBuckets) {
        const size_t chunk = size_t(batchSize) * 32;
        for (size_t b = 0; b < order.size(); b += chunk) {
            auto end = order.begin() + int64_t(std::min(order.size(), b + chunk));
            std::stable_sort(order.begin() + int64_t(b), end,
                             [&](int64_t x, int64_t y) { return length(x) < length(y); });
        }
    }
    m_batches.clear();
    for (size_t b = 0; b < order.size(); b += size_t(batchSize))
        m_batches.emplace_back(order.begin() + int64_t(b),
                               order.begin() + int64_t(std::min(order.size(), b + batchSize)));
    if (m_lengthBuckets)
        std::shuffle(m_batches.begin(), m_batches.end(), rng);
    return int64_t(m_batches.size());
}

torch::Tensor SequenceBatches::tokens(int64_t batch) const
{
    std::vector<std::span<const int64_t>> rows;
    for (int64_t e : m_batches[size_t(batch)])
        rows.push_back(tokensOf(e));
    return leftPadded(rows);
}

NextItemPositions nextItemPositions(const torch::Tensor &tokens)
{
    const int64_t w = tokens.size(1);
    NextItemPositions p;
    p.input = tokens.narrow(1, 0, w - 1);
    // Left padding: a real input column always has a real next item as its target.
    p.positions = (p.input != 0).reshape(-1).nonzero().squeeze(1);
    p.targets = tokens.narrow(1, 1, w - 1).reshape(-1).index_select(0, p.positions) - 1;
    return p;
}

} // namespace recforge
