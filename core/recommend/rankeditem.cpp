#include "recommend/rankeditem.h"

#include <algorithm>
#include <cmath>

namespace recforge {

std::vector<RankedItem> bestOfRow(const float *row, int32_t n, int k)
{
    std::vector<RankedItem> heap; // a heap under rankedBefore: front = worst kept entry
    if (k < 1)
        return heap;
    heap.reserve(size_t(k) + 1);
    for (int32_t i = 0; i < n; ++i) {
        const float s = row[i];
        if (std::isnan(s))
            continue;
        if (int(heap.size()) < k) {
            heap.push_back({i, s});
            std::push_heap(heap.begin(), heap.end(), rankedBefore);
        } else if (s > heap.front().score) { // an equal score loses: its index is higher
            std::pop_heap(heap.begin(), heap.end(), rankedBefore);
            heap.back() = {i, s};
            std::push_heap(heap.begin(), heap.end(), rankedBefore);
        }
    }
    std::sort(heap.begin(), heap.end(), rankedBefore);
    return heap;
}

} // namespace recforge
