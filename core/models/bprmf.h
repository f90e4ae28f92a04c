#pragma once

#include <memory>

#include "models/paramschema.h"
#include "models/recommender.h"

namespace recforge {

// Typed params of BPR-MF; defaults match bprMfSchema().
struct BprMfParams {
    int dimension = 64;           // embedding size
    int epochs = 60;              // upper bound (early stopping when a validate hook is given)
    int batchSize = 1024;         // (user, item, negative) triples per step
    double learningRate = 5e-3;   // AdamW
    double regularization = 1e-2; // L2 on the batch's embeddings (classic BPR regularisation)
    double weightDecay = 0.0;     // AdamW decoupled decay on every parameter
    bool itemBias = true;         // a learned per-item bias (popularity prior)
    int patience = 10;            // early stopping on the validate hook; 0 = off
    static BprMfParams fromJson(const nlohmann::json &resolved);
};

// BPR matrix factorisation (Rendle et al. 2009): score(u, i) = <p_u, q_i> + b_i, trained with
// the BPR loss on (user, fit item, uniform negative) triples through the shared Trainer.
// Cold users (id unknown, >= the fitted user count, or without fit rows) are folded in: their
// vector is the mean of their history items' vectors (zero for an empty history, which leaves
// the item bias - a popularity ranking).
class BprMf final : public Recommender {
public:
    explicit BprMf(const nlohmann::json &resolved);
    ~BprMf() override;
    Status fit(const TrainingData &data, const FitContext &ctx) override;
    bool isFitted() const override;
    int32_t itemCount() const override;
    torch::Tensor scoreItems(const ScoreRequest &request) override;
    torch::Tensor itemEmbeddings() const override;
    torch::Tensor userEmbeddings(const ScoreRequest &request) override;
    torch::Tensor itemBias() const override;
    torch::nn::Module *module() override;
    int64_t parameterCount() const override;

    struct Net;

protected:
    void writeState(torch::serialize::OutputArchive &archive) const override;
    Status readState(torch::serialize::InputArchive &archive) override;

private:
    BprMfParams m_p;
    std::shared_ptr<Net> m_net;
    std::vector<uint8_t> m_warmUser; // 1 = the user had fit rows (its vector was trained)
};

ModelSchema bprMfSchema();
std::unique_ptr<Recommender> makeBprMf(const nlohmann::json &resolved);

} // namespace recforge
