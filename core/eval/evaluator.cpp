#include "evaluator.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>
#include <random>

#include <ATen/Parallel.h>

#include "eval/metrics.h"
#include "eval/ranking.h"

namespace recforge {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// The per-user metrics, computed once and aggregated per group.
constexpr const char *kRankMetrics[] = {"HR", "Recall", "Precision", "NDCG", "MRR", "MAP"};
constexpr size_t kRankMetricCount = 6;

struct CaseResult {
    std::vector<double> values; // [ks.size() * kRankMetricCount]
    std::vector<int32_t> top;   // full ranking: best max(ks) items
    int historyLength = 0;
};

Status checkOptions(const EvalOptions &o)
{
    const auto bad = [](const std::string &field, const std::string &message) {
        return makeError(ErrorCode::InvalidArgument, "evaluation: " + message,
                         Location{"", 0, 0, field});
    };
    if (o.ks.empty())
        return bad("ks", "at least one K is needed");
    for (int k : o.ks)
        if (k < 1 || k > 1000)
            return bad("ks", "K must be in [1, 1000], got " + std::to_string(k));
    if (o.candidates != Candidates::Full && o.negatives < 1)
        return bad("negatives", "sampled ranking needs negatives >= 1");
    if (o.batchSize < 1)
        return bad("batchSize", "batchSize must be >= 1");
    if (o.maxUsers < 0)
        return bad("maxUsers", "maxUsers must be >= 0 (0 = all)");
    for (size_t i = 0; i < o.bucketEdges.size(); ++i)
        if (o.bucketEdges[i] < 1 || (i > 0 && o.bucketEdges[i] <= o.bucketEdges[i - 1]))
            return bad("bucketEdges", "bucket edges must be increasing and >= 1");
    return {};
}

std::vector<MetricGroup> makeBuckets(const std::vector<int> &edges)
{
    std::vector<MetricGroup> out;
    out.push_back({"history 0", 0, 0, 0, {}});
    int lo = 1;
    for (int edge : edges) {
        out.push_back({lo == edge - 1
                           ? "history " + std::to_string(lo)
                           : "history " + std::to_string(lo) + "-" + std::to_string(edge - 1),
                       lo,
                       edge - 1,
                       0,
                       {}});
        lo = edge;
    }
    out.push_back(
        {"history " + std::to_string(lo) + "+", lo, std::numeric_limits<int>::max(), 0, {}});
    return out;
}

void aggregate(MetricGroup &group, const std::vector<CaseResult> &results,
               const EvalOptions &options, const Protocol &protocol, const TrainingData &data)
{
    std::vector<const CaseResult *> members;
    for (const auto &r : results)
        if (r.historyLength >= group.minHistory && r.historyLength <= group.maxHistory)
            members.push_back(&r);
    group.users = int64_t(members.size());
    group.values.clear();
    if (members.empty())
        return;
    for (size_t ki = 0; ki < options.ks.size(); ++ki) {
        const int k = options.ks[ki];
        for (size_t m = 0; m < kRankMetricCount; ++m) {
            double sum = 0;
            for (const CaseResult *r : members)
                sum += r->values[ki * kRankMetricCount + m];
            group.values.push_back({std::string(kRankMetrics[m]) + "@" + std::to_string(k),
                                    sum / double(members.size()), protocol, k, group.group,
                                    group.users});
        }
        if (options.candidates == Candidates::Full) {
            std::vector<std::vector<int32_t>> lists;
            lists.reserve(members.size());
            for (const CaseResult *r : members)
                lists.emplace_back(r->top.begin(),
                                   r->top.begin() + std::min<size_t>(r->top.size(), size_t(k)));
            group.values.push_back({"Coverage@" + std::to_string(k),
                                    itemCoverage(lists, data.itemCount()), protocol, k, group.group,
                                    group.users});
            group.values.push_back({"AvgPop@" + std::to_string(k),
                                    averagePopularity(lists, data.itemFitCounts()), protocol, k,
                                    group.group, group.users});
        }
    }
}

void scoreCase(CaseResult &out, std::span<const int64_t> ranks, size_t targetCount,
               const std::vector<int> &ks)
{
    std::vector<int64_t> ranked;
    for (int64_t r : ranks)
        if (r > 0)
            ranked.push_back(r);
    out.values.resize(ks.size() * kRankMetricCount);
    const auto n = int64_t(targetCount);
    for (size_t ki = 0; ki < ks.size(); ++ki) {
        const int k = ks[ki];
        double *v = out.values.data() + ki * kRankMetricCount;
        v[0] = hitRate(ranked, k);
        v[1] = recall(ranked, n, k);
        v[2] = precision(ranked, k);
        v[3] = ndcg(ranked, n, k);
        v[4] = reciprocalRank(ranked, k);
        v[5] = averagePrecision(ranked, n, k);
    }
}

} // namespace

double EvalResult::value(const std::string &name) const
{
    for (const auto &v : overall.values)
        if (v.name == name)
            return v.value;
    return std::numeric_limits<double>::quiet_NaN();
}

nlohmann::json toJson(const EvalResult &result)
{
    const auto groupJson = [](const MetricGroup &g) {
        nlohmann::json values = nlohmann::json::object();
        for (const auto &v : g.values)
            values[v.name] = v.value;
        return nlohmann::json{{"group", g.group}, {"users", g.users}, {"values", values}};
    };
    nlohmann::json buckets = nlohmann::json::array();
    for (const auto &b : result.buckets)
        buckets.push_back(groupJson(b));
    return {{"protocol", toJson(result.protocol)},
            {"overall", groupJson(result.overall)},
            {"buckets", buckets},
            {"users", result.users},
            {"seconds", result.seconds},
            {"scoringSeconds", result.scoringSeconds},
            {"usersPerSecond", result.usersPerSecond}};
}

Protocol makeProtocol(const TrainingData &data, const EvalOptions &options)
{
    Protocol p;
    p.dataset = data.datasetName();
    p.split = data.splitLabel();
    p.fit = fitScopeName(data.fitScope());
    p.stage = options.stage;
    p.candidates = options.candidates;
    p.negatives = options.candidates == Candidates::Full ? 0 : options.negatives;
    p.ks = options.ks;
    p.seed = options.seed;
    p.ties = options.ties;
    return p;
}

Expected<EvalResult> evaluate(Recommender &model, const TrainingData &data,
                              const EvalOptions &options, Observer &observer, StopToken stop)
{
    const auto start = Clock::now();
    if (auto s = checkOptions(options); !s)
        return tl::unexpected(s.error());
    if (!model.isFitted())
        return makeError(ErrorCode::InvalidArgument, "model '" + model.id() + "' is not fitted");
    if (model.itemCount() != data.itemCount())
        return makeError(ErrorCode::InvalidArgument,
                         "model scores " + std::to_string(model.itemCount()) +
                             " items but the data has " + std::to_string(data.itemCount()));
    if (!data.hasStage(options.stage))
        return makeError(ErrorCode::InvalidArgument,
                         std::string("no ") + evalStageName(options.stage) +
                             " cases (the split has no such rows, or the model was fitted on them)",
                         Location{"", 0, 0, "stage"});

    auto cases = data.cases(options.stage);
    if (options.maxUsers > 0 && size_t(options.maxUsers) < cases.size())
        cases = cases.first(size_t(options.maxUsers));
    const Protocol protocol = makeProtocol(data, options);
    const int maxK = *std::max_element(options.ks.begin(), options.ks.end());
    const int32_t itemCount = data.itemCount();
    const bool full = options.candidates == Candidates::Full;

    std::vector<double> cumulative; // popularity-proportional negatives: fit count + 1
    if (options.candidates == Candidates::PopularitySampled) {
        cumulative.resize(size_t(itemCount));
        double acc = 0;
        for (int32_t i = 0; i < itemCount; ++i)
            cumulative[size_t(i)] = acc += double(data.itemFitCounts()[size_t(i)]) + 1.0;
    }

    // Users are scored in order of history length: a batch then holds similar lengths, so a
    // sequence model pads little (in id order nearly every batch has one 50-item history).
    std::vector<size_t> order(cases.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return cases[a].history.size() < cases[b].history.size();
    });

    std::vector<CaseResult> results(cases.size());
    ProgressReporter progress(observer, stop, "evaluate", int64_t(cases.size()));
    double scoringSeconds = 0;
    torch::NoGradGuard noGrad;
    try {
        for (size_t begin = 0; begin < cases.size(); begin += size_t(options.batchSize)) {
            const size_t end = std::min(cases.size(), begin + size_t(options.batchSize));
            ScoreRequest request;
            for (size_t c = begin; c < end; ++c)
                request.add(cases[order[c]].user, cases[order[c]].history);

            if (full) {
                const auto t0 = Clock::now();
                torch::Tensor scores =
                    model.scoreItems(request).to(torch::kCPU, torch::kFloat).contiguous();
                scoringSeconds += secondsSince(t0);
                if (scores.dim() != 2 || scores.size(0) != int64_t(end - begin) ||
                    scores.size(1) != itemCount)
                    return makeError(ErrorCode::Internal,
                                     "model '" + model.id() + "' returned scores of a wrong shape");
                float *base = scores.data_ptr<float>();
                at::parallel_for(int64_t(begin), int64_t(end), 16, [&](int64_t b, int64_t e) {
                    std::vector<int64_t> ranks;
                    for (int64_t c = b; c < e; ++c) {
                        const EvalCase &ec = cases[order[size_t(c)]];
                        CaseResult &r = results[order[size_t(c)]];
                        ranks.assign(ec.targets.size(), 0);
                        rankFullRow(base + (c - int64_t(begin)) * itemCount, itemCount,
                                    ec.history.items, ec.targets, options.ties, options.seed,
                                    ec.user, ranks, maxK, r.top);
                        scoreCase(r, ranks, ec.targets.size(), options.ks);
                        r.historyLength = int(ec.history.size());
                    }
                });
            } else {
                // Candidates per user: targets then negatives, padded with the first target.
                std::vector<std::vector<int32_t>> lists(end - begin);
                size_t width = 0;
                for (size_t c = begin; c < end; ++c) {
                    const EvalCase &ec = cases[order[c]];
                    std::mt19937_64 rng(mixSeed(options.seed, uint64_t(ec.user), 1));
                    auto &list = lists[c - begin];
                    list.assign(ec.targets.begin(), ec.targets.end());
                    const auto negatives = drawNegatives(rng, itemCount, options.negatives,
                                                         data.allItemsOf(ec.user), cumulative);
                    list.insert(list.end(), negatives.begin(), negatives.end());
                    width = std::max(width, list.size());
                }
                torch::Tensor candidates =
                    torch::empty({int64_t(end - begin), int64_t(width)}, torch::kLong);
                auto acc = candidates.accessor<int64_t, 2>();
                for (size_t b = 0; b < lists.size(); ++b)
                    for (size_t j = 0; j < width; ++j)
                        acc[int64_t(b)][int64_t(j)] =
                            j < lists[b].size() ? lists[b][j] : lists[b][0];
                const auto t0 = Clock::now();
                torch::Tensor scores = model.scoreCandidates(request, candidates)
                                           .to(torch::kCPU, torch::kFloat)
                                           .contiguous();
                scoringSeconds += secondsSince(t0);
                if (scores.sizes() != candidates.sizes())
                    return makeError(ErrorCode::Internal,
                                     "model '" + model.id() +
                                         "' returned candidate scores of a wrong shape");
                const float *base = scores.data_ptr<float>();
                for (size_t c = begin; c < end; ++c) {
                    const EvalCase &ec = cases[order[c]];
                    const auto &list = lists[c - begin];
                    std::vector<int64_t> ranks(ec.targets.size(), 0);
                    rankCandidates({base + (c - begin) * width, list.size()}, list,
                                   ec.targets.size(), options.ties, options.seed, ec.user, ranks);
                    scoreCase(results[order[c]], ranks, ec.targets.size(), options.ks);
                    results[order[c]].historyLength = int(ec.history.size());
                }
            }
            if (!progress.tick(int64_t(end)))
                return makeError(ErrorCode::Cancelled, "evaluation cancelled");
        }
    } catch (const std::exception &e) {
        return makeError(ErrorCode::Internal,
                         "model '" + model.id() + "' failed while scoring: " + e.what());
    }
    progress.finish();

    EvalResult result;
    result.protocol = protocol;
    result.overall = {"all", 0, std::numeric_limits<int>::max(), 0, {}};
    aggregate(result.overall, results, options, protocol, data);
    if (options.breakdown) {
        for (auto &bucket : makeBuckets(options.bucketEdges)) {
            aggregate(bucket, results, options, protocol, data);
            if (bucket.users > 0)
                result.buckets.push_back(std::move(bucket));
        }
    }
    result.users = int64_t(cases.size());
    result.seconds = secondsSince(start);
    result.scoringSeconds = scoringSeconds;
    result.usersPerSecond = result.seconds > 0 ? double(result.users) / result.seconds : 0;
    return result;
}

} // namespace recforge
