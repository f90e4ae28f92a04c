#pragma once
// Masked-language-model pretraining of the text encoder on the catalogue text, through the shared
// Trainer (MlmObjective): live MLM loss per batch (BatchEvent) and masked-token accuracy per epoch
// (EpochEvent::metrics "masked accuracy" / "masked loss") reach a TrainObserver like any training.

#include <memory>
#include <string>
#include <vector>

#include "common/error.h"
#include "common/progress.h"
#include "models/textencoder.h"
#include "text/tokenizer.h"
#include "train/mlmparams.h"

namespace recforge {

struct Dataset;

struct MlmTrained {
    TextEncoder encoder{nullptr}; // with its MLM head, in eval mode, on the training device
    std::shared_ptr<const Tokenizer> tokenizer;
    MlmResult result;
};

// Pretrains on `texts` (one text per item; empty texts are skipped). The tokenizer is, in this
// order: initFrom's, `tokenizer` when given, else a SentencePiece model trained on `texts` with
// params.tokenizer. The encoder starts from initFrom's weights or from a seeded initialisation
// (torch::manual_seed(params.train.seed)); with the same texts, params and thread count a run
// repeats exactly on the CPU. Saves to params.outputDir when set (saveTextEncoder: atomic).
// Errors: InvalidArgument (params, a tokenizer larger than the encoder's vocabulary), Empty (no
// text with a token), Cancelled (stop token or observer: during tokenizer training or between
// batches), those of loadTextEncoder / SentencePiece / the Trainer / saving, Internal (LibTorch
// threw).
Expected<MlmTrained> pretrainMlm(const MlmParams &params, const std::vector<std::string> &texts,
                                 Observer &observer, StopToken stop = {},
                                 std::shared_ptr<const Tokenizer> tokenizer = nullptr);

// The job entry point for the CLI and the GUI: pretrainMlm on itemTexts(dataset).
Expected<MlmResult> runMlmPretraining(const MlmParams &params, const Dataset &dataset,
                                      Observer &observer, StopToken stop = {});

} // namespace recforge
