#pragma once

#include <cstdint>
#include <optional>

#include <nlohmann/json.hpp>

#include "common/error.h"
#include "data/dataset.h"

namespace recforge {

// Which cleaning steps applyFilters() runs, in this order: time window, dedup, minimum counts
// (once, or repeatedly until stable with kcore).
struct FilterParams {
    bool dedup = false; // drop identical (user, item, event, timestamp) rows, keep the first
    int minUserInteractions = 0;             // >= 0; users with fewer rows are removed
    int minItemInteractions = 0;             // >= 0; items with fewer rows are removed
    bool kcore = false;                      // repeat the count filter until every user/item passes
    std::optional<int64_t> timeFrom, timeTo; // keep timeFrom <= ts < timeTo (each optional)
};

struct FilterReport {
    int64_t rowsBefore = 0, rowsAfter = 0, duplicatesRemoved = 0, outsideWindow = 0,
            removedByCounts = 0;
    int32_t usersBefore = 0, usersAfter = 0, itemsBefore = 0, itemsAfter = 0;
    int kcoreIterations = 0; // count-filter passes that were run (0 when no count filter)
};

// Filters the interactions in place, then calls Dataset::compact() (users without rows disappear,
// catalogue items without rows are kept). usersBefore/itemsBefore count users/items with at least
// one row before filtering; usersAfter/itemsAfter those with rows afterwards.
// Errors: InvalidArgument (negative minimums, timeFrom >= timeTo); the dataset is untouched then.
Expected<FilterReport> applyFilters(Dataset &dataset, const FilterParams &params);

nlohmann::json toJson(const FilterParams &params);
Expected<FilterParams> filterParamsFromJson(const nlohmann::json &json);
nlohmann::json toJson(const FilterReport &report);

} // namespace recforge
