#pragma once
// Item-item and user-user similarity for explanations and the item / user views, plus the overlap
// of two top-K lists. Torch-free: embeddings arrive as a plain row-major matrix.

#include <cstdint>
#include <memory>
#include <span>
#include <utility>
#include <vector>

#include "models/interactionmatrix.h"

namespace recforge {

// Row-major [rows, dim] float32 matrix (item embeddings copied out of a model).
struct EmbeddingMatrix {
    std::vector<float> values; // rows * dim
    int32_t rows = 0;
    int32_t dim = 0;

    bool empty() const { return rows == 0 || dim == 0; }
    std::span<const float> row(int32_t r) const
    {
        return {values.data() + size_t(r) * size_t(dim), size_t(dim)};
    }
};

// (similarity, index), best first.
using Scored = std::vector<std::pair<float, int32_t>>;

// Cosine similarity between items, from one of two sources:
//  - Embeddings: cosine of the items' embedding rows (zero rows have similarity 0 to everything).
//  - CoOccurrence: |users(a) & users(b)| / sqrt(|users(a)| |users(b)|) over a binary item x user
//    matrix (item-based CF cosine without shrink).
// Immutable after construction: safe to share between threads.
class ItemSimilarity {
public:
    enum class Kind { Embeddings, CoOccurrence };

    static std::shared_ptr<const ItemSimilarity> fromEmbeddings(const EmbeddingMatrix &embeddings);
    // `matrix` from InteractionMatrix::build (binary or values: only presence counts).
    static std::shared_ptr<const ItemSimilarity> fromInteractions(InteractionMatrix matrix);

    Kind kind() const { return m_kind; }
    int32_t itemCount() const { return m_itemCount; }
    // Cosine in [-1, 1] (co-occurrence: [0, 1]); 0 for an item out of range or a == b.
    float similarity(int32_t a, int32_t b) const;
    // The k items most similar to `item` (itself excluded; only similarity > 0), best first, ties
    // by lower index. Empty for an item out of range.
    Scored mostSimilar(int32_t item, int k) const;
    // The co-occurrence matrix (empty for Kind::Embeddings): for user-user similarity.
    const InteractionMatrix &interactions() const { return m_matrix; }

private:
    ItemSimilarity() = default;

    Kind m_kind = Kind::CoOccurrence;
    int32_t m_itemCount = 0;
    EmbeddingMatrix m_unit; // embeddings scaled to unit length
    InteractionMatrix m_matrix;
};

// The k fitted users most similar to a history (cosine of binary item sets:
// |h & v| / sqrt(|h| |v|)), `excludeUser` left out (pass -1 to keep everyone). Only users sharing
// at least one item; best first, ties by lower index. Items outside the matrix are ignored.
Scored nearestUsers(const InteractionMatrix &matrix, std::span<const int32_t> historyItems, int k,
                    int32_t excludeUser = -1);

// How two top-K lists relate: the items in both, and per position whether the item is shared.
struct ListOverlap {
    std::vector<int32_t> common; // in the order of list a
    std::vector<bool> inB;       // per entry of a
    std::vector<bool> inA;       // per entry of b
    double jaccard = 0;          // |a & b| / |a | b|; 0 when both are empty
};
ListOverlap compareLists(std::span<const int32_t> a, std::span<const int32_t> b);

} // namespace recforge
