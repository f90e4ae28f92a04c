#pragma once
// Behaviour pretraining as a stored run (kind "pretrain"): the sequential transformer pretrained
// with cloze + attribute prediction on the fit sequences of a split (optionally after masked-
// language pretraining of a text encoder on the catalogue, whose item vectors then join the item
// representation). The run records per-batch loss, per-epoch loss and per-objective losses
// ("objective/<name>"), a trainer checkpoint per epoch (so a cancelled run resumes in place) and
// the encoder file "encoder.pt" in its artifacts folder, which fine-tuning starts from.
// Torch-free: the GUI and the CLI build these params.

#include <cstdint>
#include <functional>
#include <string>

#include "common/error.h"
#include "common/progress.h"
#include "experiment/trainrun.h"
#include "train/mlmparams.h"
#include "train/pretrainparams.h"

namespace recforge {

struct PretrainRunConfig {
    // dataset, splitName / split, seed, runtime and runName are used; model "sasrec" or
    // "bert4rec" and params give the encoder shape (params.model is filled from them when empty).
    TrainRunConfig run;
    PretrainParams params; // objectives, weights, training loop; outputPath is set by the run
    bool textPretrain = false;
    MlmParams text; // outputDir is set by the run ("<artifacts>/runs/<id>/text-encoder")
};

nlohmann::json toJson(const PretrainRunConfig &config);
Expected<PretrainRunConfig> pretrainRunConfigFromJson(const nlohmann::json &json);

struct PretrainRunResult {
    int64_t runId = 0;
    PretrainResult result;
    std::string encoderPath;    // "<artifacts>/runs/<id>/encoder.pt"
    std::string textEncoderDir; // empty without textPretrain
};

// Errors: those of the dataset / split lookup (NotFound naming the field), of the params
// (InvalidArgument naming the field), Cancelled, and what pretraining reports. The run row
// records failures and cancellation (resumable when a trainer checkpoint exists).
// runCreated, when set, is called with the run id as soon as the run row exists.
Expected<PretrainRunResult> runPretraining(const std::string &projectPath,
                                           const PretrainRunConfig &config, Observer &observer,
                                           StopToken stop = {},
                                           const std::function<void(int64_t)> &runCreated = {});

// Continues an interrupted / cancelled / failed pretrain run in place from its newest trainer
// checkpoint (a finished text encoder is kept). NotFound when there is none; InvalidArgument
// when the run is running, finished or not a pretrain run.
Expected<PretrainRunResult> resumePretraining(const std::string &projectPath, int64_t runId,
                                              Observer &observer, StopToken stop = {});

// What a finished pretrain run offers a fine-tune: its encoder file, its text encoder folder
// (empty when none), the encoder's model id and shape params. NotFound when the run has no
// encoder; InvalidArgument when it is not a pretrain run.
struct PretrainedEncoder {
    int64_t runId = 0;
    std::string encoderPath;
    std::string textEncoderDir;
    std::string model;
    nlohmann::json params; // the fine-tune's model params (the pretrained shape)
};
Expected<PretrainedEncoder> pretrainedEncoder(const std::string &projectPath, int64_t runId);

} // namespace recforge
