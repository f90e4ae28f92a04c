#include "metricbarchart.h"

#include <algorithm>
#include <cmath>

#include "charts/qcp.h"

#include "charts/chartstyle.h"

namespace recforge::ui {

void MetricBarChart::plot(QCustomPlot *plot, const QString &metric, const QString &protocolLabel,
                          const QStringList &runs, const QVector<double> &values)
{
    // The protocol is part of the title: these bars are only comparable under it.
    ChartStyle::reset(plot, metric.isEmpty()          ? tr("Metric comparison")
                            : protocolLabel.isEmpty() ? metric
                                                      : metric + QLatin1Char('\n') + protocolLabel);
    plot->setMinimumHeight(180);
    QVector<double> keys;
    QVector<QString> labels;
    double maxValue = 0;
    for (int i = 0; i < runs.size() && i < values.size(); ++i) {
        keys << double(i + 1);
        labels << runs[i];
        if (std::isfinite(values[i]))
            maxValue = std::max(maxValue, values[i]);
    }
    if (keys.isEmpty()) {
        ChartStyle::showEmpty(plot, tr("Select runs with a metric under the same protocol"));
        plot->replot();
        return;
    }
    auto ticker = QSharedPointer<QCPAxisTickerText>(new QCPAxisTickerText);
    ticker->addTicks(keys, labels);
    plot->xAxis->setTicker(ticker);
    plot->xAxis->grid()->setVisible(false);
    plot->yAxis->setNumberFormat(QStringLiteral("f"));
    plot->yAxis->setNumberPrecision(3);
    for (int i = 0; i < keys.size(); ++i) {
        auto *bars = new QCPBars(plot->xAxis, plot->yAxis);
        bars->setWidth(0.6);
        bars->setPen(Qt::NoPen);
        bars->setBrush(ChartStyle::barColor(i));
        bars->addData(keys[i], values[i]);
        auto *label = new QCPItemText(plot);
        label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        label->position->setCoords(keys[i], std::isfinite(values[i]) ? values[i] : 0.0);
        label->setText(QString::number(values[i], 'f', 4));
        label->setClipToAxisRect(false);
    }
    plot->xAxis->setRange(0.4, keys.size() + 0.6);
    plot->yAxis->setRange(0, maxValue > 0 ? maxValue * 1.18 : 1.0);
    plot->replot();
}

} // namespace recforge::ui
