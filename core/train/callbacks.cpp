#include "callbacks.h"

#include <algorithm>
#include <cstdio>

namespace recforge {

namespace {
constexpr double kPi = 3.14159265358979323846;
}

CallbackAction EarlyStopping::onEpochEnd(const EpochState &state)
{
    m_improved = false;
    if (!state.monitored)
        return CallbackAction::Continue;
    const double v = *state.monitored;
    if (m_bestEpoch == 0 || v > m_best + m_minDelta) {
        m_best = v;
        m_bestEpoch = state.epoch;
        m_bad = 0;
        m_improved = true;
        return CallbackAction::Continue;
    }
    ++m_bad;
    return m_patience > 0 && m_bad >= m_patience ? CallbackAction::Stop : CallbackAction::Continue;
}

std::string EarlyStopping::stopReason() const
{
    char text[160];
    std::snprintf(text, sizeof text,
                  "early stopping: no improvement for %d epochs (best %.5f at epoch %d)", m_bad,
                  m_best, m_bestEpoch);
    return text;
}

nlohmann::json EarlyStopping::state() const
{
    return {{"best", m_bestEpoch > 0 ? nlohmann::json(m_best) : nlohmann::json()},
            {"bestEpoch", m_bestEpoch},
            {"bad", m_bad}};
}

void EarlyStopping::setState(const nlohmann::json &state)
{
    m_bestEpoch = state.value("bestEpoch", 0);
    m_best = state.contains("best") && state["best"].is_number()
                 ? state["best"].get<double>()
                 : std::numeric_limits<double>::quiet_NaN();
    m_bad = state.value("bad", 0);
}

CallbackAction PruningCallback::onEpochEnd(const EpochState &state)
{
    if (!state.monitored || !m_shouldPrune || !m_shouldPrune(state.epoch, *state.monitored))
        return CallbackAction::Continue;
    m_prunedAt = state.epoch;
    return CallbackAction::Stop;
}

std::string PruningCallback::stopReason() const
{
    return "pruned after epoch " + std::to_string(m_prunedAt);
}

Status checkFiniteLoss(double loss, int64_t step, int epoch, int64_t batch)
{
    if (std::isfinite(loss))
        return {};
    char text[200];
    std::snprintf(text, sizeof text,
                  "non-finite loss %g at step %lld (epoch %d, batch %lld); training stopped", loss,
                  static_cast<long long>(step), epoch, static_cast<long long>(batch));
    return makeError(ErrorCode::InvalidArgument, text, Location{"", 0, 0, "loss"});
}

double learningRateAt(const TrainParams &p, int64_t step, int64_t totalSteps)
{
    const double peak = p.learningRate;
    if (p.warmupSteps > 0 && step <= p.warmupSteps)
        return peak * double(step) / double(p.warmupSteps);
    const double floor = peak * p.minLrRatio;
    const int64_t decaySteps = totalSteps - p.warmupSteps;
    if (p.schedule == LrSchedule::Constant || decaySteps <= 0)
        return peak;
    const double t =
        std::clamp(double(step - p.warmupSteps) / double(decaySteps), 0.0, 1.0); // 0 .. 1
    if (p.schedule == LrSchedule::Linear)
        return floor + (peak - floor) * (1.0 - t);
    return floor + (peak - floor) * 0.5 * (1.0 + std::cos(kPi * t));
}

} // namespace recforge
