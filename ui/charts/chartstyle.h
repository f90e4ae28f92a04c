#pragma once

#include <QColor>
#include <QString>
#include <QVector>

class QCustomPlot;

namespace recforge::ui {

// Shared look of the Data workspace charts: one title row, light grid, readable fonts.
class ChartStyle {
public:
    // Clears the plot (graphs, plottables, items, title) and applies the common style.
    static void reset(QCustomPlot *plot, const QString &title);
    // Shows `text` centred in an otherwise empty plot ("No data").
    static void showEmpty(QCustomPlot *plot, const QString &text);
    static QColor accent();
    static QColor accentFill();
    static QColor barColor(int index);
    // Horizontal bars, labels[0] / values[0] at the top (same sizes), in barColor(colour), the
    // value axis from 0 to `headroom` x the largest value; replots.
    static void horizontalBars(QCustomPlot *plot, const QVector<QString> &labels,
                               const QVector<double> &values, int colour, double headroom);
};

} // namespace recforge::ui
