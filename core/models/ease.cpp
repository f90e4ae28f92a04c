#include "ease.h"

#include <ATen/Parallel.h>

#include "models/interactionmatrix.h"

namespace recforge {

EaseParams EaseParams::fromJson(const nlohmann::json &j)
{
    EaseParams p;
    p.lambda = j.value("lambda", p.lambda);
    p.maxItems = j.value("maxItems", p.maxItems);
    return p;
}

ModelSchema easeSchema()
{
    ModelSchema s;
    s.id = "ease";
    s.displayName = "EASE";
    s.description = "Embarrassingly Shallow Autoencoder: a dense item-item model solved in closed "
                    "form. Strong on small and medium catalogues; memory grows with items^2.";
    s.family = "factorisation";
    s.params = {
        realParam("lambda", 250, 0.01, 1e6, "Regularisation (lambda)",
                  "L2 penalty on the item-item weights. 100-1000 is typical: larger for sparse "
                  "data with many items, smaller for dense data.",
                  true),
        intParam("maxItems", 20000, 1, 200000, "Item limit",
                 "Refuse catalogues larger than this: the model needs ~3 dense items x items "
                 "float matrices while fitting (20000 items = ~5 GB)."),
    };
    s.params[1].advanced = true;
    return s;
}

std::unique_ptr<Recommender> makeEase(const nlohmann::json &resolved)
{
    return std::make_unique<Ease>(resolved);
}

Ease::Ease(const nlohmann::json &resolved)
    : Recommender("ease", resolved), m_p(EaseParams::fromJson(resolved))
{
}

Status Ease::fit(const TrainingData &data, const FitContext &ctx)
{
    const int32_t items = data.itemCount();
    if (items > m_p.maxItems)
        return makeError(ErrorCode::InvalidArgument,
                         "EASE: " + std::to_string(items) + " items exceed maxItems (" +
                             std::to_string(m_p.maxItems) + ")",
                         Location{"", 0, 0, "maxItems"});
    ProgressReporter progress(*ctx.observer, ctx.stop, "gram matrix", 3);
    const InteractionMatrix x = InteractionMatrix::build(data, Feedback::Binary);

    // Gram matrix from the sparse rows: each user adds 1 to every pair of their items.
    torch::Tensor gram = torch::zeros({int64_t(items), int64_t(items)}, torch::kFloat);
    float *g = gram.data_ptr<float>();
    at::parallel_for(0, items, 64, [&](int64_t b, int64_t e) {
        // Thread owns rows [b, e): walk each such item's users and add their items.
        for (int64_t i = b; i < e; ++i) {
            float *row = g + i * items;
            for (int32_t u : x.byItem.colsOf(int32_t(i)))
                for (int32_t j : x.byUser.colsOf(u))
                    row[j] += 1;
        }
    });
    if (!progress.tick(1))
        return makeError(ErrorCode::Cancelled, "EASE fit cancelled");
    gram.diagonal().add_(m_p.lambda);
    // float32 is enough: lambda on the diagonal keeps the system well conditioned.
    torch::Tensor p = torch::cholesky_inverse(torch::linalg::cholesky(gram));
    gram = torch::Tensor();
    if (!progress.tick(2))
        return makeError(ErrorCode::Cancelled, "EASE fit cancelled");
    torch::Tensor b = p / (-p.diagonal()).unsqueeze(0); // B_ij = -P_ij / P_jj
    b.diagonal().zero_();
    m_weights = b.to(torch::kFloat).contiguous();
    progress.finish();
    return {};
}

torch::Tensor Ease::scoreItems(const ScoreRequest &request)
{
    const int64_t items = m_weights.size(0);
    torch::Tensor out = torch::zeros({int64_t(request.size()), items});
    float *base = out.data_ptr<float>();
    const float *w = m_weights.data_ptr<float>();
    at::parallel_for(0, int64_t(request.size()), 4, [&](int64_t b, int64_t e) {
        std::vector<int32_t> hist;
        std::vector<float> weights;
        for (int64_t r = b; r < e; ++r) {
            distinctHistory(request.histories[size_t(r)], int32_t(items), Feedback::Binary, hist,
                            weights);
            float *row = base + r * items;
            for (int32_t j : hist) {
                const float *wrow = w + int64_t(j) * items;
                for (int64_t i = 0; i < items; ++i)
                    row[i] += wrow[i];
            }
        }
    });
    return out;
}

void Ease::writeState(torch::serialize::OutputArchive &archive) const
{
    archive.write("weights", m_weights);
}

Status Ease::readState(torch::serialize::InputArchive &archive)
{
    torch::Tensor w;
    archive.read("weights", w);
    if (w.dim() != 2 || w.size(0) != w.size(1))
        return makeError(ErrorCode::InvalidArgument, "EASE checkpoint: weights are not square");
    m_weights = w.to(torch::kFloat).contiguous();
    m_p = EaseParams::fromJson(params());
    return {};
}

} // namespace recforge
