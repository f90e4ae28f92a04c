#include "distillsummary.h"

#include <cmath>

#include <QLocale>

namespace recforge::ui {

namespace {

double ratio(double numerator, double denominator)
{
    return std::isfinite(numerator) && std::isfinite(denominator) && denominator > 0
               ? numerator / denominator
               : std::nan("");
}

} // namespace

std::vector<const recforge::ModelFigures *>
DistillSummary::models(const recforge::ModelComparison &comparison)
{
    std::vector<const recforge::ModelFigures *> out{&comparison.teacher, &comparison.student};
    if (comparison.hasBaseline)
        out.push_back(&comparison.baseline);
    return out;
}

QStringList DistillSummary::modelNames(const recforge::ModelComparison &comparison)
{
    QStringList names{tr("Teacher"), tr("Student")};
    if (comparison.hasBaseline)
        names << tr("Student alone");
    return names;
}

QStringList DistillSummary::metricNames(const recforge::ModelComparison &comparison)
{
    QStringList names;
    for (const recforge::MetricValue &v : comparison.teacher.metrics) {
        const QString name = QString::fromStdString(v.name);
        if (v.group == "all" && !names.contains(name) &&
            std::isfinite(comparison.student.metric(v.name)))
            names << name;
    }
    return names;
}

QString DistillSummary::percent(double value)
{
    if (!std::isfinite(value))
        return QStringLiteral("–");
    const double p = value * 100.0;
    return tr("%1%").arg(QString::number(p, 'f', p < 10 ? 1 : 0));
}

QString DistillSummary::times(double value)
{
    if (!std::isfinite(value))
        return QStringLiteral("–");
    return tr("%1×").arg(QString::number(value, 'f', value < 10 ? 1 : 0));
}

QStringList DistillSummary::lines(const recforge::ModelComparison &c)
{
    QStringList out;
    const bool alone = c.hasBaseline;
    const double params = ratio(double(c.student.parameters), double(c.teacher.parameters));
    if (std::isfinite(params))
        out << tr("The student has %1 of the teacher's parameters (%2 vs %3).")
                   .arg(percent(params), QLocale().toString(qlonglong(c.student.parameters)),
                        QLocale().toString(qlonglong(c.teacher.parameters)));
    const double bytes = ratio(double(c.student.bytesOnDisk), double(c.teacher.bytesOnDisk));
    if (std::isfinite(bytes) && c.student.bytesOnDisk > 0)
        out << tr("Its checkpoint takes %1 of the teacher's space on disk.").arg(percent(bytes));
    const double p50 = ratio(c.teacher.latencyP50Ms, c.student.latencyP50Ms);
    const double p99 = ratio(c.teacher.latencyP99Ms, c.student.latencyP99Ms);
    if (std::isfinite(p50))
        out << tr("It answers one user %1 faster at p50 (%2 vs %3 ms) and %4 faster at p99.")
                   .arg(times(p50), QString::number(c.student.latencyP50Ms, 'f', 2),
                        QString::number(c.teacher.latencyP50Ms, 'f', 2), times(p99));
    const double throughput = ratio(c.student.usersPerSecond, c.teacher.usersPerSecond);
    if (std::isfinite(throughput))
        out << tr("Batched, it scores %1 the teacher's users per second.").arg(times(throughput));
    for (const QString &name : metricNames(c)) {
        if (!name.startsWith(QLatin1String("NDCG@")) && !name.startsWith(QLatin1String("HR@")))
            continue;
        const std::string key = name.toStdString();
        const double kept = ratio(c.student.metric(key), c.teacher.metric(key));
        if (!std::isfinite(kept))
            continue;
        const double keptAlone = ratio(c.baseline.metric(key), c.teacher.metric(key));
        if (alone && std::isfinite(keptAlone))
            out << tr("It keeps %1 of the teacher's %2 (the student trained alone: %3).")
                       .arg(percent(kept), name, percent(keptAlone));
        else
            out << tr("It keeps %1 of the teacher's %2.").arg(percent(kept), name);
    }
    if (c.jaccard.users > 0) {
        if (alone && c.baselineJaccard.users > 0)
            out << tr("Mean Jaccard@%1 of its top-%1 with the teacher's: %2 (trained alone: %3).")
                       .arg(c.jaccard.k)
                       .arg(c.jaccard.mean, 0, 'f', 3)
                       .arg(c.baselineJaccard.mean, 0, 'f', 3);
        else
            out << tr("Mean Jaccard@%1 of its top-%1 with the teacher's: %2.")
                       .arg(c.jaccard.k)
                       .arg(c.jaccard.mean, 0, 'f', 3);
    }
    return out;
}

} // namespace recforge::ui
