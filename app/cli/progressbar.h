#pragma once

#include <chrono>
#include <mutex>
#include <string>

#include "common/progress.h"

namespace recforge::cli {

// Observer that draws a progress bar with ETA on stderr ("[#####-----]  52% parse  3.1 s left").
// On a terminal it redraws in place; otherwise (logs, pipes) it prints one line every few seconds.
// Ctrl-C requests a stop through the StopToken installed by installInterruptHandler().
class ProgressBar final : public Observer {
public:
    explicit ProgressBar(bool enabled);
    ~ProgressBar() override;
    bool onProgress(const Progress &progress) override;
    void onMessage(const std::string &message) override;
    // Ends the current bar line.
    void finish();

private:
    bool m_enabled;
    bool m_tty;
    bool m_lineOpen = false;
    std::string m_lastStage;
    std::chrono::steady_clock::time_point m_lastLine;
    std::mutex m_mutex;
};

// Installs a SIGINT/SIGTERM handler that stops `token` (a second Ctrl-C exits at once).
void installInterruptHandler(const StopToken &token);

std::string formatSeconds(double seconds);

} // namespace recforge::cli
