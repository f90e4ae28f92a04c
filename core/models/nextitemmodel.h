#pragma once
// Shared body of the small sequential recommenders (GRU4Rec, MLP): fit through the shared
// Trainer with NextItemObjective (wrappable: distillation), scoring by the last position's hidden
// state against the tied item table, native checkpoints. A subclass only builds its network.

#include <memory>
#include <string>
#include <vector>

#include "models/nextitemnet.h"
#include "models/objectivehost.h"
#include "models/paramschema.h"
#include "models/positionscorer.h"
#include "models/recommender.h"

namespace recforge {

// Parameters every next-item recommender has; defaults match nextItemParamSpecs().
struct NextItemParams {
    int hiddenSize = 64;
    int maxLength = 50;
    double dropout = 0.3;
    bool lengthBuckets = true;
    int epochs = 200;
    int batchSize = 256;
    double learningRate = 1e-3;
    double weightDecay = 0.0;
    double clipNorm = 5.0;
    int patience = 10;
    static NextItemParams fromJson(const nlohmann::json &resolved);
};

// Schema entries of NextItemParams (hiddenSize first, training parameters last); a model's schema
// inserts its own parameters after the first two.
std::vector<ParamSpec> nextItemParamSpecs();

class NextItemModel : public Recommender, public ObjectiveHost, public PositionScorer {
public:
    ~NextItemModel() override;

    Status fit(const TrainingData &data, const FitContext &ctx) override;
    bool isFitted() const override { return m_net && m_fitted; }
    int32_t itemCount() const override { return m_net ? int32_t(m_net->itemCount()) : 0; }
    torch::Tensor scoreItems(const ScoreRequest &request) override;
    torch::Tensor itemEmbeddings() const override;
    torch::Tensor userEmbeddings(const ScoreRequest &request) override;
    torch::nn::Module *module() override { return m_net.get(); }
    int64_t parameterCount() const override;

    // PositionScorer
    torch::Tensor positionHidden(const torch::Tensor &tokens) override;
    torch::Tensor outputTable() override { return m_net->itemTable(); }
    int64_t maxLength() const override { return m_common.maxLength; }
    torch::nn::Module &scorerModule() override { return *m_net; }

protected:
    NextItemModel(std::string id, const nlohmann::json &resolved);
    // A freshly initialised network for `items` items (torch's generator is seeded).
    virtual std::shared_ptr<NextItemNetImpl> makeNet(int64_t items) const = 0;
    const NextItemParams &common() const { return m_common; }

    void writeState(torch::serialize::OutputArchive &archive) const override;
    Status readState(torch::serialize::InputArchive &archive) override;

private:
    NextItemParams m_common;
    std::shared_ptr<NextItemNetImpl> m_net;
    bool m_fitted = false;
};

} // namespace recforge
