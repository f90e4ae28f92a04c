#include "ranking.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_set>

namespace recforge {

uint64_t mixSeed(uint64_t seed, uint64_t a, uint64_t b)
{
    // splitmix64 finaliser over a simple combination: cheap, well mixed, platform independent.
    uint64_t z = seed + 0x9e3779b97f4a7c15ULL * (a + 1) + 0xbf58476d1ce4e5b9ULL * (b + 1);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

namespace {

constexpr float kMinusInf = -std::numeric_limits<float>::infinity();

// Whether candidate (score s, key) ranks ahead of the target (score st, key kt).
struct Beats {
    TieRule ties;
    bool operator()(float s, uint64_t key, float st, uint64_t kt) const
    {
        if (s != st)
            return s > st;
        switch (ties) {
        case TieRule::Pessimistic:
            return true;
        case TieRule::Optimistic:
            return false;
        case TieRule::Random:
            return key < kt;
        }
        return false;
    }
};

uint64_t tieKey(TieRule ties, uint64_t seed, int32_t user, int32_t item)
{
    return ties == TieRule::Random ? mixSeed(seed, uint64_t(user), uint64_t(item)) : uint64_t(item);
}

} // namespace

void rankFullRow(float *row, int32_t itemCount, std::span<const int32_t> masked,
                 std::span<const int32_t> targets, TieRule ties, uint64_t seed, int32_t user,
                 std::span<int64_t> ranks, int k, std::vector<int32_t> &top)
{
    // Target scores are read before masking so that a masked target is known as such. NaN
    // scores need no pass of their own: every comparison with NaN is false, so a NaN item never
    // beats a target nor enters the top-k.
    std::vector<float> targetScore(targets.size(), kMinusInf);
    for (size_t t = 0; t < targets.size(); ++t)
        if (targets[t] >= 0 && targets[t] < itemCount && !std::isnan(row[targets[t]]))
            targetScore[t] = row[targets[t]];
    for (int32_t item : masked)
        if (item >= 0 && item < itemCount)
            row[item] = kMinusInf;
    for (size_t t = 0; t < targets.size(); ++t)
        if (targets[t] >= 0 && targets[t] < itemCount && row[targets[t]] == kMinusInf)
            targetScore[t] = kMinusInf; // masked or unusable

    for (size_t t = 0; t < targets.size(); ++t) {
        const float st = targetScore[t];
        if (st == kMinusInf) {
            ranks[t] = 0;
            continue;
        }
        // Branch-free counts (the compiler vectorises this loop); ties are resolved only when
        // some other item has exactly the target's score.
        int64_t greater = 0, equal = 0;
        for (int32_t i = 0; i < itemCount; ++i) {
            greater += row[i] > st;
            equal += row[i] == st;
        }
        int64_t ahead = greater;
        if (equal > 1) {
            const int32_t target = targets[t];
            if (ties == TieRule::Pessimistic) {
                ahead += equal - 1;
            } else if (ties == TieRule::Random) {
                const uint64_t kt = tieKey(ties, seed, user, target);
                for (int32_t i = 0; i < itemCount; ++i)
                    if (row[i] == st && i != target && tieKey(ties, seed, user, i) < kt)
                        ++ahead;
            }
        }
        ranks[t] = ahead + 1;
    }

    // Top-k by a bounded insertion list behind a threshold: most items fail the test at once.
    top.clear();
    if (k <= 0)
        return;
    struct Entry {
        float score;
        uint64_t key;
        int32_t item;
    };
    std::vector<Entry> best;
    best.reserve(size_t(k) + 1);
    const auto better = [&](const Entry &a, const Entry &b) {
        if (a.score != b.score)
            return a.score > b.score;
        if (ties == TieRule::Random)
            return a.key < b.key;
        return a.item < b.item;
    };
    float threshold = kMinusInf; // score of the k-th best once the list is full
    for (int32_t i = 0; i < itemCount; ++i) {
        const float s = row[i];
        if (!(s >= threshold) || s == kMinusInf) // also skips NaN and masked items
            continue;
        Entry e{s, ties == TieRule::Random ? tieKey(ties, seed, user, i) : 0, i};
        if (int(best.size()) == k && !better(e, best.back()))
            continue;
        best.insert(std::upper_bound(best.begin(), best.end(), e, better), e);
        if (int(best.size()) > k)
            best.pop_back();
        if (int(best.size()) == k)
            threshold = best.back().score;
    }
    for (const auto &e : best)
        top.push_back(e.item);
}

void rankCandidates(std::span<const float> scores, std::span<const int32_t> items,
                    size_t targetCount, TieRule ties, uint64_t seed, int32_t user,
                    std::span<int64_t> ranks)
{
    const Beats beats{ties};
    for (size_t t = 0; t < targetCount; ++t) {
        const float st = scores[t];
        if (std::isnan(st) || st == kMinusInf) {
            ranks[t] = 0;
            continue;
        }
        const uint64_t kt = tieKey(ties, seed, user, items[t]);
        int64_t ahead = 0;
        for (size_t c = 0; c < scores.size(); ++c) {
            if (c == t || std::isnan(scores[c]))
                continue;
            ahead += beats(scores[c], tieKey(ties, seed, user, items[c]), st, kt);
        }
        ranks[t] = ahead + 1;
    }
}

std::vector<int32_t> drawNegatives(std::mt19937_64 &rng, int32_t itemCount, int count,
                                   std::span<const int32_t> exclude,
                                   std::span<const double> cumulativeWeights)
{
    std::vector<int32_t> out;
    const int64_t available = int64_t(itemCount) - int64_t(exclude.size());
    if (count <= 0 || available <= 0)
        return out;
    const auto excluded = [&](int32_t item) {
        return std::binary_search(exclude.begin(), exclude.end(), item);
    };
    if (available <= count) {
        for (int32_t i = 0; i < itemCount; ++i)
            if (!excluded(i))
                out.push_back(i);
        return out;
    }
    std::unordered_set<int32_t> drawn;
    const bool weighted = !cumulativeWeights.empty();
    const double total = weighted ? cumulativeWeights.back() : 0;
    // Rejection sampling; the attempt cap only matters for users who touched almost every
    // popular item, who then get the remaining items in id order.
    const int64_t maxAttempts = 64 * int64_t(count) + 1024;
    for (int64_t attempt = 0; attempt < maxAttempts && int(out.size()) < count; ++attempt) {
        int32_t item;
        const uint64_t x = rng();
        if (weighted) {
            const double u = double(x >> 11) * 0x1.0p-53 * total;
            item = int32_t(std::upper_bound(cumulativeWeights.begin(), cumulativeWeights.end(), u) -
                           cumulativeWeights.begin());
            item = std::min(item, itemCount - 1);
        } else {
            item = int32_t((unsigned __int128)x * uint64_t(itemCount) >> 64);
        }
        if (excluded(item) || !drawn.insert(item).second)
            continue;
        out.push_back(item);
    }
    for (int32_t i = 0; i < itemCount && int(out.size()) < count; ++i)
        if (!excluded(i) && drawn.insert(i).second)
            out.push_back(i);
    return out;
}

} // namespace recforge
