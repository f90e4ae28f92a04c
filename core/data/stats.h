#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "data/dataset.h"

namespace recforge {

// Bin i holds values in [edges[i], edges[i+1]); edges.size() == counts.size() + 1.
struct Histogram {
    std::vector<double> edges;
    std::vector<int64_t> counts;
};

struct DatasetStats {
    int32_t users = 0, items = 0, itemsWithInteractions = 0;
    int64_t interactions = 0;
    double sparsity = 0; // 1 - interactions / (users * items); 1 when empty
    double meanPerUser = 0, medianPerUser = 0, meanPerItem = 0,
           medianPerItem = 0; // per-item over
                              // items with rows
    int64_t minTime = 0, maxTime = 0;
    Histogram perUser, perItem;                // log-binned (powers of 2: 1,2,4,8..)
    std::vector<int64_t> itemPopularitySorted; // interactions per item with rows, descending
    std::vector<std::pair<std::string, int64_t>> eventFunnel; // per event kind in code order
    std::vector<std::pair<int64_t, int64_t>> activityPerDay;  // (UTC day start, interactions)
    std::vector<std::pair<std::string, int64_t>> categoryMix; // top-level category -> rows
                                                              // (top 12 + "other")
    struct Coverage {
        double title = 0, category = 0, brand = 0, price = 0, description = 0;
    } coverage; // share of catalogue items that have the field
    int64_t usersWithAttributes = 0;
};

// Never fails; an empty dataset gives zeros. Items without a category count as "(none)" in
// categoryMix.
DatasetStats computeStats(const Dataset &dataset);
// Compact JSON for the CLI: scalars, coverage, funnel, category mix, histograms; the per-item
// popularity and per-day activity are summarised (head of the curve, number of days).
nlohmann::json toJson(const DatasetStats &stats);
// log-spaced bins over values >= 1 (powers of two); values < 1 go in a first [0, 1) bin when
// present.
Histogram logHistogram(const std::vector<int64_t> &values);

} // namespace recforge
