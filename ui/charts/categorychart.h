#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <QCoreApplication>

class QCustomPlot;

namespace recforge::ui {

// Category mix: interactions per top-level category as horizontal bars (long names stay readable).
class CategoryChart {
    Q_DECLARE_TR_FUNCTIONS(CategoryChart)
public:
    static void plot(QCustomPlot *plot, const std::vector<std::pair<std::string, int64_t>> &mix);
};

} // namespace recforge::ui
