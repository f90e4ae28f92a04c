#pragma once
// Behaviour pretraining of the sequential transformer (cloze + attribute prediction, see
// seqpretrainobjective.h) through the shared Trainer, ending in a pretrained-encoder file that
// fine-tuning (SeqTransformer::setPretrained, finetunepairs.h) starts from. Per-objective losses
// reach a TrainObserver as EpochEvent::metrics; checkpointDir + resume continue a cancelled run
// to the same weights as an uninterrupted one.

#include <memory>
#include <string>

#include <torch/torch.h>

#include "common/error.h"
#include "common/progress.h"
#include "models/seqtransformernet.h"
#include "train/pretrainparams.h"
#include "train/seqpretrainobjective.h"

namespace recforge {

struct Dataset;
struct ItemFeatures;
class TrainingData;

struct SeqPretrainInputs {
    // Input side features (used when params.model has itemFeatures = true); may be null.
    std::shared_ptr<const ItemFeatures> features;
    // Attribute-prediction targets (category, brand, attributes); null = no attribute objective.
    std::shared_ptr<const ItemFeatures> attributes;
    torch::Tensor textVectors; // [items, t] frozen text vectors; undefined = none
};

struct SeqPretrained {
    SeqTransformerNet net{nullptr}; // the encoder with its output head, eval mode, CPU
    // The encoder plus the attribute heads (what attribute prediction learned), eval mode, CPU.
    std::shared_ptr<SeqPretrainModelImpl> model;
    PretrainResult result;
};

// Pretrains on data.fitSequence(u) of every user. The encoder starts from
// torch::manual_seed(params.train.seed). Saves to params.outputPath when set.
// Errors: InvalidArgument (params; attributes requested without attribute data is only a
// message, the objective is skipped), Empty (no fit sequence), those of the Trainer (Cancelled,
// checkpoint errors) and of saving; Internal (LibTorch threw).
Expected<SeqPretrained> pretrainSequences(const PretrainParams &params, const TrainingData &data,
                                          const SeqPretrainInputs &inputs, Observer &observer,
                                          StopToken stop = {});

// The job entry point: input features and attribute targets from the dataset's catalogue
// (categories, brand, attributes; price buckets as input only), text vectors from
// params.textEncoder when set (loadTextEncoder + encodeItemTexts).
Expected<PretrainResult> runSequencePretraining(const PretrainParams &params,
                                                const Dataset &dataset, const TrainingData &data,
                                                Observer &observer, StopToken stop = {});

// Text vectors of every item of `dataset` from a text encoder folder. Errors: loadTextEncoder's.
Expected<torch::Tensor> itemTextVectors(const std::string &textEncoderFolder,
                                        const Dataset &dataset);

// The resolved transformer params (schema defaults and preset applied) of `model`. Errors:
// resolveParams'.
Expected<nlohmann::json> resolveEncoderParams(const nlohmann::json &model);

} // namespace recforge
