#pragma once
// The teacher side of distillation: hidden states of a causal next-item model at every position
// of a batch of left-padded histories, and its output item table. SASRec (causal
// SeqTransformer), GRU4Rec and the MLP recommender provide one.

#include <cstdint>
#include <memory>

#include <torch/torch.h>

#include "common/error.h"
#include "models/recommender.h"

namespace recforge {

class PositionScorer {
public:
    virtual ~PositionScorer() = default;
    // tokens [B, W] int64, left-padded (0 = padding, item index + 1), W <= maxLength() ->
    // hidden [B, W, d]; column t depends on columns <= t only. Train / eval mode as the module is.
    virtual torch::Tensor positionHidden(const torch::Tensor &tokens) = 0;
    // [items, d]: logits = hidden . outputTable()^T.
    virtual torch::Tensor outputTable() = 0;
    // The longest history (in items) the model reads.
    virtual int64_t maxLength() const = 0;
    virtual torch::nn::Module &scorerModule() = 0;

    // Logits at flat positions (row * W + column) of tokens: [positions.size(0), items].
    torch::Tensor positionLogits(const torch::Tensor &tokens, const torch::Tensor &positions);
    // The same logits written into `out`, without gradient (a teacher's every batch). `out` is
    // the caller's buffer: allocated on first use, resized as needed, so batches of the same
    // shape reuse its memory instead of a fresh [n, items] allocation each time.
    void positionLogitsInto(const torch::Tensor &tokens, const torch::Tensor &positions,
                            torch::Tensor &out);
};

// The scorer of a fitted causal next-item model (it refers to the model, which must outlive it).
// Errors: InvalidArgument naming the model when it is not one (BERT4Rec's bidirectional
// positions, classic models) or not fitted.
Expected<std::unique_ptr<PositionScorer>> positionScorerFor(Recommender &model);

} // namespace recforge
