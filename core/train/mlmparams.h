#pragma once
// Typed parameters and result of masked-language-model pretraining of the text encoder on the
// catalogue text (mlmpretrain.h runs it). Torch-free: the CLI and the GUI build and store these.

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/error.h"
#include "models/textencoderconfig.h"
#include "text/sentencepiecetokenizer.h"
#include "train/trainparams.h"

namespace recforge {

struct MlmParams {
    // Tokenizer trained on the corpus when neither initFrom nor a given tokenizer is used.
    // Default vocabulary: 8000 pieces (SentencePieceParams).
    SentencePieceParams tokenizer;
    // Encoder shape; vocab_size is replaced by the tokenizer's size. Ignored with initFrom.
    TextEncoderConfig encoder;
    // Non-empty: a text encoder folder (textencoderio.h) to continue pretraining from: its
    // weights, its tokenizer and its config (then `encoder` and `tokenizer` are ignored).
    std::string initFrom;
    // Share of the real tokens (not [CLS]/[SEP]/[PAD]) chosen for prediction, BERT's 0.15. Of the
    // chosen ones 80 % become [MASK], 10 % a random token, 10 % stay (BERT's rule). A text with
    // at least one real token always gets at least one prediction.
    double maskProb = 0.15;
    int32_t maxLength = 64; // tokens per text incl. [CLS]/[SEP]; <= encoder.maxPositions
    // Texts held out (every n-th text, n = round(1 / share)) to measure masked-token accuracy
    // after each epoch with a fixed masking; 0 = measure on up to validationTexts training texts.
    double validationShare = 0.05;
    int64_t validationTexts = 2000; // at most this many texts are measured
    // The shared training loop's settings: epochs, batchSize (texts per step), learningRate,
    // warmupSteps, schedule, weightDecay, clipNorm, seed, device, threads, checkpointDir/resume.
    // Defaults for pretraining: 3 epochs, 32 texts, 5e-4 peak rate with 100 warm-up steps and
    // linear decay, weight decay 0.01, clip 1.0, no early stopping, last weights kept.
    TrainParams train = defaultTrain();
    // The folder the encoder is saved to (config.json, model.safetensors, tokenizer); empty = not
    // saved (the caller keeps the in-memory result).
    std::string outputDir;

    // Errors: InvalidArgument naming the field ("maskProb", "encoder.hidden_size", ...).
    Status validate() const;

    static TrainParams defaultTrain();
};

nlohmann::json toJson(const MlmParams &params);
// Missing keys keep their defaults; "encoder" uses config.json key names (and may omit
// vocab_size). Errors: InvalidArgument naming the key.
Expected<MlmParams> mlmParamsFromJson(const nlohmann::json &json);

nlohmann::json toJson(const SentencePieceParams &params);
Expected<SentencePieceParams> sentencePieceParamsFromJson(const nlohmann::json &json);

// What a pretraining run produced (the encoder itself is in outputDir, or in MlmTrained).
struct MlmResult {
    int epochsRun = 0;
    int64_t steps = 0;
    std::vector<double> epochLosses;     // mean MLM loss per epoch
    std::vector<double> epochAccuracies; // masked-token accuracy after each epoch (validation)
    double initialAccuracy = 0;          // the same measurement before training
    double initialLoss = 0;              // validation MLM loss before training
    double finalLoss = 0;                // validation MLM loss after the last epoch
    int64_t trainTexts = 0, validationTexts = 0;
    int64_t tokens = 0; // real tokens of the training texts ([CLS]/[SEP] excluded)
    int32_t vocabSize = 0;
    int64_t parameterCount = 0;
    std::string tokenizerKind; // "sentencepiece" / "wordpiece"
    std::string outputDir;     // where it was saved (empty = not saved)
    std::string device;
    double seconds = 0;
    std::vector<Warning> warnings; // from initFrom's import
};

} // namespace recforge
