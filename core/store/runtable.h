#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/error.h"
#include "store/processinfo.h"
#include "store/runtypes.h"
#include "store/sqlite.h"

// The SQL behind RunStore's runs, metrics, checkpoints and run events. Single-threaded: writes run
// on the StoreWriter's connection (inside its transaction), reads on RunStore's read connection.
namespace recforge::store {

// "2024-03-01T12:30:00.123Z"
std::string nowIso8601Ms();
std::string iso8601FromUnixMs(int64_t ms);
int64_t nowUnixMs();

// Inserts a running run owned by `owner`. NotFound when the dataset, split or parent run does not
// exist; InvalidArgument when paramsJson is not JSON. An empty datasetHash is taken from the
// dataset row.
Expected<int64_t> insertRun(sqlite::Connection &db, const RunSpec &spec,
                            const std::string &codeVersion, const ProcessIdentity &owner);
// NotFound for an unknown run.
Expected<RunStatus> selectRunStatus(sqlite::Connection &db, int64_t run);
// running -> `status` (not Running). NotFound for an unknown run; InvalidArgument when the run is
// not running (names its status).
Status finishRunRow(sqlite::Connection &db, int64_t run, RunStatus status,
                    const std::string &error);
// interrupted | failed | cancelled -> running, owned by `owner`. InvalidArgument otherwise.
Status resumeRunRow(sqlite::Connection &db, int64_t run, const ProcessIdentity &owner);
// Refreshes heartbeat_ms of a running run (no-op for other states).
Status touchRun(sqlite::Connection &db, int64_t run);

struct LiveRun {
    int64_t id = 0;
    ProcessIdentity owner;
    int64_t heartbeatMs = 0;
};
Expected<std::vector<LiveRun>> selectRunningRuns(sqlite::Connection &db);
// running -> interrupted with `reason`; finished_at is the last heartbeat (when it last lived).
Status interruptRunRow(sqlite::Connection &db, const LiveRun &run, const std::string &reason);
// Deletes the run with everything recorded for it. NotFound when absent.
Status deleteRunRow(sqlite::Connection &db, int64_t run);

Status insertRunEvent(sqlite::Connection &db, int64_t run, const std::string &level,
                      const std::string &message);
Status insertMetric(sqlite::Connection &db, int64_t run, const MetricRecord &metric);
// With isBest, clears the flag on the run's other checkpoints.
Status insertCheckpoint(sqlite::Connection &db, const CheckpointInfo &checkpoint);

// Newest first. curves/lastMetrics are left empty (see selectRunExtras).
Expected<std::vector<RunSummary>> selectRuns(sqlite::Connection &db, const RunFilter &filter);
Expected<RunSummary> selectRun(sqlite::Connection &db, int64_t run); // NotFound
Expected<std::string> selectRunParams(sqlite::Connection &db, int64_t run);
// latestOnly: the newest value per (stage, name, protocol label), ordered by stage and name.
// Otherwise every value in recording order.
Expected<std::vector<MetricRecord>> selectMetrics(sqlite::Connection &db, int64_t run,
                                                  bool latestOnly);
// Ordered by step, epoch, id.
Expected<std::vector<CheckpointInfo>> selectCheckpoints(sqlite::Connection &db, int64_t run);
Expected<std::vector<RunEvent>> selectRunEvents(sqlite::Connection &db, int64_t run,
                                                int64_t afterId, int64_t limit);

} // namespace recforge::store
