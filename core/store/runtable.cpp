#include "runtable.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>

#include <nlohmann/json.hpp>

namespace recforge::store {

namespace {

Error runNotFound(int64_t run)
{
    return Error{ErrorCode::NotFound, "no run with id " + std::to_string(run), {}};
}

// Binds an id where 0 means "none".
void bindOptionalId(sqlite::Statement &stmt, int index, int64_t id)
{
    if (id > 0)
        stmt.bind(index, id);
    else
        stmt.bindNull(index);
}

double columnValue(const sqlite::Statement &stmt, int index)
{
    return stmt.isNull(index) ? std::nan("") : stmt.columnDouble(index);
}

// NotFound unless `sql` (one bound id) returns a row.
Status requireRow(sqlite::Connection &db, const char *sql, int64_t id, const std::string &what)
{
    auto stmt = db.prepare(sql);
    RECFORGE_TRY(stmt);
    stmt->bind(1, id);
    auto row = stmt->step();
    RECFORGE_TRY(row);
    if (!*row)
        return makeError(ErrorCode::NotFound, "no " + what + " with id " + std::to_string(id),
                         Location{{}, 0, 0, what});
    return {};
}

const char *const kRunColumns =
    "id, name, kind, model, status, error, seed, dataset_id, dataset_hash, split_id,"
    " code_version, device, created_at, started_at, finished_at, parent_run_id, study_id, trial,"
    " heartbeat_ms, owner_host, owner_pid";

Expected<RunSummary> readRun(const sqlite::Statement &s)
{
    RunSummary r;
    r.id = s.columnInt64(0);
    r.name = s.columnText(1);
    r.kind = s.columnText(2);
    r.model = s.columnText(3);
    auto status = parseRunStatus(s.columnText(4));
    RECFORGE_TRY(status);
    r.status = *status;
    r.error = s.columnText(5);
    r.seed = uint64_t(s.columnInt64(6));
    r.datasetId = s.isNull(7) ? 0 : s.columnInt64(7);
    r.datasetHash = s.columnText(8);
    r.splitId = s.isNull(9) ? 0 : s.columnInt64(9);
    r.codeVersion = s.columnText(10);
    r.device = s.columnText(11);
    r.createdAt = s.columnText(12);
    r.startedAt = s.columnText(13);
    r.finishedAt = s.columnText(14); // NULL reads as ""
    r.parentRunId = s.isNull(15) ? 0 : s.columnInt64(15);
    r.studyId = s.isNull(16) ? 0 : s.columnInt64(16);
    r.trial = s.isNull(17) ? -1 : s.columnInt64(17);
    r.heartbeatMs = s.columnInt64(18);
    r.ownerHost = s.columnText(19);
    r.ownerPid = s.columnInt64(20);
    return r;
}

MetricRecord readMetric(const sqlite::Statement &s)
{
    MetricRecord m;
    m.name = s.columnText(0);
    m.value = columnValue(s, 1);
    m.stage = s.columnText(2);
    m.k = int(s.columnInt64(3));
    m.group = s.columnText(4);
    m.users = s.columnInt64(5);
    m.epoch = int(s.columnInt64(6));
    m.step = s.columnInt64(7);
    m.protocolJson = s.columnText(8);
    m.protocolLabel = s.columnText(9);
    m.recordedAt = s.columnText(10);
    return m;
}

} // namespace

std::string iso8601FromUnixMs(int64_t ms)
{
    const std::time_t seconds = std::time_t(ms / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[40];
    const size_t n = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
    std::snprintf(text + n, sizeof text - n, ".%03dZ", int(ms % 1000));
    return text;
}

std::string nowIso8601Ms()
{
    return iso8601FromUnixMs(nowUnixMs());
}

int64_t nowUnixMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

Expected<int64_t> insertRun(sqlite::Connection &db, const RunSpec &spec,
                            const std::string &codeVersion, const ProcessIdentity &owner)
{
    if (nlohmann::json::parse(spec.paramsJson, nullptr, false).is_discarded())
        return makeError(ErrorCode::InvalidArgument, "run parameters are not valid JSON",
                         Location{{}, 0, 0, "params"});
    std::string datasetHash = spec.datasetHash;
    if (spec.datasetId > 0) {
        auto stmt = db.prepare("SELECT content_hash FROM dataset WHERE id = ?");
        RECFORGE_TRY(stmt);
        stmt->bind(1, spec.datasetId);
        auto row = stmt->step();
        RECFORGE_TRY(row);
        if (!*row)
            return makeError(ErrorCode::NotFound,
                             "no dataset with id " + std::to_string(spec.datasetId),
                             Location{{}, 0, 0, "dataset"});
        if (datasetHash.empty())
            datasetHash = stmt->columnText(0);
    }
    if (spec.splitId > 0)
        RECFORGE_TRY(requireRow(db, "SELECT 1 FROM split WHERE id = ?", spec.splitId, "split"));
    if (spec.parentRunId > 0)
        RECFORGE_TRY(
            requireRow(db, "SELECT 1 FROM run WHERE id = ?", spec.parentRunId, "parent run"));

    auto stmt = db.prepare(
        "INSERT INTO run(name, kind, model, params, seed, dataset_id, dataset_hash, split_id,"
        " code_version, device, status, created_at, started_at, parent_run_id, study_id, trial,"
        " heartbeat_ms, owner_host, owner_pid, owner_start)"
        " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'running', ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    RECFORGE_TRY(stmt);
    const std::string now = nowIso8601Ms();
    const std::string name = spec.name.empty() ? spec.kind + " " + spec.model : spec.name;
    stmt->bind(1, name)
        .bind(2, spec.kind)
        .bind(3, spec.model)
        .bind(4, spec.paramsJson)
        .bind(5, int64_t(spec.seed)) // bit pattern; read back as uint64
        .bind(7, datasetHash)
        .bind(9, codeVersion)
        .bind(10, spec.device)
        .bind(11, now)
        .bind(12, now)
        .bind(16, nowUnixMs())
        .bind(17, owner.host)
        .bind(18, owner.pid)
        .bind(19, owner.startTicks);
    bindOptionalId(*stmt, 6, spec.datasetId);
    bindOptionalId(*stmt, 8, spec.splitId);
    bindOptionalId(*stmt, 13, spec.parentRunId);
    bindOptionalId(*stmt, 14, spec.studyId);
    if (spec.trial >= 0) // placeholders: 11 and 12 are the times, 'running' is literal
        stmt->bind(15, spec.trial);
    else
        stmt->bindNull(15);
    RECFORGE_TRY(stmt->run());
    return db.lastInsertRowId();
}

Expected<RunStatus> selectRunStatus(sqlite::Connection &db, int64_t run)
{
    auto stmt = db.prepare("SELECT status FROM run WHERE id = ?");
    RECFORGE_TRY(stmt);
    stmt->bind(1, run);
    auto row = stmt->step();
    RECFORGE_TRY(row);
    if (!*row)
        return tl::unexpected(runNotFound(run));
    return parseRunStatus(stmt->columnText(0));
}

Status finishRunRow(sqlite::Connection &db, int64_t run, RunStatus status, const std::string &error)
{
    if (status == RunStatus::Running)
        return makeError(ErrorCode::InvalidArgument, "a run cannot finish as 'running'",
                         Location{{}, 0, 0, "status"});
    auto current = selectRunStatus(db, run);
    RECFORGE_TRY(current);
    if (*current != RunStatus::Running)
        return makeError(ErrorCode::InvalidArgument,
                         "run " + std::to_string(run) + " is " + runStatusName(*current) +
                             ", not running: it cannot become " + runStatusName(status),
                         Location{{}, 0, 0, "status"});
    auto stmt = db.prepare("UPDATE run SET status = ?, error = ?, finished_at = ?,"
                           " heartbeat_ms = ? WHERE id = ?");
    RECFORGE_TRY(stmt);
    stmt->bind(1, runStatusName(status))
        .bind(2, error)
        .bind(3, nowIso8601Ms())
        .bind(4, nowUnixMs())
        .bind(5, run);
    return stmt->run();
}

Status resumeRunRow(sqlite::Connection &db, int64_t run, const ProcessIdentity &owner)
{
    auto current = selectRunStatus(db, run);
    RECFORGE_TRY(current);
    if (*current == RunStatus::Running || *current == RunStatus::Finished)
        return makeError(ErrorCode::InvalidArgument,
                         "run " + std::to_string(run) + " is " + runStatusName(*current) +
                             ": only interrupted, failed or cancelled runs resume",
                         Location{{}, 0, 0, "status"});
    auto stmt = db.prepare("UPDATE run SET status = 'running', error = '', finished_at = NULL,"
                           " heartbeat_ms = ?, owner_host = ?, owner_pid = ?, owner_start = ?"
                           " WHERE id = ?");
    RECFORGE_TRY(stmt);
    stmt->bind(1, nowUnixMs())
        .bind(2, owner.host)
        .bind(3, owner.pid)
        .bind(4, owner.startTicks)
        .bind(5, run);
    return stmt->run();
}

Status touchRun(sqlite::Connection &db, int64_t run)
{
    auto stmt = db.prepare("UPDATE run SET heartbeat_ms = ? WHERE id = ? AND status = 'running'");
    RECFORGE_TRY(stmt);
    stmt->bind(1, nowUnixMs()).bind(2, run);
    return stmt->run();
}

Expected<std::vector<LiveRun>> selectRunningRuns(sqlite::Connection &db)
{
    auto stmt = db.prepare("SELECT id, owner_host, owner_pid, owner_start, heartbeat_ms FROM run"
                           " WHERE status = 'running' ORDER BY id");
    RECFORGE_TRY(stmt);
    std::vector<LiveRun> runs;
    for (;;) {
        auto row = stmt->step();
        RECFORGE_TRY(row);
        if (!*row)
            break;
        LiveRun r;
        r.id = stmt->columnInt64(0);
        r.owner.host = stmt->columnText(1);
        r.owner.pid = stmt->columnInt64(2);
        r.owner.startTicks = stmt->columnInt64(3);
        r.heartbeatMs = stmt->columnInt64(4);
        runs.push_back(std::move(r));
    }
    return runs;
}

Status interruptRunRow(sqlite::Connection &db, const LiveRun &run, const std::string &reason)
{
    auto stmt = db.prepare("UPDATE run SET status = 'interrupted', error = ?, finished_at = ?"
                           " WHERE id = ? AND status = 'running'");
    RECFORGE_TRY(stmt);
    // finished_at: when the run last showed life.
    stmt->bind(1, reason).bind(2, iso8601FromUnixMs(run.heartbeatMs)).bind(3, run.id);
    RECFORGE_TRY(stmt->run());
    return insertRunEvent(db, run.id, "warning", "interrupted: " + reason);
}

Status deleteRunRow(sqlite::Connection &db, int64_t run)
{
    auto stmt = db.prepare("DELETE FROM run WHERE id = ?");
    RECFORGE_TRY(stmt);
    stmt->bind(1, run);
    RECFORGE_TRY(stmt->run());
    if (db.changes() == 0)
        return tl::unexpected(runNotFound(run));
    return {};
}

Status insertRunEvent(sqlite::Connection &db, int64_t run, const std::string &level,
                      const std::string &message)
{
    auto stmt = db.prepare("INSERT INTO run_event(run_id, at, level, message) VALUES(?, ?, ?, ?)");
    RECFORGE_TRY(stmt);
    stmt->bind(1, run).bind(2, nowIso8601Ms()).bind(3, level).bind(4, message);
    return stmt->run();
}

Status insertMetric(sqlite::Connection &db, int64_t run, const MetricRecord &m)
{
    auto stmt = db.prepare("INSERT INTO run_metric(run_id, name, value, stage, k, grp, users,"
                           " epoch, step, protocol, protocol_label, recorded_at)"
                           " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    RECFORGE_TRY(stmt);
    stmt->bind(1, run)
        .bind(2, m.name)
        .bind(3, m.value)
        .bind(4, m.stage)
        .bind(5, m.k)
        .bind(6, m.group)
        .bind(7, m.users)
        .bind(8, m.epoch)
        .bind(9, m.step)
        .bind(10, m.protocolJson)
        .bind(11, m.protocolLabel)
        .bind(12, m.recordedAt.empty() ? nowIso8601Ms() : m.recordedAt);
    return stmt->run();
}

Status insertCheckpoint(sqlite::Connection &db, const CheckpointInfo &c)
{
    if (c.isBest) {
        auto clear = db.prepare("UPDATE checkpoint SET is_best = 0 WHERE run_id = ?");
        RECFORGE_TRY(clear);
        clear->bind(1, c.runId);
        RECFORGE_TRY(clear->run());
    }
    auto stmt = db.prepare("INSERT INTO checkpoint(run_id, epoch, step, path, sha256, bytes,"
                           " is_best, created_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
    RECFORGE_TRY(stmt);
    stmt->bind(1, c.runId)
        .bind(2, c.epoch)
        .bind(3, c.step)
        .bind(4, c.path)
        .bind(5, c.sha256)
        .bind(6, c.bytes)
        .bind(7, int64_t(c.isBest))
        .bind(8, c.createdAt.empty() ? nowIso8601Ms() : c.createdAt);
    return stmt->run();
}

Expected<std::vector<RunSummary>> selectRuns(sqlite::Connection &db, const RunFilter &filter)
{
    // One statement for every filter combination: a NULL parameter switches its condition off.
    auto stmt = db.prepare(std::string("SELECT ") + kRunColumns +
                           " FROM run WHERE (?1 IS NULL OR dataset_id = ?1)"
                           " AND (?2 IS NULL OR status = ?2) AND (?3 = '' OR kind = ?3)"
                           " AND (?4 IS NULL OR parent_run_id = ?4)"
                           " AND (?5 IS NULL OR study_id = ?5) ORDER BY id DESC LIMIT ?6");
    RECFORGE_TRY(stmt);
    if (filter.datasetId)
        stmt->bind(1, *filter.datasetId);
    else
        stmt->bindNull(1);
    if (filter.status)
        stmt->bind(2, runStatusName(*filter.status));
    else
        stmt->bindNull(2);
    stmt->bind(3, filter.kind);
    if (filter.parentRunId)
        stmt->bind(4, *filter.parentRunId);
    else
        stmt->bindNull(4);
    if (filter.studyId)
        stmt->bind(5, *filter.studyId);
    else
        stmt->bindNull(5);
    stmt->bind(6, filter.limit > 0 ? filter.limit : int64_t(-1));
    std::vector<RunSummary> runs;
    for (;;) {
        auto row = stmt->step();
        RECFORGE_TRY(row);
        if (!*row)
            break;
        auto run = readRun(*stmt);
        RECFORGE_TRY(run);
        runs.push_back(std::move(*run));
    }
    return runs;
}

Expected<RunSummary> selectRun(sqlite::Connection &db, int64_t run)
{
    auto stmt = db.prepare(std::string("SELECT ") + kRunColumns + " FROM run WHERE id = ?");
    RECFORGE_TRY(stmt);
    stmt->bind(1, run);
    auto row = stmt->step();
    RECFORGE_TRY(row);
    if (!*row)
        return tl::unexpected(runNotFound(run));
    return readRun(*stmt);
}

Expected<std::string> selectRunParams(sqlite::Connection &db, int64_t run)
{
    auto stmt = db.prepare("SELECT params FROM run WHERE id = ?");
    RECFORGE_TRY(stmt);
    stmt->bind(1, run);
    auto row = stmt->step();
    RECFORGE_TRY(row);
    if (!*row)
        return tl::unexpected(runNotFound(run));
    return stmt->columnText(0);
}

Expected<std::vector<MetricRecord>> selectMetrics(sqlite::Connection &db, int64_t run,
                                                  bool latestOnly)
{
    // SQLite takes the bare columns of an aggregate query from the row that has the max().
    auto stmt = db.prepare(
        latestOnly
            ? "SELECT name, value, stage, k, grp, users, epoch, step, protocol, protocol_label,"
              " recorded_at, max(id) FROM run_metric WHERE run_id = ?"
              // grp too: activity buckets share the overall value's protocol label.
              " GROUP BY stage, name, grp, protocol_label ORDER BY stage, name, protocol_label, grp"
            : "SELECT name, value, stage, k, grp, users, epoch, step, protocol, protocol_label,"
              " recorded_at FROM run_metric WHERE run_id = ? ORDER BY id");
    RECFORGE_TRY(stmt);
    stmt->bind(1, run);
    std::vector<MetricRecord> metrics;
    for (;;) {
        auto row = stmt->step();
        RECFORGE_TRY(row);
        if (!*row)
            break;
        metrics.push_back(readMetric(*stmt));
    }
    return metrics;
}

Expected<std::vector<CheckpointInfo>> selectCheckpoints(sqlite::Connection &db, int64_t run)
{
    auto stmt = db.prepare("SELECT id, run_id, epoch, step, path, sha256, bytes, is_best,"
                           " created_at FROM checkpoint WHERE run_id = ?"
                           " ORDER BY step, epoch, id");
    RECFORGE_TRY(stmt);
    stmt->bind(1, run);
    std::vector<CheckpointInfo> checkpoints;
    for (;;) {
        auto row = stmt->step();
        RECFORGE_TRY(row);
        if (!*row)
            break;
        CheckpointInfo c;
        c.id = stmt->columnInt64(0);
        c.runId = stmt->columnInt64(1);
        c.epoch = int(stmt->columnInt64(2));
        c.step = stmt->columnInt64(3);
        c.path = stmt->columnText(4);
        c.sha256 = stmt->columnText(5);
        c.bytes = stmt->columnInt64(6);
        c.isBest = stmt->columnInt64(7) != 0;
        c.createdAt = stmt->columnText(8);
        checkpoints.push_back(std::move(c));
    }
    return checkpoints;
}

Expected<std::vector<RunEvent>> selectRunEvents(sqlite::Connection &db, int64_t run,
                                                int64_t afterId, int64_t limit)
{
    auto stmt = db.prepare("SELECT id, at, level, message FROM run_event"
                           " WHERE run_id = ? AND id > ? ORDER BY id LIMIT ?");
    RECFORGE_TRY(stmt);
    stmt->bind(1, run).bind(2, afterId).bind(3, limit > 0 ? limit : int64_t(-1));
    std::vector<RunEvent> events;
    for (;;) {
        auto row = stmt->step();
        RECFORGE_TRY(row);
        if (!*row)
            break;
        events.push_back(
            {stmt->columnInt64(0), stmt->columnText(1), stmt->columnText(2), stmt->columnText(3)});
    }
    return events;
}

} // namespace recforge::store
