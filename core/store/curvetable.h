#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "common/error.h"
#include "store/runtypes.h"
#include "store/sqlite.h"

// The SQL behind RunStore's curves: points per (run, series) plus per-series running statistics.
// Single-threaded like runtable.h.
namespace recforge::store {

// Appends `points` (in order) to the series `series` of `run`, creating the series on first use,
// and updates its statistics. Database error (foreign key) for an unknown run.
Status insertCurvePoints(sqlite::Connection &db, int64_t run, const std::string &series,
                         std::span<const CurvePoint> points);
// Deletes the run's points with step > `lastStep` and recomputes the statistics (a resumed run
// logs those steps again). Returns the number of points deleted.
Expected<int64_t> truncateCurves(sqlite::Connection &db, int64_t run, int64_t lastStep);
// Ordered by series name.
Expected<std::vector<CurveStats>> selectCurveStats(sqlite::Connection &db, int64_t run);
// Points with id > afterId of the named series (all series by name when `series` is empty).
// A requested series that does not exist comes back empty, in the requested order.
Expected<std::vector<CurveSeries>> selectCurves(sqlite::Connection &db, int64_t run,
                                                const std::vector<std::string> &series,
                                                int64_t afterId);

} // namespace recforge::store
