#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "common/error.h"
#include "store/sqlite.h"

namespace recforge::store {

// Counters for tests, benchmarks and the status bar.
struct WriterStats {
    int64_t jobs = 0;       // jobs finished (committed or failed)
    int64_t failedJobs = 0; // jobs whose changes were rolled back
    int64_t batches = 0;    // transactions committed (or attempted)
};

// The one thread that writes a project file's experiment data. Callers post small jobs (a curve
// point, a metric, a status change); the thread runs them in order, many per transaction (a batch
// closes after `maxDelay` or `maxBatch` jobs, or at once when someone waits in flush()), so a
// training loop that logs a point per batch never waits for SQLite.
//
// Each job runs inside its own SAVEPOINT: a failing job is rolled back alone and never takes the
// rest of its batch with it. Failures are never dropped: a job posted with a `done` callback gets
// its Status there; the errors of jobs without one are collected and returned by the next flush().
//
// Jobs run on the writer's own connection (WAL: readers on other connections are not blocked and
// see a job's changes once its batch has committed, i.e. after flush() or a synchronous call()
// returned). Jobs must not call flush() / call() themselves, and must not own the last reference
// to the writer.
class StoreWriter {
public:
    using Job = std::function<Status(sqlite::Connection &)>;
    using Done = std::function<void(const Status &)>;

    struct Options {
        std::chrono::milliseconds maxDelay{100}; // longest a posted job waits for its commit
        size_t maxBatch = 500;                   // jobs per transaction at most
        int busyTimeoutMs = 5000;                // another connection holding the write lock
    };

    // Opens its own connection to the (already migrated) project file at `path` and starts the
    // thread. Database error naming the path when the file cannot be opened.
    static Expected<std::shared_ptr<StoreWriter>> open(const std::string &path, Options options);
    static Expected<std::shared_ptr<StoreWriter>> open(const std::string &path)
    {
        return open(path, Options{});
    }
    // The writer of `path` in this process: every RunStore (and later study store) on the same
    // file shares one thread, so their writes never contend for SQLite's write lock. Opens one
    // (with `options`) when none is alive.
    static Expected<std::shared_ptr<StoreWriter>> shared(const std::string &path, Options options);
    static Expected<std::shared_ptr<StoreWriter>> shared(const std::string &path)
    {
        return shared(path, Options{});
    }

    // Runs every job still queued, then joins the thread.
    ~StoreWriter();
    StoreWriter(const StoreWriter &) = delete;
    StoreWriter &operator=(const StoreWriter &) = delete;

    // Queues a job; returns at once. `done` (optional) runs on the writer thread after the job's
    // batch committed (or failed), with the job's final Status.
    void post(Job job, Done done = {});

    // Queues `job` and waits until its batch committed; returns what the job returned (or the
    // commit error). Internal error when called from a job.
    template <typename T> Expected<T> call(std::function<Expected<T>(sqlite::Connection &)> job)
    {
        if (onWriterThread())
            return makeError(ErrorCode::Internal, "StoreWriter::call() from inside a job");
        auto result = std::make_shared<Expected<T>>(makeError(ErrorCode::Internal, "not run"));
        // Shared: the writer may still be inside set_value() when this thread wakes and returns.
        auto finished = std::make_shared<std::promise<void>>();
        auto future = finished->get_future();
        post(
            [job = std::move(job), result](sqlite::Connection &db) -> Status {
                *result = job(db);
                if (*result)
                    return {};
                return tl::unexpected(result->error());
            },
            [result, finished](const Status &status) {
                if (!status && *result) // the job succeeded but its batch did not commit
                    *result = tl::unexpected(status.error());
                finished->set_value();
            });
        future.wait();
        return std::move(*result);
    }

    // Waits until every job posted before this call has committed or failed. Returns the errors
    // of failed jobs that had no `done` callback (since the previous flush), as one Database
    // error naming how many failed and the first failure; Internal error when called from a job.
    Status flush();

    WriterStats stats() const;
    const std::string &path() const { return m_path; }
    bool onWriterThread() const { return std::this_thread::get_id() == m_thread.get_id(); }

private:
    struct Item {
        Job job;
        Done done;
        int64_t seq = 0;
        std::chrono::steady_clock::time_point posted;
    };

    StoreWriter(std::string path, std::unique_ptr<sqlite::Connection> db, Options options);
    void loop();
    void runBatch(std::vector<Item> &batch);
    Status beginWithRetry();
    void reportFailure(const Item &item, const Error &error);

    const std::string m_path;
    const Options m_options;
    std::unique_ptr<sqlite::Connection> m_db; // used only by the writer thread

    mutable std::mutex m_mutex;
    std::condition_variable m_wake; // writer: work, flush request or stop
    std::condition_variable m_done; // flushers: m_doneSeq advanced
    std::deque<Item> m_queue;
    int64_t m_postedSeq = 0;
    int64_t m_doneSeq = 0;
    int m_flushWaiters = 0;
    bool m_stop = false;
    std::vector<Error> m_unreported; // failures of jobs without `done`
    int64_t m_unreportedCount = 0;
    WriterStats m_stats;

    std::thread m_thread; // last: starts after everything above is constructed
};

} // namespace recforge::store
