#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/error.h"
#include "common/progress.h"
#include "data/dataset.h"

namespace recforge {

enum class SplitKind { LeaveOneOut, Temporal, RandomRatio, ColdUsers, ColdItems };

enum class SplitRole : uint8_t {
    Train = 0,
    Validation = 1,
    Test = 2,
    Support =
        3, // cold-start users' first N interactions: history given at inference, never trained
    Excluded = 4, // e.g. interactions after a cutoff that belong to no set
};

struct SplitParams {
    SplitKind kind = SplitKind::LeaveOneOut;
    uint64_t seed = 42;
    double validRatio = 0.1,
           testRatio = 0.1; // RandomRatio (per user, stratified), ColdUsers (user share)
    int64_t validCutoff = 0, testCutoff = 0; // Temporal: ts >= testCutoff -> test, >= validCutoff
                                             // -> valid; 0 = choose the 80% / 90% time quantiles
    int supportSize = 3;    // ColdUsers: interactions each held-out user keeps as Support
    int64_t itemCutoff = 0; // ColdItems: items first seen at/after it are cold; 0 = 90% quantile
    int minTrainInteractions =
        1; // LeaveOneOut: users with < 3 interactions put everything in Train
    std::string name;
};

struct SplitCounts {
    int64_t train = 0, validation = 0, test = 0, support = 0, excluded = 0;
    int32_t testUsers = 0; // users with at least one Test row
    int32_t coldItems = 0; // items with at least one Test row and no Train row
};

struct Split {
    SplitParams params;
    std::vector<uint8_t> role; // one SplitRole per interaction row
    // Resolved cutoffs (Temporal: valid/test; ColdItems: item) after quantile defaults; 0
    // otherwise.
    int64_t validCutoff = 0, testCutoff = 0, itemCutoff = 0;
    // Filled by makeSplit() (a Split rebuilt from stored roles can recompute them with
    // counts(dataset)).
    int32_t testUsers = 0, coldItems = 0;

    // Role counts from `role`, plus the stored testUsers / coldItems.
    SplitCounts counts() const;
    // Like counts(), but recomputes testUsers / coldItems from the dataset the split was made from.
    SplitCounts counts(const Dataset &dataset) const;
    SplitRole roleOf(size_t row) const { return SplitRole(role[row]); }
};

// Assigns every interaction row a role. Leak-free rules:
//  - LeaveOneOut: per user in time order, last -> Test, second last -> Validation, rest Train;
//  users
//    with fewer than max(3, minTrainInteractions + 2) rows keep everything in Train.
//  - Temporal: ts >= testCutoff -> Test, >= validCutoff -> Validation, else Train.
//  - RandomRatio: per user, a seeded shuffle puts round(n*testRatio) rows in Test and
//    round(n*validRatio) in Validation, at least one each when the ratio is > 0 and always leaving
//    one Train row (users with < 3 rows stay Train).
//  - ColdUsers: a seeded share testRatio+validRatio of users is held out; their first supportSize
//    rows (time order) are Support, the rest Test (or Validation for the validRatio share); they
//    have no Train rows. Held-out users need more than supportSize rows.
//  - ColdItems: items whose first interaction is at/after itemCutoff are cold; every cold-item row
//  is
//    Test, or Excluded when the user has no warm row before it; no cold item appears in Train.
// Errors: InvalidArgument (ratios outside [0,1) or summing >= 1, validCutoff > testCutoff,
// supportSize < 0), Empty (no interactions), Cancelled (stop).
Expected<Split> makeSplit(const Dataset &dataset, const SplitParams &params, StopToken stop = {});

const char *splitKindName(SplitKind kind);
// Accepts "leave-one-out", "temporal", "random", "cold-users", "cold-items".
Expected<SplitKind> parseSplitKind(const std::string &name);
const char *splitRoleName(SplitRole role);

nlohmann::json toJson(const SplitParams &params);
Expected<SplitParams> splitParamsFromJson(const nlohmann::json &json);
nlohmann::json toJson(const SplitCounts &counts);

} // namespace recforge
