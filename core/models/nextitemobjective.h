#pragma once
// Causal next-item objective of a NextItemNet (GRU / MLP recommenders): full-softmax
// cross-entropy at every real position of each user's last maxLength + 1 fit items.

#include <memory>

#include "models/nextitemnet.h"
#include "models/recommender.h"
#include "models/sequencebatches.h"
#include "train/positionobjective.h"

namespace recforge {

class NextItemObjective final : public PositionObjective {
public:
    NextItemObjective(std::shared_ptr<NextItemNetImpl> net, int64_t maxLength, bool lengthBuckets,
                      const TrainingData &data, const FitContext &ctx, Recommender &model);

    int64_t exampleCount() const { return m_batches.exampleCount(); }
    torch::nn::Module &module() override { return *m_net; }
    void setDevice(const torch::Device &device) override { m_device = device; }
    int64_t beginEpoch(int epoch, int64_t batchSize, std::mt19937_64 &rng) override;
    BatchLoss loss(int64_t batch) override;
    PositionBatch positionBatch(int64_t batch) override;
    bool causalPositions() const override { return true; }
    Expected<std::optional<Validation>> validate(int epoch) override;

private:
    std::shared_ptr<NextItemNetImpl> m_net;
    SequenceBatches m_batches;
    const FitContext &m_ctx;
    Recommender &m_model;
    torch::Device m_device = torch::kCPU;
};

} // namespace recforge
