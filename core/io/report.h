#pragma once
// Experiment report: one self-contained HTML file (no scripts, no external resources) with a
// run's summary, resolved parameters, metrics grouped by protocol label, and its curves (loss,
// validation metrics, learning rate...) as inline SVG polylines. Torch-free.

#include <cstdint>
#include <string>
#include <vector>

#include "common/error.h"
#include "store/runtypes.h"

namespace recforge {

// The HTML text for a run and its curves.
std::string renderRunReport(const RunDetail &run, const std::vector<CurveSeries> &curves);

// Reads run `runId` and its curves from the project's RunStore and renders them. Errors:
// NotFound (project or run), Database.
Expected<std::string> runReportHtml(const std::string &projectPath, int64_t runId);

} // namespace recforge
