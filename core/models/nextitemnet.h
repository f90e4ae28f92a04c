#pragma once
// The torch module behind the GRU and MLP next-item recommenders: per-position hidden states of
// left-padded histories and tied output item vectors.

#include <cstdint>

#include <torch/torch.h>

namespace recforge {

class NextItemNetImpl : public torch::nn::Module {
public:
    // tokens [B, W] int64 left-padded (0 = padding, item index + 1) -> hidden [B, W, d]; column t
    // depends on columns <= t only and not on how much padding precedes the history.
    virtual torch::Tensor positionHidden(const torch::Tensor &tokens) = 0;
    // [items, d] output item vectors (tied with the input embedding).
    virtual torch::Tensor itemTable() = 0;
    virtual int64_t itemCount() const = 0;
};

} // namespace recforge
