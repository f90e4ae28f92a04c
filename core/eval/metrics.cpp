#include "metrics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <unordered_set>

namespace recforge {

namespace {

bool within(int64_t rank, int k)
{
    return rank >= 1 && (k <= 0 || rank <= k);
}

int64_t hits(std::span<const int64_t> ranks, int k)
{
    return std::count_if(ranks.begin(), ranks.end(), [k](int64_t r) { return within(r, k); });
}

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

} // namespace

double hitRate(std::span<const int64_t> ranks, int k)
{
    return hits(ranks, k) > 0 ? 1.0 : 0.0;
}

double recall(std::span<const int64_t> ranks, int64_t numRelevant, int k)
{
    return numRelevant > 0 ? double(hits(ranks, k)) / double(numRelevant) : 0.0;
}

double precision(std::span<const int64_t> ranks, int k)
{
    if (k <= 0)
        return 0.0;
    return double(hits(ranks, k)) / double(k);
}

double ndcg(std::span<const int64_t> ranks, int64_t numRelevant, int k)
{
    if (numRelevant <= 0)
        return 0.0;
    double dcg = 0;
    for (int64_t r : ranks)
        if (within(r, k))
            dcg += 1.0 / std::log2(double(r) + 1.0);
    const int64_t ideal = k > 0 ? std::min<int64_t>(numRelevant, k) : numRelevant;
    double idcg = 0;
    for (int64_t i = 1; i <= ideal; ++i)
        idcg += 1.0 / std::log2(double(i) + 1.0);
    return dcg / idcg;
}

double reciprocalRank(std::span<const int64_t> ranks, int k)
{
    int64_t best = 0;
    for (int64_t r : ranks)
        if (within(r, k) && (best == 0 || r < best))
            best = r;
    return best > 0 ? 1.0 / double(best) : 0.0;
}

double averagePrecision(std::span<const int64_t> ranks, int64_t numRelevant, int k)
{
    if (numRelevant <= 0)
        return 0.0;
    std::vector<int64_t> sorted;
    for (int64_t r : ranks)
        if (within(r, k))
            sorted.push_back(r);
    std::sort(sorted.begin(), sorted.end());
    double sum = 0;
    for (size_t i = 0; i < sorted.size(); ++i)
        sum += double(i + 1) / double(sorted[i]);
    const int64_t denom = k > 0 ? std::min<int64_t>(numRelevant, k) : numRelevant;
    return sum / double(denom);
}

double itemCoverage(const std::vector<std::vector<int32_t>> &lists, int32_t numItems)
{
    if (numItems <= 0)
        return 0.0;
    std::vector<bool> seen(size_t(numItems), false);
    int64_t count = 0;
    for (const auto &list : lists)
        for (int32_t item : list)
            if (item >= 0 && item < numItems && !seen[size_t(item)]) {
                seen[size_t(item)] = true;
                ++count;
            }
    return double(count) / double(numItems);
}

double averagePopularity(const std::vector<std::vector<int32_t>> &lists,
                         std::span<const int64_t> popularity)
{
    double total = 0;
    int64_t counted = 0;
    for (const auto &list : lists) {
        if (list.empty())
            continue;
        double sum = 0;
        for (int32_t item : list)
            if (item >= 0 && size_t(item) < popularity.size())
                sum += double(popularity[size_t(item)]);
        total += sum / double(list.size());
        ++counted;
    }
    return counted > 0 ? total / double(counted) : 0.0;
}

double auc(std::span<const float> scores, std::span<const uint8_t> labels)
{
    if (scores.size() != labels.size() || scores.empty())
        return kNaN;
    // Mann-Whitney U with average ranks for ties.
    std::vector<size_t> order(scores.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](size_t a, size_t b) { return scores[a] < scores[b]; });
    double positiveRankSum = 0;
    int64_t positives = 0;
    for (size_t i = 0; i < order.size();) {
        size_t j = i;
        while (j < order.size() && scores[order[j]] == scores[order[i]])
            ++j;
        const double averageRank = (double(i + 1) + double(j)) / 2.0;
        for (size_t t = i; t < j; ++t)
            if (labels[order[t]]) {
                positiveRankSum += averageRank;
                ++positives;
            }
        i = j;
    }
    const int64_t negatives = int64_t(scores.size()) - positives;
    if (positives == 0 || negatives == 0)
        return kNaN;
    return (positiveRankSum - double(positives) * double(positives + 1) / 2.0) /
           (double(positives) * double(negatives));
}

double logLoss(std::span<const float> probabilities, std::span<const uint8_t> labels)
{
    if (probabilities.size() != labels.size() || probabilities.empty())
        return kNaN;
    double sum = 0;
    for (size_t i = 0; i < labels.size(); ++i) {
        const double p = std::clamp(double(probabilities[i]), 1e-15, 1.0 - 1e-15);
        sum -= labels[i] ? std::log(p) : std::log(1.0 - p);
    }
    return sum / double(labels.size());
}

double rmse(std::span<const float> predictions, std::span<const float> truth)
{
    if (predictions.size() != truth.size() || predictions.empty())
        return kNaN;
    double sum = 0;
    for (size_t i = 0; i < truth.size(); ++i) {
        const double d = double(predictions[i]) - double(truth[i]);
        sum += d * d;
    }
    return std::sqrt(sum / double(truth.size()));
}

double mae(std::span<const float> predictions, std::span<const float> truth)
{
    if (predictions.size() != truth.size() || predictions.empty())
        return kNaN;
    double sum = 0;
    for (size_t i = 0; i < truth.size(); ++i)
        sum += std::abs(double(predictions[i]) - double(truth[i]));
    return sum / double(truth.size());
}

} // namespace recforge
