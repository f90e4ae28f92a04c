#pragma once
// The one training loop. Everything model-specific lives in an Objective; behaviours (early
// stopping, pruning, NaN guard, schedules, checkpoints) are small pieces, not subclasses.

#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "common/error.h"
#include "common/progress.h"
#include "train/callbacks.h"
#include "train/objective.h"
#include "train/trainevents.h"
#include "train/trainparams.h"

namespace recforge {

struct TrainResult {
    int epochsRun = 0;               // last finished epoch (resumed epochs included)
    int64_t steps = 0;               // optimiser steps, resumed ones included
    std::vector<double> epochLosses; // mean training loss per epoch, from epoch 1
    std::vector<double> validation;  // monitored value per epoch (NaN when not validated)
    int bestEpoch = 0;               // 0 = no validation
    double bestValue = std::numeric_limits<double>::quiet_NaN();
    bool restoredBest = false; // the best epoch's weights were reloaded at the end
    bool earlyStopped = false;
    bool pruned = false;
    int resumedFromEpoch = 0; // 0 = fresh start
    std::string stopReason;   // empty when all epochs ran
    double seconds = 0;
    std::string device; // "cpu" / "cuda"
};

class Trainer {
public:
    // Extra behaviour (a tuner's PruningCallback, ...). Early stopping comes from TrainParams.
    void addCallback(std::shared_ptr<TrainCallback> callback);

    // Trains objective.module() with AdamW for params.epochs epochs (fewer on early stopping or a
    // callback's stop). Per epoch: objective.beginEpoch, one step per batch (warm-up + schedule,
    // gradient clipping, NaN/Inf guard), objective.validate, callbacks, an epoch event, and a
    // checkpoint (model, optimiser, RNG states, callback states, best weights) when
    // params.checkpointDir is set. With params.resume and an existing checkpoint it continues
    // after the checkpoint's epoch and ends exactly where an uninterrupted run would (same
    // device, same thread count). Determinism: seeded shuffles + torch::manual_seed(params.seed);
    // on CPU a run repeats bit for bit with threads = 1 (multi-threaded reductions may differ in
    // the last bits).
    // Errors: InvalidArgument (params, a non-finite loss naming step and loss, an unusable
    // checkpoint), Empty (no batch), Cancelled (stop token or observer, checked between batches),
    // Io (checkpoint), Internal (LibTorch threw). The module keeps the weights of the last
    // finished step on error.
    Expected<TrainResult> run(const TrainParams &params, Objective &objective, Observer &observer,
                              StopToken stop = {});

private:
    std::vector<std::shared_ptr<TrainCallback>> m_callbacks;
};

// Shorthand for Trainer().run(...).
Expected<TrainResult> train(const TrainParams &params, Objective &objective, Observer &observer,
                            StopToken stop = {});

} // namespace recforge
