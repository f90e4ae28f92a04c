#include "datapanel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

#include "data/datasetoverview.h"
#include "data/interactionstablemodel.h"
#include "data/itemstablemodel.h"
#include "data/rejectedrowsdialog.h"
#include "data/splitspanel.h"
#include "data/tablebrowser.h"
#include "data/userstablemodel.h"
#include "jobs/jobmanager.h"
#include "jobs/opendatasetjob.h"

namespace recforge::ui {

namespace {
enum Page { EmptyPage, DatasetPage };
}

DataPanel::DataPanel(JobManager *jobs, QWidget *parent)
    : QWidget(parent), m_jobs(jobs), m_listTitle(new QLabel(this)), m_list(new QListWidget(this)),
      m_import(new QPushButton(this)), m_generate(new QPushButton(this)),
      m_stack(new QStackedWidget(this)), m_emptyText(new QLabel(this)),
      m_emptyImport(new QPushButton(this)), m_emptyGenerate(new QPushButton(this)),
      m_tabs(new QTabWidget(this)), m_overview(new DatasetOverview(this)),
      m_interactionsModel(new InteractionsTableModel), m_itemsModel(new ItemsTableModel),
      m_usersModel(new UsersTableModel),
      m_interactions(new TableBrowser(m_interactionsModel, this)),
      m_items(new TableBrowser(m_itemsModel, this)), m_users(new TableBrowser(m_usersModel, this)),
      m_splits(new SplitsPanel(jobs, this))
{
    m_list->setObjectName(QStringLiteral("datasetList"));
    connect(m_list, &QListWidget::currentRowChanged, this, &DataPanel::onSelectionChanged);
    connect(m_import, &QPushButton::clicked, this, &DataPanel::importRequested);
    connect(m_generate, &QPushButton::clicked, this, &DataPanel::generateRequested);
    connect(m_emptyImport, &QPushButton::clicked, this, &DataPanel::importRequested);
    connect(m_emptyGenerate, &QPushButton::clicked, this, &DataPanel::generateRequested);
    connect(m_overview, &DatasetOverview::rejectedRowsRequested, this,
            &DataPanel::showRejectedRows);
    connect(m_splits, &SplitsPanel::issueReported, this, &DataPanel::issueReported);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    QFont bold = m_listTitle->font();
    bold.setBold(true);
    m_listTitle->setFont(bold);
    leftLayout->addWidget(m_listTitle);
    leftLayout->addWidget(m_list, 1);
    leftLayout->addWidget(m_import);
    leftLayout->addWidget(m_generate);

    auto *empty = new QWidget(this);
    auto *emptyLayout = new QVBoxLayout(empty);
    m_emptyText->setAlignment(Qt::AlignCenter);
    m_emptyText->setWordWrap(true);
    auto *emptyButtons = new QHBoxLayout;
    emptyButtons->addStretch(1);
    emptyButtons->addWidget(m_emptyImport);
    emptyButtons->addWidget(m_emptyGenerate);
    emptyButtons->addStretch(1);
    emptyLayout->addStretch(1);
    emptyLayout->addWidget(m_emptyText);
    emptyLayout->addLayout(emptyButtons);
    emptyLayout->addStretch(2);

    m_tabs->addTab(m_overview, QString());
    m_tabs->addTab(m_interactions, QString());
    m_tabs->addTab(m_items, QString());
    m_tabs->addTab(m_users, QString());
    m_tabs->addTab(m_splits, QString());
    m_stack->insertWidget(EmptyPage, empty);
    m_stack->insertWidget(DatasetPage, m_tabs);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(m_stack);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({220, 1000});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter);
    retranslateUi();
}

void DataPanel::setProject(std::shared_ptr<recforge::Project> project)
{
    if (m_loading)
        m_loading->requestStop();
    m_project = std::move(project);
    m_currentId = 0;
    m_splits->setProject(m_project);
    refreshDatasets();
}

int DataPanel::datasetCount() const
{
    return m_list->count();
}

void DataPanel::refreshDatasets(int64_t selectId)
{
    const int64_t keep = selectId > 0 ? selectId : m_currentId;
    m_summaries.clear();
    {
        const QSignalBlocker blocker(m_list);
        m_list->clear();
    }
    if (m_project) {
        // One small SELECT over the datasets table (no BLOBs): fine on the UI thread.
        auto list = m_project->listDatasets();
        if (!list)
            Q_EMIT issueReported(QString::fromStdString(list.error().toString()));
        else
            for (const recforge::DatasetSummary &summary : *list)
                m_summaries[summary.id] = summary;
    }
    const QLocale locale;
    int selectRow = 0;
    {
        const QSignalBlocker blocker(m_list);
        for (const auto &[id, summary] : m_summaries) {
            auto *item = new QListWidgetItem(QString::fromStdString(summary.name));
            item->setData(Qt::UserRole, qlonglong(id));
            item->setToolTip(tr("%1 users, %2 items, %3 interactions\n%4")
                                 .arg(locale.toString(summary.users),
                                      locale.toString(summary.items),
                                      locale.toString(qlonglong(summary.interactions)),
                                      QString::fromStdString(summary.source)));
            if (id == keep)
                selectRow = m_list->count();
            m_list->addItem(item);
        }
    }
    m_stack->setCurrentIndex(m_summaries.empty() ? EmptyPage : DatasetPage);
    if (m_summaries.empty()) {
        m_currentId = 0;
        m_dataset.reset();
        m_overview->clear();
        return;
    }
    m_currentId = 0; // force a reload when the same id was replaced (regenerated demo shop)
    {
        const QSignalBlocker blocker(m_list);
        m_list->setCurrentRow(selectRow);
    }
    onSelectionChanged();
}

void DataPanel::onSelectionChanged()
{
    QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    const int64_t id = item->data(Qt::UserRole).toLongLong();
    if (id == m_currentId)
        return;
    openDataset(id);
}

void DataPanel::openDataset(int64_t id)
{
    if (m_loading)
        m_loading->requestStop();
    m_currentId = id;
    m_dataset.reset();
    m_report.reset();
    m_overview->clear();
    for (DatasetTableModel *model : {static_cast<DatasetTableModel *>(m_interactionsModel),
                                     static_cast<DatasetTableModel *>(m_itemsModel),
                                     static_cast<DatasetTableModel *>(m_usersModel)})
        model->setDataset(nullptr);
    m_splits->setDataset(0, QString(), nullptr);

    auto *job = new OpenDatasetJob(m_project, id);
    m_loading = job;
    connect(job, &Job::succeeded, this, [this, job] {
        if (job->datasetId() != m_currentId)
            return; // the user moved on
        m_dataset = job->dataset();
        m_report = job->report();
        const auto &summary = m_summaries[m_currentId];
        m_overview->setStats(job->stats());
        m_overview->setImportReport(m_report, QString::fromStdString(summary.source));
        m_interactionsModel->setDataset(m_dataset);
        m_itemsModel->setDataset(m_dataset);
        m_usersModel->setDataset(m_dataset);
        m_splits->setDataset(m_currentId, QString::fromStdString(summary.name), m_dataset);
        for (const recforge::Warning &warning : m_report->warnings)
            Q_EMIT issueReported(QString::fromStdString(
                warning.location.empty() ? warning.message
                                         : warning.location.toString() + ": " + warning.message));
        Q_EMIT datasetLoaded(m_currentId);
    });
    connect(job, &Job::failed, this, [this](const QString &message) {
        Q_EMIT issueReported(tr("Could not open the dataset: %1").arg(message));
    });
    m_jobs->start(job);
}

void DataPanel::showRejectedRows()
{
    if (!m_report)
        return;
    auto *dialog = new RejectedRowsDialog(RejectedRowsDialog::collect(*m_report),
                                          m_report->totalRejected(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void DataPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void DataPanel::retranslateUi()
{
    m_listTitle->setText(tr("Datasets"));
    m_import->setText(tr("Import data..."));
    m_generate->setText(tr("Generate demo shop..."));
    m_emptyText->setText(tr("This project has no dataset yet. Import interaction logs (CSV, TSV, "
                            "JSON Lines, MovieLens, RecBole) or generate a synthetic demo shop."));
    m_emptyImport->setText(tr("Import data..."));
    m_emptyGenerate->setText(tr("Generate demo shop..."));
    m_tabs->setTabText(0, tr("Overview"));
    m_tabs->setTabText(1, tr("Interactions"));
    m_tabs->setTabText(2, tr("Items"));
    m_tabs->setTabText(3, tr("Users"));
    m_tabs->setTabText(4, tr("Splits"));
}

} // namespace recforge::ui
