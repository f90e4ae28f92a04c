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

// sampledSoftmaxLoss against `negatives` items per row drawn uniformly from items (torch's
// generator): the sampled loss of next-item training and of the sampled cloze.
torch::Tensor uniformSampledSoftmaxLoss(const torch::Tensor &hidden, const torch::Tensor &items,
                                        const torch::Tensor &targets, int64_t negatives);

// BPR: -log sigmoid(positive - negative), scores [n] or [n, k] (broadcast).
torch::Tensor bprLoss(const torch::Tensor &positive, const torch::Tensor &negative);

// Cloze masking (BERT4Rec): replaces each non-padding token of tokens [B, L] int64 (0 = padding)
// with maskToken with probability maskProb (torch's generator); every row with a real token gets
// at least one mask (its last token when none was drawn); maskLast masks every row's last token
// (left padding: the last column) besides the drawn ones. Returns the masked tokens and a bool
// [B, L] mask of the replaced positions; the loss is fullSoftmaxLoss on those positions only.
std::pair<torch::Tensor, torch::Tensor> clozeMask(const torch::Tensor &tokens, double maskProb,
                                                  int64_t maskToken, bool maskLast = false);

// Knowledge distillation: alpha * T^2 * KL(softmax(teacher/T) || softmax(student/T))
// + (1 - alpha) * CE(student, targets). logits [n, numItems]; targets [n] int64 (ignored when
// alpha == 1).
torch::Tensor distillationLoss(const torch::Tensor &studentLogits,
                               const torch::Tensor &teacherLogits, const torch::Tensor &targets,
                               double temperature, double alpha);

// Ranking distillation (Tang & Wang 2018) targets: each row's teacher top-K items
// ([n, K] int64, best first) and their rank weights ([n, K] float, exp(-r / lambda) for rank
// r = 1..K, normalised to sum 1 per row). teacherLogits [n, numItems]; K <= numItems.
std::pair<torch::Tensor, torch::Tensor>
rankingDistillationTargets(const torch::Tensor &teacherLogits, int64_t topK, double lambda);

// The student's cross-entropy against those soft targets:
// -sum_r weights[i, r] * log softmax(studentLogits[i])[items[i, r]], mean over rows.
torch::Tensor rankingDistillationLoss(const torch::Tensor &studentLogits,
                                      const torch::Tensor &items, const torch::Tensor &weights);

} // namespace recforge
