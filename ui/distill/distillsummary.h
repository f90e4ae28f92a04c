#pragma once
// What a distillation run's comparison says in words and in one table: the ratios the panel
// writes out (share of parameters, speed-up, share of quality kept) and the figures per model.
// Pure functions of recforge::ModelComparison: the panel and its test share them.

#include <QCoreApplication>
#include <QStringList>

#include "eval/modelcomparison.h"

namespace recforge::ui {

class DistillSummary {
    Q_DECLARE_TR_FUNCTIONS(DistillSummary)
public:
    // The models of the comparison in column order: teacher, student, then the student trained
    // alone when the comparison has it.
    static std::vector<const recforge::ModelFigures *>
    models(const recforge::ModelComparison &comparison);
    // "Teacher", "Student", "Student alone".
    static QStringList modelNames(const recforge::ModelComparison &comparison);
    // The overall ("all" group) metric names of the teacher that the student has too, in the
    // teacher's order ("NDCG@10", "HR@10", ...).
    static QStringList metricNames(const recforge::ModelComparison &comparison);
    // One sentence per ratio: parameters, size on disk, speed at p50 / p99, throughput, quality
    // kept per headline metric, top-K overlap; the student-alone figures in brackets when there.
    // Ratios whose inputs are missing are left out.
    static QStringList lines(const recforge::ModelComparison &comparison);
    // "42%" / "1.8×" with sensible precision; "–" for NaN.
    static QString percent(double ratio);
    static QString times(double ratio);
};

} // namespace recforge::ui
