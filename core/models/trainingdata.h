#pragma once
// What a model may see: the fit rows, and per evaluation stage the visible histories and targets.
// Built once from (Dataset, Split); this is the one place where split roles are interpreted, so
// every model and the evaluator are leak-free by construction. Torch-free.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "common/error.h"
#include "common/progress.h"
#include "data/dataset.h"
#include "data/split.h"

namespace recforge {

enum class EvalStage { Validation, Test };
const char *evalStageName(EvalStage stage); // "validation", "test"
Expected<EvalStage> parseEvalStage(const std::string &name);

// Which rows a model is fitted on.
//  - Train: Train rows only. Validation rows stay held out, so an iterative model can early-stop
//    on the Validation stage; at the Test stage they are still visible *history* (input), never a
//    training target (the SASRec / RecBole convention).
//  - TrainAndValidation: the final refit: Train + Validation rows are fitted on (Popularity then
//    counts them, as the leak-free PopRec protocol does). The Validation stage is unavailable.
// Support rows (cold users' given interactions) are never fitted on; Test and Excluded rows never
// appear anywhere a model can read them.
enum class FitScope { Train, TrainAndValidation };
const char *fitScopeName(FitScope scope); // "train", "train+validation"

struct TrainingDataOptions {
    FitScope fitScope = FitScope::Train;
};

// A read-only slice of one user's time-ordered rows. Spans point into TrainingData storage.
struct HistoryView {
    std::span<const int32_t> items;
    std::span<const int64_t> timestamps;
    std::span<const uint16_t> events; // EventKinds codes
    std::span<const float> values;    // rating / weight

    size_t size() const { return items.size(); }
    bool empty() const { return items.empty(); }
};

// One user to evaluate at one stage.
struct EvalCase {
    int32_t user = 0;
    HistoryView history;              // visible rows (see TrainingData rules), time order
    std::span<const int32_t> targets; // distinct target items, in time order of first occurrence
};

// Rules (stage -> visible roles / targets):
//  - Validation stage: history = Train + Support rows, targets = Validation rows.
//  - Test stage: history = Train + Validation + Support rows, targets = Test rows.
//  - Time-ordered splits (leave-one-out, temporal, cold users, cold items): only visible rows that
//    come before the user's first target row (in the user's time order) are history, so nothing
//    after the target leaks in. Random splits (per-user random ratio) are not temporal: every
//    visible row of the user is history.
//  - Users without a target row at a stage have no case at that stage.
//  - The evaluator masks every history item in full ranking. A target that is also a history
//    item (repeat consumption) therefore stays masked and counts as a miss: the mask never looks
//    at the targets.
// Not copyable (cases hold spans into its storage); moving keeps the spans valid.
class TrainingData {
public:
    // Errors: InvalidArgument when split.role.size() != interaction count or a role is unknown;
    // Empty when there is no fit row; Cancelled when stopped.
    static Expected<TrainingData> build(const Dataset &dataset, const Split &split,
                                        const TrainingDataOptions &options = {},
                                        StopToken stop = {});

    TrainingData(TrainingData &&) noexcept = default;
    TrainingData &operator=(TrainingData &&) noexcept = default;
    TrainingData(const TrainingData &) = delete;
    TrainingData &operator=(const TrainingData &) = delete;

    int32_t userCount() const { return m_userCount; }
    int32_t itemCount() const { return m_itemCount; }
    FitScope fitScope() const { return m_options.fitScope; }
    const SplitParams &splitParams() const { return m_splitParams; }
    // "leave-one-out/seed42", "random 75/0/25 seed42" ...: the split part of a Protocol label.
    const std::string &splitLabel() const { return m_splitLabel; }
    const std::string &datasetName() const { return m_datasetName; }

    // Fit rows of a user, time order (may be empty: cold users, users with only test rows).
    HistoryView fitSequence(int32_t user) const;
    int64_t fitRowCount() const { return int64_t(m_fit.items.size()); }
    // Number of fit rows per item (popularity as a model may know it). Size itemCount().
    const std::vector<int64_t> &itemFitCounts() const { return m_itemFitCounts; }

    // False for the Validation stage under FitScope::TrainAndValidation, or when the split has no
    // row of the stage's target role.
    bool hasStage(EvalStage stage) const;
    // Cases of a stage, ordered by user. Empty when !hasStage(stage).
    std::span<const EvalCase> cases(EvalStage stage) const;

    // Every distinct item the user has in the whole dataset (any role, sorted ascending). Only for
    // drawing sampled negatives ("items the user never interacted with"); never model input.
    std::span<const int32_t> allItemsOf(int32_t user) const;

private:
    TrainingData() = default;

    struct Csr {
        std::vector<int64_t> offsets; // size users + 1
        std::vector<int32_t> items;
        std::vector<int64_t> timestamps;
        std::vector<uint16_t> events;
        std::vector<float> values;
        HistoryView view(int64_t begin, int64_t end) const;
    };
    struct StageData {
        Csr history;                  // one slice per case, in case order
        std::vector<int32_t> targets; // CSR over cases via targetOffsets
        std::vector<int64_t> targetOffsets;
        std::vector<EvalCase> cases;
    };
    Status buildStage(const Dataset &dataset, const Split &split, const UserSequences &sequences,
                      EvalStage stage);

    TrainingDataOptions m_options;
    SplitParams m_splitParams;
    std::string m_splitLabel, m_datasetName;
    int32_t m_userCount = 0, m_itemCount = 0;
    Csr m_fit;
    std::vector<int64_t> m_itemFitCounts;
    StageData m_validation, m_test;
    std::vector<int64_t> m_allOffsets;
    std::vector<int32_t> m_allItems;
};

} // namespace recforge
