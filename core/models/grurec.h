#pragma once
// GRU4Rec-style recommender (Hidasi et al. 2016, with full-softmax next-item training as in
// later GRU4Rec baselines): item embedding -> GRU -> last hidden state . item table (tied).
// A small, fast student for distillation.

#include <memory>

#include "models/nextitemmodel.h"

namespace recforge {

class GruRec final : public NextItemModel {
public:
    explicit GruRec(const nlohmann::json &resolved);

protected:
    std::shared_ptr<NextItemNetImpl> makeNet(int64_t items) const override;

private:
    int m_layers;
};

ModelSchema gruRecSchema();
std::unique_ptr<Recommender> makeGruRec(const nlohmann::json &resolved);

} // namespace recforge
