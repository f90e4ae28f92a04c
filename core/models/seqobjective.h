#pragma once
// Training objective of SeqTransformer: next-item (causal) or cloze examples from the fit
// sequences, length-bucketed batches, and the loss on real / masked positions only.

#include <cstdint>
#include <vector>

#include "models/recommender.h"
#include "models/seqtransformer.h"
#include "train/positionobjective.h"

namespace recforge {

class SeqObjective final : public PositionObjective {
public:
    // One example per user with at least 2 fit items (causal) or 1 (cloze): the last
    // maxLength + 1 (causal) / maxLength (cloze) items of the fit sequence.
    SeqObjective(SeqTransformerNet net, SeqVariant variant, const SeqTransformerParams &params,
                 const TrainingData &data, const FitContext &ctx, Recommender &model);

    int64_t exampleCount() const { return int64_t(m_offsets.size()) - 1; }
    // Fine-tuning groups (finetuneParameterGroups); empty = every parameter at scale 1.
    void setParameterGroups(std::vector<ParameterGroup> groups) { m_groups = std::move(groups); }
    torch::nn::Module &module() override { return *m_net; }
    std::vector<ParameterGroup> parameterGroups() override
    {
        return m_groups.empty() ? Objective::parameterGroups() : m_groups;
    }
    void setDevice(const torch::Device &device) override { m_device = device; }
    int64_t beginEpoch(int epoch, int64_t batchSize, std::mt19937_64 &rng) override;
    BatchLoss loss(int64_t batch) override;
    // The hidden states loss() trains, for distillation (causal: next-item positions; cloze:
    // masked positions with the masked tokens as input). Keep in step with loss().
    PositionBatch positionBatch(int64_t batch) override;
    bool causalPositions() const override { return m_variant == SeqVariant::Causal; }
    Expected<std::optional<Validation>> validate(int epoch) override;

private:
    std::span<const int64_t> tokensOf(int64_t example) const
    {
        return {m_tokens.data() + m_offsets[size_t(example)],
                size_t(m_offsets[size_t(example) + 1] - m_offsets[size_t(example)])};
    }
    torch::Tensor positionLoss(const torch::Tensor &hidden, const torch::Tensor &table,
                               const torch::Tensor &targets);

    SeqTransformerNet m_net;
    SeqVariant m_variant;
    SeqTransformerParams m_p;
    const FitContext &m_ctx;
    Recommender &m_model;
    std::vector<int64_t> m_tokens, m_offsets; // CSR of examples' tokens (item + 1)
    std::vector<std::vector<int64_t>> m_batches;
    std::vector<ParameterGroup> m_groups;
    torch::Device m_device = torch::kCPU;
};

} // namespace recforge
