#pragma once
// The pretrained-encoder file between behaviour pretraining and fine-tuning, and how a fine-tune
// treats the loaded layers (freezing, layer-wise learning-rate decay, head re-initialisation).
// File: one torch archive with a JSON header ({"format": "recforge-seq-pretrained", "version",
// "items", "model": params, "tensors": [names]}) and every parameter and buffer of the
// SeqTransformerNet under its dotted name ("encoder.layers.1.ffn1.weight").

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/error.h"
#include "models/seqtransformernet.h"
#include "train/objective.h"
#include "train/pretrainparams.h"

namespace recforge {

// Writes atomically (temporary file + rename). `model` = the encoder's params JSON, stored in the
// header. Errors: Io naming the path.
Status savePretrainedSeqNet(const std::string &path, SeqTransformerNetImpl &net,
                            const nlohmann::json &model);

// Copies every parameter and buffer of `net` from the file, by name; the net is unchanged on
// error. Returns the header. Errors: Io (missing / unreadable file), Schema "not a pretrained
// sequence encoder", Schema "missing tensor 'X' in <path>" and "tensor 'X' in <path> has shape
// [a, b], expected [c, d]" (Location: file = path, field = tensor name).
Expected<nlohmann::json> loadPretrainedSeqNet(const std::string &path, SeqTransformerNetImpl &net);

// Optimiser groups of a fine-tune (FinetuneOptions): embeddings, each transformer layer, and the
// rest (output head) with their layer-wise rate scales. Frozen parameters get
// requires_grad(false) and are left out. `extra` (a task head) joins the top group.
std::vector<ParameterGroup> finetuneParameterGroups(SeqTransformerNetImpl &net,
                                                    const FinetuneOptions &options,
                                                    const std::vector<torch::Tensor> &extra = {});

// Re-initialises the output head (BERT-style initialisation), when the net has one.
void reinitOutputHead(SeqTransformerNetImpl &net);

} // namespace recforge
