#pragma once
// MLP recommender: the mean of the last `window` item embeddings and the newest item's embedding
// -> a two-layer MLP -> hidden state . item table (tied). No recurrence, no attention: the
// fastest distillation student.

#include <memory>

#include "models/nextitemmodel.h"

namespace recforge {

class MlpRec final : public NextItemModel {
public:
    explicit MlpRec(const nlohmann::json &resolved);

protected:
    std::shared_ptr<NextItemNetImpl> makeNet(int64_t items) const override;

private:
    int m_window, m_ffnSize;
};

ModelSchema mlpRecSchema();
std::unique_ptr<Recommender> makeMlpRec(const nlohmann::json &resolved);

} // namespace recforge
