#include "nextitemobjective.h"

#include "train/losses.h"

namespace recforge {

NextItemObjective::NextItemObjective(std::shared_ptr<NextItemNetImpl> net, int64_t maxLength,
                                     bool lengthBuckets, const TrainingData &data,
                                     const FitContext &ctx, Recommender &model)
    : m_net(std::move(net)), m_batches(data, maxLength, lengthBuckets), m_ctx(ctx), m_model(model)
{
}

int64_t NextItemObjective::beginEpoch(int, int64_t batchSize, std::mt19937_64 &rng)
{
    return m_batches.beginEpoch(batchSize, rng);
}

PositionBatch NextItemObjective::positionBatch(int64_t batch)
{
    torch::Tensor tokens = m_batches.tokens(batch).to(m_device);
    NextItemPositions p = nextItemPositions(tokens);
    torch::Tensor hidden = m_net->positionHidden(p.input);
    hidden = hidden.reshape({-1, hidden.size(2)}).index_select(0, p.positions);
    return {hidden,  m_net->itemTable(), p.targets,
            p.input, p.positions,        m_batches.batchSize(batch)};
}

BatchLoss NextItemObjective::loss(int64_t batch)
{
    PositionBatch p = positionBatch(batch);
    return {fullSoftmaxLoss(p.hidden, p.table, p.targets), p.samples};
}

Expected<std::optional<Validation>> NextItemObjective::validate(int epoch)
{
    if (!m_ctx.validate)
        return std::optional<Validation>{};
    auto v = m_ctx.validate(m_model, epoch);
    if (!v)
        return tl::unexpected(v.error());
    return std::optional<Validation>(Validation{*v, {{"validation", *v}}});
}

} // namespace recforge
