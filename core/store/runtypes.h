#pragma once
// Plain values of the experiment store (RunStore): what a run is, and what is recorded with it.
// No SQL, no torch: the CLI and the GUI include this header.

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/error.h"

namespace recforge {

// running -> finished | failed | cancelled | interrupted (a run is interrupted when its process
// died, see RunStore::markInterruptedRuns); interrupted | failed | cancelled -> running (resumed
// from a checkpoint). finished is final.
enum class RunStatus { Running, Finished, Failed, Cancelled, Interrupted };
const char *runStatusName(RunStatus status); // "running", "finished", ...
Expected<RunStatus> parseRunStatus(const std::string &name);

// What createRun() stores. Ids of 0 mean "none" (stored as NULL).
struct RunSpec {
    std::string name;              // shown in the run list; empty: "<kind> <model>"
    std::string kind = "train";    // "train", "evaluate", "pretrain", "finetune", "distil", "trial"
    std::string model;             // registry id, e.g. "sasrec"
    std::string paramsJson = "{}"; // the resolved parameters (every default filled in)
    uint64_t seed = 0;
    int64_t datasetId = 0;
    std::string datasetHash; // empty: taken from the dataset row
    int64_t splitId = 0;
    std::string device = "cpu";
    std::string codeVersion; // empty: this build, "<kVersion>+<kGitCommit>"
    int64_t parentRunId = 0; // pipeline stage: the run this one continues (fine-tune of pretrain)
    int64_t studyId = 0;     // hyper-parameter study (later); 0 = none
    int64_t trial = -1;      // trial number within the study; -1 = none
};

// One number with its protocol, as the store keeps it. protocolJson is eval's toJson(Protocol)
// and protocolLabel its label(k): the store never parses them, it keeps them next to the value.
struct MetricRecord {
    std::string name;           // "NDCG@10"
    double value = 0;           // NaN survives the round trip
    std::string stage = "test"; // "valid", "test"
    int k = 0;
    std::string group = "all";
    int64_t users = 0;
    int epoch = 0;    // epoch the value belongs to; 0 = final
    int64_t step = 0; // optimiser step; 0 = final
    std::string protocolJson = "{}";
    std::string protocolLabel; // "leave-one-out/seed42, full ranking, test, K=10"
    std::string recordedAt;    // set by the store (ISO 8601 UTC)
};

// One point of a curve ("train/loss", "valid/NDCG@10", "lr", "throughput").
struct CurvePoint {
    int64_t step = 0;
    int epoch = 0;
    double value = 0;    // NaN survives (a diverged loss is data)
    double wallTime = 0; // seconds since the Unix epoch; 0 on append = now
    int64_t id = 0;      // set on read: increasing in append order across all series of a project
};

struct CurveSeries {
    std::string name;
    std::vector<CurvePoint> points; // in append order
};

// Per-series summary kept up to date by the writer, so run lists never scan the points.
struct CurveStats {
    std::string series;
    int64_t points = 0;
    double min = NAN, max = NAN; // over non-NaN values; NaN when none
    double last = NAN;           // the last appended value
    int64_t lastStep = 0;
};

struct CheckpointInfo {
    int64_t id = 0; // 0 until stored
    int64_t runId = 0;
    int epoch = 0;
    int64_t step = 0;
    std::string path; // relative to the project's artifacts folder
    std::string sha256;
    int64_t bytes = 0;
    bool isBest = false;
    std::string createdAt;
};

// A log line of a run ("resumed from epoch 3", warnings, the error of a failed run).
struct RunEvent {
    int64_t id = 0;
    std::string at;             // ISO 8601 UTC with milliseconds
    std::string level = "info"; // "info", "warning", "error"
    std::string message;
};

struct RunSummary {
    int64_t id = 0;
    std::string name, kind, model;
    RunStatus status = RunStatus::Running;
    std::string error; // why it failed / was interrupted
    uint64_t seed = 0;
    int64_t datasetId = 0; // 0 = none (or the dataset was deleted)
    std::string datasetHash;
    int64_t splitId = 0;
    std::string codeVersion, device;
    std::string createdAt, startedAt, finishedAt; // finishedAt empty while running
    int64_t parentRunId = 0, studyId = 0, trial = -1;
    int64_t heartbeatMs = 0; // Unix milliseconds of the last sign of life
    std::string ownerHost;
    int64_t ownerPid = 0;
    std::vector<MetricRecord> lastMetrics; // latest value per (stage, name, group, protocol label)
    std::vector<CurveStats> curves;        // by series name
};

struct RunDetail {
    RunSummary summary;
    std::string paramsJson;
    std::vector<MetricRecord> metrics;       // all, in recording order
    std::vector<CheckpointInfo> checkpoints; // by step, then id
};

struct RunFilter {
    std::optional<int64_t> datasetId;
    std::optional<RunStatus> status;
    std::string kind; // empty = any
    std::optional<int64_t> parentRunId;
    std::optional<int64_t> studyId;
    int64_t limit = 0; // 0 = all; newest first
};

// Where a run resumes: the newest checkpoint whose file still has its recorded sha256.
struct ResumePoint {
    CheckpointInfo checkpoint;
    std::string absolutePath;
    std::vector<Warning> skipped; // newer checkpoints that are missing or corrupt, and why
};

} // namespace recforge
