#include "funnelchart.h"

#include <algorithm>

#include "charts/qcp.h"

#include "charts/chartstyle.h"

namespace recforge::ui {

QString FunnelChart::eventName(const std::string &kind)
{
    if (kind == "view")
        return tr("view");
    if (kind == "click")
        return tr("click");
    if (kind == "cart")
        return tr("cart");
    if (kind == "purchase")
        return tr("purchase");
    if (kind == "rating")
        return tr("rating");
    return QString::fromStdString(kind);
}

void FunnelChart::plot(QCustomPlot *plot,
                       const std::vector<std::pair<std::string, int64_t>> &funnel)
{
    ChartStyle::reset(plot, tr("Event funnel"));
    plot->yAxis->setLabel(tr("interactions"));
    QVector<double> keys, values;
    QVector<QString> labels;
    double maxValue = 0;
    for (const auto &[kind, count] : funnel) {
        if (count <= 0)
            continue;
        keys << double(keys.size() + 1);
        values << double(count);
        labels << eventName(kind);
        maxValue = std::max(maxValue, double(count));
    }
    if (keys.isEmpty()) {
        ChartStyle::showEmpty(plot, tr("No data"));
        plot->replot();
        return;
    }
    auto ticker = QSharedPointer<QCPAxisTickerText>(new QCPAxisTickerText);
    ticker->addTicks(keys, labels);
    plot->xAxis->setTicker(ticker);
    plot->xAxis->grid()->setVisible(false);
    for (int i = 0; i < keys.size(); ++i) {
        auto *bars = new QCPBars(plot->xAxis, plot->yAxis);
        bars->setWidth(0.6);
        bars->setPen(Qt::NoPen);
        bars->setBrush(ChartStyle::barColor(i));
        bars->addData(keys[i], values[i]);
        auto *label = new QCPItemText(plot);
        label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        label->position->setCoords(keys[i], values[i]);
        label->setText(QLocale().toString(qint64(values[i])));
        label->setClipToAxisRect(false);
    }
    plot->xAxis->setRange(0.4, keys.size() + 0.6);
    plot->yAxis->setRange(0, maxValue * 1.18);
    plot->replot();
}

} // namespace recforge::ui
