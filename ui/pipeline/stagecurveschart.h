#pragma once

#include <map>
#include <string>
#include <vector>

#include <QWidget>

#include "store/runtypes.h"

class QCustomPlot;
class QCPGraph;

namespace recforge::ui {

// The small chart of one pipeline stage: the stored per-epoch curves of the stage's run against
// the epoch. Losses ("train/epoch_loss", the per-objective losses of pretraining, "text/loss" of
// the text encoder) share the left axis; validation NDCG@10 and accuracies have the right one.
// Per-step series (batch loss, learning rate, throughput) are left out: the stage charts are
// small. Appending is cheap; call replot() once per poll.
class StageCurvesChart : public QWidget {
    Q_OBJECT
public:
    explicit StageCurvesChart(QWidget *parent = nullptr);

    // Empty chart with `text` in the middle ("not started").
    void clear(const QString &text = QString());
    // Adds the points of `series` (new series get a graph); returns whether any was drawn.
    bool append(const std::vector<recforge::CurveSeries> &series);
    void replot();

    // Whether a stored series is drawn, and on which axis.
    static bool isDrawn(const std::string &series);
    static bool isValidation(const std::string &series);

    QCustomPlot *plot() const { return m_plot; }
    int seriesCount() const { return int(m_graphs.size()); }
    int pointCount(const std::string &series) const;

private:
    QCPGraph *graphFor(const std::string &series);

    QCustomPlot *m_plot;
    std::map<std::string, QCPGraph *> m_graphs;
    QString m_emptyText;
    bool m_dirty = false;
};

} // namespace recforge::ui
