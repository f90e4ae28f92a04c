#include "curvetable.h"

#include <cmath>

namespace recforge::store {

namespace {

// NULL (a stored NaN, or no value at all) reads back as NaN.
double columnValue(const sqlite::Statement &stmt, int index)
{
    return stmt.isNull(index) ? std::nan("") : stmt.columnDouble(index);
}

void bindValue(sqlite::Statement &stmt, int index, double value)
{
    if (std::isnan(value))
        stmt.bindNull(index);
    else
        stmt.bind(index, value);
}

Expected<int64_t> seriesId(sqlite::Connection &db, int64_t run, const std::string &series)
{
    {
        auto insert = db.prepare("INSERT INTO curve_series(run_id, name) VALUES(?, ?)"
                                 " ON CONFLICT(run_id, name) DO NOTHING");
        RECFORGE_TRY(insert);
        insert->bind(1, run).bind(2, series);
        RECFORGE_TRY(insert->run());
    }
    auto select = db.prepare("SELECT id FROM curve_series WHERE run_id = ? AND name = ?");
    RECFORGE_TRY(select);
    select->bind(1, run).bind(2, series);
    auto row = select->step();
    RECFORGE_TRY(row);
    if (!*row)
        return makeError(ErrorCode::Internal, "curve series vanished after insert");
    return select->columnInt64(0);
}

} // namespace

Status insertCurvePoints(sqlite::Connection &db, int64_t run, const std::string &series,
                         std::span<const CurvePoint> points)
{
    if (points.empty())
        return {};
    auto id = seriesId(db, run, series);
    RECFORGE_TRY(id);
    double lo = NAN, hi = NAN;
    {
        auto insert = db.prepare("INSERT INTO curve_point(series_id, step, epoch, value, wall_time)"
                                 " VALUES(?, ?, ?, ?, ?)");
        RECFORGE_TRY(insert);
        for (const CurvePoint &p : points) {
            insert->bind(1, *id).bind(2, p.step).bind(3, p.epoch).bind(5, p.wallTime);
            bindValue(*insert, 4, p.value);
            RECFORGE_TRY(insert->run());
            insert->reset();
            if (!std::isnan(p.value)) {
                lo = std::isnan(lo) ? p.value : std::min(lo, p.value);
                hi = std::isnan(hi) ? p.value : std::max(hi, p.value);
            }
        }
    }
    // SQLite's scalar min()/max() return NULL when an argument is NULL, hence the CASEs.
    auto update =
        db.prepare("UPDATE curve_series SET points = points + ?1,"
                   " min_value = CASE WHEN ?2 IS NULL THEN min_value WHEN min_value IS NULL THEN ?2"
                   "  ELSE min(min_value, ?2) END,"
                   " max_value = CASE WHEN ?3 IS NULL THEN max_value WHEN max_value IS NULL THEN ?3"
                   "  ELSE max(max_value, ?3) END,"
                   " last_value = ?4, last_step = ?5 WHERE id = ?6");
    RECFORGE_TRY(update);
    update->bind(1, int64_t(points.size()));
    bindValue(*update, 2, lo);
    bindValue(*update, 3, hi);
    bindValue(*update, 4, points.back().value);
    update->bind(5, points.back().step).bind(6, *id);
    return update->run();
}

Expected<int64_t> truncateCurves(sqlite::Connection &db, int64_t run, int64_t lastStep)
{
    auto remove = db.prepare("DELETE FROM curve_point WHERE step > ? AND series_id IN"
                             " (SELECT id FROM curve_series WHERE run_id = ?)");
    RECFORGE_TRY(remove);
    remove->bind(1, lastStep).bind(2, run);
    RECFORGE_TRY(remove->run());
    const int64_t removed = db.changes();
    auto recompute = db.prepare(
        "UPDATE curve_series SET"
        " points = (SELECT count(*) FROM curve_point p WHERE p.series_id = curve_series.id),"
        " min_value = (SELECT min(value) FROM curve_point p WHERE p.series_id = curve_series.id),"
        " max_value = (SELECT max(value) FROM curve_point p WHERE p.series_id = curve_series.id),"
        " last_value = (SELECT value FROM curve_point p WHERE p.series_id = curve_series.id"
        "  ORDER BY p.id DESC LIMIT 1),"
        " last_step = coalesce((SELECT step FROM curve_point p"
        "  WHERE p.series_id = curve_series.id ORDER BY p.id DESC LIMIT 1), 0)"
        " WHERE run_id = ?");
    RECFORGE_TRY(recompute);
    recompute->bind(1, run);
    RECFORGE_TRY(recompute->run());
    return removed;
}

Expected<std::vector<CurveStats>> selectCurveStats(sqlite::Connection &db, int64_t run)
{
    auto stmt = db.prepare("SELECT name, points, min_value, max_value, last_value, last_step"
                           " FROM curve_series WHERE run_id = ? ORDER BY name");
    RECFORGE_TRY(stmt);
    stmt->bind(1, run);
    std::vector<CurveStats> stats;
    for (;;) {
        auto row = stmt->step();
        RECFORGE_TRY(row);
        if (!*row)
            break;
        CurveStats s;
        s.series = stmt->columnText(0);
        s.points = stmt->columnInt64(1);
        s.min = columnValue(*stmt, 2);
        s.max = columnValue(*stmt, 3);
        s.last = columnValue(*stmt, 4);
        s.lastStep = stmt->columnInt64(5);
        stats.push_back(std::move(s));
    }
    return stats;
}

Expected<std::vector<CurveSeries>> selectCurves(sqlite::Connection &db, int64_t run,
                                                const std::vector<std::string> &series,
                                                int64_t afterId)
{
    std::vector<CurveSeries> result;
    std::vector<int64_t> ids; // 0 = no such series
    if (series.empty()) {
        auto stmt = db.prepare("SELECT id, name FROM curve_series WHERE run_id = ? ORDER BY name");
        RECFORGE_TRY(stmt);
        stmt->bind(1, run);
        for (;;) {
            auto row = stmt->step();
            RECFORGE_TRY(row);
            if (!*row)
                break;
            ids.push_back(stmt->columnInt64(0));
            result.push_back({stmt->columnText(1), {}});
        }
    } else {
        auto stmt = db.prepare("SELECT id FROM curve_series WHERE run_id = ? AND name = ?");
        RECFORGE_TRY(stmt);
        for (const std::string &name : series) {
            stmt->bind(1, run).bind(2, name);
            auto row = stmt->step();
            RECFORGE_TRY(row);
            ids.push_back(*row ? stmt->columnInt64(0) : 0);
            stmt->reset();
            result.push_back({name, {}});
        }
    }
    auto points = db.prepare("SELECT id, step, epoch, value, wall_time FROM curve_point"
                             " WHERE series_id = ? AND id > ? ORDER BY id");
    RECFORGE_TRY(points);
    for (size_t i = 0; i < ids.size(); ++i) {
        if (ids[i] == 0)
            continue;
        points->bind(1, ids[i]).bind(2, afterId);
        for (;;) {
            auto row = points->step();
            RECFORGE_TRY(row);
            if (!*row)
                break;
            CurvePoint p;
            p.id = points->columnInt64(0);
            p.step = points->columnInt64(1);
            p.epoch = int(points->columnInt64(2));
            p.value = columnValue(*points, 3);
            p.wallTime = points->columnDouble(4);
            result[i].points.push_back(p);
        }
        points->reset();
    }
    return result;
}

} // namespace recforge::store
