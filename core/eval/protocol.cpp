#include "protocol.h"

#include <cstdio>

namespace recforge {

const char *candidatesName(Candidates candidates)
{
    switch (candidates) {
    case Candidates::Full:
        return "full";
    case Candidates::UniformSampled:
        return "uniform";
    case Candidates::PopularitySampled:
        return "popularity";
    }
    return "full";
}

Expected<Candidates> parseCandidates(const std::string &name)
{
    if (name == "full")
        return Candidates::Full;
    if (name == "uniform" || name == "uni")
        return Candidates::UniformSampled;
    if (name == "popularity" || name == "pop")
        return Candidates::PopularitySampled;
    return makeError(ErrorCode::InvalidArgument,
                     "unknown candidate set '" + name + "' (expected full, uniform or popularity)",
                     Location{"", 0, 0, "candidates"});
}

const char *tieRuleName(TieRule rule)
{
    switch (rule) {
    case TieRule::Random:
        return "random";
    case TieRule::Pessimistic:
        return "pessimistic";
    case TieRule::Optimistic:
        return "optimistic";
    }
    return "random";
}

Expected<TieRule> parseTieRule(const std::string &name)
{
    if (name == "random")
        return TieRule::Random;
    if (name == "pessimistic")
        return TieRule::Pessimistic;
    if (name == "optimistic")
        return TieRule::Optimistic;
    return makeError(ErrorCode::InvalidArgument,
                     "unknown tie rule '" + name + "' (expected random, pessimistic or optimistic)",
                     Location{"", 0, 0, "ties"});
}

std::string Protocol::candidatesLabel() const
{
    switch (candidates) {
    case Candidates::Full:
        return "full ranking";
    case Candidates::UniformSampled:
        return "uni-" + std::to_string(negatives);
    case Candidates::PopularitySampled:
        return "pop-" + std::to_string(negatives);
    }
    return {};
}

namespace {

std::string labelWith(const Protocol &p, const std::string &kText)
{
    std::string out;
    const auto add = [&out](const std::string &part) {
        if (part.empty())
            return;
        if (!out.empty())
            out += ", ";
        out += part;
    };
    add(p.dataset);
    add(p.split);
    if (p.fit != "train")
        add("fit " + p.fit);
    add(p.candidatesLabel());
    add(evalStageName(p.stage));
    add(kText);
    if (p.candidates != Candidates::Full)
        add("seed " + std::to_string(p.seed));
    return out;
}

} // namespace

std::string Protocol::label() const
{
    std::string ktext;
    for (int k : ks)
        ktext += (ktext.empty() ? "K=" : ",") + std::to_string(k);
    return labelWith(*this, ktext);
}

std::string Protocol::label(int k) const
{
    return labelWith(*this, k > 0 ? "K=" + std::to_string(k) : std::string());
}

std::string MetricValue::toString() const
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.4f", value);
    std::string out = name + " = " + buf + " (" + protocol.label(k);
    if (group != "all")
        out += ", " + group;
    return out + ")";
}

nlohmann::json toJson(const Protocol &p)
{
    return {{"dataset", p.dataset},
            {"split", p.split},
            {"fit", p.fit},
            {"stage", evalStageName(p.stage)},
            {"candidates", candidatesName(p.candidates)},
            {"negatives", p.negatives},
            {"ks", p.ks},
            {"seed", p.seed},
            {"ties", tieRuleName(p.ties)},
            {"label", p.label()}};
}

Expected<Protocol> protocolFromJson(const nlohmann::json &json)
{
    const auto bad = [](const std::string &field) {
        return makeError(ErrorCode::InvalidArgument, "protocol: missing or invalid '" + field + "'",
                         Location{"", 0, 0, field});
    };
    if (!json.is_object())
        return bad("protocol");
    Protocol p;
    try {
        p.dataset = json.value("dataset", std::string());
        p.split = json.value("split", std::string());
        p.fit = json.value("fit", std::string("train"));
        auto stage = parseEvalStage(json.value("stage", std::string("test")));
        if (!stage)
            return bad("stage");
        p.stage = *stage;
        auto candidates = parseCandidates(json.value("candidates", std::string("full")));
        if (!candidates)
            return bad("candidates");
        p.candidates = *candidates;
        p.negatives = json.value("negatives", 0);
        p.ks = json.value("ks", std::vector<int>{});
        p.seed = json.value("seed", uint64_t(42));
        auto ties = parseTieRule(json.value("ties", std::string("random")));
        if (!ties)
            return bad("ties");
        p.ties = *ties;
    } catch (const nlohmann::json::exception &e) {
        return makeError(ErrorCode::InvalidArgument, std::string("protocol: ") + e.what());
    }
    return p;
}

nlohmann::json toJson(const MetricValue &v)
{
    return {{"name", v.name},   {"value", v.value}, {"k", v.k},
            {"group", v.group}, {"users", v.users}, {"protocol", toJson(v.protocol)}};
}

Expected<MetricValue> metricValueFromJson(const nlohmann::json &json)
{
    if (!json.is_object() || !json.contains("name") || !json.contains("value") ||
        !json["value"].is_number())
        return makeError(ErrorCode::InvalidArgument, "metric value needs 'name' and 'value'",
                         Location{"", 0, 0, "value"});
    MetricValue v;
    try {
        v.name = json["name"].get<std::string>();
        v.value = json["value"].get<double>();
        v.k = json.value("k", 0);
        v.group = json.value("group", std::string("all"));
        v.users = json.value("users", int64_t(0));
    } catch (const nlohmann::json::exception &e) {
        return makeError(ErrorCode::InvalidArgument, std::string("metric value: ") + e.what());
    }
    auto p = protocolFromJson(json.value("protocol", nlohmann::json::object()));
    if (!p)
        return tl::unexpected(p.error());
    v.protocol = *p;
    return v;
}

} // namespace recforge
