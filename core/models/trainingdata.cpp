#include "trainingdata.h"

#include <algorithm>
#include <cstdio>

namespace recforge {

namespace {

// Local copy of the split kind names so the label does not depend on split.cpp's formatting.
const char *kindLabel(SplitKind kind)
{
    switch (kind) {
    case SplitKind::LeaveOneOut:
        return "leave-one-out";
    case SplitKind::Temporal:
        return "temporal";
    case SplitKind::RandomRatio:
        return "random";
    case SplitKind::ColdUsers:
        return "cold-users";
    case SplitKind::ColdItems:
        return "cold-items";
    }
    return "split";
}

std::string makeSplitLabel(const SplitParams &p)
{
    if (!p.name.empty())
        return p.name;
    std::string label = kindLabel(p.kind);
    char buf[96];
    if (p.kind == SplitKind::RandomRatio || p.kind == SplitKind::ColdUsers) {
        std::snprintf(buf, sizeof buf, " %g/%g/%g", 100 * (1 - p.validRatio - p.testRatio),
                      100 * p.validRatio, 100 * p.testRatio);
        label += buf;
    }
    return label + "/seed" + std::to_string(p.seed);
}

bool isFitRole(SplitRole role, FitScope scope)
{
    return role == SplitRole::Train ||
           (scope == FitScope::TrainAndValidation && role == SplitRole::Validation);
}

} // namespace

const char *evalStageName(EvalStage stage)
{
    return stage == EvalStage::Validation ? "validation" : "test";
}

Expected<EvalStage> parseEvalStage(const std::string &name)
{
    if (name == "validation" || name == "valid")
        return EvalStage::Validation;
    if (name == "test")
        return EvalStage::Test;
    return makeError(ErrorCode::InvalidArgument,
                     "unknown stage '" + name + "' (expected validation or test)",
                     Location{"", 0, 0, "stage"});
}

const char *fitScopeName(FitScope scope)
{
    return scope == FitScope::Train ? "train" : "train+validation";
}

HistoryView TrainingData::Csr::view(int64_t begin, int64_t end) const
{
    const size_t n = size_t(end - begin);
    return {{items.data() + begin, n},
            {timestamps.data() + begin, n},
            {events.data() + begin, n},
            {values.data() + begin, n}};
}

HistoryView TrainingData::fitSequence(int32_t user) const
{
    if (user < 0 || user >= m_userCount)
        return {};
    return m_fit.view(m_fit.offsets[size_t(user)], m_fit.offsets[size_t(user) + 1]);
}

bool TrainingData::hasStage(EvalStage stage) const
{
    return !cases(stage).empty();
}

std::span<const EvalCase> TrainingData::cases(EvalStage stage) const
{
    const StageData &s = stage == EvalStage::Validation ? m_validation : m_test;
    return s.cases;
}

std::span<const int32_t> TrainingData::allItemsOf(int32_t user) const
{
    if (user < 0 || user >= m_userCount)
        return {};
    const int64_t b = m_allOffsets[size_t(user)], e = m_allOffsets[size_t(user) + 1];
    return {m_allItems.data() + b, size_t(e - b)};
}

Expected<TrainingData> TrainingData::build(const Dataset &dataset, const Split &split,
                                           const TrainingDataOptions &options, StopToken stop)
{
    const Interactions &in = dataset.interactions;
    if (split.role.size() != in.size())
        return makeError(ErrorCode::InvalidArgument,
                         "split has " + std::to_string(split.role.size()) +
                             " roles but the dataset has " + std::to_string(in.size()) +
                             " interactions");
    for (size_t r = 0; r < split.role.size(); ++r)
        if (split.role[r] > uint8_t(SplitRole::Excluded))
            return makeError(ErrorCode::InvalidArgument, "unknown split role " +
                                                             std::to_string(split.role[r]) +
                                                             " at row " + std::to_string(r));

    TrainingData d;
    d.m_options = options;
    d.m_splitParams = split.params;
    d.m_splitLabel = makeSplitLabel(split.params);
    d.m_datasetName = dataset.name;
    d.m_userCount = dataset.userCount();
    d.m_itemCount = dataset.itemCount();
    const UserSequences seq = UserSequences::build(dataset);

    d.m_itemFitCounts.assign(size_t(d.m_itemCount), 0);
    d.m_fit.offsets.assign(size_t(d.m_userCount) + 1, 0);
    d.m_allOffsets.assign(size_t(d.m_userCount) + 1, 0);
    std::vector<int32_t> distinct;
    for (int32_t u = 0; u < d.m_userCount; ++u) {
        if ((u & 4095) == 0 && stop.stopRequested())
            return makeError(ErrorCode::Cancelled, "building training data cancelled");
        distinct.clear();
        for (uint32_t row : seq.rowsOf(u)) {
            distinct.push_back(in.item[row]);
            if (!isFitRole(split.roleOf(row), options.fitScope))
                continue;
            d.m_fit.items.push_back(in.item[row]);
            d.m_fit.timestamps.push_back(in.timestamp[row]);
            d.m_fit.events.push_back(in.event[row]);
            d.m_fit.values.push_back(in.value[row]);
            ++d.m_itemFitCounts[size_t(in.item[row])];
        }
        d.m_fit.offsets[size_t(u) + 1] = int64_t(d.m_fit.items.size());
        std::sort(distinct.begin(), distinct.end());
        distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
        d.m_allItems.insert(d.m_allItems.end(), distinct.begin(), distinct.end());
        d.m_allOffsets[size_t(u) + 1] = int64_t(d.m_allItems.size());
    }
    if (d.m_fit.items.empty())
        return makeError(ErrorCode::Empty, "the split leaves no row to fit on (" +
                                               std::string(fitScopeName(options.fitScope)) + ")");

    if (options.fitScope == FitScope::Train)
        if (auto s = d.buildStage(dataset, split, seq, EvalStage::Validation); !s)
            return tl::unexpected(s.error());
    if (auto s = d.buildStage(dataset, split, seq, EvalStage::Test); !s)
        return tl::unexpected(s.error());
    if (stop.stopRequested())
        return makeError(ErrorCode::Cancelled, "building training data cancelled");
    return d;
}

Status TrainingData::buildStage(const Dataset &dataset, const Split &split,
                                const UserSequences &seq, EvalStage stage)
{
    const Interactions &in = dataset.interactions;
    const SplitRole targetRole =
        stage == EvalStage::Validation ? SplitRole::Validation : SplitRole::Test;
    const auto visible = [stage](SplitRole r) {
        return r == SplitRole::Train || r == SplitRole::Support ||
               (stage == EvalStage::Test && r == SplitRole::Validation);
    };
    const bool temporal = split.params.kind != SplitKind::RandomRatio;

    StageData &s = stage == EvalStage::Validation ? m_validation : m_test;
    s = StageData{};
    s.history.offsets.push_back(0);
    s.targetOffsets.push_back(0);
    std::vector<int32_t> targets;
    for (int32_t u = 0; u < m_userCount; ++u) {
        const auto rows = seq.rowsOf(u);
        size_t firstTarget = rows.size();
        targets.clear();
        for (size_t k = 0; k < rows.size(); ++k) {
            if (split.roleOf(rows[k]) != targetRole)
                continue;
            firstTarget = std::min(firstTarget, k);
            const int32_t item = in.item[rows[k]];
            if (std::find(targets.begin(), targets.end(), item) == targets.end())
                targets.push_back(item);
        }
        if (targets.empty())
            continue;
        const size_t historyEnd = temporal ? firstTarget : rows.size();
        for (size_t k = 0; k < historyEnd; ++k) {
            const uint32_t row = rows[k];
            if (!visible(split.roleOf(row)))
                continue;
            s.history.items.push_back(in.item[row]);
            s.history.timestamps.push_back(in.timestamp[row]);
            s.history.events.push_back(in.event[row]);
            s.history.values.push_back(in.value[row]);
        }
        s.history.offsets.push_back(int64_t(s.history.items.size()));
        s.targets.insert(s.targets.end(), targets.begin(), targets.end());
        s.targetOffsets.push_back(int64_t(s.targets.size()));
        s.cases.push_back(EvalCase{u, {}, {}});
    }
    // Spans are set once the storage no longer grows.
    for (size_t c = 0; c < s.cases.size(); ++c) {
        s.cases[c].history = s.history.view(s.history.offsets[c], s.history.offsets[c + 1]);
        s.cases[c].targets = {s.targets.data() + s.targetOffsets[c],
                              size_t(s.targetOffsets[c + 1] - s.targetOffsets[c])};
    }
    return {};
}

} // namespace recforge
