#include "trainprogress.h"

#include <cmath>
#include <cstdio>

#include "clicommon.h"

namespace recforge::cli {

void printTrainResult(const Args &args, const TrainRunResult &result)
{
    if (args.has("json")) {
        nlohmann::json metrics = nlohmann::json::array();
        for (const MetricValue &v : result.metrics)
            metrics.push_back(toJson(v));
        printJson({{"ok", true},
                   {"run", result.runId},
                   {"model", result.model},
                   {"params", result.resolvedParams},
                   {"parameters", result.parameterCount},
                   {"fit_seconds", result.fitSeconds},
                   {"eval_seconds", result.evalSeconds},
                   {"checkpoint", result.checkpointPath},
                   {"metrics", metrics}});
        return;
    }
    std::printf("Run %lld: %s fitted in %.1f s (%lld parameters)\n",
                static_cast<long long>(result.runId), result.model.c_str(), result.fitSeconds,
                static_cast<long long>(result.parameterCount));
    for (const MetricValue &v : result.metrics)
        if (v.group == "all")
            std::printf("  %s\n", v.toString().c_str());
}

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
    for (const auto &[name, value] : e.metrics)
        if (n < int(sizeof line) - 64)
            n += std::snprintf(line + n, sizeof line - size_t(n), "  %s %.4f", name.c_str(), value);
    std::snprintf(line + n, sizeof line - size_t(n), "  %.0f samples/s  %s", e.samplesPerSecond,
                  formatSeconds(e.seconds).c_str());
    m_bar.onMessage(line);
}

} // namespace recforge::cli
