#pragma once
// Ranking, classification and rating metrics as pure functions. Torch-free.
//
// Ranking metrics take the 1-based ranks of one user's relevant (target) items in that user's
// ranked candidate list (any order, distinct ranks) and the number of relevant items. A relevant
// item ranked beyond the list, or not ranked at all, may be passed with a rank > k or left out.
// k <= 0 means "no cut-off". Every function returns 0 for a user with no relevant item.
//
// Definitions (hits = ranks <= k):
//   HR@k        1 if any hit, else 0
//   Recall@k    hits / numRelevant
//   Precision@k hits / k
//   NDCG@k      sum over hits 1/log2(rank+1), divided by the ideal sum over min(numRelevant, k)
//   MRR@k       1 / best rank when it is <= k, else 0
//   MAP@k       (sum over hits of precision at that rank) / min(numRelevant, k)

#include <cstdint>
#include <span>
#include <vector>

namespace recforge {

double hitRate(std::span<const int64_t> ranks, int k);
double recall(std::span<const int64_t> ranks, int64_t numRelevant, int k);
double precision(std::span<const int64_t> ranks, int k);
double ndcg(std::span<const int64_t> ranks, int64_t numRelevant, int k);
double reciprocalRank(std::span<const int64_t> ranks, int k);
double averagePrecision(std::span<const int64_t> ranks, int64_t numRelevant, int k);

// Beyond-accuracy metrics of top-K lists (one list per user, items as ids).
// Share of the catalogue (numItems) that appears in at least one list; 0 when numItems <= 0.
double itemCoverage(const std::vector<std::vector<int32_t>> &lists, int32_t numItems);
// Mean over lists of the mean popularity (popularity[item], e.g. fit-row counts) of their items;
// empty lists are skipped.
double averagePopularity(const std::vector<std::vector<int32_t>> &lists,
                         std::span<const int64_t> popularity);

// Classification. labels are 0/1. AUC is the probability that a random positive scores above a
// random negative (ties count 1/2); NaN when there is no positive or no negative. LogLoss takes
// probabilities, clamped to [1e-15, 1 - 1e-15]; NaN on empty input or a size mismatch.
double auc(std::span<const float> scores, std::span<const uint8_t> labels);
double logLoss(std::span<const float> probabilities, std::span<const uint8_t> labels);

// Ratings. NaN on empty input or a size mismatch.
double rmse(std::span<const float> predictions, std::span<const float> truth);
double mae(std::span<const float> predictions, std::span<const float> truth);

} // namespace recforge
