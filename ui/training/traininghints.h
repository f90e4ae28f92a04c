#pragma once

#include <vector>

#include <QString>

#include "eval/protocol.h"
#include "train/trainevents.h"

namespace recforge::ui {

// True when the monitored validation metric was still rising when training stopped: the best
// epoch is the last one (with at least two validated epochs), or each of the last three epochs
// improved. Epochs without a validation value (NaN) are ignored.
bool validationStillRising(const std::vector<recforge::EpochEvent> &epochs);

// "0.0612" with the protocol next to it, as the panels show a final metric.
QString metricValueText(double value);
// The protocol label of a metric value at its K ("leave-one-out/seed42, full ranking, test, K=10").
QString protocolText(const recforge::MetricValue &value);

} // namespace recforge::ui
