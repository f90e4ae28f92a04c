#include "distillpanel.h"

#include <cmath>

#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include "charts/qcp.h"

#include "charts/trainingcurveschart.h"
#include "distill/distilljobs.h"
#include "distill/distillsummary.h"
#include "distill/distilluserview.h"
#include "jobs/jobmanager.h"
#include "store/project.h"
#include "store/runstore.h"

namespace recforge::ui {

namespace {

QCustomPlot *newPlot(QWidget *parent, const char *name)
{
    auto *plot = new QCustomPlot(parent);
    plot->setObjectName(QLatin1String(name));
    plot->setMinimumHeight(180);
    return plot;
}

} // namespace

DistillPanel::DistillPanel(JobManager *jobs, QWidget *parent)
    : QWidget(parent), m_jobs(jobs), m_runLabel(new QLabel(this)), m_runs(new QComboBox(this)),
      m_refresh(new QPushButton(this)), m_summary(new QLabel(this)),
      m_figures(new QTableWidget(this)), m_tabs(new QTabWidget(this)),
      m_quality(newPlot(this, "distilQualityChart")),
      m_parameters(newPlot(this, "distilParametersChart")),
      m_disk(newPlot(this, "distilDiskChart")), m_latency(newPlot(this, "distilLatencyChart")),
      m_throughput(newPlot(this, "distilThroughputChart")), m_curves(new TrainingCurvesChart(this)),
      m_overlap(newPlot(this, "distilOverlapChart")), m_userView(new DistillUserView(jobs, this))
{
    m_runs->setObjectName(QStringLiteral("distilRunCombo"));
    m_runs->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_runs->setMinimumContentsLength(30);
    m_refresh->setObjectName(QStringLiteral("refreshDistilRunsButton"));
    m_summary->setObjectName(QStringLiteral("distilSummary"));
    m_summary->setWordWrap(true);
    m_summary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_figures->setObjectName(QStringLiteral("distilFiguresTable"));
    m_figures->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_figures->setSelectionMode(QAbstractItemView::NoSelection);
    m_figures->setWordWrap(false);
    m_figures->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_figures->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_curves->setOrientation(Qt::Horizontal);
    connect(m_refresh, &QPushButton::clicked, this, &DistillPanel::refresh);
    connect(m_runs, &QComboBox::currentIndexChanged, this, [this] { loadRun(currentRunId()); });

    auto *speed = new QWidget(this);
    auto *grid = new QGridLayout(speed);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_parameters, 0, 0);
    grid->addWidget(m_disk, 0, 1);
    grid->addWidget(m_latency, 1, 0);
    grid->addWidget(m_throughput, 1, 1);
    m_tabs->addTab(m_quality, QString());
    m_tabs->addTab(speed, QString());
    m_tabs->addTab(m_curves, QString());
    m_tabs->addTab(m_overlap, QString());
    m_tabs->addTab(m_userView, QString());

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_runLabel);
    bar->addWidget(m_runs);
    bar->addWidget(m_refresh);
    bar->addStretch(1);
    auto *top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(m_summary);
    top->addWidget(m_figures);
    top->setStretchFactor(0, 1);
    top->setStretchFactor(1, 1);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({260, 520});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(splitter, 1);
    retranslateUi();
    clearComparison();
}

DistillPanel::~DistillPanel()
{
    if (m_loading)
        m_loading->requestStop();
}

void DistillPanel::setProject(std::shared_ptr<recforge::Project> project)
{
    if (m_loading)
        m_loading->requestStop();
    m_project = std::move(project);
    m_store.reset();
    if (m_project) {
        recforge::RunStore::Options options;
        options.markInterruptedOnOpen = false; // the Experiments panel's store does that
        auto store = recforge::RunStore::open(*m_project, options);
        if (store)
            m_store = std::shared_ptr<recforge::RunStore>(std::move(*store));
        else
            Q_EMIT issueReported(tr("Could not open the experiment store: %1")
                                     .arg(QString::fromStdString(store.error().toString())));
    }
    m_runs->blockSignals(true);
    m_runs->clear();
    m_runs->blockSignals(false);
    clearComparison();
    refresh();
}

qint64 DistillPanel::currentRunId() const
{
    return m_runs->currentIndex() < 0 ? 0 : m_runs->currentData().toLongLong();
}

void DistillPanel::selectRun(qint64 runId)
{
    const int index = m_runs->findData(runId);
    if (index < 0) {
        m_wanted = runId; // selected when the next listing has it
        return;
    }
    if (index == m_runs->currentIndex())
        loadRun(runId);
    else
        m_runs->setCurrentIndex(index);
}

void DistillPanel::refresh()
{
    if (!m_store)
        return;
    auto *job = new ListDistilRunsJob(m_store);
    connect(job, &Job::succeeded, this, [this, job] {
        const qint64 keep = m_wanted ? m_wanted : currentRunId();
        m_wanted = 0;
        m_runs->blockSignals(true);
        m_runs->clear();
        for (const recforge::RunSummary &run : job->runs())
            m_runs->addItem(tr("#%1 %2 (%3)")
                                .arg(run.id)
                                .arg(QString::fromStdString(run.name),
                                     QString::fromLatin1(recforge::runStatusName(run.status))),
                            qint64(run.id));
        const int index = m_runs->findData(keep);
        m_runs->setCurrentIndex(index >= 0 ? index : (m_runs->count() > 0 ? 0 : -1));
        m_runs->blockSignals(false);
        Q_EMIT runsListed(m_runs->count());
        const qint64 now = currentRunId();
        if (now == 0)
            clearComparison();
        else if (!m_hasComparison || m_comparison.student.runId != now || keep != now)
            loadRun(now);
    });
    m_jobs->start(job);
}

void DistillPanel::loadRun(qint64 runId)
{
    if (m_loading)
        m_loading->requestStop();
    if (runId <= 0 || !m_store || !m_project) {
        clearComparison();
        return;
    }
    auto *job = new LoadDistilRunJob(QString::fromStdString(m_project->path()), m_store, runId);
    m_loading = job;
    connect(job, &Job::succeeded, this, [this, job] {
        if (job->runId() == currentRunId())
            showComparison(*job);
    });
    connect(job, &Job::failed, this, [this, job](const QString &message) {
        if (job->runId() != currentRunId())
            return;
        clearComparison();
        m_summary->setText(tr("Run %1 has no teacher-versus-student comparison yet: %2")
                               .arg(job->runId())
                               .arg(message));
    });
    m_jobs->start(job);
}

void DistillPanel::clearComparison()
{
    m_hasComparison = false;
    m_comparison = recforge::ModelComparison{};
    m_summary->setText(m_runs->count() == 0
                           ? tr("No distillation run in this project yet. Distil a trained "
                                "model with the Pipeline workspace or recforge-cli distill.")
                           : QString());
    m_figures->clear();
    m_figures->setRowCount(0);
    m_figures->setColumnCount(0);
    plotQuality();
    plotSizeAndSpeed();
    plotOverlap();
    m_curves->clear();
    m_curves->replot();
    m_userView->setRuns(QString(), 0, 0, 10);
}

void DistillPanel::showComparison(const LoadDistilRunJob &job)
{
    m_comparison = job.comparison();
    m_hasComparison = true;
    QString html = QStringLiteral("<ul style=\"margin-left:-20px\">");
    for (const QString &line : DistillSummary::lines(m_comparison))
        html += QStringLiteral("<li>%1</li>").arg(line.toHtmlEscaped());
    html += QStringLiteral("</ul><p style=\"color:#666\">%1</p>")
                .arg(tr("Quality: %1. Timed on %2 with %3 thread(s).")
                         .arg(QString::fromStdString(m_comparison.protocol.label()),
                              QString::fromStdString(m_comparison.device))
                         .arg(m_comparison.threads)
                         .toHtmlEscaped());
    m_summary->setText(html);
    fillFigures();
    plotQuality();
    plotSizeAndSpeed();
    plotOverlap();

    m_curves->clear();
    const auto models = DistillSummary::models(m_comparison);
    const QStringList names = DistillSummary::modelNames(m_comparison);
    for (size_t i = 0; i < models.size(); ++i) {
        const qint64 id = models[i]->runId;
        if (id <= 0 || !job.curves().contains(id) || m_curves->hasRun(id))
            continue;
        const QString runName = job.runNames().value(id);
        m_curves->setRun(id,
                         runName.isEmpty() ? tr("%1 (run %2)").arg(names[int(i)]).arg(id)
                                           : tr("%1: %2").arg(names[int(i)], runName),
                         job.curves().value(id));
    }
    m_curves->fit();
    m_userView->setRuns(QString::fromStdString(m_project->path()), m_comparison.teacher.runId,
                        m_comparison.student.runId, m_comparison.jaccard.k);
    Q_EMIT comparisonShown(job.runId());
}

void DistillPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        if (m_hasComparison)
            loadRun(currentRunId()); // texts and chart titles in the new language
    }
    QWidget::changeEvent(event);
}

void DistillPanel::retranslateUi()
{
    m_runLabel->setText(tr("Distillation run:"));
    m_refresh->setText(tr("Refresh"));
    m_refresh->setToolTip(tr("List the project's distillation runs again"));
    m_tabs->setTabText(0, tr("Quality"));
    m_tabs->setTabText(1, tr("Size and speed"));
    m_tabs->setTabText(2, tr("Learning curves"));
    m_tabs->setTabText(3, tr("Top-K overlap"));
    m_tabs->setTabText(4, tr("Per user"));
}

} // namespace recforge::ui
