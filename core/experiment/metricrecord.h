#pragma once

#include "eval/protocol.h"
#include "store/runtypes.h"

namespace recforge {

// The store's form of a metric value: the protocol kept as JSON and as its label.
MetricRecord toMetricRecord(const MetricValue &value, int epoch = 0);

} // namespace recforge
