#pragma once
// The model registry, LibTorch side: construct models by id.

#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "common/error.h"
#include "models/recommender.h"

namespace recforge {

// Resolves `params` against the model's schema (resolveParams: defaults, preset, checks) and
// constructs an unfitted model. Errors: NotFound (unknown id, message lists the known ids),
// InvalidArgument (bad params, Location::field = the key).
Expected<std::unique_ptr<Recommender>> createModel(const std::string &id,
                                                   const nlohmann::json &params = {});

// Creates the model named in a checkpoint's header and loads its state (Recommender::load).
Expected<std::unique_ptr<Recommender>> loadModel(const std::string &path);

} // namespace recforge
