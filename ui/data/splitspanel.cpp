#include "splitspanel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "data/newsplitdialog.h"
#include "jobs/jobmanager.h"
#include "jobs/splitjob.h"
#include "store/project.h"

namespace recforge::ui {

namespace {
constexpr int kColumns = 8;
}

SplitsPanel::SplitsPanel(JobManager *jobs, QWidget *parent)
    : QWidget(parent), m_jobs(jobs), m_intro(new QLabel(this)),
      m_table(new QTableWidget(0, kColumns, this)), m_new(new QPushButton(this))
{
    m_table->setObjectName(QStringLiteral("splitsTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_new->setObjectName(QStringLiteral("newSplitButton"));
    m_new->setEnabled(false);
    connect(m_new, &QPushButton::clicked, this, &SplitsPanel::newSplit);
    auto *top = new QHBoxLayout;
    top->addWidget(m_intro, 1);
    top->addWidget(m_new);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    retranslateUi();
}

void SplitsPanel::setProject(std::shared_ptr<recforge::Project> project)
{
    m_project = std::move(project);
    setDataset(0, QString(), nullptr);
}

void SplitsPanel::setDataset(int64_t datasetId, const QString &name,
                             std::shared_ptr<const recforge::Dataset> dataset)
{
    m_datasetId = datasetId;
    m_datasetName = name;
    m_dataset = std::move(dataset);
    m_new->setEnabled(m_project && m_dataset);
    refresh();
}

void SplitsPanel::refresh()
{
    m_table->setRowCount(0);
    if (!m_project || m_datasetId <= 0)
        return;
    // A few rows from an indexed table: cheap enough for the UI thread.
    auto splits = m_project->listSplits(m_datasetId);
    if (!splits) {
        Q_EMIT issueReported(QString::fromStdString(splits.error().toString()));
        return;
    }
    const QLocale locale;
    m_table->setRowCount(int(splits->size()));
    for (int row = 0; row < int(splits->size()); ++row) {
        const recforge::SplitSummary &s = (*splits)[size_t(row)];
        const QStringList cells{QString::fromStdString(s.name),
                                QString::fromStdString(s.kind),
                                QString::number(s.seed),
                                locale.toString(qlonglong(s.train)),
                                locale.toString(qlonglong(s.validation)),
                                locale.toString(qlonglong(s.test)),
                                locale.toString(qlonglong(s.support)),
                                locale.toString(qlonglong(s.excluded))};
        for (int column = 0; column < kColumns; ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            if (column >= 3)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(row, column, item);
        }
    }
    m_table->resizeColumnsToContents();
}

void SplitsPanel::newSplit()
{
    if (!m_project || !m_dataset)
        return;
    NewSplitDialog dialog(m_datasetName, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto *job = new SplitJob(m_project, m_datasetId, m_dataset, dialog.params());
    const int64_t datasetId = m_datasetId;
    connect(job, &Job::succeeded, this, [this, job, datasetId] {
        if (datasetId == m_datasetId)
            refresh();
        Q_EMIT splitCreated(job->splitId());
    });
    connect(job, &Job::failed, this, [this](const QString &message) {
        Q_EMIT issueReported(tr("Split failed: %1").arg(message));
        QMessageBox::warning(this, tr("Split failed"), message);
    });
    m_jobs->start(job);
}

void SplitsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void SplitsPanel::retranslateUi()
{
    m_intro->setText(tr("Stored splits of the selected dataset (interactions per role):"));
    m_new->setText(tr("New split..."));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Kind"), tr("Seed"), tr("Train"),
                                        tr("Validation"), tr("Test"), tr("Support"),
                                        tr("Excluded")});
}

} // namespace recforge::ui
