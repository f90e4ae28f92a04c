#pragma once
// Re-evaluates the fitted model of a stored run under another protocol (candidates, K, stage) and
// records the metrics with that run. Torch-free.

#include <cstdint>
#include <string>
#include <vector>

#include "common/error.h"
#include "common/progress.h"
#include "experiment/trainrun.h"

namespace recforge {

struct EvaluateRunParams {
    int64_t runId = 0;
    EvalSpec spec;
    EvalStage stage = EvalStage::Test;
    uint64_t seed = 42;
    RuntimeOptions runtime;
};

struct EvaluateRunResult {
    std::vector<MetricValue> metrics; // overall values, each with its protocol
    double seconds = 0;
    double usersPerSecond = 0;
};

// Loads the run's best (else latest) checkpoint, rebuilds the run's dataset split exactly
// (same dataset, split and fit scope), evaluates and records. Errors: NotFound (run, dataset,
// split or checkpoint gone), InvalidArgument (stage unavailable), Cancelled.
Expected<EvaluateRunResult> evaluateRun(const std::string &projectPath,
                                        const EvaluateRunParams &params, Observer &observer,
                                        StopToken stop = {});

} // namespace recforge
