#include "activitychart.h"

#include <algorithm>

#include "charts/qcp.h"

#include "charts/chartstyle.h"

namespace recforge::ui {

void ActivityChart::plot(QCustomPlot *plot, const std::vector<std::pair<int64_t, int64_t>> &perDay)
{
    ChartStyle::reset(plot, tr("Activity over time"));
    plot->yAxis->setLabel(tr("interactions per day"));
    if (perDay.empty()) {
        ChartStyle::showEmpty(plot, tr("No data"));
        plot->replot();
        return;
    }
    QVector<double> keys, values;
    double maxValue = 0;
    for (const auto &[day, count] : perDay) {
        keys << double(day);
        values << double(count);
        maxValue = std::max(maxValue, double(count));
    }
    auto ticker = QSharedPointer<QCPAxisTickerDateTime>(new QCPAxisTickerDateTime);
    ticker->setTimeZone(QTimeZone::utc());
    const double span = keys.back() - keys.front();
    ticker->setDateTimeFormat(span > 2 * 365 * 86400.0 ? QStringLiteral("yyyy-MM")
                                                       : QStringLiteral("yyyy-MM-dd"));
    ticker->setTickCount(6);
    plot->xAxis->setTicker(ticker);
    QCPGraph *graph = plot->addGraph();
    graph->setData(keys, values, true);
    graph->setPen(QPen(ChartStyle::accent(), 1.5));
    graph->setBrush(QBrush(ChartStyle::accentFill()));
    const double pad = std::max(86400.0, span * 0.01);
    plot->xAxis->setRange(keys.front() - pad, keys.back() + pad);
    plot->yAxis->setRange(0, maxValue * 1.1);
    plot->replot();
}

} // namespace recforge::ui
