#include "groupedbarchart.h"

#include <algorithm>
#include <cmath>

#include "charts/qcp.h"

#include "charts/chartstyle.h"

namespace recforge::ui {

void GroupedBarChart::plot(QCustomPlot *plot, const QString &title, const QString &subtitle,
                           const QStringList &groups, const QStringList &series,
                           const QVector<QVector<double>> &values, int precision)
{
    ChartStyle::reset(plot, subtitle.isEmpty() ? title : title + QLatin1Char('\n') + subtitle);
    plot->setMinimumHeight(180);
    plot->legend->setVisible(false);
    const int n = int(series.size());
    double maxValue = 0;
    bool any = false;
    for (const QVector<double> &row : values)
        for (double v : row)
            if (std::isfinite(v)) {
                maxValue = std::max(maxValue, v);
                any = true;
            }
    if (groups.isEmpty() || n == 0 || !any) {
        ChartStyle::showEmpty(plot, tr("No data"));
        plot->replot();
        return;
    }
    QVector<double> keys;
    QVector<QString> labels;
    for (int g = 0; g < groups.size(); ++g) {
        keys << double(g + 1);
        labels << groups[g];
    }
    auto ticker = QSharedPointer<QCPAxisTickerText>(new QCPAxisTickerText);
    ticker->addTicks(keys, labels);
    plot->xAxis->setTicker(ticker);
    plot->xAxis->grid()->setVisible(false);
    plot->yAxis->setNumberFormat(QStringLiteral("gb"));
    // The series of one group share 80 % of a unit; each bar keeps a small gap to the next.
    const double slot = 0.8 / n;
    QFont small = plot->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    for (int s = 0; s < n; ++s) {
        auto *bars = new QCPBars(plot->xAxis, plot->yAxis);
        bars->setName(series[s]);
        bars->setWidth(slot * 0.88);
        bars->setPen(Qt::NoPen);
        bars->setBrush(ChartStyle::barColor(s));
        const QVector<double> &row = s < values.size() ? values[s] : QVector<double>();
        for (int g = 0; g < groups.size() && g < row.size(); ++g) {
            if (!std::isfinite(row[g]))
                continue;
            const double key = g + 1 + (s - (n - 1) / 2.0) * slot;
            bars->addData(key, row[g]);
            auto *label = new QCPItemText(plot);
            label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
            label->position->setCoords(key, row[g]);
            label->setText(QString::number(row[g], 'f', precision));
            label->setFont(small);
            label->setClipToAxisRect(false);
        }
    }
    if (n > 1) {
        plot->legend->setVisible(true);
        plot->legend->setFont(small);
        plot->legend->setBrush(QBrush(QColor(255, 255, 255, 220)));
        plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    }
    // One group: bars on the left, the legend in the free space on the right.
    plot->xAxis->setRange(0.4, groups.size() + (groups.size() == 1 && n > 1 ? 1.1 : 0.6));
    // Headroom for the value labels and the legend.
    plot->yAxis->setRange(0, maxValue > 0 ? maxValue * (n > 1 ? 1.6 : 1.2) : 1.0);
    plot->replot();
}

} // namespace recforge::ui
