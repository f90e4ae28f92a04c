#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/error.h"
#include "store/runtypes.h"

namespace recforge {

class Project;
namespace store {
class StoreWriter;
}

// The experiment store of a project file: runs with their resolved parameters, seed, data, code
// version and status; metrics with their protocols; curves per step; checkpoints with sha256;
// log lines.
//
// Writes go through the project's one StoreWriter thread (shared by every RunStore of the same
// file in this process). Logging calls (appendCurvePoint, logMessage, recordMetric, heartbeat,
// the insert of recordCheckpoint) return at once and are committed within ~100 ms; their failures
// are returned by the next flush(). Calls that return an id or change a status (createRun,
// finishRun, resumeRun, markInterruptedRuns, deleteRun) wait for their commit and return their
// error. Everything posted before a flush() or a waiting call is committed when it returns.
//
// Curve points of a run are buffered and stored by one writer job per run and batch window
// (measured: 10k points cost ~2.5 ms in the calling thread; ~200k points/s reach the file). When a
// caller outpaces SQLite for seconds, that job's transaction grows with the backlog instead of
// blocking the caller.
//
// Reads use a separate connection (WAL: never blocked by the writer) and see what is committed:
// call flush() first to read your own queued writes.
//
// Thread safety: every member function may be called from any thread.
// Errors: Database (SQLite), NotFound (unknown run / dataset / split / checkpoint),
// InvalidArgument (bad JSON, illegal status change, a path outside the artifacts folder),
// Io (a checkpoint file that cannot be read).
class RunStore {
public:
    struct Options {
        // A running run of another host whose heartbeat is older than this is interrupted by
        // markInterruptedRuns() (processes on this host are checked directly).
        double staleAfterSeconds = 600;
        bool markInterruptedOnOpen = true;
        std::chrono::milliseconds writerMaxDelay{100}; // used when this opens the writer
        size_t writerMaxBatch = 500;
    };

    // Uses the project's file and artifacts folder (not its connection; the project may be closed
    // afterwards). Runs markInterruptedRuns() unless told not to.
    static Expected<std::unique_ptr<RunStore>> open(const Project &project, Options options);
    static Expected<std::unique_ptr<RunStore>> open(const Project &project)
    {
        return open(project, Options{});
    }
    // Opens (creates when missing, migrates) the project at `path` first, like Project::open.
    static Expected<std::unique_ptr<RunStore>> open(const std::string &projectPath,
                                                    Options options);
    static Expected<std::unique_ptr<RunStore>> open(const std::string &projectPath)
    {
        return open(projectPath, Options{});
    }
    // Commits everything queued. Runs this store created or resumed and never finished become
    // interrupted (resumable), as when the process dies.
    ~RunStore();
    RunStore(const RunStore &) = delete;
    RunStore &operator=(const RunStore &) = delete;

    const std::string &projectPath() const;
    const std::string &artifactsDir() const;

    // --- writing ----------------------------------------------------------------------------

    // Stores a run with status running, owned by this process. Returns its id.
    Expected<int64_t> createRun(const RunSpec &spec);
    // Asynchronous. wallTime 0 = now.
    void appendCurvePoint(int64_t run, const std::string &series, CurvePoint point);
    void appendCurvePoint(int64_t run, const std::string &series, int64_t step, int epoch,
                          double value)
    {
        appendCurvePoint(run, series, CurvePoint{step, epoch, value, 0, 0});
    }
    void appendCurvePoints(int64_t run, const std::string &series, std::vector<CurvePoint> points);
    void logMessage(int64_t run, const std::string &level, const std::string &message);
    void recordMetric(int64_t run, MetricRecord metric);
    void recordMetrics(int64_t run, std::vector<MetricRecord> metrics);
    void heartbeat(int64_t run);
    // Hashes the file now (in the calling thread) and queues its record; with isBest the run's
    // other checkpoints lose the flag. `path` is absolute or relative to artifactsDir() and must
    // lie inside it (InvalidArgument otherwise); Io error when it cannot be read.
    Expected<CheckpointInfo> recordCheckpoint(int64_t run, int epoch, int64_t step,
                                              const std::string &path, bool isBest = false);
    // "<artifacts>/runs/<id>", created when missing: where a run's checkpoints and exports go.
    Expected<std::string> runArtifactsDir(int64_t run) const;

    // running -> status (finished, failed, cancelled, interrupted), after everything queued for
    // it. InvalidArgument when the run is not running.
    Status finishRun(int64_t run, RunStatus status, const std::string &error = {});
    // Takes an interrupted, failed or cancelled run back to running, owned by this process, at
    // resumableCheckpoint(): curve points after that checkpoint's step are deleted (the resumed
    // run logs them again). NotFound when no checkpoint is usable (nothing changes then).
    Expected<ResumePoint> resumeRun(int64_t run);
    // Every running run whose process is gone (this host: the pid is dead or reused; another
    // host: no heartbeat for staleAfterSeconds) becomes interrupted. Returns their ids.
    Expected<std::vector<int64_t>> markInterruptedRuns();
    // Deletes a run that is not running, with its records and its artifacts folder.
    Status deleteRun(int64_t run);
    // Waits until everything queued so far (by anyone on this project's writer) is committed.
    // Returns the failures of queued writes since the previous flush.
    Status flush();

    // --- reading ----------------------------------------------------------------------------

    // Newest first, each with its latest metrics and curve statistics.
    Expected<std::vector<RunSummary>> listRuns(const RunFilter &filter = {}) const;
    Expected<RunDetail> run(int64_t id) const;
    // Points with id > afterId (0: all) of the named series (empty: every series). Live plots
    // pass the largest id they have seen.
    Expected<std::vector<CurveSeries>>
    curves(int64_t run, const std::vector<std::string> &series = {}, int64_t afterId = 0) const;
    Expected<std::vector<RunEvent>> events(int64_t run, int64_t afterId = 0,
                                           int64_t limit = 0) const;
    // The checkpoint with the highest step (nullopt when none), without checking its file.
    Expected<std::optional<CheckpointInfo>> latestCheckpoint(int64_t run) const;
    // The newest checkpoint whose file still has its recorded sha256; newer ones that are missing
    // or changed are listed in `skipped`. NotFound (naming every rejected file) when none is
    // usable.
    Expected<ResumePoint> resumableCheckpoint(int64_t run) const;

    // The project's writer (tests, benchmarks, other stores of the same file).
    std::shared_ptr<store::StoreWriter> writer() const;

private:
    struct Impl;
    explicit RunStore(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace recforge
