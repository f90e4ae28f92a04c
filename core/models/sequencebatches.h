#pragma once
// Next-item training examples of a TrainingData (one per user: the last maxLength + 1 fit items)
// and their shuffled, optionally length-bucketed batches. The same batching as SeqObjective's
// causal path, shared by the GRU / MLP recommenders and their distillation.

#include <cstdint>
#include <random>
#include <span>
#include <vector>

#include <torch/torch.h>

#include "models/trainingdata.h"

namespace recforge {

class SequenceBatches {
public:
    // Users with at least 2 fit items; tokens = item index + 1.
    SequenceBatches(const TrainingData &data, int64_t maxLength, bool lengthBuckets);

    int64_t exampleCount() const { return int64_t(m_offsets.size()) - 1; }
    // Shuffles with rng (buckets of similar length within chunks of 32 batches when
    // lengthBuckets) and returns the number of batches.
    int64_t beginEpoch(int64_t batchSize, std::mt19937_64 &rng);
    // [B, W] int64 left-padded tokens of batch `batch` (W = its longest example).
    torch::Tensor tokens(int64_t batch) const;
    int64_t batchSize(int64_t batch) const { return int64_t(m_batches[size_t(batch)].size()); }

private:
    std::span<const int64_t> tokensOf(int64_t example) const
    {
        return {m_tokens.data() + m_offsets[size_t(example)],
                size_t(m_offsets[size_t(example) + 1] - m_offsets[size_t(example)])};
    }

    bool m_lengthBuckets;
    std::vector<int64_t> m_tokens, m_offsets; // CSR of examples' tokens
    std::vector<std::vector<int64_t>> m_batches;
};

// Causal next-item positions of a token batch [B, W]: input = columns [0, W-1), targets =
// columns [1, W); positions = flat indices (into input) of the real input columns, targets [n]
// = their next item index (token - 1).
struct NextItemPositions {
    torch::Tensor input, positions, targets;
};
NextItemPositions nextItemPositions(const torch::Tensor &tokens);

} // namespace recforge
