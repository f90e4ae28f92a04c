#include "popularity.h"

#include <algorithm>

namespace recforge {

PopularityParams PopularityParams::fromJson(const nlohmann::json &j)
{
    PopularityParams p;
    p.distinctUsers = j.value("distinctUsers", p.distinctUsers);
    return p;
}

ModelSchema popularitySchema()
{
    ModelSchema s;
    s.id = "popularity";
    s.displayName = "Popularity";
    s.description = "Recommends the most frequent items of the training rows to every user "
                    "(seen items are masked by the evaluator). The baseline every model must beat.";
    s.family = "baseline";
    s.params = {boolParam("distinctUsers", false, "Count users, not rows",
                          "Count each user once per item instead of every interaction row; "
                          "matters when users repeat items (sessions, views).")};
    return s;
}

std::unique_ptr<Recommender> makePopularity(const nlohmann::json &resolved)
{
    return std::make_unique<Popularity>(resolved);
}

Popularity::Popularity(const nlohmann::json &resolved)
    : Recommender("popularity", resolved), m_p(PopularityParams::fromJson(resolved))
{
}

Status Popularity::fit(const TrainingData &data, const FitContext &ctx)
{
    ProgressReporter progress(*ctx.observer, ctx.stop, "counting", data.userCount());
    torch::Tensor counts = torch::zeros({int64_t(data.itemCount())});
    float *c = counts.data_ptr<float>();
    std::vector<int32_t> items;
    for (int32_t u = 0; u < data.userCount(); ++u) {
        const auto seq = data.fitSequence(u).items;
        if (m_p.distinctUsers) {
            items.assign(seq.begin(), seq.end());
            std::sort(items.begin(), items.end());
            items.erase(std::unique(items.begin(), items.end()), items.end());
            for (int32_t i : items)
                c[i] += 1;
        } else {
            for (int32_t i : seq)
                c[i] += 1;
        }
        if ((u & 1023) == 0 && !progress.tick(u))
            return makeError(ErrorCode::Cancelled, "popularity fit cancelled");
    }
    progress.finish();
    m_counts = counts;
    return {};
}

torch::Tensor Popularity::scoreItems(const ScoreRequest &request)
{
    return m_counts.unsqueeze(0).repeat({int64_t(request.size()), 1});
}

void Popularity::writeState(torch::serialize::OutputArchive &archive) const
{
    archive.write("counts", m_counts);
}

Status Popularity::readState(torch::serialize::InputArchive &archive)
{
    torch::Tensor counts;
    archive.read("counts", counts);
    if (counts.dim() != 1)
        return makeError(ErrorCode::InvalidArgument, "popularity checkpoint: bad counts tensor");
    m_counts = counts.to(torch::kFloat).contiguous();
    return {};
}

} // namespace recforge
