#pragma once
// The masked-language-model objective of the text encoder for the shared Trainer: batches of
// tokenized texts ([CLS] tokens [SEP]), BERT's masking (mlmMask), cross-entropy on the chosen
// positions, and a per-epoch masked-token accuracy on fixed held-out masks.

#include <cstdint>
#include <utility>
#include <vector>

#include "models/textencoder.h"
#include "text/tokenizer.h"
#include "train/objective.h"

namespace recforge {

// BERT's masking. ids [B, L] int64; candidates [B, L] bool (real tokens that may be predicted:
// not [CLS]/[SEP]/[PAD]). Each candidate is chosen with probability maskProb, plus one random
// candidate in every row that has candidates but drew none. Chosen positions become [MASK] (80
// %), a uniformly random id in [0, vocabSize) (10 %) or stay (10 %). Draws from torch's default
// generator (a fixed number of draws per call, so seeded runs repeat).
// -> {input ids [B, L], chosen [B, L] bool}.
std::pair<torch::Tensor, torch::Tensor> mlmMask(const torch::Tensor &ids,
                                                const torch::Tensor &candidates, double maskProb,
                                                int64_t maskId, int64_t vocabSize);

struct MlmEvaluation {
    double loss = 0;     // mean cross-entropy over the masked positions
    double accuracy = 0; // share of masked positions whose arg-max prediction is the original
    int64_t positions = 0;
};

class MlmObjective final : public Objective {
public:
    // train / validation: token rows as Tokenizer::modelInput gives them. The validation rows
    // get one fixed masking drawn here from `seed` (every chosen position becomes [MASK]).
    // encoder must have an MLM head.
    MlmObjective(TextEncoder encoder, std::vector<std::vector<int32_t>> train,
                 std::vector<std::vector<int32_t>> validation, const SpecialIds &special,
                 double maskProb, uint64_t seed);

    torch::nn::Module &module() override { return *m_encoder; }
    void setDevice(const torch::Device &device) override { m_device = device; }
    int64_t beginEpoch(int epoch, int64_t batchSize, std::mt19937_64 &rng) override;
    BatchLoss loss(int64_t batch) override;
    // Metrics "masked accuracy" (the monitored value) and "masked loss".
    Expected<std::optional<Validation>> validate(int epoch) override;

    // The fixed held-out measurement, in eval mode without gradients (restores the mode).
    MlmEvaluation evaluate();
    const std::vector<MlmEvaluation> &history() const { return m_history; } // one per epoch

private:
    // [B, L] ids of `rows` (right-padded) and the real-token mask, on the device.
    std::pair<torch::Tensor, torch::Tensor>
    batchOf(const std::vector<const std::vector<int32_t> *> &rows) const;
    torch::Tensor candidatesOf(const torch::Tensor &ids, const torch::Tensor &real) const;

    TextEncoder m_encoder;
    std::vector<std::vector<int32_t>> m_train, m_validation, m_validationInput;
    SpecialIds m_special;
    double m_maskProb;
    int64_t m_batchSize = 1;
    std::vector<std::vector<int64_t>> m_batches;
    std::vector<MlmEvaluation> m_history;
    torch::Device m_device = torch::kCPU;
};

} // namespace recforge
