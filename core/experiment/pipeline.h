#pragma once
// The pretrain -> fine-tune -> distil chain as stored runs. Each stage is one run of the project's
// experiment store, linked to its parent by parentRunId:
//   pretrain  (kind "pretrain"): behaviour pretraining of the sequential transformer (cloze +
//             attribute prediction), optionally after masked-language pretraining of a text
//             encoder on the catalogue; the encoder file lands in the run's artifacts folder.
//   finetune  (kind "finetune"): a training run (runTraining) that starts from that encoder.
//   distil    (kind "distil"): the fine-tuned model teaches a small student (distill()).
// The chain itself is a JSON file, "<artifacts>/pipelines/<name>.json" (params + stage run ids),
// rewritten atomically whenever a stage starts or ends, so a cancelled or crashed pipeline
// resumes where it stopped and the GUI lists pipelines from the files. Torch-free.

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/error.h"
#include "common/progress.h"
#include "experiment/distillrun.h"
#include "experiment/trainrun.h"
#include "train/mlmparams.h"
#include "train/pretrainparams.h"

namespace recforge {

enum class PipelineStage { Pretrain = 0, Finetune = 1, Distil = 2 };
constexpr int kPipelineStages = 3;
const char *pipelineStageName(PipelineStage stage); // "pretrain", "finetune", "distil"
Expected<PipelineStage> parsePipelineStage(const std::string &name);

struct PipelineParams {
    std::string name; // file name stem: letters, digits, '-', '_' (InvalidArgument otherwise)
    // Dataset, split, runtime and evaluations of every stage; model "sasrec" (or "bert4rec")
    // with its params: the encoder shape pretraining uses too (pretrain.model is replaced by
    // the shape keys of finetune.params). finetune.finetune holds freeze / layer decay / reinit.
    TrainRunConfig finetune;
    PretrainParams pretrain; // objectives, weights and the training loop of the pretrain stage
    // Masked-language pretraining of a text encoder on the catalogue before behaviour
    // pretraining (its vectors join the item representation of pretrain and fine-tune).
    bool textPretrain = false;
    MlmParams text;
    bool distil = true;    // false: the chain ends after fine-tuning
    DistillParams student; // teacherRunId is filled in by the pipeline (the fine-tune run)
    Status validate() const;
};

nlohmann::json toJson(const PipelineParams &params);
// Missing keys keep their defaults. Errors: InvalidArgument naming the key.
Expected<PipelineParams> pipelineParamsFromJson(const nlohmann::json &json);

// A pipeline as stored: its params and the run of each stage (0 = not started).
struct PipelineState {
    PipelineParams params;
    std::array<int64_t, kPipelineStages> runIds{0, 0, 0};
    int64_t baselineRunId = 0;  // the distil stage's student trained alone (0 = none yet)
    std::string encoderPath;    // the pretrain stage's encoder file (empty until it finished)
    std::string textEncoderDir; // the text encoder folder when textPretrain (empty otherwise)
    std::string path;           // the JSON file
    int64_t runId(PipelineStage s) const { return runIds[static_cast<int>(s)]; }
};
nlohmann::json toJson(const PipelineState &state);
Expected<PipelineState> pipelineStateFromJson(const nlohmann::json &json);

// Told when a stage's run is created or resumed (runId) and when it ends, so a view can follow
// the run's stored curves. Called on the pipeline's thread.
struct PipelineHooks {
    std::function<void(PipelineStage stage, int64_t runId)> stageStarted;
    std::function<void(PipelineStage stage, int64_t runId, const Status &outcome)> stageFinished;
    // The distil stage's baseline (the student trained alone), created or resumed.
    std::function<void(int64_t runId)> baselineStarted;
};

// Creates the pipeline file and runs every stage in order. A name already used is
// InvalidArgument (field "name"). Errors: the failing stage's (its run records it too);
// Cancelled when stopped (the file keeps the stage's run: resumePipeline continues it).
Expected<PipelineState> runPipeline(const std::string &projectPath, const PipelineParams &params,
                                    Observer &observer, StopToken stop = {},
                                    const PipelineHooks &hooks = {});

// Continues a pipeline: finished stages are kept, an interrupted / cancelled / failed stage run
// continues in place from its newest trainer checkpoint (a stage run without one starts again),
// and the remaining stages run. NotFound: no such pipeline.
Expected<PipelineState> resumePipeline(const std::string &projectPath, const std::string &name,
                                       Observer &observer, StopToken stop = {},
                                       const PipelineHooks &hooks = {});

// Runs `stage` again as a new run from its parent's output (the pretrain stage from scratch; the
// fine-tune from the stored encoder; the distil stage from the stored fine-tune run), then the
// stages after it. `params`, when given, replaces the stored params first (e.g. a new alpha).
// InvalidArgument when the parent stage has not finished.
Expected<PipelineState> rerunPipelineStage(const std::string &projectPath, const std::string &name,
                                           PipelineStage stage, Observer &observer,
                                           StopToken stop = {}, const PipelineHooks &hooks = {},
                                           const std::optional<PipelineParams> &params = {});

// Stored pipelines of a project, by name; readPipeline: NotFound naming the file, or the
// file's parse error (file, line, column).
Expected<std::vector<PipelineState>> listPipelines(const std::string &projectPath);
Expected<PipelineState> readPipeline(const std::string &projectPath, const std::string &name);

} // namespace recforge
