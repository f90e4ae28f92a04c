#pragma once

#include <memory>
#include <string>

#include "models/interactionmatrix.h"
#include "models/paramschema.h"
#include "models/recommender.h"

namespace recforge {

// Typed params of ItemKNN; defaults match itemKnnSchema().
struct ItemKnnParams {
    int k = 100;                       // neighbours kept per item
    double shrink = 10;                // added to the similarity's denominator
    std::string similarity = "cosine"; // "cosine" | "jaccard" | "asymmetric"
    double alpha = 0.5;                // asymmetric cosine exponent (0.5 = cosine)
    bool normalize = false;            // scale each item's neighbour weights to sum 1
    std::string feedback = "binary";   // "binary" | "values"
    static ItemKnnParams fromJson(const nlohmann::json &resolved);
};

// Item-based collaborative filtering. Similarity of items i, j over the fit rows:
//   cosine      co(i,j) / (sqrt(n_i) sqrt(n_j) + shrink)
//   asymmetric  co(i,j) / (n_i^alpha n_j^(1-alpha) + shrink)
//   jaccard     co(i,j) / (n_i + n_j - co(i,j) + shrink)
// (co = sum over users of x_ui x_uj, n_i = sum of x_ui^2). Each item keeps its k most similar
// items; a user's score for item i is the sum of sim(i, j) over the history items j among i's
// neighbours (weighted by the history value under feedback "values").
class ItemKnn final : public Recommender {
public:
    explicit ItemKnn(const nlohmann::json &resolved);
    Status fit(const TrainingData &data, const FitContext &ctx) override;
    bool isFitted() const override { return m_itemCount > 0; }
    int32_t itemCount() const override { return m_itemCount; }
    torch::Tensor scoreItems(const ScoreRequest &request) override;
    int64_t parameterCount() const override { return int64_t(m_byHistoryItem.cols.size()); }

    // Neighbours of item i, best first: (similarity, item).
    std::vector<std::pair<float, int32_t>> neighbours(int32_t item) const;

protected:
    void writeState(torch::serialize::OutputArchive &archive) const override;
    Status readState(torch::serialize::InputArchive &archive) override;

private:
    ItemKnnParams m_p;
    int32_t m_itemCount = 0;
    // Row j lists (i, sim(i, j)) for every item i that keeps j as a neighbour: scoring adds the
    // rows of the history items.
    SparseRows m_byHistoryItem;
};

ModelSchema itemKnnSchema();
std::unique_ptr<Recommender> makeItemKnn(const nlohmann::json &resolved);

// State (de)serialisation of a SparseRows, shared by the neighbourhood models.
void writeSparse(torch::serialize::OutputArchive &archive, const std::string &prefix,
                 const SparseRows &rows);
Status readSparse(torch::serialize::InputArchive &archive, const std::string &prefix,
                  SparseRows &rows);

} // namespace recforge
