#pragma once

#include <memory>
#include <vector>

#include <QWidget>

#include "recommend/runmodel.h"

class QCustomPlot;
class QCPAbstractPlottable;
class QLabel;
class QMouseEvent;

namespace recforge::ui {

// The 2-D PCA map of the model's item embeddings, one colour per top-level category (legend);
// the open item and the current recommendations are marked. Clicking a point opens that item.
class ItemMapView : public QWidget {
    Q_OBJECT
public:
    explicit ItemMapView(QWidget *parent = nullptr);

    void setModel(std::shared_ptr<recforge::RunModel> model);
    // Marks the recommended items (rings) and the open item (a cross).
    void setMarked(const std::vector<int32_t> &recommended, int openItem);
    QCustomPlot *plot() const { return m_plot; }
    bool hasMap() const { return m_model && m_model->itemMap.has_value(); }
    // Item nearest to plot coordinates (x, y), or -1 when no map. For tests and clicks.
    int itemAt(double x, double y) const;

Q_SIGNALS:
    void itemClicked(int item);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void onClick(QMouseEvent *event);

    std::shared_ptr<recforge::RunModel> m_model;
    std::vector<int32_t> m_recommended;
    int m_openItem = -1;
    QLabel *m_caption;
    QCustomPlot *m_plot;
};

} // namespace recforge::ui
