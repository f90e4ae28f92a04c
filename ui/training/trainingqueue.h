#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include "experiment/trainrun.h"

namespace recforge::ui {

class JobManager;
class TrainingJob;

// The Training workspace's queue: runs wait (pending), one runs at a time (running), and stay
// listed when done (succeeded / failed / cancelled) until cleared. Any entry can be cancelled;
// pending ones can be removed. Jobs run through the shared JobManager.
class TrainingQueue : public QObject {
    Q_OBJECT
public:
    enum class State { Pending, Running, Succeeded, Failed, Cancelled };
    struct Entry {
        int id = 0;
        recforge::TrainRunConfig config;
        State state = State::Pending;
        QString message;           // failure text
        QPointer<TrainingJob> job; // while running
        int64_t runId = 0;         // after success
    };

    explicit TrainingQueue(JobManager *jobs, QObject *parent = nullptr);

    // Where runTraining records the runs. Changing it cancels the running job and clears the
    // queue.
    void setProjectPath(const QString &path);
    QString projectPath() const { return m_projectPath; }

    // Queues a run; starts it at once when nothing runs. An empty runName becomes
    // "<model> on <dataset> <hh:mm:ss>" so every queued run is easy to find in the store.
    // Returns the entry id.
    int enqueue(recforge::TrainRunConfig config);
    // Running: asks the job to stop (it ends cancelled). Pending: marks it cancelled without
    // running it. Returns false for unknown or finished entries.
    bool cancel(int id);
    // Removes a pending or finished entry. Returns false for unknown or running entries.
    bool remove(int id);
    void clearFinished();

    const QList<Entry> &entries() const { return m_entries; }
    const Entry *entry(int id) const;
    TrainingJob *runningJob() const;
    int pendingCount() const;

    static QString stateName(State state);

Q_SIGNALS:
    void changed();
    // A job was started (connect to its buffer / signals here).
    void jobStarted(recforge::ui::TrainingJob *job, int entryId);
    // A job ended (any outcome); the job is still alive during this signal.
    void jobEnded(recforge::ui::TrainingJob *job, int entryId);

private:
    Entry *find(int id);
    void startNext();
    void onFinished(int id, TrainingJob *job);

    JobManager *m_jobs;
    QString m_projectPath;
    QList<Entry> m_entries;
    int m_nextId = 1;
};

} // namespace recforge::ui
