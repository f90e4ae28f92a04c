#include "modelcomparison.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

namespace recforge {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double percentile(const std::vector<double> &sorted, double q)
{
    if (sorted.empty())
        return kNaN;
    const size_t i = size_t(std::lround(q * double(sorted.size() - 1)));
    return sorted[std::min(i, sorted.size() - 1)];
}

nlohmann::json number(double v)
{
    return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json();
}

double numberFrom(const nlohmann::json &j, const char *key)
{
    return j.contains(key) && j[key].is_number() ? j[key].get<double>() : kNaN;
}

tl::unexpected<Error> bad(const std::string &field, const std::string &message)
{
    return makeError(ErrorCode::InvalidArgument, message, Location{"", 0, 0, field});
}

Expected<ModelFigures> figuresFromJson(const nlohmann::json &j, const std::string &field)
{
    if (!j.is_object())
        return bad(field, "'" + field + "' must be an object");
    ModelFigures f;
    try {
        f.role = j.value("role", "");
        f.model = j.value("model", "");
        f.runId = j.value("run", int64_t(0));
        f.parameters = j.value("parameters", int64_t(0));
        f.bytesOnDisk = j.value("bytes", int64_t(0));
    } catch (const nlohmann::json::exception &e) {
        return bad(field, field + ": " + e.what());
    }
    f.latencyP50Ms = numberFrom(j, "latency_p50_ms");
    f.latencyP99Ms = numberFrom(j, "latency_p99_ms");
    f.usersPerSecond = numberFrom(j, "users_per_second");
    if (j.contains("metrics")) {
        if (!j["metrics"].is_array())
            return bad(field + ".metrics", "'metrics' must be an array");
        for (const auto &m : j["metrics"]) {
            auto v = metricValueFromJson(m);
            if (!v)
                return bad(field + ".metrics", v.error().message);
            f.metrics.push_back(*v);
        }
    }
    return f;
}

} // namespace

double ModelFigures::metric(const std::string &name) const
{
    for (const MetricValue &v : metrics)
        if (v.name == name && v.group == "all")
            return v.value;
    return kNaN;
}

double ModelComparison::parameterRatio() const
{
    return teacher.parameters > 0 ? double(student.parameters) / double(teacher.parameters) : kNaN;
}

double ModelComparison::speedupP50() const
{
    return student.latencyP50Ms > 0 ? teacher.latencyP50Ms / student.latencyP50Ms : kNaN;
}

double ModelComparison::qualityRatio(const std::string &name) const
{
    const double t = teacher.metric(name);
    return t > 0 ? student.metric(name) / t : kNaN;
}

double jaccard(const std::vector<int64_t> &a, const std::vector<int64_t> &b)
{
    const std::set<int64_t> sa(a.begin(), a.end()), sb(b.begin(), b.end());
    if (sa.empty() && sb.empty())
        return 1.0;
    size_t common = 0;
    for (int64_t x : sa)
        common += sb.count(x);
    return double(common) / double(sa.size() + sb.size() - common);
}

OverlapStats overlapStats(int k, std::vector<double> values)
{
    OverlapStats s;
    s.k = k;
    s.users = int64_t(values.size());
    s.histogram.assign(11, 0);
    std::sort(values.begin(), values.end());
    double sum = 0;
    for (double v : values) {
        sum += v;
        const size_t bin = v >= 1.0 ? 10 : size_t(std::clamp(int(std::floor(v * 10)), 0, 9));
        ++s.histogram[bin];
    }
    s.mean = values.empty() ? kNaN : sum / double(values.size());
    s.p10 = percentile(values, 0.1);
    s.p50 = percentile(values, 0.5);
    s.p90 = percentile(values, 0.9);
    return s;
}

nlohmann::json toJson(const ModelFigures &f)
{
    nlohmann::json metrics = nlohmann::json::array();
    for (const MetricValue &v : f.metrics)
        metrics.push_back(toJson(v));
    return {{"role", f.role},
            {"model", f.model},
            {"run", f.runId},
            {"parameters", f.parameters},
            {"bytes", f.bytesOnDisk},
            {"latency_p50_ms", number(f.latencyP50Ms)},
            {"latency_p99_ms", number(f.latencyP99Ms)},
            {"users_per_second", number(f.usersPerSecond)},
            {"metrics", metrics}};
}

namespace {

nlohmann::json toJson(const OverlapStats &o)
{
    return {{"k", o.k},
            {"users", o.users},
            {"mean", number(o.mean)},
            {"p10", number(o.p10)},
            {"p50", number(o.p50)},
            {"p90", number(o.p90)},
            {"histogram", o.histogram}};
}

Expected<OverlapStats> overlapFromJson(const nlohmann::json &jj, const std::string &key)
{
    if (!jj.is_object())
        return bad(key, "'" + key + "' must be an object");
    OverlapStats o;
    try {
        o.k = jj.value("k", 10);
        o.users = jj.value("users", int64_t(0));
        o.histogram = jj.value("histogram", std::vector<int64_t>{});
    } catch (const nlohmann::json::exception &e) {
        return bad(key, e.what());
    }
    o.mean = numberFrom(jj, "mean");
    o.p10 = numberFrom(jj, "p10");
    o.p50 = numberFrom(jj, "p50");
    o.p90 = numberFrom(jj, "p90");
    return o;
}

} // namespace

nlohmann::json toJson(const ModelComparison &c)
{
    nlohmann::json j = {{"teacher", toJson(c.teacher)},
                        {"student", toJson(c.student)},
                        {"jaccard", toJson(c.jaccard)},
                        {"protocol", toJson(c.protocol)},
                        {"device", c.device},
                        {"threads", c.threads},
                        {"latency_users", c.latencyUsers},
                        {"batch_size", c.batchSize}};
    if (c.hasBaseline) {
        j["baseline"] = toJson(c.baseline);
        j["baseline_jaccard"] = toJson(c.baselineJaccard);
    }
    return j;
}

Expected<ModelComparison> modelComparisonFromJson(const nlohmann::json &j)
{
    if (!j.is_object())
        return bad("", "a comparison must be a JSON object");
    ModelComparison c;
    for (const char *key : {"teacher", "student", "jaccard", "protocol"})
        if (!j.contains(key))
            return bad(key, std::string("missing '") + key + "'");
    auto t = figuresFromJson(j["teacher"], "teacher");
    if (!t)
        return tl::unexpected(t.error());
    auto s = figuresFromJson(j["student"], "student");
    if (!s)
        return tl::unexpected(s.error());
    c.teacher = *t;
    c.student = *s;
    auto p = protocolFromJson(j["protocol"]);
    if (!p)
        return tl::unexpected(p.error());
    c.protocol = *p;
    auto overlap = overlapFromJson(j["jaccard"], "jaccard");
    if (!overlap)
        return tl::unexpected(overlap.error());
    c.jaccard = *overlap;
    try {
        c.device = j.value("device", "");
        c.threads = j.value("threads", 0);
        c.latencyUsers = j.value("latency_users", int64_t(0));
        c.batchSize = j.value("batch_size", int64_t(0));
    } catch (const nlohmann::json::exception &e) {
        return bad("device", e.what());
    }
    if (j.contains("baseline")) {
        auto b = figuresFromJson(j["baseline"], "baseline");
        if (!b)
            return tl::unexpected(b.error());
        auto bj = overlapFromJson(j.value("baseline_jaccard", nlohmann::json::object()),
                                  "baseline_jaccard");
        if (!bj)
            return tl::unexpected(bj.error());
        c.hasBaseline = true;
        c.baseline = *b;
        c.baselineJaccard = *bj;
    }
    return c;
}

} // namespace recforge
