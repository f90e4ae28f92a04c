#include "jobprogresswidget.h"

#include <algorithm>
#include <cmath>

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

#include "jobs/job.h"
#include "jobs/jobmanager.h"

namespace recforge::ui {

JobProgressWidget::JobProgressWidget(QWidget *parent)
    : QWidget(parent), m_stage(new QLabel(this)), m_bar(new QProgressBar(this)),
      m_eta(new QLabel(this)), m_cancel(new QPushButton(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stage);
    layout->addWidget(m_bar, 1);
    layout->addWidget(m_eta);
    layout->addWidget(m_cancel);
    m_bar->setMinimumWidth(160);
    m_bar->setRange(0, 1000);
    m_bar->setTextVisible(true);
    m_cancel->setObjectName(QStringLiteral("cancelJobButton"));
    m_cancel->setEnabled(false);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_job)
            m_job->requestStop();
        m_cancel->setEnabled(false);
    });
    retranslateUi();
}

void JobProgressWidget::setManager(JobManager *manager)
{
    m_manager = manager;
    m_autoHide = true;
    connect(manager, &JobManager::jobStarted, this, [this](Job *job) { follow(job); });
    connect(manager, &JobManager::jobFinished, this, [this] { followNewest(); });
    followNewest();
}

void JobProgressWidget::track(Job *job)
{
    m_autoHide = false;
    follow(job);
}

void JobProgressWidget::follow(Job *job)
{
    if (m_job)
        disconnect(m_job, nullptr, this, nullptr);
    m_job = job;
    if (!job) {
        if (m_autoHide)
            hide();
        return;
    }
    show();
    m_stage->setText(job->title());
    m_bar->setRange(0, 0); // busy until the first report
    m_eta->clear();
    m_cancel->setEnabled(!job->isFinished());
    connect(job, &Job::progressChanged, this, &JobProgressWidget::showProgress);
    connect(job, &Job::succeeded, this, [this] { showFinished(tr("Done")); });
    connect(job, &Job::failed, this, [this] { showFinished(tr("Failed")); });
    connect(job, &Job::cancelled, this, [this] { showFinished(tr("Cancelled")); });
}

void JobProgressWidget::followNewest()
{
    if (!m_manager)
        return;
    const QList<Job *> jobs = m_manager->activeJobs();
    Job *newest = nullptr;
    for (Job *job : jobs)
        if (!job->isFinished() && job != m_shownElsewhere)
            newest = job;
    follow(newest);
}

void JobProgressWidget::setShownElsewhere(Job *job)
{
    if (m_shownElsewhere == job)
        return;
    m_shownElsewhere = job;
    followNewest();
}

void JobProgressWidget::showProgress(const recforge::Progress &progress)
{
    const QString title = m_job ? m_job->title() : QString();
    m_stage->setText(progress.stage.empty()
                         ? title
                         : tr("%1: %2").arg(title, QString::fromStdString(progress.stage)));
    if (progress.total > 0) {
        m_bar->setRange(0, 1000);
        m_bar->setValue(int(std::lround(1000.0 * std::clamp(progress.fraction(), 0.0, 1.0))));
    } else {
        m_bar->setRange(0, 0);
    }
    m_eta->setText(formatEta(progress.etaSeconds));
}

void JobProgressWidget::showFinished(const QString &text)
{
    m_bar->setRange(0, 1000);
    if (m_job && m_job->state() == Job::State::Succeeded)
        m_bar->setValue(1000);
    m_eta->setText(text);
    m_cancel->setEnabled(false);
}

QString JobProgressWidget::formatEta(double seconds)
{
    if (seconds < 0 || !std::isfinite(seconds))
        return {};
    if (seconds < 90)
        return tr("about %1 s left").arg(std::max(1L, std::lround(seconds)));
    if (seconds < 90 * 60)
        return tr("about %1 min left").arg(std::lround(seconds / 60));
    return tr("about %1 h left").arg(std::lround(seconds / 3600));
}

QString JobProgressWidget::stageText() const
{
    return m_stage->text();
}

int JobProgressWidget::value() const
{
    return m_bar->value();
}

void JobProgressWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void JobProgressWidget::retranslateUi()
{
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop this job at its next checkpoint"));
}

} // namespace recforge::ui
