#pragma once
// Item side features as ids for embedding bags: category path entries, brand, free-form
// attributes and a price bucket, built from a Dataset's catalogue. Torch-free.

#include <cstdint>
#include <string>
#include <vector>

#include "data/dataset.h"

namespace recforge {

struct ItemFeatureOptions {
    bool categories = true; // every prefix of the category path ("Beauty", "Beauty>Skin")
    bool brand = true;
    bool attributes = true; // (name, value) pairs, e.g. Beauty's attribute ids
    int priceBuckets = 10;  // quantile buckets over priced items; 0 = no price feature
};

// CSR over items: the feature ids of item i are ids[offsets[i] .. offsets[i+1]). Ids are dense in
// [0, vocabularySize). Items without catalogue info have no feature.
struct ItemFeatures {
    int32_t itemCount = 0;
    int64_t vocabularySize = 0;
    std::vector<int64_t> offsets; // itemCount + 1
    std::vector<int64_t> ids;

    bool empty() const { return ids.empty(); }
    // Ids in first-seen order of items, so the same catalogue gives the same ids.
    static ItemFeatures build(const Dataset &dataset, const ItemFeatureOptions &options = {});
};

} // namespace recforge
