#pragma once
// Loss functions shared by the objectives. Shapes are in the comments; every loss returns a scalar
// (the mean over examples).

#include <cstdint>

#include <torch/torch.h>

namespace recforge {

// Full softmax cross-entropy over every item: hidden [n, d] . items [numItems, d]^T (+ bias
// [numItems]) -> logits [n, numItems]; targets [n] int64 item indices. The caller passes only the
// positions that have a target (gathered), so padding never costs a row of logits.
torch::Tensor fullSoftmaxLoss(const torch::Tensor &hidden, const torch::Tensor &items,
                              const torch::Tensor &targets, const torch::Tensor &bias = {});

// Sampled softmax: each row's target against `negatives` [n, k] (or [k], shared by all rows)
// int64 item indices drawn uniformly. Negatives equal to the row's target are masked out. Uniform
// sampling needs no log-Q correction (a constant shift).
torch::Tensor sampledSoftmaxLoss(const torch::Tensor &hidden, const torch::Tensor &items,
                                 const torch::Tensor &targets, const torch::Tensor &negatives,
                                 const torch::Tensor &bias = {});

// BPR: -log sigmoid(positive - negative), scores [n] or [n, k] (broadcast).
torch::Tensor bprLoss(const torch::Tensor &positive, const torch::Tensor &negative);

// Cloze masking (BERT4Rec): replaces each non-padding token of tokens [B, L] int64 (0 = padding)
// with maskToken with probability maskProb (torch's generator); every row with a real token gets
// at least one mask (its last token when none was drawn). Returns the masked tokens and a bool
// [B, L] mask of the replaced positions; the loss is fullSoftmaxLoss on those positions only.
std::pair<torch::Tensor, torch::Tensor> clozeMask(const torch::Tensor &tokens, double maskProb,
                                                  int64_t maskToken);

// Knowledge distillation: alpha * T^2 * KL(softmax(teacher/T) || softmax(student/T))
// + (1 - alpha) * CE(student, targets). logits [n, numItems]; targets [n] int64 (ignored when
// alpha == 1).
torch::Tensor distillationLoss(const torch::Tensor &studentLogits,
                               const torch::Tensor &teacherLogits, const torch::Tensor &targets,
                               double temperature, double alpha);

} // namespace recforge
