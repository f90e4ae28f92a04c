#pragma once
// TorchScript export: a torch::jit::Module built in C++ (weights registered as buffers, methods
// compiled from TorchScript source with Module::define) and saved with Module::save, so Python
// loads it with torch.jit.load and no RecForge code. Input convention of every exported model
// (docs/export-format.md):
//
//   forward(self, history: Tensor) -> Tensor
//     history [batch, L] int64: internal item index + 1 per position, 0 = padding, left-padded
//     (the newest item in the last column), L >= 1. Returns [batch, items] float32 raw scores,
//     equal to Recommender::scoreItems for the same histories (within float rounding).
//
// Supported models:
//  - sasrec / bert4rec: exactly SeqTransformerNet::encode (item features folded into a
//    precomputed token table, position embedding with left padding, post-LN blocks, eps 1e-12,
//    GELU/ReLU) and the last-position scoring of SeqTransformer::scoreItems; only the last
//    maxLength (bert4rec: maxLength - 1, then [MASK] is appended) columns are used. Also
//    encode(history) -> [batch, d] user vectors and the item_table [items, d] buffer.
//  - bprmf: every user folded in like BprMf does for cold users (mean of the history items'
//    vectors; an empty history scores by item bias only). Trained user vectors are exported as
//    embeddings / safetensors instead. Also encode(history) -> [batch, d].
//  - itemknn (binary feedback) and ease: scores = distinct multi-hot history x item_item matrix
//    [items, items] (row j: what history item j adds to every item); at most 20000 items.
// Other models (and itemknn with feedback "values", whose input carries no values) are refused.

#include <string>

#include <nlohmann/json.hpp>

#include "common/error.h"

namespace recforge {

class Recommender;

// Errors: InvalidArgument (model not fitted or without a TorchScript path; the message names the
// supported models), Io (cannot write), Internal (TorchScript compilation failed).
// On success returns the interface description stored in config.json ("methods", "input", ...).
Expected<nlohmann::json> exportTorchScript(Recommender &model, const std::string &path);

// True when exportTorchScript supports this model (fitted or not).
bool torchScriptSupported(const Recommender &model, std::string *why = nullptr);

} // namespace recforge
