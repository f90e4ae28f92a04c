#include "importrunpage.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include "data/rejectedrowsdialog.h"
#include "data/splitparamswidget.h"
#include "import/importwizard.h"
#include "jobs/importjob.h"
#include "jobs/jobmanager.h"
#include "jobs/jobprogresswidget.h"

namespace recforge::ui {

ImportRunPage::ImportRunPage(ImportWizard *wizard)
    : QWizardPage(wizard), m_wizard(wizard), m_intro(new QLabel(this)),
      m_progress(new JobProgressWidget(this)), m_summary(new QLabel(this)),
      m_error(new QLabel(this)), m_showRejected(new QPushButton(this))
{
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_showRejected->setObjectName(QStringLiteral("showRejectedButton"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("color: #b42318;"));
    m_intro->setWordWrap(true);
    m_showRejected->setVisible(false);
    connect(m_showRejected, &QPushButton::clicked, this, &ImportRunPage::showRejectedRows);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_showRejected);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_progress);
    layout->addWidget(m_summary);
    layout->addWidget(m_error);
    layout->addLayout(buttons);
    layout->addStretch(1);
    retranslateUi();
}

void ImportRunPage::initializePage()
{
    stop();
    m_succeeded = false;
    m_rejectedTotal = 0;
    m_rejected.reset();
    m_summary->clear();
    m_error->clear();
    m_showRejected->setVisible(false);
    auto *job = new ImportJob(m_wizard->project(), m_wizard->request());
    m_job = job;
    connect(job, &Job::succeeded, this, [this, job] { onSucceeded(job); });
    connect(job, &Job::failed, this, &ImportRunPage::onFailed);
    connect(job, &Job::cancelled, this, &ImportRunPage::onCancelled);
    connect(job, &Job::finished, this, &QWizardPage::completeChanged);
    m_wizard->jobs()->start(job);
    m_progress->track(job);
    Q_EMIT completeChanged();
}

void ImportRunPage::cleanupPage()
{
    stop();
}

bool ImportRunPage::isComplete() const
{
    return m_succeeded;
}

void ImportRunPage::stop()
{
    if (m_job && !m_job->isFinished())
        m_job->requestStop();
}

bool ImportRunPage::isRunning() const
{
    return m_job && !m_job->isFinished();
}

void ImportRunPage::onSucceeded(ImportJob *job)
{
    if (job != m_job)
        return;
    m_succeeded = true;
    const QLocale locale;
    const recforge::ImportReport &report = job->report();
    int64_t read = 0, accepted = 0;
    for (const recforge::FileImportReport &file : report.files) {
        read += file.rowsRead;
        accepted += file.rowsAccepted;
    }
    m_rejectedTotal = report.totalRejected();
    m_rejected = RejectedRowsDialog::collect(report);
    QStringList lines;
    lines << tr("Rows read: %1, accepted: %2, rejected: %3.")
                 .arg(locale.toString(qlonglong(read)), locale.toString(qlonglong(accepted)),
                      locale.toString(qlonglong(m_rejectedTotal)));
    lines << tr("Dataset \"%1\" saved: %2 users, %3 items, %4 interactions.")
                 .arg(QString::fromStdString(job->datasetName()), locale.toString(job->users()),
                      locale.toString(job->items()),
                      locale.toString(qlonglong(job->interactions())));
    const recforge::FilterReport &filter = job->filterReport();
    if (filter.rowsBefore != filter.rowsAfter)
        lines << tr("Filters removed %1 rows (%2 duplicates, %3 outside the time window, %4 by "
                    "minimum counts).")
                     .arg(locale.toString(qlonglong(filter.rowsBefore - filter.rowsAfter)),
                          locale.toString(qlonglong(filter.duplicatesRemoved)),
                          locale.toString(qlonglong(filter.outsideWindow)),
                          locale.toString(qlonglong(filter.removedByCounts)));
    if (const auto &counts = job->splitCounts())
        lines << tr("Split: train %1, validation %2, test %3, support %4, excluded %5.")
                     .arg(locale.toString(qlonglong(counts->train)),
                          locale.toString(qlonglong(counts->validation)),
                          locale.toString(qlonglong(counts->test)),
                          locale.toString(qlonglong(counts->support)),
                          locale.toString(qlonglong(counts->excluded)));
    lines << tr("Took %1 s.").arg(locale.toString(report.seconds, 'f', 1));
    m_summary->setText(lines.join(QLatin1Char('\n')));
    m_showRejected->setVisible(m_rejectedTotal > 0);
    for (const recforge::Warning &warning : report.warnings)
        Q_EMIT m_wizard->issueReported(QString::fromStdString(
            warning.location.empty() ? warning.message
                                     : warning.location.toString() + ": " + warning.message));
    if (m_rejectedTotal > 0)
        Q_EMIT m_wizard->issueReported(
            tr("Import of \"%1\": %n row(s) rejected.", nullptr, int(m_rejectedTotal))
                .arg(QString::fromStdString(job->datasetName())));
    Q_EMIT m_wizard->datasetImported(job->datasetId());
}

void ImportRunPage::onFailed(const QString &message)
{
    m_error->setText(tr("Import failed; nothing was saved.\n%1").arg(message));
}

void ImportRunPage::onCancelled()
{
    m_error->setText(tr("Import cancelled; nothing was saved."));
}

QString ImportRunPage::summaryText() const
{
    return m_summary->text();
}

QString ImportRunPage::errorText() const
{
    return m_error->text();
}

void ImportRunPage::showRejectedRows()
{
    if (!m_rejected)
        return;
    auto *dialog = new RejectedRowsDialog(m_rejected, m_rejectedTotal, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void ImportRunPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWizardPage::changeEvent(event);
}

void ImportRunPage::retranslateUi()
{
    setTitle(tr("Import"));
    setSubTitle(tr("Reading, filtering, splitting and saving run in the background."));
    m_intro->setText(tr("You can cancel at any time before the data is saved; Back also stops "
                        "the import."));
    m_showRejected->setText(tr("Show rejected rows..."));
}

} // namespace recforge::ui
