#include "progressbar.h"

#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace recforge::cli {

namespace {
StopToken *g_interruptToken = nullptr;
volatile std::sig_atomic_t g_interrupts = 0;

void onInterrupt(int)
{
    g_interrupts = g_interrupts + 1;
    if (g_interrupts > 1)
        _exit(130);
    if (g_interruptToken)
        g_interruptToken->requestStop();
}
} // namespace

void installInterruptHandler(const StopToken &token)
{
    static StopToken held;
    held = token;
    g_interruptToken = &held;
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
}

std::string formatSeconds(double seconds)
{
    char buf[32];
    if (seconds < 60)
        std::snprintf(buf, sizeof buf, "%.1f s", seconds);
    else if (seconds < 3600)
        std::snprintf(buf, sizeof buf, "%dm%02ds", int(seconds) / 60, int(seconds) % 60);
    else
        std::snprintf(buf, sizeof buf, "%dh%02dm", int(seconds) / 3600, (int(seconds) / 60) % 60);
    return buf;
}

ProgressBar::ProgressBar(bool enabled) : m_enabled(enabled), m_tty(isatty(STDERR_FILENO) != 0) {}

ProgressBar::~ProgressBar()
{
    finish();
}

bool ProgressBar::onProgress(const Progress &p)
{
    if (!m_enabled)
        return true;
    std::lock_guard lock(m_mutex);
    const auto now = std::chrono::steady_clock::now();
    const bool newStage = p.stage != m_lastStage;
    if (!m_tty && !newStage && p.done < p.total && now - m_lastLine < std::chrono::seconds(5))
        return true;
    if (newStage && m_lineOpen && m_tty)
        std::fputc('\n', stderr);
    m_lastStage = p.stage;
    m_lastLine = now;

    constexpr int kWidth = 30;
    std::string line;
    if (p.total > 0) {
        const double f = p.fraction() > 1 ? 1 : p.fraction();
        const int filled = int(f * kWidth);
        line = "[" + std::string(size_t(filled), '#') + std::string(size_t(kWidth - filled), '-') +
               "] ";
        char pct[16];
        std::snprintf(pct, sizeof pct, "%3d%% ", int(f * 100));
        line += pct;
    } else {
        line = "[" + std::to_string(p.done) + "] ";
    }
    line += p.stage;
    line += "  " + formatSeconds(p.elapsedSeconds);
    if (p.etaSeconds > 0)
        line += ", " + formatSeconds(p.etaSeconds) + " left";
    if (m_tty)
        std::fprintf(stderr, "\r%-79s", line.c_str());
    else
        std::fprintf(stderr, "%s\n", line.c_str());
    std::fflush(stderr);
    m_lineOpen = m_tty;
    return true;
}

void ProgressBar::onMessage(const std::string &message)
{
    std::lock_guard lock(m_mutex);
    if (m_lineOpen)
        std::fputc('\n', stderr);
    m_lineOpen = false;
    std::fprintf(stderr, "%s\n", message.c_str());
}

void ProgressBar::finish()
{
    std::lock_guard lock(m_mutex);
    if (m_lineOpen)
        std::fputc('\n', stderr);
    m_lineOpen = false;
}

} // namespace recforge::cli
