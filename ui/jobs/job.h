#pragma once

#include <atomic>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <QMetaType>
#include <QObject>
#include <QString>

#include "common/error.h"
#include "common/progress.h"

namespace recforge::ui {

// A long operation run on a worker thread by JobManager. Subclasses implement execute(), which
// calls core functions with the given Observer and StopToken and keeps its results in members;
// the UI reads those members only after succeeded() (the queued hand-over to the UI thread orders
// the writes before the reads).
//
// Signals are emitted on the UI thread: started(), progressChanged() (coalesced, pulled by the
// manager's timer), messageReported() (non-fatal warnings for the issues dock), then exactly one
// of succeeded() / failed(message) / cancelled(), then finished().
// Every exception thrown inside execute() becomes failed() with its text.
class Job : public QObject {
    Q_OBJECT
public:
    enum class State { Pending, Running, Succeeded, Failed, Cancelled };

    explicit Job(QString title, QObject *parent = nullptr);
    ~Job() override;

    QString title() const { return m_title; }
    State state() const { return m_state; }
    bool isFinished() const;
    // Text of the failure (core Error::toString() or the exception's what()); empty otherwise.
    QString errorMessage() const { return m_errorMessage; }

    // Thread-safe. The job stops at its next check and reports cancelled().
    void requestStop();
    bool stopRequested() const { return m_stop.stopRequested(); }
    recforge::StopToken stopToken() const { return m_stop; }

    // UI side: the newest Progress reported since the last call, if any. Emits progressChanged()
    // when there was one; returns whether there was.
    bool pollProgress();
    // The last progress the UI has seen (stage empty before the first report).
    const recforge::Progress &lastProgress() const { return m_lastProgress; }

Q_SIGNALS:
    void started();
    void progressChanged(const recforge::Progress &progress);
    void messageReported(const QString &message);
    void succeeded();
    void failed(const QString &message);
    void cancelled();
    void finished();

protected:
    // Worker thread. Return an Error for expected failures (ErrorCode::Cancelled, or any error
    // after a stop request, counts as cancelled); throw for unexpected ones.
    virtual recforge::Status execute(recforge::Observer &observer, recforge::StopToken stop) = 0;

    // Worker thread helper for stages without their own reporter (filter, split, save): reports
    // a stage change through `observer`. Returns false when the job should stop.
    static bool reportStage(recforge::Observer &observer, const std::string &stage);

private:
    friend class JobManager;
    class SlotObserver;

    // Worker thread: runs execute() and catches everything; then hands the outcome to the UI.
    void runOnWorker();
    // UI thread: final poll and the terminal signals.
    void deliverOutcome(int state, const QString &message);
    void markStarted();

    QString m_title;
    recforge::StopToken m_stop;
    State m_state = State::Pending;
    QString m_errorMessage;
    recforge::Progress m_lastProgress;

    // The coalescing slot: the worker overwrites it, the UI timer takes it.
    std::mutex m_slotMutex;
    std::optional<recforge::Progress> m_pendingProgress;
    std::vector<std::string> m_pendingMessages;
};

} // namespace recforge::ui

Q_DECLARE_METATYPE(recforge::Progress)
