#include "interactionmatrix.h"

#include <algorithm>

namespace recforge {

SparseRows SparseRows::transposed(int32_t colCount) const
{
    SparseRows t;
    t.offsets.assign(size_t(colCount) + 1, 0);
    for (int32_t c : cols)
        ++t.offsets[size_t(c) + 1];
    for (size_t i = 1; i < t.offsets.size(); ++i)
        t.offsets[i] += t.offsets[i - 1];
    t.cols.resize(cols.size());
    t.values.resize(cols.size());
    std::vector<int64_t> cursor(t.offsets.begin(), t.offsets.end() - 1);
    for (int32_t r = 0; r < rowCount(); ++r) // rows ascending => transposed cols ascending
        for (int64_t k = offsets[size_t(r)]; k < offsets[size_t(r) + 1]; ++k) {
            const int64_t at = cursor[size_t(cols[size_t(k)])]++;
            t.cols[size_t(at)] = r;
            t.values[size_t(at)] = values[size_t(k)];
        }
    return t;
}

void distinctHistory(const HistoryView &history, int32_t itemCount, Feedback feedback,
                     std::vector<int32_t> &items, std::vector<float> &weights)
{
    std::vector<std::pair<int32_t, float>> pairs;
    pairs.reserve(history.size());
    for (size_t k = 0; k < history.size(); ++k) {
        const int32_t item = history.items[k];
        if (item < 0 || item >= itemCount)
            continue;
        const float v =
            feedback == Feedback::Values && !history.values.empty() ? history.values[k] : 1.0f;
        pairs.emplace_back(item, v);
    }
    std::sort(pairs.begin(), pairs.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    items.clear();
    weights.clear();
    for (const auto &[item, v] : pairs) {
        if (!items.empty() && items.back() == item) {
            if (feedback == Feedback::Values)
                weights.back() += v;
            continue;
        }
        items.push_back(item);
        weights.push_back(v);
    }
}

InteractionMatrix InteractionMatrix::build(const TrainingData &data, Feedback feedback)
{
    InteractionMatrix m;
    m.byUser.offsets.assign(size_t(data.userCount()) + 1, 0);
    std::vector<int32_t> items;
    std::vector<float> weights;
    for (int32_t u = 0; u < data.userCount(); ++u) {
        distinctHistory(data.fitSequence(u), data.itemCount(), feedback, items, weights);
        m.byUser.cols.insert(m.byUser.cols.end(), items.begin(), items.end());
        m.byUser.values.insert(m.byUser.values.end(), weights.begin(), weights.end());
        m.byUser.offsets[size_t(u) + 1] = int64_t(m.byUser.cols.size());
    }
    m.byItem = m.byUser.transposed(data.itemCount());
    return m;
}

void keepTopK(std::vector<std::pair<float, int32_t>> &candidates, int k)
{
    const auto better = [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    };
    if (k >= 0 && candidates.size() > size_t(k)) {
        std::nth_element(candidates.begin(), candidates.begin() + k, candidates.end(), better);
        candidates.resize(size_t(k));
    }
    std::sort(candidates.begin(), candidates.end(), better);
}

} // namespace recforge
