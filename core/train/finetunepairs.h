#pragma once
// Fine-tuning the pretrained sequential encoder on (history, candidate) pairs: purchase / click
// classification (AUC, LogLoss) or rating regression (RMSE, MAE). A small MLP head reads
// [user vector, candidate item vector, their product]; the user vector is the encoder's output
// at the newest history position, the candidate's vector its item-table row (id + features +
// text), so new items are scored from their content.

#include "common/error.h"
#include "common/progress.h"
#include "train/pretrainparams.h"
#include "train/seqpretrain.h"

namespace recforge {

// Pairs: every fit interaction after a user's first, its history = the up to maxLength items
// before it; each user's last pair is held out and measured before training and after every
// epoch (EpochEvent::metrics "AUC" + "LogLoss", or "RMSE" + "MAE"). The encoder is loaded from
// params.pretrained (built with params.model's shape and inputs' features / text vectors).
// Errors: InvalidArgument (params), Empty (no pair to train on, or classification labels of one
// class only), loadPretrainedSeqNet's (architecture mismatch names the tensor), the Trainer's.
Expected<PairFinetuneResult> finetunePairs(const PairFinetuneParams &params,
                                           const TrainingData &data,
                                           const SeqPretrainInputs &inputs, Observer &observer,
                                           StopToken stop = {});

} // namespace recforge
