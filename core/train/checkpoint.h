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

// Parameters then buffers of a module, in registration order (snapshots of the best epoch).
std::vector<torch::Tensor> moduleTensors(torch::nn::Module &module);

} // namespace recforge
