#pragma once

#include <cstdint>
#include <vector>

#include <QCoreApplication>

class QCustomPlot;

namespace recforge::ui {

// Item popularity long tail: interactions per item sorted descending, by rank, log y axis.
class PopularityChart {
    Q_DECLARE_TR_FUNCTIONS(PopularityChart)
public:
    // At most this many points are drawn; larger catalogues are sampled evenly by rank.
    static constexpr size_t kMaxPoints = 4000;
    static void plot(QCustomPlot *plot, const std::vector<int64_t> &sortedCounts);
};

} // namespace recforge::ui
