#pragma once
// Knowledge distillation as an Objective around the student's own next-item objective: the same
// batches, positions, validation and module, plus a frozen teacher's logits for the same
// histories. Per batch:
//   loss = alpha * teacher terms + (1 - alpha) * CE(student logits, hard labels)
// with teacher terms T^2 * KL(teacher_T || student_T) (mode kl), the ranking-distillation
// cross-entropy against the teacher's rank-weighted top-K (mode ranking), or both. alpha = 0 is
// exactly the student's own loss (the teacher is not even run), so training repeats plain
// training bit for bit.

#include <memory>

#include "models/positionscorer.h"
#include "train/distilloptions.h"
#include "train/positionobjective.h"

namespace recforge {

class DistillObjective final : public Objective {
public:
    // own must be a PositionObjective with causal positions (SASRec, GRU4Rec, MLP students) and
    // outlive this objective. The teacher is switched to eval mode and never updated.
    // Errors: InvalidArgument (options, a student objective without causal positions).
    static Expected<std::unique_ptr<DistillObjective>>
    create(Objective &own, std::shared_ptr<PositionScorer> teacher,
           const DistillLossOptions &options);

    torch::nn::Module &module() override { return m_own.module(); }
    std::vector<torch::Tensor> parameters() override { return m_own.parameters(); }
    void setDevice(const torch::Device &device) override;
    int64_t beginEpoch(int epoch, int64_t batchSize, std::mt19937_64 &rng) override
    {
        return m_own.beginEpoch(epoch, batchSize, rng);
    }
    BatchLoss loss(int64_t batch) override;
    Expected<std::optional<Validation>> validate(int epoch) override
    {
        return m_own.validate(epoch);
    }

    // The loss of one batch's positions given both models' logits ([n, items]) and the hard
    // targets [n], through autograd: the reference of fusedDistillationLoss, which loss() uses
    // (tst_losses, bench_distill_loss).
    static torch::Tensor combinedLoss(const torch::Tensor &studentLogits,
                                      const torch::Tensor &teacherLogits,
                                      const torch::Tensor &targets,
                                      const DistillLossOptions &options);

private:
    DistillObjective(PositionObjective &own, std::shared_ptr<PositionScorer> teacher,
                     const DistillLossOptions &options);

    PositionObjective &m_own;
    std::shared_ptr<PositionScorer> m_teacher;
    DistillLossOptions m_options;
    torch::Tensor m_teacherLogits; // reused across batches (positionLogitsInto)
};

} // namespace recforge
