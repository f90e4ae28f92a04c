#include "trainingqueue.h"

#include <QTime>

#include "jobs/jobmanager.h"
#include "training/trainingjob.h"

namespace recforge::ui {

TrainingQueue::TrainingQueue(JobManager *jobs, QObject *parent) : QObject(parent), m_jobs(jobs) {}

void TrainingQueue::setProjectPath(const QString &path)
{
    if (path == m_projectPath)
        return;
    if (TrainingJob *job = runningJob())
        job->requestStop();
    m_entries.clear();
    m_projectPath = path;
    Q_EMIT changed();
}

int TrainingQueue::enqueue(recforge::TrainRunConfig config)
{
    if (config.runName.empty()) {
        const std::string dataset = config.dataset.empty() ? "latest dataset" : config.dataset;
        config.runName = config.model + " on " + dataset + " " +
                         QTime::currentTime().toString(QStringLiteral("HH:mm:ss")).toStdString();
    }
    Entry entry;
    entry.id = m_nextId++;
    entry.config = std::move(config);
    m_entries.append(entry);
    Q_EMIT changed();
    startNext();
    return entry.id;
}

TrainingQueue::Entry *TrainingQueue::find(int id)
{
    for (Entry &entry : m_entries)
        if (entry.id == id)
            return &entry;
    return nullptr;
}

const TrainingQueue::Entry *TrainingQueue::entry(int id) const
{
    for (const Entry &entry : m_entries)
        if (entry.id == id)
            return &entry;
    return nullptr;
}

bool TrainingQueue::cancel(int id)
{
    Entry *entry = find(id);
    if (!entry)
        return false;
    if (entry->state == State::Running) {
        if (entry->job)
            entry->job->requestStop();
        return true;
    }
    if (entry->state != State::Pending)
        return false;
    entry->state = State::Cancelled;
    Q_EMIT changed();
    return true;
}

bool TrainingQueue::remove(int id)
{
    Entry *entry = find(id);
    if (!entry || entry->state == State::Running)
        return false;
    m_entries.removeIf([id](const Entry &e) { return e.id == id; });
    Q_EMIT changed();
    return true;
}

void TrainingQueue::clearFinished()
{
    m_entries.removeIf(
        [](const Entry &e) { return e.state != State::Pending && e.state != State::Running; });
    Q_EMIT changed();
}

TrainingJob *TrainingQueue::runningJob() const
{
    for (const Entry &entry : m_entries)
        if (entry.state == State::Running)
            return entry.job.data();
    return nullptr;
}

int TrainingQueue::pendingCount() const
{
    int count = 0;
    for (const Entry &entry : m_entries)
        count += entry.state == State::Pending ? 1 : 0;
    return count;
}

void TrainingQueue::startNext()
{
    for (const Entry &entry : m_entries)
        if (entry.state == State::Running)
            return;
    for (Entry &entry : m_entries) {
        if (entry.state != State::Pending)
            continue;
        auto *job = new TrainingJob(m_projectPath, entry.config);
        const int id = entry.id;
        entry.state = State::Running;
        entry.job = job;
        connect(job, &Job::finished, this, [this, id, job] { onFinished(id, job); });
        m_jobs->start(job);
        Q_EMIT jobStarted(job, id);
        Q_EMIT changed();
        return;
    }
}

void TrainingQueue::onFinished(int id, TrainingJob *job)
{
    if (Entry *entry = find(id)) {
        entry->job.clear();
        switch (job->state()) {
        case Job::State::Succeeded:
            entry->state = State::Succeeded;
            entry->runId = job->result().runId;
            break;
        case Job::State::Failed:
            entry->state = State::Failed;
            entry->message = job->errorMessage();
            break;
        default:
            entry->state = State::Cancelled;
            break;
        }
    }
    Q_EMIT jobEnded(job, id);
    Q_EMIT changed();
    startNext();
}

QString TrainingQueue::stateName(State state)
{
    switch (state) {
    case State::Pending:
        return tr("pending");
    case State::Running:
        return tr("running");
    case State::Succeeded:
        return tr("done");
    case State::Failed:
        return tr("failed");
    case State::Cancelled:
        return tr("cancelled");
    }
    return {};
}

} // namespace recforge::ui
