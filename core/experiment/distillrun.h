#pragma once
// Distillation as a run: a stored teacher run's model teaches a student (SASRec small, GRU4Rec or
// MLP) on the teacher's dataset and split through the shared Trainer; the student run (kind
// "distil", parent = the teacher run) stores its metrics, its checkpoint and the
// teacher-versus-student comparison (metrics + comparison.json in its artifacts folder).
// Torch-free: the GUI and the CLI build these params.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/error.h"
#include "common/progress.h"
#include "eval/modelcomparison.h"
#include "experiment/trainrun.h"
#include "train/distilloptions.h"

namespace recforge {

// What `recforge-cli distill --config student.json` reads and the GUI's Distil button builds.
struct DistillParams {
    int64_t teacherRunId = 0;      // a finished training run of the project (required)
    std::string teacherCheckpoint; // a checkpoint file instead of the run's own model (optional)
    std::string studentModel = "sasrec"; // sasrec|gru4rec|mlprec
    nlohmann::json studentParams = {{"preset", "small"}, {"hiddenSize", 32}}; // model params
    DistillLossOptions loss; // temperature, alpha, mode, topK, rankDecay
    uint64_t seed = 42;
    RuntimeOptions runtime;
    bool validateEachEpoch = true; // early stopping on validation NDCG@10, like training
    int64_t validationUsers = 0;   // 0 = all validation users
    std::vector<EvalSpec> evaluations{EvalSpec{Candidates::Full, 99, {10, 20}}};
    int compareK = 10;          // Jaccard@K of teacher and student top-K lists
    int64_t latencyUsers = 200; // timed single-user requests per model
    std::string runName;        // empty: "distil <student> from run <id>"
    // The same student trained without the teacher (same params, seed, data) as its own run
    // ("<student> alone"), compared with the teacher too: ModelComparison::baseline. With
    // baselineRunId > 0 that stored run is compared instead of training a new one.
    bool baseline = false;
    int64_t baselineRunId = 0;
};

nlohmann::json toJson(const DistillParams &params);
// Missing keys keep their defaults. Errors: InvalidArgument naming the key (unknown key, wrong
// type, alpha outside [0, 1], temperature <= 0, unknown mode, ...).
Expected<DistillParams> distillParamsFromJson(const nlohmann::json &json);

struct DistillResult {
    TrainRunResult student;     // the student run (kind "distil"), metrics with protocols
    int64_t baselineRunId = 0;  // the student trained alone (0 = none)
    ModelComparison comparison; // teacher vs student on the test stage, full ranking
    std::string comparisonPath; // comparison.json in the student run's artifacts folder
};

// Loads the teacher run's model (its best checkpoint, or params.teacherCheckpoint), trains the
// student with the distillation objective on the teacher run's dataset, split and fit scope,
// evaluates it under params.evaluations, compares it with the teacher and records everything.
// Errors: NotFound (teacher run, its checkpoint, dataset or split), InvalidArgument (params, a
// teacher or student that is not a causal next-item model, a student reading longer histories
// than the teacher), Cancelled, Internal. The student run records failures like runTraining.
// The callbacks, when set, are told a run's id as soon as its row exists: the student's
// (runCreated) and the baseline's, the student trained alone (baselineCreated).
struct DistillCallbacks {
    std::function<void(int64_t)> runCreated;
    std::function<void(int64_t)> baselineCreated;
};
Expected<DistillResult> distill(const std::string &projectPath, const DistillParams &params,
                                Observer &observer, StopToken stop = {},
                                const DistillCallbacks &callbacks = {});

// Continues a stopped distillation run in place (same run id) from its newest trainer checkpoint:
// the stored distillation params, the same teacher and the stored baseline run (if any), then
// the test evaluation and the comparison like distill(). Errors: InvalidArgument (not a distil
// run, or running / finished), NotFound (teacher, baseline, dataset or split gone, or no trainer
// checkpoint yet: start a new distillation), and whatever training reports.
Expected<DistillResult> resumeDistillation(const std::string &projectPath, int64_t runId,
                                           Observer &observer, StopToken stop = {});

// The comparison stored with a distillation run. NotFound when the run has none.
Expected<ModelComparison> readComparison(const std::string &projectPath, int64_t runId);

} // namespace recforge
