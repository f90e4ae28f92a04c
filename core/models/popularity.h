#pragma once

#include <memory>

#include "models/paramschema.h"
#include "models/recommender.h"

namespace recforge {

// Typed params of Popularity; defaults match popularitySchema().
struct PopularityParams {
    bool distinctUsers = false; // count each (user, item) pair once instead of every row
    static PopularityParams fromJson(const nlohmann::json &resolved);
};

// Recommends the items with the most fit rows to everyone. Leak-free by construction: it counts
// TrainingData::fitSequence() rows only (Train, or Train + Validation under
// FitScope::TrainAndValidation), never a Test row. The published PopRec variant that also counts
// the test items exists only in bench/ to reproduce the published table.
class Popularity final : public Recommender {
public:
    explicit Popularity(const nlohmann::json &resolved);
    Status fit(const TrainingData &data, const FitContext &ctx) override;
    bool isFitted() const override { return m_counts.defined(); }
    int32_t itemCount() const override
    {
        return m_counts.defined() ? int32_t(m_counts.size(0)) : 0;
    }
    torch::Tensor scoreItems(const ScoreRequest &request) override;
    int64_t parameterCount() const override { return isFitted() ? m_counts.numel() : 0; }
    const torch::Tensor &counts() const { return m_counts; } // [items] float32

protected:
    void writeState(torch::serialize::OutputArchive &archive) const override;
    Status readState(torch::serialize::InputArchive &archive) override;

private:
    PopularityParams m_p;
    torch::Tensor m_counts;
};

ModelSchema popularitySchema();
std::unique_ptr<Recommender> makePopularity(const nlohmann::json &resolved);

} // namespace recforge
