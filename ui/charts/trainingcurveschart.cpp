#include "trainingcurveschart.h"

#include <cmath>

#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

#include "charts/qcp.h"

#include "charts/chartstyle.h"

namespace recforge::ui {

namespace {

QCPTextElement *titleOf(QCustomPlot *plot)
{
    return qobject_cast<QCPTextElement *>(plot->plotLayout()->element(0, 0));
}

QColor faded(QColor colour)
{
    colour.setAlpha(70);
    return colour;
}

} // namespace

TrainingCurvesChart::TrainingCurvesChart(QWidget *parent)
    : QWidget(parent), m_loss(new QCustomPlot(this)), m_valid(new QCustomPlot(this)),
      m_log(new QCheckBox(this)), m_fit(new QPushButton(this)),
      m_splitter(new QSplitter(Qt::Vertical, this))
{
    m_loss->setObjectName(QStringLiteral("lossPlot"));
    m_valid->setObjectName(QStringLiteral("validationPlot"));
    m_log->setObjectName(QStringLiteral("logScaleCheck"));
    setupPlot(m_loss);
    setupPlot(m_valid);
    m_valid->yAxis->setNumberFormat(QStringLiteral("f"));
    m_valid->yAxis->setNumberPrecision(3);
    // Whole epochs only; validation values rise, so their legend sits bottom right.
    auto epochTicker = QSharedPointer<QCPAxisTickerFixed>(new QCPAxisTickerFixed);
    epochTicker->setTickStep(1.0);
    epochTicker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    m_valid->xAxis->setTicker(epochTicker);
    m_valid->xAxis->setNumberFormat(QStringLiteral("f"));
    m_valid->xAxis->setNumberPrecision(0);
    // Validation curves of several runs fill the whole rect: their legend goes beside it.
    m_valid->axisRect()->insetLayout()->take(m_valid->legend);
    m_valid->plotLayout()->addElement(1, 1, m_valid->legend);
    m_valid->plotLayout()->setColumnStretchFactor(1, 0.001);
    m_valid->legend->setMargins(QMargins(4, 4, 4, 4));
    connect(m_log, &QCheckBox::toggled, this, &TrainingCurvesChart::setLogScale);
    connect(m_fit, &QPushButton::clicked, this, &TrainingCurvesChart::fit);

    auto *tools = new QHBoxLayout;
    tools->setContentsMargins(0, 0, 0, 0);
    tools->addStretch(1);
    tools->addWidget(m_log);
    tools->addWidget(m_fit);
    m_splitter->addWidget(m_loss);
    m_splitter->addWidget(m_valid);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(tools);
    layout->addWidget(m_splitter, 1);
    retranslateUi();
}

void TrainingCurvesChart::setOrientation(Qt::Orientation orientation)
{
    m_splitter->setOrientation(orientation);
    m_splitter->setStretchFactor(1, orientation == Qt::Vertical ? 2 : 3);
    if (orientation == Qt::Horizontal)
        m_splitter->setSizes({1000, 1000}); // side by side: equal widths
}

void TrainingCurvesChart::setupPlot(QCustomPlot *plot)
{
    ChartStyle::reset(plot, QString());
    plot->setMinimumHeight(160);
    plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot->axisRect()->setRangeDrag(Qt::Horizontal | Qt::Vertical);
    plot->axisRect()->setRangeZoom(Qt::Horizontal | Qt::Vertical);
    plot->legend->setVisible(true);
    plot->legend->setBrush(QBrush(QColor(255, 255, 255, 210)));
    plot->legend->setBorderPen(QPen(QColor(200, 200, 200)));
    QFont small = plot->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    plot->legend->setFont(small);
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    // Any press or wheel on a plot means the user looks at a region: stop auto-fitting.
    plot->installEventFilter(this);
}

bool TrainingCurvesChart::eventFilter(QObject *watched, QEvent *event)
{
    if ((watched == m_loss || watched == m_valid) &&
        (event->type() == QEvent::Wheel || event->type() == QEvent::MouseButtonPress))
        m_userZoomed = true;
    return QWidget::eventFilter(watched, event);
}

TrainingCurvesChart::Run &TrainingCurvesChart::ensureRun(qint64 key)
{
    auto it = m_runs.find(key);
    if (it != m_runs.end())
        return *it;
    Run run;
    run.label = tr("run %1").arg(key);
    run.colour = m_nextColour++;
    const QColor colour = ChartStyle::barColor(run.colour);
    run.raw = m_loss->addGraph();
    run.raw->setPen(QPen(faded(colour), 1));
    run.raw->removeFromLegend();
    run.raw->setAntialiased(false); // thousands of noisy points: cheaper, and looks the same
    run.smooth = m_loss->addGraph();
    run.smooth->setPen(QPen(colour, 2));
    run.epoch = m_loss->addGraph();
    run.epoch->setPen(QPen(colour, 1.2, Qt::DashLine));
    run.epoch->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDiamond, colour, Qt::white, 7));
    run.ndcg = m_valid->addGraph();
    run.ndcg->setPen(QPen(colour, 2));
    run.ndcg->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, colour, Qt::white, 6));
    run.hr = m_valid->addGraph();
    run.hr->setPen(QPen(colour, 1.5, Qt::DashLine));
    run.hr->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssSquare, colour, Qt::white, 5));
    m_order.append(key);
    m_lossDirty = m_validDirty = true;
    it = m_runs.insert(key, run);
    updateNames(*it);
    return *it;
}

void TrainingCurvesChart::updateNames(Run &run)
{
    run.raw->setName(tr("%1: loss").arg(run.label));
    run.smooth->setName(tr("%1: loss (smoothed)").arg(run.label));
    run.epoch->setName(tr("%1: epoch loss").arg(run.label));
    run.ndcg->setName(tr("%1: NDCG@10").arg(run.label));
    run.hr->setName(tr("%1: HR@10").arg(run.label));
}

void TrainingCurvesChart::setRun(qint64 key, const QString &label, const RunCurves &curves)
{
    Run &run = ensureRun(key);
    run.label = label;
    updateNames(run);
    m_lossDirty = m_validDirty = true;
    run.raw->data()->clear();
    run.smooth->data()->clear();
    run.hasEma = false;
    run.epoch->setData(curves.epochLossSteps, curves.epochLoss, true);
    run.ndcg->setData(curves.ndcgEpochs, curves.ndcg, true);
    run.hr->setData(curves.hrEpochs, curves.hr, true);
    appendLoss(key, curves.lossSteps, curves.loss);
}

void TrainingCurvesChart::appendLoss(qint64 key, const QVector<double> &steps,
                                     const QVector<double> &losses)
{
    if (steps.isEmpty())
        return;
    Run &run = ensureRun(key);
    QVector<double> smooth;
    smooth.reserve(losses.size());
    for (double loss : losses) {
        if (std::isfinite(loss)) {
            run.ema = run.hasEma ? run.ema + kSmoothing * (loss - run.ema) : loss;
            run.hasEma = true;
        }
        smooth.append(run.hasEma ? run.ema : loss);
    }
    run.raw->addData(steps, losses, true);
    run.smooth->addData(steps, smooth, true);
    m_lossDirty = true;
}

void TrainingCurvesChart::appendEpochLoss(qint64 key, double step, double loss)
{
    ensureRun(key).epoch->addData(step, loss);
    m_lossDirty = true;
}

void TrainingCurvesChart::appendValidation(qint64 key, Metric metric, double epoch, double value)
{
    Run &run = ensureRun(key);
    (metric == Metric::Ndcg10 ? run.ndcg : run.hr)->addData(epoch, value);
    m_validDirty = true;
}

void TrainingCurvesChart::setRunLabel(qint64 key, const QString &label)
{
    Run &run = ensureRun(key);
    run.label = label;
    updateNames(run);
    m_lossDirty = m_validDirty = true; // legends
}

void TrainingCurvesChart::removeRun(qint64 key)
{
    auto it = m_runs.find(key);
    if (it == m_runs.end())
        return;
    for (QCPGraph *graph : {it->raw, it->smooth, it->epoch})
        m_loss->removeGraph(graph);
    for (QCPGraph *graph : {it->ndcg, it->hr})
        m_valid->removeGraph(graph);
    m_runs.erase(it);
    m_order.removeAll(key);
    m_lossDirty = m_validDirty = true;
}

void TrainingCurvesChart::clear()
{
    m_loss->clearGraphs();
    m_valid->clearGraphs();
    m_runs.clear();
    m_order.clear();
    m_nextColour = 0;
    m_userZoomed = false;
    m_lossDirty = m_validDirty = true;
}

int TrainingCurvesChart::lossPointCount(qint64 key) const
{
    auto it = m_runs.find(key);
    return it == m_runs.end() ? 0 : it->raw->dataCount();
}

int TrainingCurvesChart::validationPointCount(qint64 key, Metric metric) const
{
    auto it = m_runs.find(key);
    if (it == m_runs.end())
        return 0;
    return (metric == Metric::Ndcg10 ? it->ndcg : it->hr)->dataCount();
}

int TrainingCurvesChart::runsWithLoss() const
{
    int count = 0;
    for (const Run &run : m_runs)
        count += run.raw->dataCount() > 0 ? 1 : 0;
    return count;
}

void TrainingCurvesChart::setLogScale(bool on)
{
    m_logScale = on;
    if (m_log->isChecked() != on) {
        const QSignalBlocker blocker(m_log);
        m_log->setChecked(on);
    }
    QCPAxis *axis = m_loss->yAxis;
    if (on) {
        axis->setScaleType(QCPAxis::stLogarithmic);
        axis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTickerLog));
    } else {
        axis->setScaleType(QCPAxis::stLinear);
        axis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    }
    m_userZoomed = false;
    m_lossDirty = true;
    replot();
}

void TrainingCurvesChart::fit()
{
    m_userZoomed = false;
    m_lossDirty = m_validDirty = true;
    replot();
}

void TrainingCurvesChart::replot()
{
    if (!m_userZoomed) {
        for (QCustomPlot *plot : {m_loss, m_valid}) {
            if (!(plot == m_loss ? m_lossDirty : m_validDirty))
                continue;
            bool any = false;
            for (int i = 0; i < plot->graphCount(); ++i)
                any = any || plot->graph(i)->dataCount() > 0;
            if (!any)
                continue;
            plot->rescaleAxes(true);
            // A little air around the curves; a single point still gets a visible range.
            for (QCPAxis *axis : {plot->xAxis, plot->yAxis}) {
                QCPRange range = axis->range();
                if (axis->scaleType() == QCPAxis::stLogarithmic) {
                    axis->setRange(range.lower / 1.15, range.upper * 1.15);
                    continue;
                }
                const double pad = range.size() > 0 ? range.size() * 0.05 : 0.5;
                axis->setRange(range.lower - pad, range.upper + pad);
            }
        }
    }
    // While the user zooms or pans, QCustomPlot redraws by itself; here only new data counts.
    if (m_lossDirty)
        m_loss->replot(QCustomPlot::rpQueuedRefresh);
    if (m_validDirty)
        m_valid->replot(QCustomPlot::rpQueuedRefresh);
    m_lossDirty = m_validDirty = false;
}

void TrainingCurvesChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void TrainingCurvesChart::retranslateUi()
{
    if (auto *title = titleOf(m_loss))
        title->setText(tr("Training loss"));
    if (auto *title = titleOf(m_valid))
        title->setText(tr("Validation NDCG@10 (solid) and HR@10 (dashed)"));
    m_loss->xAxis->setLabel(tr("step"));
    m_loss->yAxis->setLabel(tr("loss"));
    m_valid->xAxis->setLabel(tr("epoch"));
    m_valid->yAxis->setLabel(tr("validation metric"));
    m_log->setText(tr("Log-scale loss"));
    m_fit->setText(tr("Fit"));
    m_fit->setToolTip(tr("Show every point again after zooming or panning"));
    for (Run &run : m_runs)
        updateNames(run);
    m_loss->replot(QCustomPlot::rpQueuedReplot);
    m_valid->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace recforge::ui
