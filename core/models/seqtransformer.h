#pragma once

#include <memory>
#include <string>

#include "models/objectivehost.h"
#include "models/paramschema.h"
#include "models/recommender.h"
#include "models/seqtransformernet.h"
#include "train/pretrainparams.h"

namespace recforge {

struct ItemFeatures;

// Causal next-item prediction (SASRec) or bidirectional cloze (BERT4Rec).
enum class SeqVariant { Causal, Cloze };

// Typed params of the sequential transformer; defaults match sasrecSchema() / bert4recSchema()
// with the "small" preset.
struct SeqTransformerParams {
    int hiddenSize = 64;
    int layers = 2;
    int heads = 2;
    int ffnSize = 256;
    int maxLength = 50;
    double dropout = 0.3;
    double attentionDropout = 0.3;
    std::string activation = "gelu"; // "gelu" | "relu"
    std::string loss = "ce";         // "ce" (full softmax) | "sampled" | "bpr"
    int negatives = 100;             // sampled softmax negatives per position
    double maskProb = 0.2;           // cloze only
    bool itemFeatures = false;       // add side-feature embeddings (setItemFeatures)
    bool lengthBuckets = true;       // batch sequences of similar length (less padding)
    int epochs = 200;
    int batchSize = 256;
    double learningRate = 1e-3;
    double weightDecay = 0.0;
    int warmupSteps = 0;
    std::string schedule = "constant";
    double clipNorm = 5.0;
    int patience = 10;
    static SeqTransformerParams fromJson(const nlohmann::json &resolved);
    TransformerConfig config() const;
};

// A transformer over each user's last maxLength fit items, item embeddings tied between input and
// output (score = last hidden state . item vector). Training (shared Trainer):
//  - Causal: input = sequence[:-1], target = sequence[1:] at every real position; only the real
//    positions' hidden states are gathered before the [n, d] x [d, items] output product.
//  - Cloze: positions masked with maskProb ([MASK] token), loss on masked positions only;
//    prediction appends [MASK] to the history.
// Early stopping uses FitContext::validate (best epoch restored). Cold users need no id: scoring
// encodes the given history; an empty history yields the same (learned, popularity-like) vector
// for everyone.
class SeqTransformer final : public Recommender, public ObjectiveHost {
public:
    SeqTransformer(SeqVariant variant, const nlohmann::json &resolved);
    ~SeqTransformer() override;

    // Side features to add to item embeddings (itemFeatures = true); call before fit(). Built
    // from the Dataset the TrainingData came from (ItemFeatures::build); ignored when the item
    // count differs.
    void setItemFeatures(std::shared_ptr<const ItemFeatures> features);
    // Frozen text vectors [itemCount, t] (encodeItemTexts) added to item vectors through a learned
    // projection (SeqNetExtras); call before fit(). Ignored when the row count differs.
    void setTextVectors(torch::Tensor vectors);
    // Fine-tuning: fit() starts from a pretrained encoder file (seqpretrained.h) instead of a
    // fresh initialisation; the net then has the pretrained output head. fit() fails with the
    // loader's error (naming the tensor and shapes) when the file's architecture differs.
    void setPretrained(std::string path, FinetuneOptions options = {});

    SeqVariant variant() const { return m_variant; }
    Status fit(const TrainingData &data, const FitContext &ctx) override;
    bool isFitted() const override { return !m_net.is_empty() && m_fitted; }
    int32_t itemCount() const override;
    torch::Tensor scoreItems(const ScoreRequest &request) override;
    torch::Tensor itemEmbeddings() const override;
    torch::Tensor userEmbeddings(const ScoreRequest &request) override;
    torch::nn::Module *module() override;
    int64_t parameterCount() const override;

protected:
    void writeState(torch::serialize::OutputArchive &archive) const override;
    Status readState(torch::serialize::InputArchive &archive) override;

private:
    SeqVariant m_variant;
    SeqTransformerParams m_p;
    std::shared_ptr<const ItemFeatures> m_features;
    torch::Tensor m_textVectors;
    std::string m_pretrained;
    FinetuneOptions m_finetune;
    SeqTransformerNet m_net{nullptr};
    bool m_fitted = false;
};

ModelSchema sasrecSchema();
ModelSchema bert4recSchema();
std::unique_ptr<Recommender> makeSasrec(const nlohmann::json &resolved);
std::unique_ptr<Recommender> makeBert4rec(const nlohmann::json &resolved);

} // namespace recforge
