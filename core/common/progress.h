#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

namespace recforge {

// Shared cancellation flag. Copies observe the same flag; a default-constructed token can still be
// stopped (it owns a fresh flag). Long loops check stopRequested() between units of work.
class StopToken {
public:
    StopToken() : m_flag(std::make_shared<std::atomic<bool>>(false)) {}
    void requestStop() const { m_flag->store(true, std::memory_order_relaxed); }
    bool stopRequested() const { return m_flag->load(std::memory_order_relaxed); }

private:
    std::shared_ptr<std::atomic<bool>> m_flag;
};

// One progress report of a long job: `done` of `total` units (bytes, rows, batches) in a named
// stage.
struct Progress {
    std::string stage; // "parse", "sequences", "store", "epoch 3/10" ...
    int64_t done = 0;
    int64_t total = 0; // 0 = unknown
    double elapsedSeconds = 0;
    double etaSeconds = -1; // < 0 = unknown

    double fraction() const { return total > 0 ? double(done) / double(total) : 0.0; }
};

// The only channel from a core job to the UI / CLI. Implementations must be thread-safe with
// respect to the job's thread (the job calls them from its worker thread). Returning false from
// onProgress requests a stop, like cancelling the StopToken.
class Observer {
public:
    virtual ~Observer() = default;
    virtual bool onProgress(const Progress &) { return true; }
    virtual void onMessage(const std::string &) {}
};

// Observer that does nothing; for tests and callers that do not care.
class NullObserver final : public Observer {};

// Turns done/total counts into Progress with elapsed time and a linear ETA, throttled so a tight
// loop can call tick() every row without flooding the observer (reports at most every ~50 ms,
// plus the final one).
class ProgressReporter {
public:
    ProgressReporter(Observer &observer, StopToken stop, std::string stage, int64_t total);

    // Reports progress when due. Returns false when the job should stop (token or observer).
    bool tick(int64_t done);
    // Always reports (e.g. at the end of a stage).
    bool finish();
    void setStage(std::string stage, int64_t total);
    bool stopRequested() const { return m_stopped || m_stop.stopRequested(); }

private:
    bool report(int64_t done);

    Observer &m_observer;
    StopToken m_stop;
    std::string m_stage;
    int64_t m_total;
    int64_t m_done = 0;
    bool m_stopped = false;
    std::chrono::steady_clock::time_point m_start;
    std::chrono::steady_clock::time_point m_lastReport;
};

} // namespace recforge
