#include "chartstyle.h"

#include <algorithm>

#include "charts/qcp.h"

namespace recforge::ui {

namespace {
const char *const kTitleName = "recforgeTitle";
}

void ChartStyle::reset(QCustomPlot *plot, const QString &title)
{
    plot->clearPlottables();
    plot->clearGraphs();
    plot->clearItems();
    // The title lives in its own first layout row; keep at most one.
    if (plot->plotLayout()->rowCount() > 1) {
        plot->plotLayout()->remove(plot->plotLayout()->element(0, 0));
        plot->plotLayout()->simplify();
    }
    plot->plotLayout()->insertRow(0);
    QFont titleFont = plot->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.1);
    titleFont.setBold(true);
    auto *titleElement = new QCPTextElement(plot, title, titleFont);
    titleElement->setObjectName(QLatin1String(kTitleName));
    plot->plotLayout()->addElement(0, 0, titleElement);

    plot->setBackground(QBrush(Qt::white));
    for (QCPAxis *axis : {plot->xAxis, plot->yAxis}) {
        axis->setScaleType(QCPAxis::stLinear);
        axis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
        axis->setNumberFormat(QStringLiteral("gb"));
        axis->setNumberPrecision(6);
        axis->grid()->setPen(QPen(QColor(225, 225, 225), 1, Qt::SolidLine));
        axis->grid()->setSubGridVisible(false);
        axis->setBasePen(QPen(QColor(120, 120, 120)));
        axis->setTickPen(QPen(QColor(120, 120, 120)));
        axis->setSubTickPen(QPen(QColor(160, 160, 160)));
        axis->setLabel(QString());
        axis->setTickLabelRotation(0);
    }
    plot->xAxis2->setVisible(false);
    plot->yAxis2->setVisible(false);
    plot->setMinimumHeight(260);
}

void ChartStyle::showEmpty(QCustomPlot *plot, const QString &text)
{
    auto *label = new QCPItemText(plot);
    label->setPositionAlignment(Qt::AlignCenter);
    label->position->setType(QCPItemPosition::ptAxisRectRatio);
    label->position->setCoords(0.5, 0.5);
    label->setText(text);
    label->setColor(QColor(130, 130, 130));
}

QColor ChartStyle::accent()
{
    return QColor(33, 113, 181);
}

QColor ChartStyle::accentFill()
{
    return QColor(33, 113, 181, 70);
}

QColor ChartStyle::barColor(int index)
{
    static const QColor colors[] = {
        QColor(33, 113, 181), QColor(49, 163, 84), QColor(230, 85, 13),   QColor(117, 107, 177),
        QColor(214, 39, 40),  QColor(140, 86, 75), QColor(227, 119, 194), QColor(127, 127, 127)};
    return colors[index % int(std::size(colors))];
}

void ChartStyle::horizontalBars(QCustomPlot *plot, const QVector<QString> &labels,
                                const QVector<double> &values, int colour, double headroom)
{
    // The key axis runs bottom-up: the first entry gets the highest key.
    QVector<double> keys;
    double maxValue = 0;
    for (int i = 0; i < values.size(); ++i) {
        keys << double(values.size() - i);
        maxValue = std::max(maxValue, values[i]);
    }
    auto ticker = QSharedPointer<QCPAxisTickerText>(new QCPAxisTickerText);
    ticker->addTicks(keys, labels);
    plot->yAxis->setTicker(ticker);
    plot->yAxis->grid()->setVisible(false);
    auto *bars = new QCPBars(plot->yAxis, plot->xAxis);
    bars->setWidth(0.7);
    bars->setPen(Qt::NoPen);
    bars->setBrush(barColor(colour));
    bars->setData(keys, values);
    plot->yAxis->setRange(0.4, values.size() + 0.6);
    plot->xAxis->setRange(0, maxValue * headroom);
    plot->replot();
}

} // namespace recforge::ui
