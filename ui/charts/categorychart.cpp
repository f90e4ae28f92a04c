#include "categorychart.h"

#include <algorithm>

#include "charts/qcp.h"

#include "charts/chartstyle.h"

namespace recforge::ui {

void CategoryChart::plot(QCustomPlot *plot, const std::vector<std::pair<std::string, int64_t>> &mix)
{
    ChartStyle::reset(plot, tr("Category mix"));
    plot->xAxis->setLabel(tr("interactions"));
    if (mix.empty()) {
        ChartStyle::showEmpty(plot, tr("No data"));
        plot->replot();
        return;
    }
    QVector<double> keys, values;
    QVector<QString> labels;
    double maxValue = 0;
    // Largest at the top: the key axis runs bottom-up, so add in reverse order.
    for (auto it = mix.rbegin(); it != mix.rend(); ++it) {
        keys << double(keys.size() + 1);
        values << double(it->second);
        QString name = QString::fromStdString(it->first);
        if (name == QLatin1String("(none)"))
            name = tr("(no category)");
        else if (name == QLatin1String("other"))
            name = tr("other");
        labels << (name.size() > 28 ? name.left(27) + QChar(0x2026) : name);
        maxValue = std::max(maxValue, double(it->second));
    }
    auto ticker = QSharedPointer<QCPAxisTickerText>(new QCPAxisTickerText);
    ticker->addTicks(keys, labels);
    plot->yAxis->setTicker(ticker);
    plot->yAxis->grid()->setVisible(false);
    auto *bars = new QCPBars(plot->yAxis, plot->xAxis);
    bars->setWidth(0.7);
    bars->setPen(Qt::NoPen);
    bars->setBrush(ChartStyle::barColor(1));
    bars->setData(keys, values, true);
    plot->yAxis->setRange(0.4, keys.size() + 0.6);
    plot->xAxis->setRange(0, maxValue * 1.08);
    plot->setMinimumHeight(std::max(260, 60 + 22 * int(keys.size())));
    plot->replot();
}

} // namespace recforge::ui
