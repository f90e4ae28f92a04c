#include "progress.h"

namespace recforge {

using Clock = std::chrono::steady_clock;

ProgressReporter::ProgressReporter(Observer &observer, StopToken stop, std::string stage,
                                   int64_t total)
    : m_observer(observer), m_stop(std::move(stop)), m_stage(std::move(stage)), m_total(total),
      m_start(Clock::now()), m_lastReport(Clock::time_point{})
{
    // m_lastReport starts at the clock's epoch so the first tick() reports; time_point::min()
    // made `now - m_lastReport` overflow, and no tick ever reported (nor saw a stop request).
}

bool ProgressReporter::tick(int64_t done)
{
    m_done = done;
    const auto now = Clock::now();
    if (now - m_lastReport < std::chrono::milliseconds(50))
        return !stopRequested();
    return report(done);
}

bool ProgressReporter::finish()
{
    return report(m_total > 0 ? m_total : m_done);
}

void ProgressReporter::setStage(std::string stage, int64_t total)
{
    m_stage = std::move(stage);
    m_total = total;
    m_done = 0;
    m_start = Clock::now();
    m_lastReport = Clock::time_point{};
}

bool ProgressReporter::report(int64_t done)
{
    const auto now = Clock::now();
    m_lastReport = now;
    Progress p;
    p.stage = m_stage;
    p.done = done;
    p.total = m_total;
    p.elapsedSeconds = std::chrono::duration<double>(now - m_start).count();
    if (m_total > 0 && done > 0 && done < m_total)
        p.etaSeconds = p.elapsedSeconds * double(m_total - done) / double(done);
    else if (m_total > 0 && done >= m_total)
        p.etaSeconds = 0;
    if (!m_observer.onProgress(p))
        m_stopped = true;
    return !stopRequested();
}

} // namespace recforge
