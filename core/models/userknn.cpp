#include "userknn.h"

#include <cmath>

#include <ATen/Parallel.h>

#include "models/itemknn.h" // writeSparse / readSparse

namespace recforge {

UserKnnParams UserKnnParams::fromJson(const nlohmann::json &j)
{
    UserKnnParams p;
    p.k = j.value("k", p.k);
    p.shrink = j.value("shrink", p.shrink);
    p.similarity = j.value("similarity", p.similarity);
    p.feedback = j.value("feedback", p.feedback);
    return p;
}

ModelSchema userKnnSchema()
{
    ModelSchema s;
    s.id = "userknn";
    s.displayName = "UserKNN";
    s.description = "User-based collaborative filtering: the users whose histories overlap most "
                    "with this user's recommend what they interacted with.";
    s.family = "neighbourhood";
    s.params = {
        intParam("k", 50, 1, 100000, "Neighbour users",
                 "How many most-similar users vote. 20-100 is robust; fewer neighbours give more "
                 "personal but noisier lists.",
                 true),
        realParam("shrink", 10, 0, 10000, "Shrinkage",
                  "Added to the similarity denominator so that users sharing very few items "
                  "count less.",
                  true),
        choiceParam("similarity", "cosine", {"cosine", "jaccard"}, "Similarity",
                    "Cosine is the standard choice; Jaccard favours users of similar activity."),
        choiceParam("feedback", "binary", {"binary", "values"}, "Feedback",
                    "binary: every interaction counts 1; values: use ratings / event weights."),
    };
    return s;
}

std::unique_ptr<Recommender> makeUserKnn(const nlohmann::json &resolved)
{
    return std::make_unique<UserKnn>(resolved);
}

UserKnn::UserKnn(const nlohmann::json &resolved)
    : Recommender("userknn", resolved), m_p(UserKnnParams::fromJson(resolved))
{
}

void UserKnn::prepare()
{
    m_userNorm.assign(size_t(m_x.byUser.rowCount()), 0);
    for (int32_t v = 0; v < m_x.byUser.rowCount(); ++v)
        for (float x : m_x.byUser.valuesOf(v))
            m_userNorm[size_t(v)] += double(x) * double(x);
}

Status UserKnn::fit(const TrainingData &data, const FitContext &ctx)
{
    ProgressReporter progress(*ctx.observer, ctx.stop, "user index", 1);
    m_x = InteractionMatrix::build(data,
                                   m_p.feedback == "values" ? Feedback::Values : Feedback::Binary);
    prepare();
    m_itemCount = data.itemCount();
    if (!progress.finish())
        return makeError(ErrorCode::Cancelled, "UserKNN fit cancelled");
    return {};
}

torch::Tensor UserKnn::scoreItems(const ScoreRequest &request)
{
    const Feedback feedback = m_p.feedback == "values" ? Feedback::Values : Feedback::Binary;
    const int32_t users = m_x.byUser.rowCount();
    torch::Tensor out = torch::zeros({int64_t(request.size()), int64_t(m_itemCount)});
    float *base = out.data_ptr<float>();
    at::parallel_for(0, int64_t(request.size()), 8, [&](int64_t b, int64_t e) {
        std::vector<double> co(size_t(users), 0);
        std::vector<int32_t> touched, items;
        std::vector<float> weights;
        std::vector<std::pair<float, int32_t>> sims;
        for (int64_t r = b; r < e; ++r) {
            distinctHistory(request.histories[size_t(r)], m_itemCount, feedback, items, weights);
            double hnorm = 0;
            for (float w : weights)
                hnorm += double(w) * double(w);
            touched.clear();
            for (size_t h = 0; h < items.size(); ++h) {
                const auto vs = m_x.byItem.colsOf(items[h]);
                const auto xs = m_x.byItem.valuesOf(items[h]);
                for (size_t a = 0; a < vs.size(); ++a) {
                    if (co[size_t(vs[a])] == 0)
                        touched.push_back(vs[a]);
                    co[size_t(vs[a])] += double(weights[h]) * double(xs[a]);
                }
            }
            sims.clear();
            const int32_t self = request.users[size_t(r)];
            for (int32_t v : touched) {
                const double c = co[size_t(v)];
                co[size_t(v)] = 0;
                if (v == self)
                    continue;
                const double denom =
                    (m_p.similarity == "jaccard" ? hnorm + m_userNorm[size_t(v)] - c
                                                 : std::sqrt(hnorm * m_userNorm[size_t(v)])) +
                    m_p.shrink;
                if (denom > 0 && c != 0)
                    sims.emplace_back(float(c / denom), v);
            }
            keepTopK(sims, m_p.k);
            float *row = base + r * m_itemCount;
            for (const auto &[sim, v] : sims) {
                const auto is = m_x.byUser.colsOf(v);
                const auto xs = m_x.byUser.valuesOf(v);
                for (size_t a = 0; a < is.size(); ++a)
                    row[is[a]] += sim * xs[a];
            }
        }
    });
    return out;
}

void UserKnn::writeState(torch::serialize::OutputArchive &archive) const
{
    archive.write("itemCount", c10::IValue(int64_t(m_itemCount)));
    writeSparse(archive, "byUser", m_x.byUser);
}

Status UserKnn::readState(torch::serialize::InputArchive &archive)
{
    c10::IValue count;
    if (!archive.try_read("itemCount", count) || !count.isInt())
        return makeError(ErrorCode::InvalidArgument, "UserKNN checkpoint: no item count");
    SparseRows rows;
    if (auto s = readSparse(archive, "byUser", rows); !s)
        return s;
    m_p = UserKnnParams::fromJson(params());
    m_itemCount = int32_t(count.toInt());
    m_x.byUser = std::move(rows);
    m_x.byItem = m_x.byUser.transposed(m_itemCount);
    prepare();
    return {};
}

} // namespace recforge
