#pragma once
// Typed parameters of the shared training loop. Torch-free so the GUI and the CLI can build them.

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "common/error.h"

namespace recforge {

// Learning-rate schedule after the linear warm-up: constant, linear decay to minLrRatio * lr at
// the last step, or cosine decay to the same floor.
enum class LrSchedule { Constant, Linear, Cosine };
const char *lrScheduleName(LrSchedule schedule); // "constant", "linear", "cosine"
Expected<LrSchedule> parseLrSchedule(const std::string &name);

struct TrainParams {
    int epochs = 10;            // upper bound; early stopping may end sooner
    int64_t batchSize = 256;    // examples per optimiser step (the objective defines "example")
    double learningRate = 1e-3; // AdamW peak rate
    double weightDecay = 0.0;   // AdamW decoupled weight decay
    double beta1 = 0.9, beta2 = 0.999;
    int64_t warmupSteps = 0; // linear warm-up from 0 over this many steps
    LrSchedule schedule = LrSchedule::Constant;
    double minLrRatio = 0.0; // floor of linear / cosine decay, as a share of learningRate
    double clipNorm = 0.0;   // global gradient-norm clip; 0 = off
    int patience = 0;        // early stopping: epochs without improvement; 0 = off
    double minDelta = 0.0;   // improvement smaller than this does not count
    bool restoreBest = true; // reload the best epoch's weights at the end (needs validation)
    std::string monitor = "NDCG@10"; // name of the validated metric (informational, for events)
    std::string checkpointDir;   // empty = no checkpoints; else trainer-e<epoch>.ckpt every epoch
    bool resume = false;         // continue from resumeFrom, else checkpointDir's newest checkpoint
    std::string resumeFrom;      // a checkpoint file to resume from (empty = the newest)
    uint64_t seed = 42;          // shuffling, initialisation (torch::manual_seed) and sampling
    std::string device = "auto"; // "auto" | "cpu" | "cuda"
    int threads = 0;             // intra-op threads; 0 = all cores (applyRuntime)

    // Errors: InvalidArgument naming the field.
    Status validate() const;
};

nlohmann::json toJson(const TrainParams &params);
// Missing keys keep their defaults. Errors: InvalidArgument naming the field.
Expected<TrainParams> trainParamsFromJson(const nlohmann::json &json);

} // namespace recforge
