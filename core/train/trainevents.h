#pragma once
// Training events for the GUI's live loss curves and the CLI's progress bar. Torch-free: the GUI
// includes this header.

#include <cstdint>
#include <map>
#include <string>

#include "common/progress.h"

namespace recforge {

// One optimiser step.
struct BatchEvent {
    int epoch = 0;              // 1-based
    int64_t step = 0;           // 1-based global optimiser step
    int64_t batch = 0;          // 1-based within the epoch
    int64_t batchesInEpoch = 0; // 0 = unknown
    double loss = 0;            // the batch's mean loss
    double learningRate = 0;    // the rate used for this step
    int64_t samples = 0;        // training examples in the batch
};

// One finished epoch.
struct EpochEvent {
    int epoch = 0; // 1-based
    int epochs = 0;
    double trainLoss = 0;                  // mean batch loss, weighted by samples
    std::map<std::string, double> metrics; // validation metrics ("NDCG@10"), may be empty
    double monitored = 0;                  // the early-stopping value (NaN when none)
    bool improved = false;                 // monitored value is the best so far
    double seconds = 0;                    // wall time of the epoch, validation included
    double samplesPerSecond = 0;           // training throughput (validation excluded)
    double etaSeconds = -1;                // linear estimate for the remaining epochs; < 0 unknown
    double learningRate = 0;               // rate at the end of the epoch
};

// A per-epoch trainer checkpoint was written (the file is complete: written atomically).
struct CheckpointEvent {
    int epoch = 0;    // 1-based epoch it ends
    int64_t step = 0; // global optimiser step
    std::string path; // absolute or relative, as given in the checkpoint folder
};

// Observer with training events. The Trainer accepts any Observer and sends these events when it
// is a TrainObserver (dynamic_cast), plus Progress ("epoch 3/10", batches done / total) to every
// observer. Same threading rule as Observer: called from the training thread.
class TrainObserver : public Observer {
public:
    virtual void onBatch(const BatchEvent &) {}
    virtual void onEpoch(const EpochEvent &) {}
    virtual void onCheckpoint(const CheckpointEvent &) {}
};

} // namespace recforge
