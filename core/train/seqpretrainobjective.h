#pragma once
// Behaviour pretraining objective of the sequential transformer for the shared Trainer: cloze
// (masked item prediction over all items, BERT4Rec) and S3-Rec-style attribute prediction,
// weighted and summed:
//   cloze             CE of each masked position's output against every item, or against
//                     uniformly drawn negatives (clozeLoss "sampled", S3-Rec's MIP)
//   item attributes   (AAP) multi-label BCE of an item's attributes from its id (+ text) vector
//   masked attributes (MAP) multi-label BCE of a masked item's attributes from its context
// Attribute BCE sums over the attribute vocabulary and averages over rows; the attribute heads'
// biases start at the attributes' log-odds, so the first loss is the prior's entropy.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "models/seqtransformernet.h"
#include "models/trainingdata.h"
#include "train/objective.h"
#include "train/pretrainparams.h"

namespace recforge {

struct ItemFeatures;

// The pretraining module: the encoder ("net", what is saved for fine-tuning) plus the attribute
// heads ("itemAttributes", "maskedAttributes"; absent without attributes).
class SeqPretrainModelImpl : public torch::nn::Module {
public:
    // attributePrior [attributes] share of items with each attribute (empty = no attributes).
    SeqPretrainModelImpl(SeqTransformerNet net, const torch::Tensor &attributePrior);
    SeqTransformerNet net{nullptr};
    torch::nn::Linear itemAttributes{nullptr}, maskedAttributes{nullptr};
};
TORCH_MODULE(SeqPretrainModel);

class SeqPretrainObjective final : public Objective {
public:
    // One example per user with a fit item: the last maxLength fit items; with
    // params.prefixes, one per fit item: the (at most maxLength) items up to it, the last one
    // always masked. attributes: the multi-label targets (may be null when params.attributes
    // is false).
    SeqPretrainObjective(SeqPretrainModel model, const PretrainParams &params, int64_t maxLength,
                         const TrainingData &data, const ItemFeatures *attributes);

    int64_t exampleCount() const { return int64_t(m_examples.size()); }
    torch::nn::Module &module() override { return *m_model; }
    void setDevice(const torch::Device &device) override;
    int64_t beginEpoch(int epoch, int64_t batchSize, std::mt19937_64 &rng) override;
    BatchLoss loss(int64_t batch) override;
    // The epoch's mean loss per objective as metrics ("cloze loss", "item attribute loss",
    // "masked attribute loss"); the monitored value is minus the weighted total.
    Expected<std::optional<Validation>> validate(int epoch) override;

    // Attribute targets [items, attributes] float (0/1); undefined without attributes.
    static torch::Tensor attributeTargets(const ItemFeatures &attributes);
    // Per objective, the mean loss of every epoch trained in this object's lifetime.
    const std::map<std::string, std::vector<double>> &history() const { return m_history; }

private:
    SeqPretrainModel m_model;
    PretrainParams m_p;
    std::vector<int64_t> m_tokens;                       // users' fit tokens (item + 1)
    std::vector<std::pair<int64_t, int64_t>> m_examples; // (begin, length) in m_tokens
    std::vector<std::vector<int64_t>> m_batches;
    torch::Tensor m_targets; // [items, attributes]
    std::map<std::string, std::pair<double, int64_t>> m_epochSums;
    std::map<std::string, std::vector<double>> m_history;
    torch::Device m_device = torch::kCPU;
};

} // namespace recforge
