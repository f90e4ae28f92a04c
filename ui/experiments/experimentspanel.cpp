#include "experimentspanel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include "charts/trainingcurveschart.h"
#include "experiments/deleterunjob.h"
#include "experiments/exportdialog.h"
#include "experiments/exportrunjob.h"
#include "experiments/scorehistoriesdialog.h"
#include "experiments/scorehistoriesjob.h"
#include "experiments/loadcurvesjob.h"
#include "experiments/metricscomparison.h"
#include "experiments/rundetailsview.h"
#include "experiments/runstablemodel.h"
#include "jobs/jobmanager.h"
#include "store/project.h"
#include "store/runstore.h"

namespace recforge::ui {

ExperimentsPanel::ExperimentsPanel(JobManager *jobs, QWidget *parent)
    : QWidget(parent), m_jobs(jobs), m_title(new QLabel(this)), m_refresh(new QPushButton(this)),
      m_delete(new QPushButton(this)), m_export(new QPushButton(this)),
      m_resume(new QPushButton(this)), m_score(new QPushButton(this)),
      m_model(new RunsTableModel(this)), m_table(new QTableView(this)),
      m_tabs(new QTabWidget(this)), m_curves(new TrainingCurvesChart(this)),
      m_comparison(new MetricsComparison(this)), m_details(new RunDetailsView(this))
{
    m_table->setObjectName(QStringLiteral("runsTable"));
    m_refresh->setObjectName(QStringLiteral("refreshRunsButton"));
    m_delete->setObjectName(QStringLiteral("deleteRunButton"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_delete->setEnabled(false);
    connect(m_refresh, &QPushButton::clicked, this, &ExperimentsPanel::refresh);
    connect(m_delete, &QPushButton::clicked, this, [this] { deleteSelected(true); });
    m_export->setObjectName(QStringLiteral("exportRunButton"));
    m_resume->setObjectName(QStringLiteral("resumeRunButton"));
    connect(m_export, &QPushButton::clicked, this, [this] {
        const QList<qint64> ids = selectedRunIds();
        if (ids.size() != 1 || !m_project)
            return;
        auto dir = m_store ? m_store->runArtifactsDir(ids.first())
                           : recforge::Expected<std::string>(std::string());
        ExportDialog dialog(
            ids.first(), dir ? QString::fromStdString(*dir) + QStringLiteral("/export") : QString(),
            this);
        if (dialog.exec() == QDialog::Accepted)
            exportRun(ids.first(), dialog.options());
    });
    connect(m_score, &QPushButton::clicked, this, [this] {
        ScoreHistoriesDialog dialog(this);
        if (dialog.exec() == QDialog::Accepted)
            scoreHistories(dialog.modelPath(), dialog.historiesPath(), dialog.outputPath(),
                           dialog.k());
    });
    connect(m_resume, &QPushButton::clicked, this, [this] {
        const QList<qint64> ids = selectedRunIds();
        if (ids.size() != 1)
            return;
        if (const recforge::RunSummary *run = m_model->run(m_model->rowOf(ids.first())))
            Q_EMIT resumeRequested(run->id, QString::fromStdString(run->name));
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ExperimentsPanel::onSelectionChanged);

    m_curves->setOrientation(Qt::Horizontal);
    m_tabs->addTab(m_curves, QString());
    m_tabs->addTab(m_comparison, QString());
    m_tabs->addTab(m_details, QString());

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_title, 1);
    bar->addWidget(m_refresh);
    bar->addWidget(m_score);
    bar->addWidget(m_resume);
    bar->addWidget(m_export);
    bar->addWidget(m_delete);
    topLayout->addLayout(bar);
    topLayout->addWidget(m_table, 1);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({190, 530});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter);
    retranslateUi();
}

ExperimentsPanel::~ExperimentsPanel() = default;

void ExperimentsPanel::setProject(std::shared_ptr<recforge::Project> project)
{
    if (m_loading)
        m_loading->requestStop();
    m_project = std::move(project);
    m_store.reset();
    if (m_project) {
        auto store = recforge::RunStore::open(*m_project);
        if (store)
            m_store = std::shared_ptr<recforge::RunStore>(std::move(*store));
        else
            Q_EMIT issueReported(tr("Could not open the experiment store: %1")
                                     .arg(QString::fromStdString(store.error().toString())));
    }
    refresh();
}

void ExperimentsPanel::refresh()
{
    const QList<qint64> keep = selectedRunIds();
    std::vector<recforge::RunSummary> runs;
    std::map<int64_t, QString> names;
    if (m_store) {
        auto list = m_store->listRuns();
        if (list)
            runs = std::move(*list);
        else
            Q_EMIT issueReported(QString::fromStdString(list.error().toString()));
    }
    if (m_project)
        if (auto datasets = m_project->listDatasets())
            for (const recforge::DatasetSummary &d : *datasets)
                names[d.id] = QString::fromStdString(d.name);
    {
        const QSignalBlocker blocker(m_table->selectionModel());
        m_model->setRuns(std::move(runs), std::move(names));
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->resizeSection(RunsTableModel::NameColumn,
                                               std::min(260, m_table->columnWidth(1)));
    selectRuns(keep);
}

void ExperimentsPanel::selectRuns(const QList<qint64> &runIds)
{
    QItemSelection selection;
    for (qint64 id : runIds) {
        const int row = m_model->rowOf(id);
        if (row >= 0)
            selection.select(m_model->index(row, 0),
                             m_model->index(row, m_model->columnCount() - 1));
    }
    {
        const QSignalBlocker blocker(m_table->selectionModel());
        m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    }
    onSelectionChanged();
}

QList<qint64> ExperimentsPanel::selectedRunIds() const
{
    QList<qint64> ids;
    for (int row = 0; row < m_model->rowCount(); ++row)
        if (m_table->selectionModel()->isRowSelected(row, {}))
            ids.append(m_model->run(row)->id);
    return ids;
}

void ExperimentsPanel::onSelectionChanged()
{
    const QList<qint64> ids = selectedRunIds();
    std::vector<recforge::RunSummary> selected;
    bool deletable = !ids.isEmpty();
    for (qint64 id : ids) {
        const recforge::RunSummary *run = m_model->run(m_model->rowOf(id));
        selected.push_back(*run);
        deletable = deletable && run->status != recforge::RunStatus::Running;
    }
    m_delete->setEnabled(deletable);
    const recforge::RunSummary *single =
        ids.size() == 1 ? m_model->run(m_model->rowOf(ids.first())) : nullptr;
    m_export->setEnabled(single && single->status == recforge::RunStatus::Finished);
    const bool resumable = single && (single->kind == "train" || single->kind == "finetune" ||
                                      single->kind == "distil");
    m_resume->setEnabled(resumable && (single->status == recforge::RunStatus::Interrupted ||
                                       single->status == recforge::RunStatus::Failed ||
                                       single->status == recforge::RunStatus::Cancelled));
    m_comparison->setRuns(selected);
    // Details of the run the user clicked last (or the only one).
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    qint64 detailId = ids.isEmpty() ? 0 : ids.first();
    if (current.isValid() && ids.contains(m_model->run(current.row())->id))
        detailId = m_model->run(current.row())->id;
    if (detailId > 0 && m_store) {
        auto detail = m_store->run(detailId);
        if (detail)
            m_details->setRun(*detail);
        else
            m_details->clear();
    } else {
        m_details->clear();
    }
    loadCurves(ids);
}

void ExperimentsPanel::loadCurves(const QList<qint64> &ids)
{
    if (m_loading)
        m_loading->requestStop();
    if (ids.isEmpty() || !m_store) {
        m_curves->clear();
        m_curves->replot();
        Q_EMIT curvesLoaded();
        return;
    }
    auto *job = new LoadCurvesJob(m_store, ids);
    m_loading = job;
    connect(job, &Job::succeeded, this, [this, job] {
        if (m_loading != job)
            return; // a newer selection superseded it
        m_curves->clear();
        for (qint64 id : job->runIds()) {
            const recforge::RunSummary *run = m_model->run(m_model->rowOf(id));
            const QString label =
                run ? QStringLiteral("#%1 %2").arg(id).arg(QString::fromStdString(run->model))
                    : QStringLiteral("#%1").arg(id);
            m_curves->setRun(id, label, job->curves().value(id));
        }
        m_curves->replot();
        Q_EMIT curvesLoaded();
    });
    m_jobs->start(job);
}

void ExperimentsPanel::deleteSelected(bool confirm)
{
    if (!m_store)
        return;
    QList<qint64> ids;
    for (qint64 id : selectedRunIds()) {
        const recforge::RunSummary *run = m_model->run(m_model->rowOf(id));
        if (run && run->status != recforge::RunStatus::Running)
            ids.append(id);
    }
    if (ids.isEmpty())
        return;
    if (confirm &&
        QMessageBox::question(this, tr("Delete runs"),
                              tr("Delete %n run(s) with their metrics, curves and checkpoints?",
                                 nullptr, int(ids.size()))) != QMessageBox::Yes)
        return;
    for (qint64 id : ids) {
        auto *job = new DeleteRunJob(m_store, id);
        connect(job, &Job::succeeded, this, &ExperimentsPanel::refresh);
        connect(job, &Job::failed, this, [this](const QString &message) {
            Q_EMIT issueReported(tr("Could not delete the run: %1").arg(message));
        });
        m_jobs->start(job);
    }
}

void ExperimentsPanel::exportRun(qint64 runId, const recforge::ExportOptions &options)
{
    if (!m_project)
        return;
    auto *job = new ExportRunJob(QString::fromStdString(m_project->path()), runId, options);
    connect(job, &Job::succeeded, this, [this, job] {
        const recforge::ExportResult &r = job->result();
        for (const recforge::Warning &w : r.warnings)
            Q_EMIT issueReported(QString::fromStdString(w.message));
        Q_EMIT exported(QString::fromStdString(r.dir), int(r.files.size()));
    });
    connect(job, &Job::failed, this, [this](const QString &message) {
        Q_EMIT issueReported(tr("Could not export the run: %1").arg(message));
    });
    m_jobs->start(job);
}

void ExperimentsPanel::scoreHistories(const QString &model, const QString &histories,
                                      const QString &output, int k)
{
    auto *job = new ScoreHistoriesJob(model, histories, output, k);
    connect(job, &Job::succeeded, this, [this, job] {
        for (const QString &w : job->warnings())
            Q_EMIT issueReported(w);
        Q_EMIT historiesScored(job->outputPath(), job->usersScored());
    });
    connect(job, &Job::failed, this, [this](const QString &message) {
        Q_EMIT issueReported(tr("Could not score the histories: %1").arg(message));
    });
    m_jobs->start(job);
}

void ExperimentsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ExperimentsPanel::retranslateUi()
{
    m_title->setText(tr("Runs in the experiment store (select several to compare)"));
    m_refresh->setText(tr("Refresh"));
    m_delete->setText(tr("Delete"));
    m_delete->setToolTip(tr("Delete the selected runs (not running ones) with their artifacts"));
    m_export->setText(tr("Export…"));
    m_export->setToolTip(tr("Export the selected finished run: weights, TorchScript, embeddings, "
                            "top-K lists and a report"));
    m_score->setText(tr("Score a file…"));
    m_score->setToolTip(tr("Re-open an exported model and write the top-K lists of a file of "
                           "user histories"));
    m_resume->setText(tr("Resume"));
    m_resume->setToolTip(tr("Continue the selected interrupted, failed or cancelled training, "
                            "fine-tune or distillation run from its last checkpoint"));
    m_tabs->setTabText(0, tr("Curves"));
    m_tabs->setTabText(1, tr("Metrics comparison"));
    m_tabs->setTabText(2, tr("Details"));
}

} // namespace recforge::ui
