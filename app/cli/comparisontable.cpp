#include "comparisontable.h"

#include <cmath>
#include <cstdio>
#include <string>

namespace recforge::cli {

namespace {

void row(const char *name, double a, double b, const char *format)
{
    char ca[32], cb[32];
    std::snprintf(ca, sizeof ca, format, a);
    std::snprintf(cb, sizeof cb, format, b);
    const double ratio = a != 0 && std::isfinite(a) && std::isfinite(b) ? b / a : NAN;
    std::printf("  %-18s %14s %14s %9.3f\n", name, ca, cb, ratio);
}

} // namespace

void printComparisonTable(const ModelComparison &c)
{
    const ModelFigures &t = c.teacher, &s = c.student;
    std::printf("  %-18s %14s %14s %9s\n", "", (t.role + " " + t.model).c_str(),
                (s.role + " " + s.model).c_str(), "ratio");
    row("parameters", double(t.parameters), double(s.parameters), "%.0f");
    row("size on disk (MB)", double(t.bytesOnDisk) / 1e6, double(s.bytesOnDisk) / 1e6, "%.2f");
    row("latency p50 (ms)", t.latencyP50Ms, s.latencyP50Ms, "%.3f");
    row("latency p99 (ms)", t.latencyP99Ms, s.latencyP99Ms, "%.3f");
    row("users/s (batched)", t.usersPerSecond, s.usersPerSecond, "%.0f");
    for (const MetricValue &v : t.metrics)
        if (v.group == "all" && (v.name.rfind("NDCG@", 0) == 0 || v.name.rfind("HR@", 0) == 0))
            row(v.name.c_str(), v.value, s.metric(v.name), "%.4f");
    std::printf("  Jaccard@%d          mean %.3f  (p10 %.2f, p50 %.2f, p90 %.2f; %lld users)\n",
                c.jaccard.k, c.jaccard.mean, c.jaccard.p10, c.jaccard.p50, c.jaccard.p90,
                static_cast<long long>(c.jaccard.users));
    if (c.hasBaseline) {
        const ModelFigures &b = c.baseline;
        std::printf("  student alone (run %lld, no teacher): latency p50 %.3f ms", //
                    static_cast<long long>(b.runId), b.latencyP50Ms);
        for (const MetricValue &v : t.metrics)
            if (v.group == "all" && (v.name.rfind("NDCG@", 0) == 0 || v.name.rfind("HR@", 0) == 0))
                std::printf(", %s %.4f (taught %.4f)", v.name.c_str(), b.metric(v.name),
                            s.metric(v.name));
        std::printf(", Jaccard@%d mean %.3f\n", c.baselineJaccard.k, c.baselineJaccard.mean);
    }
    std::printf("  quality: %s\n  speed: %s, %d threads, %lld timed single-user requests\n",
                c.protocol.label().c_str(), c.device.c_str(), c.threads,
                static_cast<long long>(c.latencyUsers));
}

} // namespace recforge::cli
