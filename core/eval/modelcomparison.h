#pragma once
// Teacher-versus-student comparison (distillation), as the store keeps it and the GUI shows it:
// size, speed on this machine, quality under one protocol, and top-K overlap. Torch-free.

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/error.h"
#include "eval/protocol.h"

namespace recforge {

// One model's side of a comparison.
struct ModelFigures {
    std::string role;  // "teacher", "student" (or "A", "B")
    std::string model; // registry id
    int64_t runId = 0; // 0 = not a stored run
    int64_t parameters = 0;
    int64_t bytesOnDisk = 0; // native checkpoint size; 0 = unknown
    // Single-user scoring (one scoreItems() call of one history + top-K), warm-up excluded.
    double latencyP50Ms = 0, latencyP99Ms = 0;
    double usersPerSecond = 0;        // batched scoring + top-K (CompareOptions::batchSize users)
    std::vector<MetricValue> metrics; // quality under ModelComparison::protocol

    // The overall value of `name` ("NDCG@10"); NaN when absent.
    double metric(const std::string &name) const;
};

// Overlap of the two models' top-K lists (seen items masked), one value per user.
struct OverlapStats {
    int k = 10;
    int64_t users = 0;
    double mean = 0;
    double p10 = 0, p50 = 0, p90 = 0;
    // Users per Jaccard bin: [0, 0.1), [0.1, 0.2), ..., [0.9, 1), exactly 1 (11 bins).
    std::vector<int64_t> histogram;
};

struct ModelComparison {
    ModelFigures teacher, student;
    OverlapStats jaccard;
    // The same student trained without the teacher (same params, seed, data), when it was
    // trained: hasBaseline. baselineJaccard: its top-K overlap with the teacher.
    bool hasBaseline = false;
    ModelFigures baseline;
    OverlapStats baselineJaccard;
    Protocol protocol;        // the quality metrics' protocol (both models)
    std::string device;       // "cpu" / "cuda"
    int threads = 0;          // intra-op threads while timing
    int64_t latencyUsers = 0; // timed single-user requests per model
    int64_t batchSize = 0;    // users per batched request (throughput)

    double parameterRatio() const;                        // student / teacher parameters
    double speedupP50() const;                            // teacher p50 / student p50
    double qualityRatio(const std::string &metric) const; // student / teacher value
};

double jaccard(const std::vector<int64_t> &a, const std::vector<int64_t> &b);
// Fills mean, percentiles and histogram from per-user values.
OverlapStats overlapStats(int k, std::vector<double> values);

nlohmann::json toJson(const ModelFigures &figures);
nlohmann::json toJson(const ModelComparison &comparison);
// Errors: InvalidArgument naming the field.
Expected<ModelComparison> modelComparisonFromJson(const nlohmann::json &json);

} // namespace recforge
