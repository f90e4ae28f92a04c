#pragma once
// The protocol descriptor attached to every metric value: numbers from different protocols are
// never comparable, so the GUI, the CLI and the store always show the label next to the number.
// Torch-free.

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/error.h"
#include "models/trainingdata.h"

namespace recforge {

// Which items are ranked for each user.
enum class Candidates {
    Full,              // every item, the user's visible history masked
    UniformSampled,    // targets + N negatives drawn uniformly from items the user never touched
    PopularitySampled, // targets + N negatives drawn proportionally to fit-row popularity
};
const char *candidatesName(Candidates candidates); // "full", "uniform", "popularity"
Expected<Candidates> parseCandidates(const std::string &name);

// How a target whose score equals other candidates' scores is ranked.
enum class TieRule {
    Random,      // ties broken by a seeded hash of (seed, user, item): deterministic and unbiased
    Pessimistic, // every tied candidate ranks ahead of the target (a constant model scores 0)
    Optimistic,  // the target ranks ahead of every tied candidate
};
const char *tieRuleName(TieRule rule); // "random", "pessimistic", "optimistic"
Expected<TieRule> parseTieRule(const std::string &name);

struct Protocol {
    std::string dataset;       // dataset name (may be empty)
    std::string split;         // TrainingData::splitLabel(): "leave-one-out/seed42"
    std::string fit = "train"; // fitScopeName(): "train" or "train+validation"
    EvalStage stage = EvalStage::Test;
    Candidates candidates = Candidates::Full;
    int negatives = 0; // sampled candidates: negatives per user (0 for Full)
    std::vector<int> ks{5, 10, 20};
    uint64_t seed = 42; // negative sampling and random tie breaking
    TieRule ties = TieRule::Random;

    // "full ranking", "uni-99", "pop-99"
    std::string candidatesLabel() const;
    // "leave-one-out/seed42, full ranking, test, K=5,10,20" (every part that is known)
    std::string label() const;
    // Same with one K: "leave-one-out/seed42, uni-99, test, K=10"
    std::string label(int k) const;

    bool operator==(const Protocol &) const = default;
};

// One number with its protocol. name: "NDCG@10", "HR@5", "Coverage@10", "MRR@10", "Users".
struct MetricValue {
    std::string name;
    double value = 0;
    Protocol protocol;
    int k = 0;                 // cut-off of this metric (0 = none)
    std::string group = "all"; // "all" or an activity bucket: "history 1-4", "history 20+"
    int64_t users = 0;         // users the value averages over

    // "NDCG@10 = 0.0612 (leave-one-out/seed42, full ranking, test, K=10)"
    std::string toString() const;
};

nlohmann::json toJson(const Protocol &protocol);
// Errors: InvalidArgument naming the field.
Expected<Protocol> protocolFromJson(const nlohmann::json &json);
nlohmann::json toJson(const MetricValue &value);
Expected<MetricValue> metricValueFromJson(const nlohmann::json &json);

} // namespace recforge
