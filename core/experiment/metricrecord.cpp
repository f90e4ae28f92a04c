#include "metricrecord.h"

namespace recforge {

MetricRecord toMetricRecord(const MetricValue &v, int epoch)
{
    MetricRecord r;
    r.name = v.name;
    r.value = v.value;
    r.stage = evalStageName(v.protocol.stage);
    r.k = v.k;
    r.group = v.group;
    r.users = v.users;
    r.epoch = epoch;
    r.protocolJson = toJson(v.protocol).dump();
    r.protocolLabel = v.k > 0 ? v.protocol.label(v.k) : v.protocol.label();
    return r;
}

} // namespace recforge
