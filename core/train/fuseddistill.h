#pragma once
// The distillation loss fused for a full softmax over every item, student = hidden [n, d] .
// items [numItems, d]^T, mean over rows of
//   alpha * (T^2 KL(softmax(teacher / T) || softmax(student / T))   modes kl, both
//            + ranking loss of the teacher's top-K list)            modes ranking, both
//   + (1 - alpha) * CE(student, targets).
// Same value as DistillObjective::combinedLoss (autograd, losses.h) on those logits, but the
// softmaxes run block by block of rows in cache, the gradient is left in the reused logits
// buffer and backward is two GEMMs: autograd's chain (div, log_softmax twice, kl_div,
// cross_entropy, the list's log_softmax) makes about ten fresh [n, numItems] tensors and streams
// each through memory, which costs several times the GEMMs on CPU.

#include <torch/torch.h>

#include "train/distilloptions.h"

namespace recforge {

// teacherLogits [n, numItems] (no gradient) is used as scratch space and overwritten. targets
// [n] int64 (ignored when alpha == 1). The ranking term's list and weights are those of
// rankingDistillationTargets (losses.h). options as validated by DistillLossOptions::validate.
torch::Tensor fusedDistillationLoss(const torch::Tensor &hidden, const torch::Tensor &items,
                                    const torch::Tensor &targets, torch::Tensor teacherLogits,
                                    const DistillLossOptions &options);

} // namespace recforge
