#include "userhistogramchart.h"

#include <algorithm>
#include <limits>

#include "charts/qcp.h"

#include "charts/chartstyle.h"

namespace recforge::ui {

void UserHistogramChart::plot(QCustomPlot *plot, const recforge::Histogram &histogram)
{
    ChartStyle::reset(plot, tr("Interactions per user"));
    plot->xAxis->setLabel(tr("interactions (log scale)"));
    plot->yAxis->setLabel(tr("users (log scale)"));

    QVector<double> keys, values;
    double maxCount = 0;
    for (size_t i = 0; i < histogram.counts.size(); ++i) {
        if (histogram.edges[i] < 1) // a [0, 1) bin has no place on a log axis
            continue;
        const double count = double(histogram.counts[i]);
        keys << histogram.edges[i];
        // Empty bins break the step line instead of pulling it to log(0).
        values << (count > 0 ? count : std::numeric_limits<double>::quiet_NaN());
        maxCount = std::max(maxCount, count);
    }
    if (keys.isEmpty()) {
        ChartStyle::showEmpty(plot, tr("No data"));
        plot->replot();
        return;
    }
    // The last step needs its right edge.
    keys << histogram.edges.back();
    values << values.back();

    for (QCPAxis *axis : {plot->xAxis, plot->yAxis}) {
        axis->setScaleType(QCPAxis::stLogarithmic);
        axis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    }
    QCPGraph *graph = plot->addGraph();
    graph->setData(keys, values, true);
    graph->setLineStyle(QCPGraph::lsStepLeft);
    graph->setPen(QPen(ChartStyle::accent(), 2));
    graph->setBrush(QBrush(ChartStyle::accentFill()));
    plot->xAxis->setRange(keys.front(), keys.back());
    plot->yAxis->setRange(0.8, std::max(2.0, maxCount * 1.5));
    plot->replot();
}

} // namespace recforge::ui
