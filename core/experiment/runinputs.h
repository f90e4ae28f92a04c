#pragma once
// The dataset and split a run reads, shared by training, pretraining and pipeline runs.

#include <cstdint>
#include <memory>
#include <string>
#include <utility>

#include "common/error.h"
#include "common/progress.h"
#include "data/split.h"
#include "data/dataset.h"
#include "experiment/trainrun.h"
#include "models/trainingdata.h"
#include "store/project.h"
#include "store/runstore.h"

namespace recforge {

// The named dataset's id, or the most recent dataset when `name` is empty. NotFound (field
// "dataset") when the project has none.
Expected<int64_t> resolveDataset(Project &project, const std::string &name);

// Loads the split the config names (splitName, or the split described by `split`, stored under
// "<kind>-seed<seed>" when it does not exist yet). Returns (split id, split).
Expected<std::pair<int64_t, Split>> resolveSplit(Project &project, int64_t datasetId,
                                                 const Dataset &dataset,
                                                 const TrainRunConfig &config, StopToken stop);

// A project opened for a run with its run store.
struct ProjectStore {
    std::unique_ptr<Project> project;
    std::unique_ptr<RunStore> runs;
};
// Errors: those of opening the project (not created when missing) or its store.
Expected<ProjectStore> openProjectStore(const std::string &projectPath);

// A stage run's inputs: the project, its run store, the dataset and the split's training data.
struct RunInputs {
    std::unique_ptr<Project> project;
    std::unique_ptr<RunStore> runs;
    Dataset dataset;
    int64_t datasetId = 0;
    std::unique_ptr<TrainingData> data;
};

// Opens them for `run` (dataset, split, fit scope). datasetId / splitId > 0 name a stored
// run's (resuming); 0 resolves them from `run`. *splitOut receives the split id.
Expected<RunInputs> openRunInputs(const std::string &projectPath, const TrainRunConfig &run,
                                  int64_t datasetId, int64_t splitId, int64_t *splitOut,
                                  StopToken stop);

// A stored run opened for resuming or evaluating: its project, store, row and stored params
// (paramsJson parsed; a discarded value when it is not JSON).
struct StoredRun : ProjectStore {
    RunDetail detail;
    nlohmann::json params;
};
// Errors: those of opening the project or store, NotFound for an unknown run.
Expected<StoredRun> openStoredRun(const std::string &projectPath, int64_t runId);

// The run row of a stage run: `run`'s model, seed and parent, the inputs' dataset and split.
RunSpec stageRunSpec(const TrainRunConfig &run, const std::string &kind, const std::string &name,
                     const nlohmann::json &storedParams, const RunInputs &inputs, int64_t splitId,
                     const std::string &device);

} // namespace recforge
