#pragma once
// Soft-target distillation mixed with the hard label, fused for a full softmax over every item:
// alpha * T^2 * KL(softmax(teacher / T) || softmax(student / T)) + (1 - alpha) * CE(student,
// targets), mean over rows, where student = hidden [n, d] . items [numItems, d]^T. Same value as
// distillationLoss (losses.h) on those logits, but the softmaxes run block by block of rows in
// cache, the gradient is left in the reused logits buffer and backward is two GEMMs: autograd's
// chain (div, log_softmax twice, kl_div, cross_entropy) makes about ten fresh [n, numItems]
// tensors and streams each through memory, which costs several times the GEMMs on CPU.

#include <torch/torch.h>

#include "train/distilloptions.h"

namespace recforge {

// teacherLogits [n, numItems] (no gradient) is used as scratch space and overwritten. targets
// [n] int64 (ignored when alpha == 1). temperature > 0, alpha in [0, 1].
torch::Tensor fusedDistillationLoss(const torch::Tensor &hidden, const torch::Tensor &items,
                                    const torch::Tensor &targets, torch::Tensor teacherLogits,
                                    double temperature, double alpha);

// Any mode of DistillLossOptions: the KL term as above, the ranking term (the teacher's top-K
// list per row with weights exp(-r / rankDecay), as rankingDistillationLoss) or both, mixed with
// the hard label by alpha. Same value as DistillObjective::combinedLoss on those logits.
torch::Tensor fusedDistillationLoss(const torch::Tensor &hidden, const torch::Tensor &items,
                                    const torch::Tensor &targets, torch::Tensor teacherLogits,
                                    const DistillLossOptions &options);

} // namespace recforge
