#include "similarity.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

namespace recforge {

std::shared_ptr<const ItemSimilarity> ItemSimilarity::fromEmbeddings(const EmbeddingMatrix &e)
{
    auto s = std::shared_ptr<ItemSimilarity>(new ItemSimilarity);
    s->m_kind = Kind::Embeddings;
    s->m_itemCount = e.rows;
    s->m_unit = e;
    for (int32_t r = 0; r < e.rows; ++r) {
        float *row = s->m_unit.values.data() + size_t(r) * size_t(e.dim);
        double norm = 0;
        for (int32_t d = 0; d < e.dim; ++d)
            norm += double(row[d]) * double(row[d]);
        norm = std::sqrt(norm);
        for (int32_t d = 0; d < e.dim; ++d)
            row[d] = norm > 0 ? float(row[d] / norm) : 0.0f;
    }
    return s;
}

std::shared_ptr<const ItemSimilarity> ItemSimilarity::fromInteractions(InteractionMatrix matrix)
{
    auto s = std::shared_ptr<ItemSimilarity>(new ItemSimilarity);
    s->m_kind = Kind::CoOccurrence;
    s->m_itemCount = matrix.byItem.rowCount();
    s->m_matrix = std::move(matrix);
    return s;
}

float ItemSimilarity::similarity(int32_t a, int32_t b) const
{
    if (a == b || a < 0 || b < 0 || a >= m_itemCount || b >= m_itemCount)
        return 0.0f;
    if (m_kind == Kind::Embeddings) {
        const auto ra = m_unit.row(a), rb = m_unit.row(b);
        double dot = 0;
        for (size_t d = 0; d < ra.size(); ++d)
            dot += double(ra[d]) * double(rb[d]);
        return float(dot);
    }
    const auto ua = m_matrix.byItem.colsOf(a), ub = m_matrix.byItem.colsOf(b);
    if (ua.empty() || ub.empty())
        return 0.0f;
    // Both user lists are ascending: count the intersection by merging.
    size_t i = 0, j = 0;
    int64_t common = 0;
    while (i < ua.size() && j < ub.size()) {
        if (ua[i] < ub[j])
            ++i;
        else if (ub[j] < ua[i])
            ++j;
        else {
            ++common;
            ++i;
            ++j;
        }
    }
    return float(double(common) / std::sqrt(double(ua.size()) * double(ub.size())));
}

Scored ItemSimilarity::mostSimilar(int32_t item, int k) const
{
    Scored out;
    if (item < 0 || item >= m_itemCount || k <= 0)
        return out;
    if (m_kind == Kind::Embeddings) {
        for (int32_t j = 0; j < m_itemCount; ++j) {
            if (j == item)
                continue;
            const float s = similarity(item, j);
            if (s > 0)
                out.emplace_back(s, j);
        }
    } else {
        // Co-occurrence counts through the users of `item`, then cosine normalisation.
        std::vector<int32_t> counts(size_t(m_itemCount), 0);
        std::vector<int32_t> touched;
        for (int32_t u : m_matrix.byItem.colsOf(item))
            for (int32_t j : m_matrix.byUser.colsOf(u))
                if (j != item && counts[size_t(j)]++ == 0)
                    touched.push_back(j);
        const double ni = double(m_matrix.byItem.colsOf(item).size());
        for (int32_t j : touched) {
            const double nj = double(m_matrix.byItem.colsOf(j).size());
            out.emplace_back(float(double(counts[size_t(j)]) / std::sqrt(ni * nj)), j);
        }
    }
    keepTopK(out, k);
    return out;
}

Scored nearestUsers(const InteractionMatrix &matrix, std::span<const int32_t> historyItems, int k,
                    int32_t excludeUser)
{
    std::vector<int32_t> items;
    for (int32_t i : historyItems)
        if (i >= 0 && i < matrix.byItem.rowCount())
            items.push_back(i);
    std::sort(items.begin(), items.end());
    items.erase(std::unique(items.begin(), items.end()), items.end());
    Scored out;
    if (items.empty() || k <= 0)
        return out;
    std::vector<int32_t> counts(size_t(matrix.byUser.rowCount()), 0);
    std::vector<int32_t> touched;
    for (int32_t i : items)
        for (int32_t v : matrix.byItem.colsOf(i))
            if (counts[size_t(v)]++ == 0)
                touched.push_back(v);
    for (int32_t v : touched) {
        if (v == excludeUser)
            continue;
        const double nv = double(matrix.byUser.colsOf(v).size());
        out.emplace_back(float(double(counts[size_t(v)]) / std::sqrt(double(items.size()) * nv)),
                         v);
    }
    keepTopK(out, k);
    return out;
}

ListOverlap compareLists(std::span<const int32_t> a, std::span<const int32_t> b)
{
    ListOverlap o;
    const std::unordered_set<int32_t> setA(a.begin(), a.end()), setB(b.begin(), b.end());
    for (int32_t item : a) {
        const bool shared = setB.count(item) > 0;
        o.inB.push_back(shared);
        if (shared && std::find(o.common.begin(), o.common.end(), item) == o.common.end())
            o.common.push_back(item);
    }
    for (int32_t item : b)
        o.inA.push_back(setA.count(item) > 0);
    std::unordered_set<int32_t> all(setA);
    all.insert(setB.begin(), setB.end());
    o.jaccard = all.empty() ? 0.0 : double(o.common.size()) / double(all.size());
    return o;
}

} // namespace recforge
