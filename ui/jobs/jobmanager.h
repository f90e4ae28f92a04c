#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>

namespace recforge::ui {

class Job;

// Owns the worker threads and the running jobs. Jobs run on a private QThreadPool; one UI timer
// (every pollIntervalMs) pulls the coalesced progress of every active job, so a job that reports
// thousands of times a second still costs the UI at most one update per tick.
// Destruction requests stop on every job and waits for all of them.
class JobManager : public QObject {
    Q_OBJECT
public:
    explicit JobManager(QObject *parent = nullptr, int pollIntervalMs = 80);
    ~JobManager() override;

    // Takes ownership of `job` and queues it. Unless autoDelete is switched off, the job is
    // deleted (deleteLater) after its finished() signal, so read results in slots connected to
    // succeeded(). Returns the job for chaining.
    Job *start(Job *job, bool autoDelete = true);

    void requestStopAll();
    // Blocks until no job is running on a worker (msecs < 0: no limit). Returns false on timeout.
    // Outcome signals are still delivered through the event loop afterwards.
    bool waitForAll(int msecs = -1);

    QList<Job *> activeJobs() const;
    int activeCount() const { return int(m_active.size()); }
    int pollIntervalMs() const { return m_timer.interval(); }

Q_SIGNALS:
    void jobStarted(recforge::ui::Job *job);
    void jobFinished(recforge::ui::Job *job);
    void activeCountChanged(int count);

private:
    void poll();
    void onJobFinished(Job *job, bool autoDelete);

    QThreadPool m_pool;
    QTimer m_timer;
    QList<QPointer<Job>> m_active;
};

} // namespace recforge::ui
