#include "stagecurveschart.h"

#include <QVBoxLayout>

#include "charts/qcp.h"

#include "charts/chartstyle.h"

namespace recforge::ui {

StageCurvesChart::StageCurvesChart(QWidget *parent) : QWidget(parent), m_plot(new QCustomPlot(this))
{
    m_plot->setObjectName(QStringLiteral("stageCurvesPlot"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    clear();
}

bool StageCurvesChart::isDrawn(const std::string &series)
{
    if (series == "train/loss" || series == "lr" || series == "throughput")
        return false;
    return !isValidation(series) || series == "valid/NDCG@10";
}

bool StageCurvesChart::isValidation(const std::string &series)
{
    // Quality numbers (0..1) on the right axis, losses on the left.
    return series.rfind("valid/", 0) == 0 || series.find("accuracy") != std::string::npos;
}

void StageCurvesChart::clear(const QString &text)
{
    m_emptyText = text;
    m_graphs.clear();
    ChartStyle::reset(m_plot, QString());
    // No title row in these small charts.
    if (m_plot->plotLayout()->rowCount() > 1) {
        m_plot->plotLayout()->remove(m_plot->plotLayout()->element(0, 0));
        m_plot->plotLayout()->simplify();
    }
    m_plot->setMinimumHeight(150);
    m_plot->yAxis2->setVisible(true);
    m_plot->yAxis2->setTickLabels(true);
    m_plot->yAxis2->setBasePen(QPen(QColor(120, 120, 120)));
    m_plot->yAxis2->setTickPen(QPen(QColor(120, 120, 120)));
    m_plot->yAxis2->setRange(0, 0.1);
    m_plot->xAxis->setRange(0, 1);
    m_plot->yAxis->setRange(0, 1);
    QFont small = m_plot->font();
    small.setPointSizeF(small.pointSizeF() * 0.8);
    m_plot->legend->setVisible(false);
    m_plot->legend->setFont(small);
    m_plot->legend->setBrush(QBrush(QColor(255, 255, 255, 210)));
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis, m_plot->yAxis2})
        axis->setTickLabelFont(small);
    if (!text.isEmpty())
        ChartStyle::showEmpty(m_plot, text);
    m_dirty = true;
    replot();
}

QCPGraph *StageCurvesChart::graphFor(const std::string &series)
{
    if (auto it = m_graphs.find(series); it != m_graphs.end())
        return it->second;
    if (m_graphs.empty())
        m_plot->clearItems(); // the "not started" text
    const bool valid = isValidation(series);
    auto *graph = m_plot->addGraph(m_plot->xAxis, valid ? m_plot->yAxis2 : m_plot->yAxis);
    QString name = QString::fromStdString(series);
    // Short legend names: "loss", "cloze", "valid/NDCG@10", "text/loss".
    if (name == QLatin1String("train/epoch_loss"))
        name = QStringLiteral("loss");
    else if (name.startsWith(QLatin1String("objective/")))
        name = name.mid(10);
    graph->setName(name);
    QPen pen(ChartStyle::barColor(int(m_graphs.size())), 1.6);
    if (valid)
        pen.setStyle(Qt::DashLine);
    graph->setPen(pen);
    graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 4));
    m_graphs.emplace(series, graph);
    m_plot->legend->setVisible(true);
    return graph;
}

bool StageCurvesChart::append(const std::vector<recforge::CurveSeries> &series)
{
    bool any = false;
    for (const recforge::CurveSeries &s : series) {
        if (!isDrawn(s.name) || s.points.empty())
            continue;
        QCPGraph *graph = graphFor(s.name);
        for (const recforge::CurvePoint &p : s.points)
            graph->addData(double(p.epoch), p.value);
        any = true;
    }
    m_dirty = m_dirty || any;
    return any;
}

int StageCurvesChart::pointCount(const std::string &series) const
{
    const auto it = m_graphs.find(series);
    return it == m_graphs.end() ? 0 : it->second->dataCount();
}

void StageCurvesChart::replot()
{
    if (!m_dirty)
        return;
    m_dirty = false;
    if (!m_graphs.empty()) {
        bool lossFound = false, validFound = false;
        QCPRange loss, valid, steps;
        bool stepsFound = false;
        for (const auto &[name, graph] : m_graphs) {
            bool found = false;
            const QCPRange values = graph->getValueRange(found);
            if (found) {
                QCPRange &range = isValidation(name) ? valid : loss;
                bool &seen = isValidation(name) ? validFound : lossFound;
                range = seen ? QCPRange(std::min(range.lower, values.lower),
                                        std::max(range.upper, values.upper))
                             : values;
                seen = true;
            }
            const QCPRange keys = graph->getKeyRange(found);
            if (found) {
                steps = stepsFound ? QCPRange(std::min(steps.lower, keys.lower),
                                              std::max(steps.upper, keys.upper))
                                   : keys;
                stepsFound = true;
            }
        }
        // Room for the legend above the curves.
        if (lossFound)
            m_plot->yAxis->setRange(std::min(0.0, loss.lower),
                                    loss.upper + 0.35 * std::max(loss.size(), 1e-6));
        if (validFound)
            m_plot->yAxis2->setRange(0, valid.upper * 1.35 + 1e-6);
        if (stepsFound)
            m_plot->xAxis->setRange(steps.lower - 0.5, steps.upper + 0.5);
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace recforge::ui
