#include "trainprogress.h"

#include <cmath>
#include <cstdio>

namespace recforge::cli {

void TrainProgress::onEpoch(const EpochEvent &e)
{
    if (!m_enabled)
        return;
    char line[256];
    int n =
        std::snprintf(line, sizeof line, "epoch %d/%d  loss %.4f", e.epoch, e.epochs, e.trainLoss);
    if (!std::isnan(e.monitored))
        n += std::snprintf(line + n, sizeof line - size_t(n), "  valid %.4f%s", e.monitored,
                           e.improved ? " *" : "");
    std::snprintf(line + n, sizeof line - size_t(n), "  %.0f samples/s  %s", e.samplesPerSecond,
                  formatSeconds(e.seconds).c_str());
    m_bar.onMessage(line);
}

} // namespace recforge::cli
