#pragma once
// The Trainer's per-epoch checkpoint: one torch archive with the module, the optimiser, the
// trainer's JSON state (epoch, step, curves, callback states, shuffling RNG), torch's CPU
// generator state and the best epoch's weights.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include "common/error.h"

namespace recforge {

struct TrainCheckpoint {
    nlohmann::json state;            // trainer state, see trainer.cpp
    std::vector<torch::Tensor> best; // best epoch's parameters + buffers (may be empty)
};

// Writes atomically (temporary file + rename). Errors: Io naming the path.
Status saveTrainCheckpoint(const std::string &path, torch::nn::Module &module,
                           torch::optim::Optimizer &optimizer, const TrainCheckpoint &checkpoint);

// Reads into module and optimizer (same architecture) and restores torch's CPU generator.
// nullopt when the file does not exist. Errors: Io / InvalidArgument naming the path.
Expected<std::optional<TrainCheckpoint>> loadTrainCheckpoint(const std::string &path,
                                                             torch::nn::Module &module,
                                                             torch::optim::Optimizer &optimizer);

// Per-epoch checkpoint files in a checkpoint folder: "trainer-e0007.ckpt". Each epoch writes a
// new file and the trainer keeps the two newest, so a checkpoint recorded elsewhere (the run
// store, with its sha256) is never overwritten by the next epoch.
std::string trainCheckpointPath(const std::string &dir, int epoch);
// The newest checkpoint of `dir` (highest epoch); nullopt when there is none.
std::optional<std::string> latestTrainCheckpoint(const std::string &dir);
// Deletes the folder's checkpoints of epochs before `keepFrom` (best effort).
void pruneTrainCheckpoints(const std::string &dir, int keepFrom);

// Parameters then buffers of a module, in registration order (snapshots of the best epoch).
std::vector<torch::Tensor> moduleTensors(torch::nn::Module &module);

} // namespace recforge
