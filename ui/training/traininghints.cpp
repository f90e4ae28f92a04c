#include "traininghints.h"

#include <cmath>

namespace recforge::ui {

bool validationStillRising(const std::vector<recforge::EpochEvent> &epochs)
{
    std::vector<const recforge::EpochEvent *> validated;
    for (const recforge::EpochEvent &e : epochs)
        if (std::isfinite(e.monitored))
            validated.push_back(&e);
    if (validated.size() < 2)
        return false;
    size_t best = 0;
    for (size_t i = 1; i < validated.size(); ++i)
        if (validated[i]->monitored > validated[best]->monitored)
            best = i;
    if (best == validated.size() - 1)
        return true;
    if (validated.size() < 3)
        return false;
    for (size_t i = validated.size() - 3; i < validated.size(); ++i)
        if (!validated[i]->improved)
            return false;
    return true;
}

QString metricValueText(double value)
{
    return std::isfinite(value) ? QString::number(value, 'f', 4) : QStringLiteral("—");
}

QString protocolText(const recforge::MetricValue &value)
{
    return QString::fromStdString(value.k > 0 ? value.protocol.label(value.k)
                                              : value.protocol.label());
}

} // namespace recforge::ui
