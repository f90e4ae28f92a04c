#pragma once

#include "args.h"
#include "experiment/trainrun.h"
#include "progressbar.h"
#include "train/trainevents.h"

namespace recforge::cli {

// The outcome of `train` / `runs resume`: JSON with --json, else a short summary.
void printTrainResult(const Args &args, const TrainRunResult &result);

// Progress bar plus one line per epoch ("epoch 3/50  loss 7.21  NDCG@10 0.0412 *  5.1 s").
class TrainProgress final : public TrainObserver {
public:
    explicit TrainProgress(bool enabled) : m_bar(enabled), m_enabled(enabled) {}
    bool onProgress(const Progress &p) override { return m_bar.onProgress(p); }
    void onMessage(const std::string &m) override { m_bar.onMessage(m); }
    void onEpoch(const EpochEvent &e) override;
    void finish() { m_bar.finish(); }

private:
    ProgressBar m_bar;
    bool m_enabled;
};

} // namespace recforge::cli
