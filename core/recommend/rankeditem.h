#pragma once
// One entry of a top-K list, the list order, and the selection of a row's best entries.
// Torch-free.

#include <cstdint>
#include <vector>

namespace recforge {

struct RankedItem {
    int32_t item = 0; // internal index
    float score = 0;
};

// List order: higher score first, ties by lower item index.
inline bool rankedBefore(const RankedItem &a, const RankedItem &b)
{
    return a.score != b.score ? a.score > b.score : a.item < b.item;
}

// The k best entries of a score row of n items in list order; NaN entries are skipped (callers
// write NaN over excluded items). One pass with a k-entry heap: O(n log k) worst case, ~n
// comparisons when the row's best are found early.
std::vector<RankedItem> bestOfRow(const float *row, int32_t n, int k);

} // namespace recforge
