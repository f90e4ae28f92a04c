#include "pipelineview.h"

#include <algorithm>

#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSplitter>
#include <QVBoxLayout>

#include "jobs/jobmanager.h"
#include "jobs/jobprogresswidget.h"
#include "models/runoptionswidget.h"
#include "pipeline/pipelineform.h"
#include "pipeline/stagecurveschart.h"
#include "store/project.h"
#include "store/runstore.h"

namespace recforge::ui {

namespace {

constexpr int kStages = recforge::kPipelineStages;

recforge::PipelineStage stageOf(int s)
{
    return recforge::PipelineStage(s);
}

} // namespace

PipelineView::PipelineView(JobManager *jobs, QWidget *parent)
    : QWidget(parent), m_jobs(jobs), m_listTitle(new QLabel(this)), m_list(new QListWidget(this)),
      m_new(new QPushButton(this)), m_refresh(new QPushButton(this)), m_nameLabel(new QLabel(this)),
      m_name(new QLineEdit(this)), m_form(new PipelineForm(this)), m_run(new QPushButton(this)),
      m_resume(new QPushButton(this)), m_runOptions(new QPushButton(this)),
      m_runOptionsSummary(new QLabel(this)), m_progress(new JobProgressWidget(this))
{
    m_list->setObjectName(QStringLiteral("pipelineList"));
    m_name->setObjectName(QStringLiteral("pipelineName"));
    m_run->setObjectName(QStringLiteral("runPipelineButton"));
    m_resume->setObjectName(QStringLiteral("resumePipelineButton"));
    m_new->setObjectName(QStringLiteral("newPipelineButton"));
    m_runOptions->setObjectName(QStringLiteral("pipelineRunOptionsButton"));
    m_runOptionsSummary->setObjectName(QStringLiteral("pipelineRunOptionsSummary"));
    m_name->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[A-Za-z0-9_-]{1,64}")), m_name));
    QFont bold = m_listTitle->font();
    bold.setBold(true);
    m_listTitle->setFont(bold);
    QFont runFont = m_run->font();
    runFont.setBold(true);
    m_run->setFont(runFont);
    m_progress->hide();
    m_timer.setInterval(kPollMs);
    connect(&m_timer, &QTimer::timeout, this, &PipelineView::poll);
    connect(m_list, &QListWidget::currentRowChanged, this, &PipelineView::onSelectionChanged);
    connect(m_new, &QPushButton::clicked, this, &PipelineView::newPipeline);
    connect(m_refresh, &QPushButton::clicked, this, &PipelineView::refresh);
    connect(m_run, &QPushButton::clicked, this, &PipelineView::runPipeline);
    connect(m_resume, &QPushButton::clicked, this, &PipelineView::resumePipeline);
    connect(m_runOptions, &QPushButton::clicked, this, &PipelineView::editRunOptions);
    connect(m_form, &PipelineForm::rerunRequested, this, &PipelineView::rerunStage);
    connect(m_form, &PipelineForm::changed, this, &PipelineView::updateButtons);
    connect(m_name, &QLineEdit::textChanged, this, &PipelineView::updateButtons);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_listTitle);
    leftLayout->addWidget(m_list, 1);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_new);
    listButtons->addWidget(m_refresh);
    leftLayout->addLayout(listButtons);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto *nameRow = new QHBoxLayout;
    nameRow->addWidget(m_nameLabel);
    nameRow->addWidget(m_name, 1);
    nameRow->addSpacing(16);
    nameRow->addWidget(m_run);
    nameRow->addWidget(m_resume);
    rightLayout->addLayout(nameRow);
    auto *dataRow = new QHBoxLayout;
    dataRow->addWidget(m_runOptionsSummary, 1);
    dataRow->addWidget(m_runOptions);
    rightLayout->addLayout(dataRow);
    rightLayout->addWidget(m_form, 1);
    rightLayout->addWidget(m_progress);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({180, 1000});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter);
    retranslateUi();
    newPipeline();
}

PipelineView::~PipelineView()
{
    if (m_loading)
        m_loading->requestStop();
}

void PipelineView::setProject(std::shared_ptr<recforge::Project> project)
{
    if (m_loading)
        m_loading->requestStop();
    m_timer.stop();
    m_project = std::move(project);
    m_store.reset();
    m_pollStore.reset();
    m_listings.clear();
    if (m_project) {
        recforge::RunStore::Options options;
        options.markInterruptedOnOpen = false; // the Experiments panel's store does that
        auto store = recforge::RunStore::open(*m_project, options);
        auto poller = recforge::RunStore::open(*m_project, options);
        if (store && poller) {
            m_store = std::shared_ptr<recforge::RunStore>(std::move(*store));
            m_pollStore = std::move(*poller);
        } else {
            Q_EMIT issueReported(tr("Could not open the experiment store: %1")
                                     .arg(QString::fromStdString(
                                         (store ? poller.error() : store.error()).toString())));
        }
    }
    m_list->blockSignals(true);
    m_list->clear();
    m_list->blockSignals(false);
    newPipeline();
    refresh();
}

void PipelineView::refresh()
{
    if (!m_store || !m_project)
        return;
    auto *job = new ListPipelinesJob(QString::fromStdString(m_project->path()), m_store);
    connect(job, &Job::succeeded, this, [this, job] {
        const QString keep = m_wanted.isEmpty() ? selectedName() : m_wanted;
        m_wanted.clear();
        m_listings = job->pipelines();
        m_list->blockSignals(true);
        m_list->clear();
        int select = -1;
        for (const PipelineListing &p : m_listings) {
            const QString name = QString::fromStdString(p.state.params.name);
            auto *item = new QListWidgetItem(name, m_list);
            item->setData(Qt::UserRole, name);
            if (name == keep)
                select = m_list->count() - 1;
        }
        m_list->setCurrentRow(select);
        m_list->blockSignals(false);
        Q_EMIT pipelinesListed(int(m_listings.size()));
        if (select >= 0)
            onSelectionChanged();
        else
            updateButtons();
    });
    m_jobs->start(job);
}

QString PipelineView::selectedName() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

const PipelineListing *PipelineView::selectedListing() const
{
    const std::string name = selectedName().toStdString();
    if (name.empty())
        return nullptr;
    for (const PipelineListing &p : m_listings)
        if (p.state.params.name == name)
            return &p;
    return nullptr;
}

bool PipelineView::selectPipeline(const QString &name)
{
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(Qt::UserRole).toString() == name) {
            if (m_list->currentRow() == row)
                onSelectionChanged();
            else
                m_list->setCurrentRow(row);
            return true;
        }
    }
    m_wanted = name;
    return false;
}

void PipelineView::newPipeline()
{
    if (m_job)
        return; // the form shows the running pipeline
    m_list->blockSignals(true);
    m_list->setCurrentRow(-1);
    m_list->clearSelection();
    m_list->blockSignals(false);
    m_form->setParams(PipelineForm::defaults());
    m_name->setText(uniqueName());
    m_runs = {0, 0, 0};
    m_status = {};
    m_afterId = {0, 0, 0};
    m_live = {false, false, false};
    for (int s = 0; s < kStages; ++s)
        m_form->chart(stageOf(s))->clear(tr("not started"));
    showRunOptions();
    showStatuses();
    updateButtons();
}

void PipelineView::editRunOptions()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Data and evaluation"));
    auto *options = new RunOptionsWidget(&dialog);
    options->setProject(m_project);
    options->apply(m_form->params().finetune);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, [this, &dialog, options] {
        const QString error = applyRunOptions(*options);
        if (error.isEmpty())
            dialog.accept();
        else
            QMessageBox::warning(&dialog, tr("Data and evaluation"), error);
    });
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(options);
    layout->addWidget(buttons);
    dialog.exec();
}

QString PipelineView::applyRunOptions(const RunOptionsWidget &options)
{
    recforge::PipelineParams params = m_form->params();
    if (QString error = options.fill(params.finetune); !error.isEmpty())
        return error;
    m_form->setParams(params);
    showRunOptions();
    return {};
}

void PipelineView::showRunOptions()
{
    const recforge::TrainRunConfig &config = m_form->params().finetune;
    const QString dataset =
        config.dataset.empty() ? tr("the newest dataset") : QString::fromStdString(config.dataset);
    const QString split =
        config.splitName.empty()
            ? tr("a new leave-one-out split (seed %1)").arg(qulonglong(config.split.seed))
            : QString::fromStdString(config.splitName);
    m_runOptionsSummary->setText(tr("Data: %1 · split: %2").arg(dataset, split));
}

QString PipelineView::uniqueName() const
{
    for (int n = 1;; ++n) {
        const std::string name = "pipeline-" + std::to_string(n);
        if (std::none_of(m_listings.begin(), m_listings.end(),
                         [&](const PipelineListing &p) { return p.state.params.name == name; }))
            return QString::fromStdString(name);
    }
}

void PipelineView::onSelectionChanged()
{
    const PipelineListing *listing = selectedListing();
    if (!listing) {
        updateButtons();
        return;
    }
    const QString name = QString::fromStdString(listing->state.params.name);
    const bool live = m_job && !m_job->isFinished() && m_job->pipelineName() == name;
    m_name->setText(name);
    if (!live) {
        m_form->setParams(listing->state.params);
        showRunOptions();
    }
    if (live) {
        updateButtons();
        return; // the running job's reports are newer than the file
    }
    m_runs = listing->state.runIds;
    m_status = listing->status;
    m_live = {false, false, false};
    showStatuses();
    updateButtons();
    loadStageCurves(listing->state);
}

void PipelineView::loadStageCurves(const recforge::PipelineState &state)
{
    if (m_loading)
        m_loading->requestStop();
    QList<qint64> ids;
    for (int s = 0; s < kStages; ++s) {
        m_afterId[size_t(s)] = 0;
        const qint64 id = state.runIds[size_t(s)];
        m_form->chart(stageOf(s))->clear(id > 0 ? tr("loading…") : tr("not started"));
        if (id > 0)
            ids << id;
    }
    if (ids.isEmpty() || !m_store) {
        Q_EMIT curvesLoaded();
        return;
    }
    auto *job = new LoadRunSeriesJob(m_store, ids);
    m_loading = job;
    connect(job, &Job::succeeded, this, [this, job] {
        for (int s = 0; s < kStages; ++s) {
            const qint64 id = m_runs[size_t(s)];
            if (id <= 0 || !job->series().contains(id) || m_live[size_t(s)])
                continue;
            StageCurvesChart *chart = m_form->chart(stageOf(s));
            chart->clear(tr("no curves stored"));
            const auto &series = job->series()[id];
            chart->append(series);
            for (const recforge::CurveSeries &one : series)
                for (const recforge::CurvePoint &p : one.points)
                    m_afterId[size_t(s)] = std::max(m_afterId[size_t(s)], qint64(p.id));
            chart->replot();
        }
        Q_EMIT curvesLoaded();
    });
    m_jobs->start(job);
}

void PipelineView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void PipelineView::retranslateUi()
{
    m_listTitle->setText(tr("Pipelines"));
    m_new->setText(tr("New pipeline"));
    m_new->setToolTip(tr("A new pipeline with the default parameters"));
    m_refresh->setText(tr("Refresh"));
    m_nameLabel->setText(tr("Name:"));
    m_name->setToolTip(tr("Letters, digits, '-' and '_': the pipeline's file name"));
    m_run->setText(tr("Run pipeline"));
    m_run->setToolTip(tr("Pretrain, fine-tune and distil as new runs, one after the other"));
    m_resume->setText(tr("Resume"));
    m_runOptions->setText(tr("Data and evaluation…"));
    m_runOptions->setToolTip(tr("Dataset, split, seed, device, threads and the test evaluations "
                                "of a new pipeline"));
    m_resume->setToolTip(tr("Continue the selected pipeline where it stopped: finished stages "
                            "are kept, an unfinished stage continues from its last checkpoint"));
    showRunOptions();
    showStatuses();
}

} // namespace recforge::ui
