#pragma once

#include <memory>
#include <string>

#include "models/interactionmatrix.h"
#include "models/paramschema.h"
#include "models/recommender.h"

namespace recforge {

// Typed params of UserKNN; defaults match userKnnSchema().
struct UserKnnParams {
    int k = 50;                        // neighbour users per scored user
    double shrink = 10;                // added to the similarity's denominator
    std::string similarity = "cosine"; // "cosine" | "jaccard"
    std::string feedback = "binary";   // "binary" | "values"
    static UserKnnParams fromJson(const nlohmann::json &resolved);
};

// User-based collaborative filtering. The scored user is described by the request history (so
// cold users with a few Support rows work); similarity to every fitted user v is
//   cosine   co(h, v) / (sqrt(|h|) sqrt(n_v) + shrink),  jaccard  co / (|h| + n_v - co + shrink)
// The k most similar fitted users (the scored user itself excluded) vote: score(i) = sum of
// sim(v) x_vi.
class UserKnn final : public Recommender {
public:
    explicit UserKnn(const nlohmann::json &resolved);
    Status fit(const TrainingData &data, const FitContext &ctx) override;
    bool isFitted() const override { return m_itemCount > 0; }
    int32_t itemCount() const override { return m_itemCount; }
    torch::Tensor scoreItems(const ScoreRequest &request) override;
    int64_t parameterCount() const override { return int64_t(m_x.byUser.cols.size()); }

protected:
    void writeState(torch::serialize::OutputArchive &archive) const override;
    Status readState(torch::serialize::InputArchive &archive) override;

private:
    void prepare(); // norms from m_x

    UserKnnParams m_p;
    int32_t m_itemCount = 0;
    InteractionMatrix m_x;
    std::vector<double> m_userNorm; // sum of x_vi^2 per fitted user
};

ModelSchema userKnnSchema();
std::unique_ptr<Recommender> makeUserKnn(const nlohmann::json &resolved);

} // namespace recforge
