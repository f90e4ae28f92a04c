#include "runstore.h"

#include <algorithm>
#include <chrono>
#include <filesystem>

#include "common/sha256.h"
#include "recforge/version.h"
#include "store/curvetable.h"
#include "store/processinfo.h"
#include "store/project.h"
#include "store/runstoreimpl.h"
#include "store/runtable.h"

namespace recforge {

namespace fs = std::filesystem;

namespace {

double nowUnixSeconds()
{
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string codeVersion()
{
    return std::string(kVersion) + "+" + kGitCommit;
}

} // namespace

// --- Impl -------------------------------------------------------------------------------------

void RunStore::Impl::queueCurvePoints(int64_t run, const std::string &series,
                                      std::vector<CurvePoint> points)
{
    const double now = nowUnixSeconds();
    std::lock_guard lock(pendingMutex);
    PendingCurves &p = pending[run];
    // A run logs a handful of series: a linear search beats hashing the name.
    const auto named = std::find(p.series.begin(), p.series.end(), series);
    const auto index = uint32_t(named - p.series.begin());
    if (named == p.series.end())
        p.series.push_back(series);
    for (CurvePoint &point : points) {
        if (point.wallTime == 0)
            point.wallTime = now;
        p.points.emplace_back(index, point);
    }
    if (p.scheduled)
        return; // the queued job has not taken the buffer yet: it will store these too
    p.scheduled = true;
    // Posted under pendingMutex so that a flush() after this call finds the job queued.
    writer->post([this, run](sqlite::Connection &db) { return drainCurves(db, run); });
}

Status RunStore::Impl::drainCurves(sqlite::Connection &db, int64_t run)
{
    PendingCurves taken;
    {
        std::lock_guard lock(pendingMutex);
        auto it = pending.find(run);
        if (it == pending.end())
            return {};
        taken = std::move(it->second);
        pending.erase(it); // later points schedule a new job
    }
    // Group by series, keeping each series' order.
    std::vector<std::vector<CurvePoint>> bySeries(taken.series.size());
    for (const auto &[index, point] : taken.points)
        bySeries[index].push_back(point);
    taken.points.clear();
    for (size_t i = 0; i < bySeries.size(); ++i) {
        if (auto ok = store::insertCurvePoints(db, run, taken.series[i], bySeries[i]); !ok) {
            size_t count = 0;
            for (const auto &points : bySeries)
                count += points.size();
            Error e = ok.error();
            e.message = "run " + std::to_string(run) + ": " + std::to_string(count) +
                        " curve points not stored: " + e.message;
            return tl::unexpected(e);
        }
    }
    return store::touchRun(db, run);
}

// --- open / close -----------------------------------------------------------------------------

RunStore::RunStore(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

RunStore::~RunStore()
{
    std::set<int64_t> live;
    {
        std::lock_guard lock(m_impl->liveMutex);
        live.swap(m_impl->liveRuns);
    }
    for (int64_t run : live)
        (void)finishRun(run, RunStatus::Interrupted, "the run store was closed while it ran");
    // Every job that points at this store must be done before Impl goes away.
    (void)m_impl->writer->flush();
}

Expected<std::unique_ptr<RunStore>> RunStore::open(const Project &project, Options options)
{
    auto impl = std::make_unique<Impl>();
    impl->path = project.path();
    // Absolute, so the paths it hands out (runArtifactsDir) stay valid for recordCheckpoint and
    // for a later working directory when the project was opened by a relative path.
    impl->artifactsDir = fs::absolute(project.artifactsDir()).lexically_normal().string();
    impl->options = options;

    auto reader = sqlite::Connection::open(impl->path, SQLITE_OPEN_READWRITE);
    RECFORGE_TRY(reader);
    sqlite3_busy_timeout((*reader)->handle(), 5000);
    auto tables = (*reader)->queryInt(
        "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'run'");
    RECFORGE_TRY(tables);
    if (*tables == 0)
        return makeError(ErrorCode::Database,
                         impl->path + ": the project has no experiment tables (not migrated)",
                         Location{impl->path, 0, 0, {}});
    impl->reader = std::move(*reader);

    store::StoreWriter::Options writerOptions;
    writerOptions.maxDelay = options.writerMaxDelay;
    writerOptions.maxBatch = options.writerMaxBatch;
    auto writer = store::StoreWriter::shared(impl->path, writerOptions);
    RECFORGE_TRY(writer);
    impl->writer = std::move(*writer);

    std::unique_ptr<RunStore> runs(new RunStore(std::move(impl)));
    if (options.markInterruptedOnOpen)
        RECFORGE_TRY(runs->markInterruptedRuns());
    return runs;
}

Expected<std::unique_ptr<RunStore>> RunStore::open(const std::string &projectPath, Options options)
{
    auto project = Project::open(projectPath, true);
    RECFORGE_TRY(project);
    return open(**project, options);
}

const std::string &RunStore::projectPath() const
{
    return m_impl->path;
}

const std::string &RunStore::artifactsDir() const
{
    return m_impl->artifactsDir;
}

std::shared_ptr<store::StoreWriter> RunStore::writer() const
{
    return m_impl->writer;
}

// --- writes -----------------------------------------------------------------------------------

Expected<int64_t> RunStore::createRun(const RunSpec &spec)
{
    const std::string version = spec.codeVersion.empty() ? codeVersion() : spec.codeVersion;
    auto id = m_impl->writer->call<int64_t>([&](sqlite::Connection &db) -> Expected<int64_t> {
        const store::ProcessIdentity &self = store::currentProcess();
        auto run = store::insertRun(db, spec, version, self);
        RECFORGE_TRY(run);
        RECFORGE_TRY(store::insertRunEvent(db, *run, "info",
                                           "started by process " + std::to_string(self.pid) +
                                               " on " + self.host + ", device " + spec.device +
                                               ", code " + version));
        return *run;
    });
    RECFORGE_TRY(id);
    std::lock_guard lock(m_impl->liveMutex);
    m_impl->liveRuns.insert(*id);
    return *id;
}

void RunStore::appendCurvePoint(int64_t run, const std::string &series, CurvePoint point)
{
    m_impl->queueCurvePoints(run, series, {point});
}

void RunStore::appendCurvePoints(int64_t run, const std::string &series,
                                 std::vector<CurvePoint> points)
{
    if (!points.empty())
        m_impl->queueCurvePoints(run, series, std::move(points));
}

void RunStore::logMessage(int64_t run, const std::string &level, const std::string &message)
{
    m_impl->writer->post([run, level, message](sqlite::Connection &db) {
        return store::insertRunEvent(db, run, level, message);
    });
}

void RunStore::recordMetric(int64_t run, MetricRecord metric)
{
    recordMetrics(run, {std::move(metric)});
}

void RunStore::recordMetrics(int64_t run, std::vector<MetricRecord> metrics)
{
    const std::string now = store::nowIso8601Ms();
    for (MetricRecord &m : metrics)
        if (m.recordedAt.empty())
            m.recordedAt = now;
    m_impl->writer->post([run, metrics = std::move(metrics)](sqlite::Connection &db) -> Status {
        for (const MetricRecord &m : metrics)
            RECFORGE_TRY(store::insertMetric(db, run, m));
        return {};
    });
}

void RunStore::heartbeat(int64_t run)
{
    m_impl->writer->post([run](sqlite::Connection &db) { return store::touchRun(db, run); });
}

Expected<CheckpointInfo> RunStore::recordCheckpoint(int64_t run, int epoch, int64_t step,
                                                    const std::string &path, bool isBest)
{
    std::error_code ec;
    const fs::path root = fs::weakly_canonical(m_impl->artifactsDir, ec);
    fs::path file = fs::path(path).is_absolute() ? fs::path(path) : root / path;
    file = fs::weakly_canonical(file, ec);
    const fs::path relative = file.lexically_relative(root);
    if (ec || relative.empty() || *relative.begin() == "..")
        return makeError(ErrorCode::InvalidArgument,
                         path + ": a checkpoint must lie inside the artifacts folder " +
                             m_impl->artifactsDir,
                         Location{path, 0, 0, "path"});
    auto digest = sha256File(file.string());
    RECFORGE_TRY(digest);
    const auto bytes = fs::file_size(file, ec);
    if (ec)
        return makeError(ErrorCode::Io, file.string() + ": cannot read size: " + ec.message(),
                         Location{file.string(), 0, 0, {}});
    CheckpointInfo info;
    info.runId = run;
    info.epoch = epoch;
    info.step = step;
    info.path = relative.generic_string();
    info.sha256 = *digest;
    info.bytes = int64_t(bytes);
    info.isBest = isBest;
    info.createdAt = store::nowIso8601Ms();
    m_impl->writer->post(
        [info](sqlite::Connection &db) { return store::insertCheckpoint(db, info); });
    return info;
}

Expected<std::string> RunStore::runArtifactsDir(int64_t run) const
{
    const fs::path dir = fs::path(m_impl->artifactsDir) / "runs" / std::to_string(run);
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        return makeError(ErrorCode::Io, dir.string() + ": cannot create: " + ec.message(),
                         Location{dir.string(), 0, 0, {}});
    return dir.string();
}

Status RunStore::finishRun(int64_t run, RunStatus status, const std::string &error)
{
    auto done = m_impl->writer->call<void>([&](sqlite::Connection &db) -> Status {
        RECFORGE_TRY(store::finishRunRow(db, run, status, error));
        std::string message = std::string("run ") + runStatusName(status);
        if (!error.empty())
            message += ": " + error;
        const bool bad = status == RunStatus::Failed || status == RunStatus::Interrupted;
        return store::insertRunEvent(db, run, bad ? "error" : "info", message);
    });
    if (done) {
        std::lock_guard lock(m_impl->liveMutex);
        m_impl->liveRuns.erase(run);
    }
    return done;
}

Expected<ResumePoint> RunStore::resumeRun(int64_t run)
{
    auto point = resumableCheckpoint(run);
    RECFORGE_TRY(point);
    auto resumed = m_impl->writer->call<void>([&](sqlite::Connection &db) -> Status {
        RECFORGE_TRY(store::resumeRunRow(db, run, store::currentProcess()));
        auto removed = store::truncateCurves(db, run, point->checkpoint.step);
        RECFORGE_TRY(removed);
        return store::insertRunEvent(db, run, "info",
                                     "resumed from checkpoint " + point->checkpoint.path +
                                         " (epoch " + std::to_string(point->checkpoint.epoch) +
                                         ", step " + std::to_string(point->checkpoint.step) +
                                         "); " + std::to_string(*removed) +
                                         " later curve points dropped");
    });
    RECFORGE_TRY(resumed);
    std::lock_guard lock(m_impl->liveMutex);
    m_impl->liveRuns.insert(run);
    return point;
}

Expected<std::vector<int64_t>> RunStore::markInterruptedRuns()
{
    const int64_t staleMs = int64_t(m_impl->options.staleAfterSeconds * 1000);
    return m_impl->writer->call<std::vector<int64_t>>(
        [&](sqlite::Connection &db) -> Expected<std::vector<int64_t>> {
            auto running = store::selectRunningRuns(db);
            RECFORGE_TRY(running);
            const int64_t now = store::nowUnixMs();
            std::vector<int64_t> interrupted;
            for (const store::LiveRun &r : *running) {
                const std::string owner =
                    "process " + std::to_string(r.owner.pid) + " on " + r.owner.host;
                const bool stale = now - r.heartbeatMs > staleMs;
                std::string reason;
                if (store::isLocalProcess(r.owner)) {
                    // A live local process is the owner for sure when its start time matches;
                    // without a start time (non-Linux) a reused pid is caught by staleness.
                    if (!store::isProcessAlive(r.owner))
                        reason = owner + " is gone";
                    else if (r.owner.startTicks == 0 && stale)
                        reason = owner + " sent no heartbeat for " +
                                 std::to_string((now - r.heartbeatMs) / 1000) + " s";
                } else if (stale) {
                    reason = owner + " sent no heartbeat for " +
                             std::to_string((now - r.heartbeatMs) / 1000) + " s";
                }
                if (reason.empty())
                    continue;
                RECFORGE_TRY(store::interruptRunRow(db, r, reason));
                interrupted.push_back(r.id);
            }
            return interrupted;
        });
}

Status RunStore::deleteRun(int64_t run)
{
    auto deleted = m_impl->writer->call<void>([&](sqlite::Connection &db) -> Status {
        auto status = store::selectRunStatus(db, run);
        RECFORGE_TRY(status);
        if (*status == RunStatus::Running)
            return makeError(ErrorCode::InvalidArgument,
                             "run " + std::to_string(run) +
                                 " is running: finish or cancel it before deleting it",
                             Location{{}, 0, 0, "status"});
        return store::deleteRunRow(db, run);
    });
    RECFORGE_TRY(deleted);
    std::error_code ec;
    const fs::path dir = fs::path(m_impl->artifactsDir) / "runs" / std::to_string(run);
    fs::remove_all(dir, ec);
    if (ec)
        return makeError(ErrorCode::Io,
                         dir.string() + ": run deleted, but its folder was not: " + ec.message(),
                         Location{dir.string(), 0, 0, {}});
    return {};
}

Status RunStore::flush()
{
    return m_impl->writer->flush();
}

} // namespace recforge
