#pragma once
// Building blocks of the evaluator: ranking targets inside one score row and drawing negatives.
// Torch-free and exposed for tests.

#include <cstdint>
#include <random>
#include <span>
#include <vector>

#include "eval/protocol.h"

namespace recforge {

// Deterministic 64-bit mix of (seed, a, b): the random tie key and the per-user generator seed.
uint64_t mixSeed(uint64_t seed, uint64_t a, uint64_t b = 0);

// Ranks targets within one user's full score row. `row` holds itemCount scores; items in `masked`
// are excluded from the ranking (they are set to -inf in `row`, which is modified). Writes one
// rank per target into `ranks` (1-based; 0 = not ranked: the target is masked, out of range, or
// its score is NaN or -inf). Ties among equal scores follow `ties` (Random uses mixSeed(seed,
// user, item) as the tie key, lower key first). Fills `top` with the best min(k, unmasked) items
// in rank order (same tie rule).
void rankFullRow(float *row, int32_t itemCount, std::span<const int32_t> masked,
                 std::span<const int32_t> targets, TieRule ties, uint64_t seed, int32_t user,
                 std::span<int64_t> ranks, int k, std::vector<int32_t> &top);

// Ranks targets among candidates: scores[c] belongs to items[c]; the first targets.size()
// candidates are the targets, the rest negatives. ranks[t] = 1 + candidates that beat target t.
void rankCandidates(std::span<const float> scores, std::span<const int32_t> items,
                    size_t targetCount, TieRule ties, uint64_t seed, int32_t user,
                    std::span<int64_t> ranks);

// Draws up to `count` distinct negatives for a user from [0, itemCount), never one of `exclude`
// (sorted ascending). weights empty = uniform, else proportional to weights[item] (> 0). When
// fewer items remain than requested, returns all of them. Deterministic for a given rng state.
std::vector<int32_t> drawNegatives(std::mt19937_64 &rng, int32_t itemCount, int count,
                                   std::span<const int32_t> exclude,
                                   std::span<const double> cumulativeWeights);

} // namespace recforge
