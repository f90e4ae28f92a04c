#pragma once
// What the Trainer optimises. Models, distillation and meta-learning plug in here instead of
// subclassing the Trainer:
//  - a model's own objective (next-item CE, BPR, cloze) yields its batches and losses;
//  - distillation = an Objective whose loss() mixes teacher logits (Recommender::scoreItems of a
//    teacher) with the targets (see losses.h: distillationLoss);
//  - MAML = an Objective whose loss() runs an inner loop on explicit parameter copies
//    (torch::autograd::grad with create_graph) and returns the outer loss;
//  - hyper-parameter search = validate() per epoch plus a PruningCallback.

#include <cstdint>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "common/error.h"

namespace recforge {

struct BatchLoss {
    torch::Tensor loss;  // scalar with grad: the batch's mean loss
    int64_t samples = 0; // examples in the batch (throughput, loss averaging)
};

// Parameters that share one learning-rate multiplier (layer-wise LR decay when fine-tuning).
struct ParameterGroup {
    std::vector<torch::Tensor> parameters;
    double lrScale = 1.0; // this group's rate = the schedule's rate * lrScale
};

struct Validation {
    double value = 0;                      // the monitored value, higher = better
    std::map<std::string, double> metrics; // everything worth plotting ("NDCG@10", "HR@10")
};

class Objective {
public:
    virtual ~Objective() = default;

    // The module whose parameters are optimised, saved in checkpoints, switched between
    // train()/eval() and moved to the device. Never null.
    virtual torch::nn::Module &module() = 0;
    // Parameters the optimiser updates; default: module().parameters().
    virtual std::vector<torch::Tensor> parameters() { return module().parameters(); }
    // Optimiser parameter groups with their rate multipliers; default: one group of parameters()
    // at scale 1. Frozen parameters are simply left out (and should not require grad).
    virtual std::vector<ParameterGroup> parameterGroups() { return {{parameters(), 1.0}}; }
    // Called once before the first epoch with the resolved device; the objective moves its own
    // tensors (index tables, teacher) there. The module is already moved.
    virtual void setDevice(const torch::Device &) {}

    // Starts epoch `epoch` (1-based): shuffles its examples with `rng` (the only randomness besides
    // torch's generator) and returns the number of batches of at most batchSize examples. 0 =
    // nothing to train on (the Trainer fails with ErrorCode::Empty).
    virtual int64_t beginEpoch(int epoch, int64_t batchSize, std::mt19937_64 &rng) = 0;
    // Loss of batch `batch` (0-based) of the current epoch, in train mode. Random choices inside
    // (negatives, masks, dropout) use torch's default generator, which checkpoints save.
    virtual BatchLoss loss(int64_t batch) = 0;

    // Validation after epoch `epoch`, in eval mode under NoGradGuard. nullopt = none (early
    // stopping and best-weight restore are then off). Errors abort training.
    virtual Expected<std::optional<Validation>> validate(int /*epoch*/)
    {
        return std::optional<Validation>{};
    }
};

} // namespace recforge
