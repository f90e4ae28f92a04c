#include "itemknn.h"

#include <atomic>
#include <cmath>

#include <ATen/Parallel.h>

namespace recforge {

ItemKnnParams ItemKnnParams::fromJson(const nlohmann::json &j)
{
    ItemKnnParams p;
    p.k = j.value("k", p.k);
    p.shrink = j.value("shrink", p.shrink);
    p.similarity = j.value("similarity", p.similarity);
    p.alpha = j.value("alpha", p.alpha);
    p.normalize = j.value("normalize", p.normalize);
    p.feedback = j.value("feedback", p.feedback);
    return p;
}

ModelSchema itemKnnSchema()
{
    ModelSchema s;
    s.id = "itemknn";
    s.displayName = "ItemKNN";
    s.description = "Item-based collaborative filtering: items bought by the same users are "
                    "similar; a user gets the items most similar to their history.";
    s.family = "neighbourhood";
    s.params = {
        intParam("k", 100, 1, 100000, "Neighbours per item",
                 "How many most-similar items each item keeps. 50-200 works on most shops; more "
                 "neighbours smooth long-tail items but cost memory.",
                 true),
        realParam("shrink", 10, 0, 10000, "Shrinkage",
                  "Added to the similarity denominator so that pairs seen together by very few "
                  "users count less. 10 is a robust default.",
                  true),
        choiceParam("similarity", "cosine", {"cosine", "asymmetric", "jaccard"}, "Similarity",
                    "Cosine is the standard choice; asymmetric cosine weights the two items' "
                    "popularity by alpha; Jaccard favours items of similar popularity."),
        realParam("alpha", 0.5, 0, 1, "Asymmetry (alpha)",
                  "Only for asymmetric cosine: exponent of the target item's popularity in the "
                  "denominator (0.5 = plain cosine)."),
        boolParam("normalize", false, "Normalise neighbour weights",
                  "Scale each item's neighbour similarities to sum 1, so items with many "
                  "strong neighbours do not dominate."),
        choiceParam("feedback", "binary", {"binary", "values"}, "Feedback",
                    "binary: every interaction counts 1; values: use ratings / event weights."),
    };
    s.params[3].advanced = true;
    return s;
}

std::unique_ptr<Recommender> makeItemKnn(const nlohmann::json &resolved)
{
    return std::make_unique<ItemKnn>(resolved);
}

ItemKnn::ItemKnn(const nlohmann::json &resolved)
    : Recommender("itemknn", resolved), m_p(ItemKnnParams::fromJson(resolved))
{
}

Status ItemKnn::fit(const TrainingData &data, const FitContext &ctx)
{
    const Feedback feedback = m_p.feedback == "values" ? Feedback::Values : Feedback::Binary;
    const InteractionMatrix x = InteractionMatrix::build(data, feedback);
    const int32_t items = data.itemCount();
    std::vector<double> norm(size_t(items), 0);
    for (int32_t i = 0; i < items; ++i)
        for (float v : x.byItem.valuesOf(i))
            norm[size_t(i)] += double(v) * double(v);

    // Neighbour lists per target item, computed in parallel: one dense accumulator per chunk.
    std::vector<std::vector<std::pair<float, int32_t>>> neighbours;
    neighbours.resize(size_t(items));
    ProgressReporter progress(*ctx.observer, ctx.stop, "similarities", items);
    std::atomic<int64_t> done{0};
    std::atomic<bool> stopped{false};
    const int chunk = 256;
    for (int32_t begin = 0; begin < items && !stopped; begin += chunk * 8) {
        const int32_t end = std::min(items, begin + chunk * 8);
        at::parallel_for(begin, end, chunk, [&](int64_t b, int64_t e) {
            std::vector<double> co(size_t(items), 0);
            std::vector<int32_t> touched;
            for (int64_t i = b; i < e; ++i) {
                touched.clear();
                const auto users = x.byItem.colsOf(int32_t(i));
                const auto uvals = x.byItem.valuesOf(int32_t(i));
                for (size_t a = 0; a < users.size(); ++a) {
                    const auto cols = x.byUser.colsOf(users[a]);
                    const auto vals = x.byUser.valuesOf(users[a]);
                    for (size_t c = 0; c < cols.size(); ++c) {
                        if (cols[c] == i)
                            continue;
                        if (co[size_t(cols[c])] == 0)
                            touched.push_back(cols[c]);
                        co[size_t(cols[c])] += double(uvals[a]) * double(vals[c]);
                    }
                }
                auto &list = neighbours[size_t(i)];
                list.reserve(touched.size());
                for (int32_t j : touched) {
                    const double c = co[size_t(j)];
                    co[size_t(j)] = 0;
                    double denom;
                    if (m_p.similarity == "jaccard")
                        denom = norm[size_t(i)] + norm[size_t(j)] - c;
                    else if (m_p.similarity == "asymmetric")
                        denom = std::pow(norm[size_t(i)], m_p.alpha) *
                                std::pow(norm[size_t(j)], 1 - m_p.alpha);
                    else
                        denom = std::sqrt(norm[size_t(i)]) * std::sqrt(norm[size_t(j)]);
                    denom += m_p.shrink;
                    if (denom > 0 && c != 0)
                        list.emplace_back(float(c / denom), j);
                }
                keepTopK(list, m_p.k);
                if (m_p.normalize) {
                    double sum = 0;
                    for (const auto &n : list)
                        sum += n.first;
                    if (sum > 0)
                        for (auto &n : list)
                            n.first = float(n.first / sum);
                }
            }
            done += e - b;
        });
        if (!progress.tick(done))
            stopped = true;
    }
    if (stopped)
        return makeError(ErrorCode::Cancelled, "ItemKNN fit cancelled");
    progress.finish();

    // Row = neighbour j, entries = (target i, sim(i, j)).
    SparseRows byTarget;
    byTarget.offsets.assign(size_t(items) + 1, 0);
    for (int32_t i = 0; i < items; ++i) {
        for (const auto &[sim, j] : neighbours[size_t(i)]) {
            byTarget.cols.push_back(j);
            byTarget.values.push_back(sim);
        }
        byTarget.offsets[size_t(i) + 1] = int64_t(byTarget.cols.size());
    }
    m_byHistoryItem = byTarget.transposed(items);
    m_itemCount = items;
    return {};
}

std::vector<std::pair<float, int32_t>> ItemKnn::neighbours(int32_t item) const
{
    std::vector<std::pair<float, int32_t>> out;
    for (int32_t j = 0; j < m_itemCount; ++j) {
        const auto cols = m_byHistoryItem.colsOf(j);
        const auto vals = m_byHistoryItem.valuesOf(j);
        for (size_t c = 0; c < cols.size(); ++c)
            if (cols[c] == item)
                out.emplace_back(vals[c], j);
    }
    keepTopK(out, int(out.size()));
    return out;
}

torch::Tensor ItemKnn::scoreItems(const ScoreRequest &request)
{
    const Feedback feedback = m_p.feedback == "values" ? Feedback::Values : Feedback::Binary;
    torch::Tensor out = torch::zeros({int64_t(request.size()), int64_t(m_itemCount)});
    float *base = out.data_ptr<float>();
    at::parallel_for(0, int64_t(request.size()), 8, [&](int64_t b, int64_t e) {
        std::vector<int32_t> items;
        std::vector<float> weights;
        for (int64_t r = b; r < e; ++r) {
            float *row = base + r * m_itemCount;
            distinctHistory(request.histories[size_t(r)], m_itemCount, feedback, items, weights);
            for (size_t h = 0; h < items.size(); ++h) {
                const auto cols = m_byHistoryItem.colsOf(items[h]);
                const auto vals = m_byHistoryItem.valuesOf(items[h]);
                for (size_t c = 0; c < cols.size(); ++c)
                    row[cols[c]] += weights[h] * vals[c];
            }
        }
    });
    return out;
}

void writeSparse(torch::serialize::OutputArchive &archive, const std::string &prefix,
                 const SparseRows &rows)
{
    archive.write(prefix + ".offsets",
                  torch::tensor(at::ArrayRef<int64_t>(rows.offsets), torch::kLong));
    archive.write(prefix + ".cols", torch::tensor(at::ArrayRef<int32_t>(rows.cols), torch::kInt));
    archive.write(prefix + ".values",
                  torch::tensor(at::ArrayRef<float>(rows.values), torch::kFloat));
}

Status readSparse(torch::serialize::InputArchive &archive, const std::string &prefix,
                  SparseRows &rows)
{
    torch::Tensor offsets, cols, values;
    archive.read(prefix + ".offsets", offsets);
    archive.read(prefix + ".cols", cols);
    archive.read(prefix + ".values", values);
    offsets = offsets.to(torch::kLong).contiguous();
    cols = cols.to(torch::kInt).contiguous();
    values = values.to(torch::kFloat).contiguous();
    if (offsets.dim() != 1 || offsets.numel() < 1 || cols.numel() != values.numel() ||
        offsets[-1].item<int64_t>() != cols.numel())
        return makeError(ErrorCode::InvalidArgument,
                         "checkpoint: inconsistent sparse matrix '" + prefix + "'");
    rows.offsets.assign(offsets.data_ptr<int64_t>(), offsets.data_ptr<int64_t>() + offsets.numel());
    rows.cols.assign(cols.data_ptr<int32_t>(), cols.data_ptr<int32_t>() + cols.numel());
    rows.values.assign(values.data_ptr<float>(), values.data_ptr<float>() + values.numel());
    return {};
}

void ItemKnn::writeState(torch::serialize::OutputArchive &archive) const
{
    archive.write("itemCount", c10::IValue(int64_t(m_itemCount)));
    writeSparse(archive, "neighbours", m_byHistoryItem);
}

Status ItemKnn::readState(torch::serialize::InputArchive &archive)
{
    c10::IValue count;
    if (!archive.try_read("itemCount", count) || !count.isInt())
        return makeError(ErrorCode::InvalidArgument, "ItemKNN checkpoint: no item count");
    SparseRows rows;
    if (auto s = readSparse(archive, "neighbours", rows); !s)
        return s;
    if (rows.rowCount() != count.toInt())
        return makeError(ErrorCode::InvalidArgument, "ItemKNN checkpoint: row count mismatch");
    m_byHistoryItem = std::move(rows);
    m_itemCount = int32_t(count.toInt());
    m_p = ItemKnnParams::fromJson(params());
    return {};
}

} // namespace recforge
