#pragma once
// Small behaviours the Trainer composes instead of subclassing: early stopping, pruning (tuners),
// the NaN/Inf guard and the learning-rate schedule.

#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "common/error.h"
#include "train/trainparams.h"

namespace recforge {

// What a callback sees at the end of an epoch.
struct EpochState {
    int epoch = 0;
    int64_t step = 0;
    double trainLoss = 0;
    std::optional<double> monitored; // validation value of this epoch, when there is one
};

enum class CallbackAction { Continue, Stop };

class TrainCallback {
public:
    virtual ~TrainCallback() = default;
    virtual CallbackAction onEpochEnd(const EpochState &) { return CallbackAction::Continue; }
    // Why it stopped training ("early stopping: no improvement for 5 epochs").
    virtual std::string stopReason() const { return {}; }
    // State saved with every checkpoint so a resumed run decides exactly like an uninterrupted one.
    virtual nlohmann::json state() const { return nlohmann::json::object(); }
    virtual void setState(const nlohmann::json &) {}
};

// Stops after `patience` epochs without an improvement of more than minDelta; remembers the best
// epoch. Epochs without a validation value do not count. patience 0 = never stops.
class EarlyStopping final : public TrainCallback {
public:
    EarlyStopping(int patience, double minDelta) : m_patience(patience), m_minDelta(minDelta) {}
    CallbackAction onEpochEnd(const EpochState &state) override;
    std::string stopReason() const override;
    nlohmann::json state() const override;
    void setState(const nlohmann::json &state) override;

    // True when the last epoch seen set a new best.
    bool improved() const { return m_improved; }
    int bestEpoch() const { return m_bestEpoch; } // 0 = none yet
    double bestValue() const { return m_best; }   // NaN = none yet

private:
    int m_patience;
    double m_minDelta;
    double m_best = std::numeric_limits<double>::quiet_NaN();
    int m_bestEpoch = 0;
    int m_bad = 0;
    bool m_improved = false;
};

// Hyper-parameter search: asks shouldPrune(epoch, value) after every validated epoch and stops
// the run when it says so (TrainResult::pruned).
class PruningCallback final : public TrainCallback {
public:
    explicit PruningCallback(std::function<bool(int epoch, double value)> shouldPrune)
        : m_shouldPrune(std::move(shouldPrune))
    {
    }
    CallbackAction onEpochEnd(const EpochState &state) override;
    std::string stopReason() const override;
    bool pruned() const { return m_prunedAt > 0; }

private:
    std::function<bool(int, double)> m_shouldPrune;
    int m_prunedAt = 0;
};

// NaN/Inf guard: InvalidArgument "non-finite loss nan at step 12 (epoch 2, batch 3)" when the
// loss is not finite, so training stops before the weights are destroyed.
Status checkFiniteLoss(double loss, int64_t step, int epoch, int64_t batch);

// Learning rate of (1-based) step `step` out of totalSteps: linear warm-up over warmupSteps, then
// the schedule down to minLrRatio * learningRate at totalSteps.
double learningRateAt(const TrainParams &params, int64_t step, int64_t totalSteps);

} // namespace recforge
