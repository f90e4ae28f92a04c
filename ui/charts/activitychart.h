#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include <QCoreApplication>

class QCustomPlot;

namespace recforge::ui {

// Activity over time: interactions per UTC day as a line on a date axis.
class ActivityChart {
    Q_DECLARE_TR_FUNCTIONS(ActivityChart)
public:
    static void plot(QCustomPlot *plot, const std::vector<std::pair<int64_t, int64_t>> &perDay);
};

} // namespace recforge::ui
