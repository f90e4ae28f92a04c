// RunStore's read side: every query runs on the store's read connection, in one snapshot.

#include <filesystem>

#include "common/sha256.h"
#include "store/curvetable.h"
#include "store/runstore.h"
#include "store/runstoreimpl.h"
#include "store/runtable.h"

namespace recforge {

namespace fs = std::filesystem;

namespace {

std::string describe(const CheckpointInfo &c)
{
    return "checkpoint " + c.path + " (epoch " + std::to_string(c.epoch) + ", step " +
           std::to_string(c.step) + ")";
}

Status addExtras(sqlite::Connection &db, RunSummary &run)
{
    auto metrics = store::selectMetrics(db, run.id, true);
    RECFORGE_TRY(metrics);
    run.lastMetrics = std::move(*metrics);
    auto curves = store::selectCurveStats(db, run.id);
    RECFORGE_TRY(curves);
    run.curves = std::move(*curves);
    return {};
}

} // namespace

Expected<std::vector<RunSummary>> RunStore::listRuns(const RunFilter &filter) const
{
    std::lock_guard lock(m_impl->readMutex);
    sqlite::Connection &db = *m_impl->reader;
    return withReadSnapshot(db, [&]() -> Expected<std::vector<RunSummary>> {
        auto runs = store::selectRuns(db, filter);
        RECFORGE_TRY(runs);
        for (RunSummary &r : *runs)
            RECFORGE_TRY(addExtras(db, r));
        return runs;
    });
}

Expected<RunDetail> RunStore::run(int64_t id) const
{
    std::lock_guard lock(m_impl->readMutex);
    sqlite::Connection &db = *m_impl->reader;
    return withReadSnapshot(db, [&]() -> Expected<RunDetail> {
        RunDetail detail;
        auto summary = store::selectRun(db, id);
        RECFORGE_TRY(summary);
        detail.summary = std::move(*summary);
        RECFORGE_TRY(addExtras(db, detail.summary));
        auto params = store::selectRunParams(db, id);
        RECFORGE_TRY(params);
        detail.paramsJson = std::move(*params);
        auto metrics = store::selectMetrics(db, id, false);
        RECFORGE_TRY(metrics);
        detail.metrics = std::move(*metrics);
        auto checkpoints = store::selectCheckpoints(db, id);
        RECFORGE_TRY(checkpoints);
        detail.checkpoints = std::move(*checkpoints);
        return detail;
    });
}

Expected<std::vector<CurveSeries>>
RunStore::curves(int64_t run, const std::vector<std::string> &series, int64_t afterId) const
{
    std::lock_guard lock(m_impl->readMutex);
    sqlite::Connection &db = *m_impl->reader;
    return withReadSnapshot(db, [&]() { return store::selectCurves(db, run, series, afterId); });
}

Expected<std::vector<RunEvent>> RunStore::events(int64_t run, int64_t afterId, int64_t limit) const
{
    std::lock_guard lock(m_impl->readMutex);
    return store::selectRunEvents(*m_impl->reader, run, afterId, limit);
}

Expected<std::optional<CheckpointInfo>> RunStore::latestCheckpoint(int64_t run) const
{
    std::lock_guard lock(m_impl->readMutex);
    sqlite::Connection &db = *m_impl->reader;
    return withReadSnapshot(db, [&]() -> Expected<std::optional<CheckpointInfo>> {
        RECFORGE_TRY(store::selectRunStatus(db, run)); // NotFound for an unknown run
        auto checkpoints = store::selectCheckpoints(db, run);
        RECFORGE_TRY(checkpoints);
        if (checkpoints->empty())
            return std::nullopt;
        return checkpoints->back();
    });
}

Expected<ResumePoint> RunStore::resumableCheckpoint(int64_t run) const
{
    std::vector<CheckpointInfo> checkpoints;
    {
        std::lock_guard lock(m_impl->readMutex);
        sqlite::Connection &db = *m_impl->reader;
        auto rows = withReadSnapshot(db, [&]() -> Expected<std::vector<CheckpointInfo>> {
            RECFORGE_TRY(store::selectRunStatus(db, run));
            return store::selectCheckpoints(db, run);
        });
        RECFORGE_TRY(rows);
        checkpoints = std::move(*rows);
    }
    if (checkpoints.empty())
        return makeError(ErrorCode::NotFound,
                         "run " + std::to_string(run) + " has no checkpoint to resume from");
    // Hashing can take a while for big checkpoints: done without holding the read lock.
    ResumePoint point;
    for (auto it = checkpoints.rbegin(); it != checkpoints.rend(); ++it) {
        const std::string file = (fs::path(m_impl->artifactsDir) / it->path).string();
        std::error_code ec;
        if (!fs::is_regular_file(file, ec)) {
            point.skipped.push_back({describe(*it) + ": the file is missing", {file, 0, 0, {}}});
            continue;
        }
        auto digest = sha256File(file);
        if (!digest) {
            point.skipped.push_back(
                {describe(*it) + ": " + digest.error().message, {file, 0, 0, {}}});
            continue;
        }
        if (*digest != it->sha256) {
            point.skipped.push_back({describe(*it) + ": the file changed (sha256 " + *digest +
                                         ", recorded " + it->sha256 + ")",
                                     {file, 0, 0, {}}});
            continue;
        }
        point.checkpoint = *it;
        point.absolutePath = file;
        return point;
    }
    std::string message = "run " + std::to_string(run) + " has no usable checkpoint:";
    for (const Warning &w : point.skipped)
        message += " " + w.message + ";";
    message.pop_back();
    return makeError(ErrorCode::NotFound, message);
}

} // namespace recforge
