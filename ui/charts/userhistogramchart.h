#pragma once

#include <QCoreApplication>

#include "data/stats.h"

class QCustomPlot;

namespace recforge::ui {

// Interactions per user: log-binned histogram (powers of two) on log-log axes, drawn as steps.
class UserHistogramChart {
    Q_DECLARE_TR_FUNCTIONS(UserHistogramChart)
public:
    static void plot(QCustomPlot *plot, const recforge::Histogram &histogram);
};

} // namespace recforge::ui
