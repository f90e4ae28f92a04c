#pragma once
// A 2-D map of item embeddings: PCA onto the top two principal directions, with each item's
// category for colouring. Torch-free header.

#include <cstdint>
#include <string>
#include <vector>

#include "common/error.h"
#include "data/dataset.h"
#include "recommend/similarity.h"

namespace recforge {

struct ItemMap {
    std::vector<float> x, y;             // per item: coordinates on principal directions 1 and 2
    std::vector<int32_t> category;       // per item: index into `categories`
    std::vector<std::string> categories; // top-level category names, most items first
    double explained[2] = {0, 0};        // share of the total variance along each direction
};

// Centres the rows of `embeddings` ([items, dim], dim >= 2), projects them on the two
// eigenvectors of the covariance with the largest eigenvalues (each direction's sign fixed so its
// largest-magnitude component is positive: deterministic across runs) and labels every item with
// its top-level category from `dataset` ("(none)" when unknown or out of range).
// Errors: InvalidArgument (fewer than 2 items or dimensions), Internal (LibTorch failure).
Expected<ItemMap> buildItemMap(const EmbeddingMatrix &embeddings, const Dataset &dataset);

} // namespace recforge
