#pragma once
// RunStore's private state, shared by runstore.cpp (writes) and runstorereads.cpp (reads).

#include <deque>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "store/runstore.h"
#include "store/sqlite.h"
#include "store/storewriter.h"

namespace recforge {

struct RunStore::Impl {
    // Curve points of one run waiting for their writer job. At most one job per run is queued:
    // a training loop's thousands of points cost one job (and one transaction) per batch window.
    // A deque, not a vector: when the trainer outpaces SQLite the buffer grows, and a vector's
    // reallocation would stall the training thread for the copy (measured: 186 ms at 1M points).
    struct PendingCurves {
        std::vector<std::string> series;                    // names, by index
        std::deque<std::pair<uint32_t, CurvePoint>> points; // (series index, point)
        bool scheduled = false;
    };

    std::string path;
    std::string artifactsDir;
    Options options;
    std::shared_ptr<store::StoreWriter> writer;

    mutable std::mutex readMutex;
    std::unique_ptr<sqlite::Connection> reader;

    std::mutex pendingMutex;
    std::unordered_map<int64_t, PendingCurves> pending;

    std::mutex liveMutex;
    std::set<int64_t> liveRuns; // created or resumed here, not finished yet

    void queueCurvePoints(int64_t run, const std::string &series, std::vector<CurvePoint> points);
    // Writer job: stores the run's pending points (and refreshes its heartbeat).
    Status drainCurves(sqlite::Connection &db, int64_t run);
};

// Runs `body` inside one read transaction on the reader, so a multi-statement read sees a single
// snapshot. Caller holds readMutex.
template <typename F> auto withReadSnapshot(sqlite::Connection &db, F &&body) -> decltype(body())
{
    if (auto begun = db.exec("BEGIN"); !begun)
        return tl::unexpected(begun.error());
    auto result = body();
    (void)db.exec(result ? "COMMIT" : "ROLLBACK"); // a read transaction: nothing to lose
    return result;
}

} // namespace recforge
