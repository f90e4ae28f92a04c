#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <QCoreApplication>

class QCustomPlot;

namespace recforge::ui {

// Event funnel: one bar per event kind (view, click, cart, purchase, ...) with its count on top.
class FunnelChart {
    Q_DECLARE_TR_FUNCTIONS(FunnelChart)
public:
    static void plot(QCustomPlot *plot, const std::vector<std::pair<std::string, int64_t>> &funnel);
    // Translated display name of a built-in event kind; custom kinds are shown as they are.
    static QString eventName(const std::string &kind);
};

} // namespace recforge::ui
