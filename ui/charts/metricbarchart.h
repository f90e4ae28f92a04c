#pragma once

#include <QCoreApplication>
#include <QStringList>
#include <QVector>

class QCustomPlot;

namespace recforge::ui {

// One metric of several runs as bars, all measured under one protocol (the caller guarantees it;
// the protocol label is the chart's subtitle so the numbers are never read without it).
class MetricBarChart {
    Q_DECLARE_TR_FUNCTIONS(MetricBarChart)
public:
    static void plot(QCustomPlot *plot, const QString &metric, const QString &protocolLabel,
                     const QStringList &runs, const QVector<double> &values);
};

} // namespace recforge::ui
