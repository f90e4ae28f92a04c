#include "jobmanager.h"

#include <algorithm>

#include <QThread>

#include "jobs/job.h"

namespace recforge::ui {

JobManager::JobManager(QObject *parent, int pollIntervalMs) : QObject(parent)
{
    m_pool.setMaxThreadCount(std::max(2, QThread::idealThreadCount()));
    m_timer.setInterval(pollIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &JobManager::poll);
}

JobManager::~JobManager()
{
    requestStopAll();
    waitForAll();
}

Job *JobManager::start(Job *job, bool autoDelete)
{
    job->setParent(this);
    m_active.append(job);
    connect(job, &Job::finished, this, [this, job, autoDelete] { onJobFinished(job, autoDelete); });
    m_pool.start([job] { job->runOnWorker(); });
    if (!m_timer.isActive())
        m_timer.start();
    Q_EMIT jobStarted(job);
    Q_EMIT activeCountChanged(activeCount());
    return job;
}

void JobManager::requestStopAll()
{
    for (const QPointer<Job> &job : std::as_const(m_active))
        if (job)
            job->requestStop();
}

bool JobManager::waitForAll(int msecs)
{
    return m_pool.waitForDone(msecs);
}

QList<Job *> JobManager::activeJobs() const
{
    QList<Job *> jobs;
    for (const QPointer<Job> &job : m_active)
        if (job)
            jobs.append(job.data());
    return jobs;
}

void JobManager::poll()
{
    for (Job *job : activeJobs())
        job->pollProgress();
}

void JobManager::onJobFinished(Job *job, bool autoDelete)
{
    m_active.removeAll(job);
    if (m_active.isEmpty())
        m_timer.stop();
    Q_EMIT jobFinished(job);
    Q_EMIT activeCountChanged(activeCount());
    if (autoDelete)
        job->deleteLater();
}

} // namespace recforge::ui
