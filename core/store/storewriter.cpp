#include "storewriter.h"

#include <exception>
#include <filesystem>
#include <map>

namespace recforge::store {

namespace {

constexpr size_t kMaxUnreported = 100; // kept in full; beyond that only counted
constexpr int kBeginAttempts = 6;      // x busyTimeoutMs before a batch is given up

Status runJob(const StoreWriter::Job &job, sqlite::Connection &db)
{
    try {
        return job(db);
    } catch (const std::exception &e) {
        return makeError(ErrorCode::Internal, std::string("store job threw: ") + e.what());
    } catch (...) {
        return makeError(ErrorCode::Internal, "store job threw an unknown exception");
    }
}

void runDone(const StoreWriter::Done &done, const Status &status)
{
    if (!done)
        return;
    try {
        done(status);
    } catch (...) {
        // A callback that throws must not kill the writer thread (and with it every later job).
    }
}

} // namespace

StoreWriter::StoreWriter(std::string path, std::unique_ptr<sqlite::Connection> db, Options options)
    : m_path(std::move(path)), m_options(options), m_db(std::move(db)), m_thread([this] { loop(); })
{
}

Expected<std::shared_ptr<StoreWriter>> StoreWriter::open(const std::string &path, Options options)
{
    auto db = sqlite::Connection::open(path, SQLITE_OPEN_READWRITE);
    RECFORGE_TRY(db);
    sqlite::Connection &c = **db;
    sqlite3_busy_timeout(c.handle(), options.busyTimeoutMs);
    // Per-connection settings; journal_mode=WAL is stored in the file by Project::open.
    RECFORGE_TRY(c.exec("PRAGMA synchronous = NORMAL"));
    RECFORGE_TRY(c.exec("PRAGMA foreign_keys = ON"));
    if (options.maxBatch == 0)
        options.maxBatch = 1;
    return std::shared_ptr<StoreWriter>(new StoreWriter(path, std::move(*db), options));
}

Expected<std::shared_ptr<StoreWriter>> StoreWriter::shared(const std::string &path, Options options)
{
    static std::mutex registryMutex;
    static std::map<std::string, std::weak_ptr<StoreWriter>> registry;
    std::error_code ec;
    std::string key = std::filesystem::weakly_canonical(path, ec).string();
    if (ec)
        key = path;
    std::lock_guard lock(registryMutex);
    for (auto it = registry.begin(); it != registry.end();) // forget writers that are gone
        it = it->second.expired() ? registry.erase(it) : std::next(it);
    if (auto it = registry.find(key); it != registry.end())
        if (auto writer = it->second.lock())
            return writer;
    auto writer = open(path, options);
    RECFORGE_TRY(writer);
    registry[key] = *writer;
    return *writer;
}

StoreWriter::~StoreWriter()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void StoreWriter::post(Job job, Done done)
{
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back(
            Item{std::move(job), std::move(done), ++m_postedSeq, std::chrono::steady_clock::now()});
        // Waking the writer for every job would cost a context switch per curve point; it only
        // needs waking when it sleeps on an empty queue or a batch became full.
        if (m_queue.size() != 1 && m_queue.size() < m_options.maxBatch)
            return;
    }
    m_wake.notify_one();
}

Status StoreWriter::flush()
{
    if (onWriterThread())
        return makeError(ErrorCode::Internal, "StoreWriter::flush() from inside a job");
    std::unique_lock lock(m_mutex);
    const int64_t target = m_postedSeq;
    ++m_flushWaiters;
    m_wake.notify_one();
    m_done.wait(lock, [&] { return m_doneSeq >= target; });
    --m_flushWaiters;
    if (m_unreportedCount == 0)
        return {};
    Error first = m_unreported.front();
    const int64_t count = m_unreportedCount;
    m_unreported.clear();
    m_unreportedCount = 0;
    if (count > 1)
        first.message =
            std::to_string(count) + " queued writes failed; the first: " + first.message;
    return tl::unexpected(first);
}

WriterStats StoreWriter::stats() const
{
    std::lock_guard lock(m_mutex);
    return m_stats;
}

void StoreWriter::loop()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [&] { return m_stop || !m_queue.empty(); });
        if (m_queue.empty())
            return; // stopping, and everything is written
        // Let the batch fill up, unless someone is waiting for it.
        const auto deadline = m_queue.front().posted + m_options.maxDelay;
        m_wake.wait_until(lock, deadline, [&] {
            return m_stop || m_flushWaiters > 0 || m_queue.size() >= m_options.maxBatch;
        });
        std::vector<Item> batch;
        const size_t take = std::min(m_queue.size(), m_options.maxBatch);
        batch.reserve(take);
        for (size_t i = 0; i < take; ++i) {
            batch.push_back(std::move(m_queue.front()));
            m_queue.pop_front();
        }
        lock.unlock();
        runBatch(batch);
        lock.lock();
        m_doneSeq = batch.back().seq;
        m_done.notify_all();
    }
}

Status StoreWriter::beginWithRetry()
{
    Status begun;
    for (int attempt = 0; attempt < kBeginAttempts; ++attempt) {
        begun = m_db->exec("BEGIN IMMEDIATE"); // waits busyTimeoutMs for the write lock
        if (begun)
            return {};
    }
    return begun;
}

void StoreWriter::reportFailure(const Item &item, const Error &error)
{
    std::lock_guard lock(m_mutex);
    ++m_stats.failedJobs;
    if (item.done)
        return; // its caller hears about it
    ++m_unreportedCount;
    if (m_unreported.size() < kMaxUnreported)
        m_unreported.push_back(error);
}

void StoreWriter::runBatch(std::vector<Item> &batch)
{
    std::vector<Status> results(batch.size());
    Status batchStatus = beginWithRetry();
    if (batchStatus) {
        for (size_t i = 0; i < batch.size(); ++i) {
            // A savepoint per job: a failing job is undone alone. If even the savepoint cannot be
            // taken, the job is not run (running it unprotected could leave half its changes).
            if (auto sp = m_db->exec("SAVEPOINT job"); !sp) {
                results[i] = sp;
                continue;
            }
            results[i] = runJob(batch[i].job, *m_db);
            if (!results[i])
                (void)m_db->exec("ROLLBACK TO job");
            (void)m_db->exec("RELEASE job");
        }
        batchStatus = m_db->exec("COMMIT");
        if (!batchStatus)
            (void)m_db->exec("ROLLBACK");
    }
    {
        std::lock_guard lock(m_mutex);
        m_stats.batches += 1;
        m_stats.jobs += int64_t(batch.size());
    }
    for (size_t i = 0; i < batch.size(); ++i) {
        Status final = batchStatus ? results[i] : batchStatus;
        if (!final)
            reportFailure(batch[i], final.error());
        runDone(batch[i].done, final);
    }
}

} // namespace recforge::store
