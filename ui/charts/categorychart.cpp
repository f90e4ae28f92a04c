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
    QVector<double> values;
    QVector<QString> labels;
    for (const auto &[category, count] : mix) {
        values << double(count);
        QString name = QString::fromStdString(category);
        if (name == QLatin1String("(none)"))
            name = tr("(no category)");
        else if (name == QLatin1String("other"))
            name = tr("other");
        labels << (name.size() > 28 ? name.left(27) + QChar(0x2026) : name);
    }
    plot->setMinimumHeight(std::max(260, 60 + 22 * int(values.size())));
    ChartStyle::horizontalBars(plot, labels, values, 1, 1.08);
}

} // namespace recforge::ui
