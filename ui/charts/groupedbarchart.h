#pragma once

#include <QCoreApplication>
#include <QStringList>
#include <QVector>

class QCustomPlot;

namespace recforge::ui {

// Grouped bars: one group per entry of `groups` along the x axis, one coloured bar per series in
// each group (series i in ChartStyle::barColor(i), named in the legend), the value written above
// each bar with `precision` decimals. values[series][group]; NaN leaves a gap. The subtitle (a
// protocol label, a unit) sits under the title. Replots.
class GroupedBarChart {
    Q_DECLARE_TR_FUNCTIONS(GroupedBarChart)
public:
    static void plot(QCustomPlot *plot, const QString &title, const QString &subtitle,
                     const QStringList &groups, const QStringList &series,
                     const QVector<QVector<double>> &values, int precision = 3);
};

} // namespace recforge::ui
