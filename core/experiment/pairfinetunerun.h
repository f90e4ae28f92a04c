#pragma once
// Fine-tuning a pretrained encoder for purchase / click classification (AUC, LogLoss) or rating
// regression (RMSE, MAE) as a stored run (kind "finetune"): the held-out metrics before and after
// each epoch become curves ("valid/AUC", ...), the final ones test metrics of the run. Torch-free.

#include <cstdint>
#include <string>

#include "common/error.h"
#include "common/progress.h"
#include "experiment/trainrun.h"
#include "train/pretrainparams.h"

namespace recforge {

struct PairFinetuneRunConfig {
    // dataset, split, seed, runtime, runName, textEncoder and parentRunId (the pretrain run) are
    // used; model "sasrec" with params = the encoder's shape (params.model is filled from them
    // when empty).
    TrainRunConfig run;
    PairFinetuneParams params;
};

struct PairFinetuneRunResult {
    int64_t runId = 0;
    PairFinetuneResult result;
};

// Errors: the dataset / split lookup's, the params' (InvalidArgument naming the field),
// finetunePairs' (Empty: one label class only, no pair), Cancelled.
Expected<PairFinetuneRunResult> runPairFinetuning(const std::string &projectPath,
                                                  const PairFinetuneRunConfig &config,
                                                  Observer &observer, StopToken stop = {});

} // namespace recforge
