#pragma once
// The weights of a fitted model as named tensors: what model.safetensors holds (names and shapes
// are documented in docs/export-format.md) and what the TorchScript export folds together.

#include <string>

#include <ATen/core/Tensor.h>

#include "common/error.h"
#include "io/safetensors.h"

namespace recforge {

class Recommender;

// Trainable models (sasrec, bert4rec, bprmf): every parameter and buffer of module() under its
// LibTorch name ("item.weight", "encoder.layers.0.attention.qkv.weight", "user", ...). Closed-form
// item-based models (itemknn, ease): "item_item" [items, items] float32. Other models: their
// item embeddings / item bias when they have them ("item_embeddings", "item_bias").
// Errors: InvalidArgument (not fitted, or nothing to export, naming the model),
// InvalidArgument from itemItemMatrix.
Expected<NamedTensors> modelTensors(Recommender &model);

// Dense item-item matrix W [items, items] float32 of an item-based model (itemknn, ease) such that
// scoreItems(history) == distinct multi-hot(history) x W: row j is the score vector of the
// one-item history {j}. Errors: InvalidArgument (another model, itemknn with feedback "values",
// more than kMaxDenseItems items).
constexpr int64_t kMaxDenseItems = 20000;
Expected<at::Tensor> itemItemMatrix(Recommender &model);

} // namespace recforge
