#pragma once
// Objectives that train a model at item positions of histories (next-item prediction). They
// expose each batch's positions so a wrapper (distillation) can score the same histories with a
// teacher and add its own terms, without a second training loop.

#include <cstdint>

#include <torch/torch.h>

#include "train/objective.h"

namespace recforge {

// One batch at its trained positions.
struct PositionBatch {
    torch::Tensor hidden;    // [n, d] the model's hidden states at the trained positions (grad)
    torch::Tensor table;     // [items, d] output item vectors: logits = hidden . table^T
    torch::Tensor targets;   // [n] int64 item indices (the next item at each position)
    torch::Tensor input;     // [B, W] int64 left-padded input tokens (0 = padding, item + 1)
    torch::Tensor positions; // [n] int64 flat indices into input (row * W + column)
    int64_t samples = 0;     // examples (sequences) in the batch
};

class PositionObjective : public Objective {
public:
    // Batch `batch` of the current epoch in train mode (dropout, masks drawn from torch's
    // generator exactly as loss() draws them).
    virtual PositionBatch positionBatch(int64_t batch) = 0;
    // True when position t of `input` predicts the item after column t from columns <= t only
    // (causal next-item training), so a causal teacher can score the same positions.
    virtual bool causalPositions() const = 0;
};

} // namespace recforge
