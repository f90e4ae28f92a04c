#include "trainingpanel.h"

#include <cmath>

#include <QCoreApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include "charts/trainingcurveschart.h"
#include "experiments/loadcurvesjob.h"
#include "jobs/jobmanager.h"
#include "jobs/jobprogresswidget.h"
#include "store/project.h"
#include "store/runstore.h"
#include "training/traininghints.h"
#include "training/trainingjob.h"
#include "training/trainingqueue.h"

namespace recforge::ui {

namespace {
constexpr int kPollEveryTicks = 5; // store reads for HR@10: ~2.5 per second at most
}

TrainingPanel::TrainingPanel(JobManager *jobs, QWidget *parent)
    : QWidget(parent), m_jobs(jobs), m_queue(new TrainingQueue(jobs, this)),
      m_queueTitle(new QLabel(this)), m_table(new QTableWidget(0, 4, this)),
      m_cancel(new QPushButton(this)), m_remove(new QPushButton(this)),
      m_clear(new QPushButton(this)), m_overlay(new QToolButton(this)),
      m_chart(new TrainingCurvesChart(this)), m_progress(new JobProgressWidget(this)),
      m_hint(new QLabel(this)), m_metricsTitle(new QLabel(this)),
      m_metrics(new QTableWidget(0, 3, this))
{
    m_table->setObjectName(QStringLiteral("trainingQueueTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_metrics->setObjectName(QStringLiteral("finalMetricsTable"));
    m_metrics->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_metrics->verticalHeader()->setVisible(false);
    m_metrics->horizontalHeader()->setStretchLastSection(true);
    m_cancel->setObjectName(QStringLiteral("cancelRunButton"));
    m_remove->setObjectName(QStringLiteral("removeRunButton"));
    m_overlay->setObjectName(QStringLiteral("overlayButton"));
    m_overlay->setPopupMode(QToolButton::InstantPopup);
    auto *overlayMenu = new QMenu(m_overlay);
    m_overlay->setMenu(overlayMenu);
    connect(overlayMenu, &QMenu::aboutToShow, this, &TrainingPanel::populateOverlayMenu);
    m_hint->setObjectName(QStringLiteral("trainingHint"));
    m_hint->setWordWrap(true);
    m_hint->setStyleSheet(QStringLiteral("QLabel { background: #fff4ce; border: 1px solid #e0c060;"
                                         " padding: 6px; }"));
    m_hint->hide();
    m_progress->hide();
    QFont bold = m_queueTitle->font();
    bold.setBold(true);
    m_queueTitle->setFont(bold);
    m_metricsTitle->setFont(bold);

    connect(m_queue, &TrainingQueue::changed, this, &TrainingPanel::updateQueueTable);
    connect(m_queue, &TrainingQueue::jobStarted, this, &TrainingPanel::onJobStarted);
    connect(m_queue, &TrainingQueue::jobEnded, this, &TrainingPanel::onJobEnded);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &TrainingPanel::updateButtons);
    connect(m_cancel, &QPushButton::clicked, this, [this] { m_queue->cancel(selectedEntryId()); });
    connect(m_remove, &QPushButton::clicked, this, [this] { m_queue->remove(selectedEntryId()); });
    connect(m_clear, &QPushButton::clicked, m_queue, &TrainingQueue::clearFinished);
    m_timer.setInterval(kTickMs);
    connect(&m_timer, &QTimer::timeout, this, &TrainingPanel::tick);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_queueTitle);
    leftLayout->addWidget(m_table, 2);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_remove);
    buttons->addWidget(m_clear);
    leftLayout->addLayout(buttons);
    leftLayout->addWidget(m_metricsTitle);
    leftLayout->addWidget(m_metrics, 3);
    leftLayout->addWidget(m_hint);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto *chartTools = new QHBoxLayout;
    chartTools->addWidget(m_overlay);
    chartTools->addStretch(1);
    rightLayout->addLayout(chartTools);
    rightLayout->addWidget(m_chart, 1);
    rightLayout->addWidget(m_progress);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({420, 900});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter);
    retranslateUi();
    updateQueueTable();
}

TrainingPanel::~TrainingPanel() = default;

void TrainingPanel::setProject(std::shared_ptr<recforge::Project> project)
{
    m_project = std::move(project);
    m_store.reset();
    m_liveStore.reset();
    m_chart->clear();
    m_chart->replot();
    m_hint->hide();
    m_metrics->setRowCount(0);
    m_queue->setProjectPath(m_project ? QString::fromStdString(m_project->path()) : QString());
    if (!m_project)
        return;
    recforge::RunStore::Options options;
    options.markInterruptedOnOpen = false; // the Experiments panel's store does that once
    auto store = recforge::RunStore::open(*m_project, options);
    auto live = recforge::RunStore::open(*m_project, options);
    if (!store || !live) {
        Q_EMIT issueReported(
            tr("Could not open the experiment store: %1")
                .arg(QString::fromStdString((!store ? store.error() : live.error()).toString())));
        return;
    }
    m_store = std::shared_ptr<recforge::RunStore>(std::move(*store));
    m_liveStore = std::move(*live);
}

int TrainingPanel::enqueue(const recforge::TrainRunConfig &config)
{
    return m_queue->enqueue(config);
}

void TrainingPanel::onJobStarted(TrainingJob *job, int entryId)
{
    if (m_liveEntry != 0)
        m_chart->removeRun(liveKey(m_liveEntry)); // it is in the store now: overlay it to compare
    m_liveJob = job;
    m_liveBuffer = job->buffer();
    m_liveEntry = entryId;
    m_liveRunName = job->config().runName;
    m_liveRunId = 0;
    m_liveAfterId = 0;
    m_liveEpochs.clear();
    m_ticksSincePoll = 0;
    m_hint->hide();
    m_metrics->setRowCount(0);
    m_chart->setRunLabel(liveKey(entryId),
                         tr("%1 (live)").arg(QString::fromStdString(job->config().runName)));
    m_chart->replot();
    m_progress->track(job);
    m_progress->show();
    m_timer.start();
    Q_EMIT liveJobChanged();
}

Job *TrainingPanel::liveJob() const
{
    return m_liveJob.data();
}

void TrainingPanel::onJobEnded(TrainingJob *job, int entryId)
{
    if (entryId == m_liveEntry) {
        tick(); // the last batches and epochs
        m_timer.stop();
        if (job->state() == Job::State::Succeeded) {
            m_liveRunId = job->result().runId;
            pollStoredValidation();
            m_chart->setRunLabel(liveKey(entryId), QString::fromStdString(job->config().runName));
            showFinalMetrics(job->result().metrics);
            if (validationStillRising(m_liveEpochs)) {
                m_hint->setText(tr("Validation NDCG@10 was still rising when training stopped — "
                                   "try more epochs (transformers are often undertrained)"));
                m_hint->show();
            }
        }
        m_chart->replot();
        m_liveBuffer.reset();
        m_liveJob.clear();
        Q_EMIT liveJobChanged();
    }
    const qint64 runId = job->state() == Job::State::Succeeded ? job->result().runId : 0;
    Q_EMIT runEnded(runId);
}

void TrainingPanel::tick()
{
    if (!m_liveBuffer)
        return;
    TrainingUpdate update = m_liveBuffer->take();
    const qint64 key = liveKey(m_liveEntry);
    bool changed = !update.empty();
    if (!update.batches.empty()) {
        QVector<double> steps, losses;
        steps.reserve(qsizetype(update.batches.size()));
        losses.reserve(qsizetype(update.batches.size()));
        for (const recforge::BatchEvent &b : update.batches) {
            steps.append(double(b.step));
            losses.append(b.loss);
        }
        m_chart->appendLoss(key, steps, losses);
    }
    for (size_t i = 0; i < update.epochs.size(); ++i) {
        const recforge::EpochEvent &e = update.epochs[i];
        m_chart->appendEpochLoss(key, double(update.epochSteps[i]), e.trainLoss);
        if (std::isfinite(e.monitored))
            m_chart->appendValidation(key, TrainingCurvesChart::Metric::Ndcg10, e.epoch,
                                      e.monitored);
        m_liveEpochs.push_back(e);
    }
    if (!m_liveEpochs.empty() && ++m_ticksSincePoll >= kPollEveryTicks) {
        m_ticksSincePoll = 0;
        changed = pollStoredValidation() || changed;
    }
    if (changed) {
        m_chart->replot();
        ++m_replots;
    }
}

bool TrainingPanel::pollStoredValidation()
{
    if (!m_liveStore)
        return false;
    if (m_liveRunId == 0) {
        // The run id is known to core only; find our running run by its (unique) name.
        recforge::RunFilter filter;
        filter.status = recforge::RunStatus::Running;
        filter.kind = "train";
        filter.limit = 8;
        auto runs = m_liveStore->listRuns(filter);
        if (!runs)
            return false;
        for (const recforge::RunSummary &run : *runs)
            if (run.name == m_liveRunName &&
                run.ownerPid == int64_t(QCoreApplication::applicationPid()))
                m_liveRunId = run.id;
        if (m_liveRunId == 0)
            return false;
    }
    auto series = m_liveStore->curves(m_liveRunId, {"valid/HR@10"}, m_liveAfterId);
    if (!series)
        return false;
    bool added = false;
    for (const recforge::CurveSeries &s : *series)
        for (const recforge::CurvePoint &p : s.points) {
            m_chart->appendValidation(liveKey(m_liveEntry), TrainingCurvesChart::Metric::Hr10,
                                      p.epoch, p.value);
            m_liveAfterId = std::max(m_liveAfterId, p.id);
            added = true;
        }
    return added;
}

void TrainingPanel::showFinalMetrics(const std::vector<recforge::MetricValue> &metrics)
{
    m_metrics->setRowCount(0);
    for (const recforge::MetricValue &v : metrics) {
        if (v.group != "all")
            continue;
        const int row = m_metrics->rowCount();
        m_metrics->insertRow(row);
        auto *name = new QTableWidgetItem(QString::fromStdString(v.name));
        auto *value = new QTableWidgetItem(metricValueText(v.value));
        value->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        const QString protocol = protocolText(v);
        auto *label = new QTableWidgetItem(protocol);
        for (QTableWidgetItem *item : {name, value, label})
            item->setToolTip(QString::fromStdString(v.toString()));
        m_metrics->setItem(row, 0, name);
        m_metrics->setItem(row, 1, value);
        m_metrics->setItem(row, 2, label);
    }
    m_metrics->resizeColumnsToContents();
}

void TrainingPanel::overlayRun(qint64 runId, const QString &label)
{
    if (!m_store || m_chart->hasRun(runId))
        return;
    auto *job = new LoadCurvesJob(m_store, {runId});
    connect(job, &Job::succeeded, this, [this, job, runId, label] {
        if (!job->curves().contains(runId))
            return;
        m_chart->setRun(runId, label, job->curves().value(runId));
        m_chart->replot();
    });
    m_jobs->start(job);
}

void TrainingPanel::removeOverlay(qint64 runId)
{
    m_chart->removeRun(runId);
    m_chart->replot();
}

void TrainingPanel::populateOverlayMenu()
{
    QMenu *menu = m_overlay->menu();
    menu->clear();
    if (!m_store) {
        menu->addAction(tr("No project"))->setEnabled(false);
        return;
    }
    recforge::RunFilter filter;
    filter.limit = 30;
    auto runs = m_store->listRuns(filter);
    if (!runs || runs->empty()) {
        menu->addAction(tr("No stored runs yet"))->setEnabled(false);
        return;
    }
    for (const recforge::RunSummary &run : *runs) {
        bool hasLoss = false;
        for (const recforge::CurveStats &c : run.curves)
            hasLoss = hasLoss || (c.series == "train/loss" && c.points > 0);
        if (!hasLoss || run.status == recforge::RunStatus::Running)
            continue;
        const QString label = tr("#%1 %2").arg(run.id).arg(QString::fromStdString(run.name));
        QAction *action = menu->addAction(label);
        action->setCheckable(true);
        action->setChecked(m_chart->hasRun(run.id));
        const qint64 id = run.id;
        connect(action, &QAction::toggled, this, [this, id, label](bool on) {
            if (on)
                overlayRun(id, label);
            else
                removeOverlay(id);
        });
    }
    if (menu->isEmpty())
        menu->addAction(tr("No stored runs with loss curves"))->setEnabled(false);
}

int TrainingPanel::selectedEntryId() const
{
    const QList<QTableWidgetItem *> items = m_table->selectedItems();
    return items.isEmpty() ? 0 : items.first()->data(Qt::UserRole).toInt();
}

void TrainingPanel::updateQueueTable()
{
    const int keep = selectedEntryId();
    const QSignalBlocker blocker(m_table);
    m_table->setRowCount(0);
    for (const TrainingQueue::Entry &entry : m_queue->entries()) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        const QStringList cells{QString::fromStdString(entry.config.runName),
                                QString::fromStdString(entry.config.model),
                                QString::fromStdString(entry.config.dataset),
                                TrainingQueue::stateName(entry.state)};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            item->setData(Qt::UserRole, entry.id);
            if (entry.state == TrainingQueue::State::Failed)
                item->setToolTip(entry.message);
            m_table->setItem(row, column, item);
        }
        if (entry.state == TrainingQueue::State::Failed)
            m_table->item(row, 3)->setForeground(QColor(192, 57, 43));
        else if (entry.state == TrainingQueue::State::Running)
            m_table->item(row, 3)->setForeground(QColor(33, 113, 181));
        if (entry.id == keep)
            m_table->selectRow(row);
    }
    m_table->resizeColumnToContents(0);
    updateButtons();
}

void TrainingPanel::updateButtons()
{
    const TrainingQueue::Entry *entry = m_queue->entry(selectedEntryId());
    const bool active = entry && (entry->state == TrainingQueue::State::Pending ||
                                  entry->state == TrainingQueue::State::Running);
    m_cancel->setEnabled(active);
    m_remove->setEnabled(entry && entry->state != TrainingQueue::State::Running);
}

void TrainingPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void TrainingPanel::retranslateUi()
{
    m_queueTitle->setText(tr("Training queue"));
    m_table->setHorizontalHeaderLabels({tr("Run"), tr("Model"), tr("Dataset"), tr("State")});
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop the selected run (running) or skip it (pending)"));
    m_remove->setText(tr("Remove"));
    m_remove->setToolTip(tr("Remove the selected run from the queue (not while it runs)"));
    m_clear->setText(tr("Clear finished"));
    m_overlay->setText(tr("Overlay stored runs"));
    m_overlay->setToolTip(tr("Draw the curves of runs from the experiment store for comparison"));
    m_metricsTitle->setText(tr("Final test metrics"));
    m_metrics->setHorizontalHeaderLabels({tr("Metric"), tr("Value"), tr("Protocol")});
    if (!m_hint->isHidden())
        m_hint->setText(tr("Validation NDCG@10 was still rising when training stopped — "
                           "try more epochs (transformers are often undertrained)"));
    updateQueueTable();
}

} // namespace recforge::ui
