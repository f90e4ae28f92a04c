#pragma once
// One experiment run end to end: dataset + split from the project, a model from the registry,
// fit (with per-epoch validation for iterative models), test evaluation under named protocols,
// a native checkpoint, and everything recorded in the project's experiment store.
// Torch-free: the GUI and the CLI build these params.

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/error.h"
#include "common/progress.h"
#include "data/split.h"
#include "eval/protocol.h"
#include "models/trainingdata.h"
#include "runtime/runtime.h"
#include "train/pretrainparams.h"

namespace recforge {

// One evaluation of the test stage: full ranking or N sampled negatives, at these Ks.
struct EvalSpec {
    Candidates candidates = Candidates::Full;
    int negatives = 99;
    std::vector<int> ks{5, 10, 20};
};

// What `recforge-cli train --config run.json` reads and what the GUI's Train button builds.
struct TrainRunConfig {
    std::string dataset;   // dataset name; empty = the most recent dataset of the project
    std::string splitName; // a stored split; empty = the split described by `split` (stored
                           // under "<kind>-seed<seed>" when it does not exist yet)
    SplitParams split;     // default: leave-one-out, seed 42
    std::string model = "popularity";
    nlohmann::json params = nlohmann::json::object(); // model params (defaults filled in)
    uint64_t seed = 42;                               // model initialisation, shuffling, negatives
    RuntimeOptions runtime; // device auto/cpu/cuda, threads (0 = all cores)
    FitScope fitScope = FitScope::Train;
    bool validateEachEpoch = true; // early stopping / best epoch on validation NDCG@10
    int64_t validationUsers = 0;   // 0 = all validation users; else the first N (faster epochs)
    std::vector<EvalSpec> evaluations{EvalSpec{},
                                      EvalSpec{Candidates::UniformSampled, 99, {1, 5, 10}}};
    std::string runName; // empty: "<model> on <dataset>"
    // Fine-tuning (sasrec / bert4rec only): the pretrained encoder file (seqpretrained.h) the fit
    // starts from, and how (freeze, layer-wise decay, head re-initialisation). Such a run is
    // stored with kind "finetune".
    std::string pretrained;
    FinetuneOptions finetune;
    // A text encoder folder (textencoderio.h): its frozen vectors of every item's text join the
    // item representation (sasrec / bert4rec only). Empty = none.
    std::string textEncoder;
    int64_t parentRunId = 0; // the run this one continues (a pretrain run); 0 = none
    // > 0: runTraining continues this stored run instead (resumeTraining: its own stored
    // configuration is used; the fields above only label the GUI's queue entry). Not serialised.
    int64_t resumeRunId = 0;
};

nlohmann::json toJson(const TrainRunConfig &config);
// Missing keys keep their defaults. Errors: InvalidArgument naming the key.
Expected<TrainRunConfig> trainRunConfigFromJson(const nlohmann::json &json);

struct TrainRunResult {
    int64_t runId = 0;
    int64_t datasetId = 0;
    int64_t splitId = 0;
    std::string model;
    nlohmann::json resolvedParams;
    std::vector<MetricValue> metrics; // test metrics of every EvalSpec, each with its protocol
    double fitSeconds = 0;
    double evalSeconds = 0;
    std::string checkpointPath; // the fitted model (Recommender::save), inside the artifacts dir
    int64_t parameterCount = 0;
};

// Runs the experiment described by `config` on the project at `projectPath`. Progress and
// training events go to `observer` (a TrainObserver also receives batch / epoch events).
// The run is recorded as it goes: status running, then finished / failed / cancelled; a crash
// leaves it running until the next open marks it interrupted. Errors: whatever failed (NotFound
// dataset or split, InvalidArgument params, Cancelled, Internal) — the run row records it too.
Expected<TrainRunResult> runTraining(const std::string &projectPath, const TrainRunConfig &config,
                                     Observer &observer, StopToken stop = {});

// Continues an interrupted, failed or cancelled training run in place (same run id, its stored
// configuration, dataset and split) from its newest intact trainer checkpoint, then evaluates and
// finishes it like runTraining. Errors: NotFound (no such run, its dataset or split is gone, or no
// usable checkpoint - closed-form models never write one: train them again), InvalidArgument
// (the run is running or finished, or not a training run), and whatever training reports.
Expected<TrainRunResult> resumeTraining(const std::string &projectPath, int64_t runId,
                                        Observer &observer, StopToken stop = {});

} // namespace recforge
