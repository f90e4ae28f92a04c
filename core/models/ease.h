#pragma once

#include <memory>

#include "models/paramschema.h"
#include "models/recommender.h"

namespace recforge {

// Typed params of EASE; defaults match easeSchema().
struct EaseParams {
    double lambda = 250;  // L2 regularisation of the item-item weights
    int maxItems = 20000; // refuse catalogues beyond this (dense items x items matrices)
    static EaseParams fromJson(const nlohmann::json &resolved);
};

// EASE (Steck 2019): a dense item-item weight matrix B with zero diagonal, in closed form
//   P = (X^T X + lambda I)^-1,  B_ij = -P_ij / P_jj,  B_ii = 0
// over the binary fit matrix X. A user's scores are the sum of B's rows of their history items.
// Memory and time grow with items^2 / items^3: catalogues beyond maxItems are InvalidArgument.
class Ease final : public Recommender {
public:
    explicit Ease(const nlohmann::json &resolved);
    Status fit(const TrainingData &data, const FitContext &ctx) override;
    bool isFitted() const override { return m_weights.defined(); }
    int32_t itemCount() const override
    {
        return m_weights.defined() ? int32_t(m_weights.size(0)) : 0;
    }
    torch::Tensor scoreItems(const ScoreRequest &request) override;
    int64_t parameterCount() const override { return isFitted() ? m_weights.numel() : 0; }
    const torch::Tensor &weights() const { return m_weights; } // [items, items] float32

protected:
    void writeState(torch::serialize::OutputArchive &archive) const override;
    Status readState(torch::serialize::InputArchive &archive) override;

private:
    EaseParams m_p;
    torch::Tensor m_weights;
};

ModelSchema easeSchema();
std::unique_ptr<Recommender> makeEase(const nlohmann::json &resolved);

} // namespace recforge
