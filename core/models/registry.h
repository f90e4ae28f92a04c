#pragma once
// The model registry, torch-free side: schemas only. The GUI and the CLI list models and build
// forms/configs from here; constructing a model is in models/modelfactory.h (LibTorch side).

#include <string_view>
#include <vector>

#include "models/paramschema.h"

namespace recforge {

// Every registered model's schema, in registry order (baselines first). The list is explicit:
// core/models/registry.cpp names each model's schema function and factory; nothing registers
// itself through static initialisation.
const std::vector<ModelSchema> &modelSchemas();

// nullptr when no model has that id.
const ModelSchema *findModelSchema(std::string_view id);

} // namespace recforge
