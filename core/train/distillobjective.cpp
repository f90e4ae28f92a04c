#include "distillobjective.h"

#include <stdexcept>

#include "train/fuseddistill.h"
#include "train/losses.h"

namespace recforge {

DistillObjective::DistillObjective(PositionObjective &own, std::shared_ptr<PositionScorer> teacher,
                                   const DistillLossOptions &options)
    : m_own(own), m_teacher(std::move(teacher)), m_options(options)
{
    m_teacher->scorerModule().eval();
}

Expected<std::unique_ptr<DistillObjective>>
DistillObjective::create(Objective &own, std::shared_ptr<PositionScorer> teacher,
                         const DistillLossOptions &options)
{
    if (auto ok = options.validate(); !ok)
        return tl::unexpected(ok.error());
    auto *positions = dynamic_cast<PositionObjective *>(&own);
    if (!positions || !positions->causalPositions())
        return makeError(ErrorCode::InvalidArgument,
                         "the student must be a causal next-item model (sasrec, gru4rec, mlprec)",
                         Location{"", 0, 0, "student"});
    if (!teacher)
        return makeError(ErrorCode::InvalidArgument, "no teacher", Location{"", 0, 0, "teacher"});
    return std::unique_ptr<DistillObjective>(
        new DistillObjective(*positions, std::move(teacher), options));
}

void DistillObjective::setDevice(const torch::Device &device)
{
    m_own.setDevice(device);
    m_teacher->scorerModule().to(device);
    m_teacher->scorerModule().eval();
}

torch::Tensor DistillObjective::combinedLoss(const torch::Tensor &studentLogits,
                                             const torch::Tensor &teacherLogits,
                                             const torch::Tensor &targets,
                                             const DistillLossOptions &o)
{
    const bool kl = o.mode != DistillMode::Ranking;
    const bool ranking = o.mode != DistillMode::Kl;
    torch::Tensor soft;
    if (kl)
        soft = distillationLoss(studentLogits, teacherLogits, targets, o.temperature, 1.0);
    if (ranking) {
        auto [items, weights] = rankingDistillationTargets(teacherLogits, o.topK, o.rankDecay);
        torch::Tensor r = rankingDistillationLoss(studentLogits, items, weights);
        soft = soft.defined() ? soft + r : r;
    }
    if (o.alpha >= 1.0)
        return soft;
    return o.alpha * soft + (1.0 - o.alpha) * torch::cross_entropy_loss(studentLogits, targets);
}

BatchLoss DistillObjective::loss(int64_t batch)
{
    if (m_options.alpha <= 0.0)
        return m_own.loss(batch); // plain training, exactly
    PositionBatch p = m_own.positionBatch(batch);
    if (p.input.size(1) > m_teacher->maxLength())
        throw std::invalid_argument("the student reads " + std::to_string(p.input.size(1)) +
                                    " items per history, the teacher at most " +
                                    std::to_string(m_teacher->maxLength()));
    m_teacher->scorerModule().eval();
    m_teacher->positionLogitsInto(p.input, p.positions, m_teacherLogits);
    const torch::Tensor &teacherLogits = m_teacherLogits;
    // Fused: no [n, items] temporaries besides the logits and the teacher's (combinedLoss is the
    // autograd reference of the same value).
    return {fusedDistillationLoss(p.hidden, p.table, p.targets, teacherLogits, m_options),
            p.samples};
}

} // namespace recforge
