#include "itemmapview.h"

#include <cmath>
#include <limits>

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

#include "charts/qcp.h"

#include "charts/chartstyle.h"

namespace recforge::ui {

ItemMapView::ItemMapView(QWidget *parent)
    : QWidget(parent), m_caption(new QLabel(this)), m_plot(new QCustomPlot(this))
{
    m_caption->setWordWrap(true);
    m_plot->setObjectName(QStringLiteral("itemMapPlot"));
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_caption);
    layout->addWidget(m_plot, 1);
    connect(m_plot, &QCustomPlot::mouseRelease, this, &ItemMapView::onClick);
    rebuild();
}

void ItemMapView::setModel(std::shared_ptr<recforge::RunModel> model)
{
    m_model = std::move(model);
    m_recommended.clear();
    m_openItem = -1;
    rebuild();
}

void ItemMapView::setMarked(const std::vector<int32_t> &recommended, int openItem)
{
    m_recommended = recommended;
    m_openItem = openItem;
    rebuild();
}

int ItemMapView::itemAt(double x, double y) const
{
    if (!hasMap())
        return -1;
    const recforge::ItemMap &map = *m_model->itemMap;
    // Distance in screen-proportional units, so an elongated map still picks the visible point.
    const double sx = std::max(1e-12, m_plot->xAxis->range().size());
    const double sy = std::max(1e-12, m_plot->yAxis->range().size());
    int best = -1;
    double bestDistance = std::numeric_limits<double>::infinity();
    for (size_t i = 0; i < map.x.size(); ++i) {
        const double dx = (map.x[i] - x) / sx, dy = (map.y[i] - y) / sy;
        const double distance = dx * dx + dy * dy;
        if (distance < bestDistance) {
            bestDistance = distance;
            best = int(i);
        }
    }
    return best;
}

void ItemMapView::onClick(QMouseEvent *event)
{
    if (!hasMap() || !m_plot->axisRect()->rect().contains(event->pos()))
        return;
    const double x = m_plot->xAxis->pixelToCoord(event->position().x());
    const double y = m_plot->yAxis->pixelToCoord(event->position().y());
    const int item = itemAt(x, y);
    if (item < 0)
        return;
    // Only a click near a point opens it (within ~8 pixels).
    const recforge::ItemMap &map = *m_model->itemMap;
    const double px = m_plot->xAxis->coordToPixel(map.x[size_t(item)]);
    const double py = m_plot->yAxis->coordToPixel(map.y[size_t(item)]);
    if (std::hypot(px - event->position().x(), py - event->position().y()) <= 8)
        Q_EMIT itemClicked(item);
}

void ItemMapView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        rebuild();
    QWidget::changeEvent(event);
}

void ItemMapView::rebuild()
{
    ChartStyle::reset(m_plot, tr("Item embeddings (PCA)"));
    m_plot->legend->clearItems();
    m_plot->legend->setVisible(false);
    if (!hasMap()) {
        m_caption->setText(m_model ? tr("This model has no item embeddings: no map.")
                                   : tr("Load a model to see its item map."));
        ChartStyle::showEmpty(m_plot, tr("No item embeddings"));
        m_plot->replot();
        return;
    }
    const recforge::ItemMap &map = *m_model->itemMap;
    m_caption->setText(
        tr("Each point is an item, coloured by top-level category; rings are the current "
           "recommendations. PC1 explains %1%, PC2 %2% of the variance. Click a point to open "
           "the item.")
            .arg(100 * map.explained[0], 0, 'f', 1)
            .arg(100 * map.explained[1], 0, 'f', 1));
    m_plot->xAxis->setLabel(tr("PC1"));
    m_plot->yAxis->setLabel(tr("PC2"));
    std::vector<QVector<double>> xs(map.categories.size()), ys(map.categories.size());
    for (size_t i = 0; i < map.x.size(); ++i) {
        xs[size_t(map.category[i])] << map.x[i];
        ys[size_t(map.category[i])] << map.y[i];
    }
    m_plot->legend->setVisible(true);
    QFont legendFont = m_plot->font();
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.85);
    m_plot->legend->setFont(legendFont);
    for (size_t c = 0; c < map.categories.size(); ++c) {
        QCPGraph *graph = m_plot->addGraph();
        graph->setLineStyle(QCPGraph::lsNone);
        QColor colour = ChartStyle::barColor(int(c));
        colour.setAlpha(170);
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, colour, colour, 5));
        graph->setData(xs[c], ys[c]);
        QString name = QString::fromStdString(map.categories[c]);
        graph->setName(name == QLatin1String("(none)") ? tr("(none)") : name);
    }
    QVector<double> rx, ry;
    for (int32_t item : m_recommended)
        if (item >= 0 && size_t(item) < map.x.size()) {
            rx << map.x[size_t(item)];
            ry << map.y[size_t(item)];
        }
    if (!rx.isEmpty()) {
        QCPGraph *rings = m_plot->addGraph();
        rings->setLineStyle(QCPGraph::lsNone);
        rings->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::black, 1.5), Qt::NoBrush, 11));
        rings->setData(rx, ry);
        rings->setName(tr("recommended"));
    }
    if (m_openItem >= 0 && size_t(m_openItem) < map.x.size()) {
        QCPGraph *open = m_plot->addGraph();
        open->setLineStyle(QCPGraph::lsNone);
        open->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssCrossCircle, QPen(Qt::red, 2), Qt::NoBrush, 14));
        open->setData(QVector<double>{map.x[size_t(m_openItem)]},
                      QVector<double>{map.y[size_t(m_openItem)]});
        open->setName(tr("open item"));
    }
    m_plot->rescaleAxes();
    for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis})
        axis->scaleRange(1.08, axis->range().center());
    m_plot->replot();
}

} // namespace recforge::ui
