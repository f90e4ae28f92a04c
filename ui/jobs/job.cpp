#include "job.h"

#include <exception>

namespace recforge::ui {

// Writes into the job's coalescing slot; never touches Qt objects (runs on the worker thread).
class Job::SlotObserver final : public recforge::Observer {
public:
    explicit SlotObserver(Job &job) : m_job(job) {}
    bool onProgress(const recforge::Progress &progress) override
    {
        {
            std::lock_guard lock(m_job.m_slotMutex);
            m_job.m_pendingProgress = progress;
        }
        return !m_job.m_stop.stopRequested();
    }
    void onMessage(const std::string &message) override
    {
        std::lock_guard lock(m_job.m_slotMutex);
        m_job.m_pendingMessages.push_back(message);
    }

private:
    Job &m_job;
};

Job::Job(QString title, QObject *parent) : QObject(parent), m_title(std::move(title))
{
    qRegisterMetaType<recforge::Progress>();
}

Job::~Job() = default;

bool Job::isFinished() const
{
    return m_state == State::Succeeded || m_state == State::Failed || m_state == State::Cancelled;
}

void Job::requestStop()
{
    m_stop.requestStop();
}

bool Job::pollProgress()
{
    std::optional<recforge::Progress> progress;
    std::vector<std::string> messages;
    {
        std::lock_guard lock(m_slotMutex);
        progress.swap(m_pendingProgress);
        messages.swap(m_pendingMessages);
    }
    for (const std::string &message : messages)
        Q_EMIT messageReported(QString::fromStdString(message));
    if (!progress)
        return false;
    m_lastProgress = std::move(*progress);
    Q_EMIT progressChanged(m_lastProgress);
    return true;
}

bool Job::reportStage(recforge::Observer &observer, const std::string &stage)
{
    recforge::Progress progress;
    progress.stage = stage;
    return observer.onProgress(progress);
}

void Job::runOnWorker()
{
    QMetaObject::invokeMethod(
        this, [this] { markStarted(); }, Qt::QueuedConnection);
    SlotObserver observer(*this);
    State outcome = State::Succeeded;
    QString message;
    try {
        const recforge::Status status = execute(observer, m_stop);
        if (!status) {
            const bool cancelled =
                status.error().code == recforge::ErrorCode::Cancelled || m_stop.stopRequested();
            outcome = cancelled ? State::Cancelled : State::Failed;
            message = QString::fromStdString(status.error().toString());
        }
    } catch (const std::exception &e) {
        outcome = State::Failed;
        message = QString::fromUtf8(e.what());
    } catch (...) {
        outcome = State::Failed;
        message = tr("Unknown exception in job \"%1\"").arg(m_title);
    }
    QMetaObject::invokeMethod(
        this, [this, outcome, message] { deliverOutcome(int(outcome), message); },
        Qt::QueuedConnection);
}

void Job::markStarted()
{
    m_state = State::Running;
    Q_EMIT started();
}

void Job::deliverOutcome(int state, const QString &message)
{
    pollProgress(); // the final report must not be lost to the timer's granularity
    m_state = State(state);
    switch (m_state) {
    case State::Succeeded:
        Q_EMIT succeeded();
        break;
    case State::Failed:
        m_errorMessage = message;
        Q_EMIT failed(message);
        break;
    default:
        m_state = State::Cancelled;
        Q_EMIT cancelled();
        break;
    }
    Q_EMIT finished();
}

} // namespace recforge::ui
