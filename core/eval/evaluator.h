#pragma once
// Offline evaluation of a fitted Recommender on one stage of a TrainingData.

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/error.h"
#include "common/progress.h"
#include "eval/protocol.h"
#include "models/recommender.h"
#include "models/trainingdata.h"

namespace recforge {

struct EvalOptions {
    EvalStage stage = EvalStage::Test;
    Candidates candidates = Candidates::Full;
    int negatives = 99;             // sampled candidates only; >= 1
    std::vector<int> ks{5, 10, 20}; // each in [1, 1000]
    uint64_t seed = 42;             // negatives and random tie breaking; same seed => same numbers
    TieRule ties = TieRule::Random;
    int batchSize = 256; // users per scoreItems() call; 256 keeps the score block in cache
    // Activity buckets by visible history length: edges {5, 10, 20} give 0, 1-4, 5-9, 10-19, 20+.
    std::vector<int> bucketEdges{5, 10, 20};
    bool breakdown = true;
    int64_t maxUsers = 0; // 0 = every case of the stage; else the first maxUsers (a quick look)
};

// Metrics of one group of users (all users, or one activity bucket).
struct MetricGroup {
    std::string group;  // "all", "history 0", "history 1-4", "history 20+"
    int minHistory = 0; // inclusive
    int maxHistory = std::numeric_limits<int>::max(); // inclusive
    int64_t users = 0;
    std::vector<MetricValue> values; // every metric at every K, each with the protocol
};

struct EvalResult {
    Protocol protocol;
    MetricGroup overall;
    std::vector<MetricGroup> buckets; // empty when breakdown is off; empty buckets omitted
    int64_t users = 0;
    double seconds = 0;        // wall time of evaluate(), scoring included
    double scoringSeconds = 0; // time inside the model's scoreItems()
    double usersPerSecond = 0;

    // Overall value by name ("NDCG@10"); NaN when absent.
    double value(const std::string &name) const;
};

nlohmann::json toJson(const EvalResult &result);

// Ranks every case of options.stage. Full ranking scores all items in batches of
// options.batchSize users, masks each user's history items, and ranks the targets: a target's
// rank is 1 + the number of unmasked items that beat it (higher score; ties by options.ties).
// Sampled ranking ranks the targets among the targets + options.negatives items drawn per user
// (uniform over items the user never touched in the whole dataset, or proportional to fit-row
// popularity + 1 among those), from a generator seeded by (seed, user): the same seed gives the
// same negatives regardless of batch size or thread count. Users with fewer untouched items
// than requested negatives get all of them.
// Per group and K: HR, Recall, Precision, NDCG, MRR, MAP; full ranking adds Coverage and AvgPop
// (mean fit-row count of recommended items). Scores that are NaN rank last.
// Threads: uses LibTorch's intra-op pool (call applyRuntime() first; Debian defaults to 1).
// Errors: InvalidArgument (bad options, model not fitted, item count differs from the data, stage
// not available), Cancelled (stop or observer), Internal (the model threw).
Expected<EvalResult> evaluate(Recommender &model, const TrainingData &data,
                              const EvalOptions &options, Observer &observer, StopToken stop = {});

// The protocol evaluate() will attach for these options and data.
Protocol makeProtocol(const TrainingData &data, const EvalOptions &options);

} // namespace recforge
