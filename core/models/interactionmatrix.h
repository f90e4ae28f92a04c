#pragma once
// Sparse user x item matrix of the fit rows, in both orientations. Shared by the closed-form
// models (ItemKNN, UserKNN, EASE). Torch-free.

#include <cstdint>
#include <span>
#include <vector>

#include "models/trainingdata.h"

namespace recforge {

struct SparseRows {
    std::vector<int64_t> offsets; // rows + 1
    std::vector<int32_t> cols;    // ascending within a row
    std::vector<float> values;

    int32_t rowCount() const { return offsets.empty() ? 0 : int32_t(offsets.size() - 1); }
    std::span<const int32_t> colsOf(int32_t r) const
    {
        return {cols.data() + offsets[size_t(r)],
                size_t(offsets[size_t(r) + 1] - offsets[size_t(r)])};
    }
    std::span<const float> valuesOf(int32_t r) const
    {
        return {values.data() + offsets[size_t(r)],
                size_t(offsets[size_t(r) + 1] - offsets[size_t(r)])};
    }
    SparseRows transposed(int32_t colCount) const;
};

enum class Feedback { Binary, Values };

// One entry per distinct (user, item) of the fit rows. Binary: value 1. Values: the sum of the
// rows' values (ratings, event weights) of that pair.
struct InteractionMatrix {
    SparseRows byUser; // users x items
    SparseRows byItem; // items x users

    static InteractionMatrix build(const TrainingData &data, Feedback feedback);
};

// Distinct items of a history with their weights (Binary: 1; Values: summed values), in
// ascending item order; items outside [0, itemCount) are dropped.
void distinctHistory(const HistoryView &history, int32_t itemCount, Feedback feedback,
                     std::vector<int32_t> &items, std::vector<float> &weights);

// Keeps the k largest (score, index) pairs of `candidates` (ties by lower index), sorted best
// first.
void keepTopK(std::vector<std::pair<float, int32_t>> &candidates, int k);

} // namespace recforge
