#pragma once
// Measures a teacher and a student side by side on one TrainingData stage (ModelComparison).

#include <cstdint>
#include <string>
#include <vector>

#include "common/error.h"
#include "common/progress.h"
#include "eval/modelcomparison.h"
#include "models/recommender.h"
#include "models/trainingdata.h"

namespace recforge {

struct CompareOptions {
    EvalStage stage = EvalStage::Test;
    Candidates candidates = Candidates::Full; // quality protocol (both models)
    int negatives = 99;                       // sampled candidates only
    std::vector<int> ks{10, 20};
    uint64_t seed = 42;
    int jaccardK = 10;          // top-K lists compared (seen items masked)
    int64_t overlapUsers = 0;   // 0 = every case of the stage
    int64_t latencyUsers = 200; // timed single-user requests (the stage's first cases)
    int64_t warmupUsers = 20;   // untimed requests before them
    int64_t batchSize = 256;    // users per batched request (throughput)
    int64_t throughputUsers = 4096;
    std::string teacherCheckpoint, studentCheckpoint; // for the size on disk; empty = unknown
};

// Quality of both models under the same protocol (evaluate()), Jaccard@K of their top-K lists
// per user, p50/p99 single-user latency and batched users/s on this machine (LibTorch's current
// thread count), parameter counts and checkpoint sizes. Figures' role is "teacher" / "student".
// Errors: InvalidArgument (a model not fitted, item counts differ, stage unavailable),
// Cancelled, Internal (a model threw).
Expected<ModelComparison> compareModels(Recommender &teacher, Recommender &student,
                                        const TrainingData &data, const CompareOptions &options,
                                        Observer &observer, StopToken stop = {});

} // namespace recforge
