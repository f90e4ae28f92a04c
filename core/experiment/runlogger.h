#pragma once
// Forwards training events to the caller's observer and records them as curves in the
// experiment store (train/loss and lr per batch; epoch loss, throughput and validation metrics
// per epoch). Torch-free.

#include <cstdint>
#include <string>

#include "store/runstore.h"
#include "train/trainevents.h"

namespace recforge {

class RunLogger final : public TrainObserver {
public:
    RunLogger(RunStore &store, int64_t run, Observer &forward);

    bool onProgress(const Progress &progress) override;
    void onMessage(const std::string &message) override;
    void onBatch(const BatchEvent &event) override;
    void onEpoch(const EpochEvent &event) override;
    // Records the checkpoint (with its sha256) so an interrupted run can resume from it.
    void onCheckpoint(const CheckpointEvent &event) override;

    int64_t lastStep() const { return m_lastStep; }
    // Also record EpochEvent::metrics as curves "<prefix><name>" (pretraining's per-objective
    // losses); empty (the default) = not recorded (training's validation hook records those).
    void setEpochMetricsPrefix(std::string prefix) { m_metricsPrefix = std::move(prefix); }

private:
    RunStore &m_store;
    int64_t m_run;
    Observer &m_forward;
    TrainObserver *m_forwardTrain; // m_forward as a TrainObserver, or null
    int64_t m_lastStep = 0;
    std::string m_metricsPrefix;
};

} // namespace recforge
