#pragma once
// Typed parameters and results of behaviour pretraining of the sequential transformer (cloze +
// attribute prediction) and of fine-tuning it (next item, classification, regression); JSON
// round trip for the run store, the CLI and the GUI. Torch-free.

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/error.h"
#include "train/trainparams.h"

namespace recforge {

// How a fine-tune starts from a pretrained encoder (seqpretrained.h).
struct FinetuneOptions {
    int freezeLayers = 0;          // the lowest N transformer layers keep their pretrained weights
    bool freezeEmbeddings = false; // item / position / feature / text-projection embeddings too
    // Layer-wise learning-rate decay: the top layer and the heads train at the full rate, layer
    // i (0 = lowest of L) at decay^(L - 1 - i), the embeddings at decay^L. 1 = off.
    double layerDecay = 1.0;
    bool reinitHead = false; // re-initialise the pretrained output head instead of reusing it
    // Fine-tune without the pretrained output head: the task reads the encoder's output
    // directly, as a model trained from scratch does (S3-Rec's fine-tuning). Excludes reinitHead.
    bool dropHead = false;
    Status validate() const; // InvalidArgument naming the field
};

// Behaviour pretraining: which objectives, their weights, and the encoder's shape.
struct PretrainParams {
    // Encoder: the sasrec / bert4rec parameter JSON (hiddenSize, layers, heads, ffnSize,
    // maxLength, dropout, attentionDropout, activation, itemFeatures); missing keys take the
    // schema defaults. The fine-tune must use the same shape.
    nlohmann::json model = nlohmann::json::object();
    bool cloze = true; // masked item prediction over all items (BERT4Rec)
    double clozeWeight = 1.0;
    double maskProb = 0.2; // share of real positions masked
    // S3-Rec's examples: every prefix of a user's fit sequence (its last maxLength items) is one
    // example whose last item is always masked, so the cloze also predicts the next item from the
    // past alone. Off: one example per user (its last maxLength fit items).
    bool prefixes = false;
    // Cloze scoring: "softmax" over every item, or "sampled": the target against clozeNegatives
    // items drawn uniformly (S3-Rec scores masked items against uniformly drawn negatives).
    std::string clozeLoss = "softmax";
    int clozeNegatives = 100;
    bool attributes = true;             // S3-Rec's attribute prediction (needs item attributes)
    double itemAttributeWeight = 0.2;   // AAP: an item's attributes from its own id (+ text) vector
    double maskedAttributeWeight = 1.0; // MAP: a masked item's attributes from its context
    // Shared loop: epochs, batchSize (sequences), learningRate, weightDecay, warm-up, schedule,
    // clipNorm, seed, device, threads, checkpointDir + resume. No validation: the last epoch's
    // weights are kept.
    TrainParams train = defaultTrain();
    std::string outputPath;  // the pretrained encoder file (seqpretrained.h); empty = not saved
    std::string textEncoder; // a text encoder folder: frozen text vectors join item vectors

    Status validate() const; // InvalidArgument naming the field
    static TrainParams defaultTrain();
};

nlohmann::json toJson(const FinetuneOptions &options);
Expected<FinetuneOptions> finetuneOptionsFromJson(const nlohmann::json &json);
nlohmann::json toJson(const PretrainParams &params);
// Missing keys keep their defaults. Errors: InvalidArgument naming the key.
Expected<PretrainParams> pretrainParamsFromJson(const nlohmann::json &json);

struct PretrainResult {
    int epochsRun = 0;
    int64_t steps = 0;
    int resumedFromEpoch = 0;
    std::vector<double> epochLosses; // weighted total per epoch (all epochs, resumed included)
    // Per objective, per epoch run in this call ("cloze", "item attributes", "masked attributes").
    std::vector<std::pair<std::string, std::vector<double>>> objectiveLosses;
    int64_t sequences = 0;
    int64_t attributeVocabulary = 0; // 0 = no attribute prediction
    int64_t parameterCount = 0;
    std::string outputPath;
    std::string device;
    double seconds = 0;
};
nlohmann::json toJson(const PretrainResult &result);
Expected<PretrainResult> pretrainResultFromJson(const nlohmann::json &json);

enum class PairTask { Classification, Regression };

// Fine-tuning on (history, candidate) pairs: every fit interaction after a user's first is a
// pair (history = the items before it). Each user's last pair is held out for evaluation.
struct PairFinetuneParams {
    std::string pretrained;                          // pretrained encoder file (required)
    nlohmann::json model = nlohmann::json::object(); // the encoder's shape, as pretrained
    PairTask task = PairTask::Classification;
    // Classification: label 1 when the candidate's event is this kind ("purchase" | "click" |
    // "cart" | "view"), else 0. Regression: the interaction's value (the rating).
    std::string positiveEvent = "purchase";
    FinetuneOptions finetune;
    TrainParams train = defaultTrain();
    Status validate() const;
    static TrainParams defaultTrain();
};
nlohmann::json toJson(const PairFinetuneParams &params);
Expected<PairFinetuneParams> pairFinetuneParamsFromJson(const nlohmann::json &json);

struct PairFinetuneResult {
    PairTask task = PairTask::Classification;
    int epochsRun = 0;
    std::vector<double> epochLosses;
    int64_t trainPairs = 0, heldOutPairs = 0;
    // Held-out metrics after the last epoch: AUC + LogLoss (classification), RMSE + MAE
    // (regression); the other two stay NaN. initial* = the same before fine-tuning.
    double auc = 0, logLoss = 0, rmse = 0, mae = 0;
    double initialAuc = 0, initialLogLoss = 0, initialRmse = 0, initialMae = 0;
    double seconds = 0;
};
nlohmann::json toJson(const PairFinetuneResult &result);

} // namespace recforge
