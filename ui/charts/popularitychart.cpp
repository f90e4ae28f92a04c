#include "popularitychart.h"

#include <algorithm>

#include "charts/qcp.h"

#include "charts/chartstyle.h"

namespace recforge::ui {

void PopularityChart::plot(QCustomPlot *plot, const std::vector<int64_t> &sortedCounts)
{
    ChartStyle::reset(plot, tr("Item popularity (long tail)"));
    plot->xAxis->setLabel(tr("item rank"));
    plot->yAxis->setLabel(tr("interactions (log scale)"));
    if (sortedCounts.empty() || sortedCounts.front() <= 0) {
        ChartStyle::showEmpty(plot, tr("No data"));
        plot->replot();
        return;
    }
    const size_t n = sortedCounts.size();
    const size_t step = std::max<size_t>(1, n / kMaxPoints);
    QVector<double> keys, values;
    for (size_t i = 0; i < n; i += step) {
        if (sortedCounts[i] <= 0)
            break;
        keys << double(i + 1);
        values << double(sortedCounts[i]);
    }
    if (keys.back() < double(n) && sortedCounts.back() > 0) { // keep the tail's end
        keys << double(n);
        values << double(sortedCounts.back());
    }
    plot->yAxis->setScaleType(QCPAxis::stLogarithmic);
    plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    QCPGraph *graph = plot->addGraph();
    graph->setData(keys, values, true);
    graph->setPen(QPen(ChartStyle::accent(), 2));
    graph->setBrush(QBrush(ChartStyle::accentFill()));
    plot->xAxis->setRange(1, std::max(2.0, double(n)));
    plot->yAxis->setRange(std::max(0.8, values.back() * 0.8), values.front() * 1.5);
    plot->replot();
}

} // namespace recforge::ui
