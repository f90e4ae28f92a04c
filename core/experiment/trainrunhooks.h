#pragma once
// Pipeline stages built on runTraining (distillation) reuse its whole run - dataset and split,
// run record, per-epoch validation and checkpoints, test evaluation, the model checkpoint - and
// add their own steps through these hooks.

#include <cstdint>
#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "common/error.h"
#include "experiment/trainrun.h"

namespace recforge {

class Recommender;
class RunStore;

struct TrainRunHooks {
    std::string kind = "train"; // RunSpec::kind ("distil")
    int64_t parentRunId = 0;    // RunSpec::parentRunId (the teacher)
    // Stored in the run's params JSON next to "model" and "run" (e.g. {"distill": {...}}).
    nlohmann::json extraParams = nlohmann::json::object();
    // Called once the run row exists (before training starts) with its id.
    std::function<void(int64_t runId)> runCreated;
    // Called before fit() with the created model and the training data; an error fails the run.
    std::function<Status(Recommender &model, const TrainingData &data)> beforeFit;
    // Called after the test evaluation and the model checkpoint (result is filled in except the
    // run's final status); an error fails the run.
    std::function<Status(RunStore &runs, int64_t runId, Recommender &model,
                         const TrainingData &data, const TrainRunResult &result)>
        afterFit;
};

// runTraining with hooks (runTraining = this with default hooks).
Expected<TrainRunResult> runTrainingWith(const std::string &projectPath,
                                         const TrainRunConfig &config, const TrainRunHooks &hooks,
                                         Observer &observer, StopToken stop = {});

// resumeTraining with hooks: continues a stopped run of kind hooks.kind ("train" also takes
// "finetune" runs) in place; beforeFit / afterFit run as for a new run, runCreated and
// extraParams are not used (the run and its stored params exist).
Expected<TrainRunResult> resumeTrainingWith(const std::string &projectPath, int64_t runId,
                                            const TrainRunHooks &hooks, Observer &observer,
                                            StopToken stop = {});

} // namespace recforge
