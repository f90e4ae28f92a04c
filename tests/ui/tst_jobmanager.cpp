// JobManager / Job: coalesced progress, cancellation, exceptions and errors become failed(),
// orderly shutdown, and the progress widget's texts.

#include <atomic>
#include <chrono>
#include <memory>
#include <stdexcept>
#include <thread>

#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include "jobs/job.h"
#include "jobs/jobmanager.h"
#include "jobs/jobprogresswidget.h"

using namespace recforge::ui;

namespace {

// What a FakeJob does on its worker thread.
enum class Behaviour { ReportMany, RunUntilStopped, Throw, ThrowUnknown, ReturnError };

class FakeJob : public Job {
public:
    FakeJob(Behaviour behaviour, int64_t reports = 0)
        : Job(QStringLiteral("fake")), m_behaviour(behaviour), m_reports(reports)
    {
    }
    std::shared_ptr<std::atomic<bool>> sawStop = std::make_shared<std::atomic<bool>>(false);
    std::atomic<int64_t> reportsMade{0};

protected:
    recforge::Status execute(recforge::Observer &observer, recforge::StopToken stop) override
    {
        switch (m_behaviour) {
        case Behaviour::ReportMany:
            // A tight loop reporting far more often than any UI could draw.
            for (int64_t i = 1; i <= m_reports; ++i) {
                recforge::Progress p;
                p.stage = "parse";
                p.done = i;
                p.total = m_reports;
                p.etaSeconds = double(m_reports - i) / 1000.0;
                if (!observer.onProgress(p))
                    break;
                ++reportsMade;
                if (i % 1000 == 0)
                    std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
            observer.onMessage("a warning from the job");
            return {};
        case Behaviour::RunUntilStopped:
            for (int i = 0; i < 20000; ++i) { // 20 s safety limit
                if (stop.stopRequested()) {
                    *sawStop = true;
                    return recforge::makeError(recforge::ErrorCode::Cancelled, "stopped");
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
            return {};
        case Behaviour::Throw:
            throw std::runtime_error("boom: tensor shape mismatch");
        case Behaviour::ThrowUnknown:
            throw 42;
        case Behaviour::ReturnError:
            return recforge::makeError(recforge::ErrorCode::Parse, "not a number: 'abc'",
                                       recforge::Location{"shop.csv", 12, 3, "price"});
        }
        return {};
    }

private:
    Behaviour m_behaviour;
    int64_t m_reports;
};

} // namespace

class TestJobManager : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void progressIsCoalesced();
    void cancelStopsTheJob();
    void failures_data();
    void failures();
    void stopAllAndWait();
    void destructionJoinsRunningJobs();
    void autoDeleteAfterFinish();
    void etaText_data();
    void etaText();
    void progressWidgetFollowsJobs();
};

void TestJobManager::progressIsCoalesced()
{
    JobManager manager(nullptr, 50);
    auto *job = new FakeJob(Behaviour::ReportMany, 200000);
    QSignalSpy progress(job, &Job::progressChanged);
    QSignalSpy succeeded(job, &Job::succeeded);
    QSignalSpy messages(job, &Job::messageReported);
    QSignalSpy finished(&manager, &JobManager::jobFinished);
    manager.start(job, false);
    QTRY_COMPARE_WITH_TIMEOUT(succeeded.count(), 1, 20000);
    QCOMPARE(job->reportsMade.load(), 200000);
    // At most one UI update per timer tick (plus the final one), never one per report.
    QVERIFY(progress.count() >= 1);
    QVERIFY2(progress.count() < 200, qPrintable(QString::number(progress.count())));
    // The final report is never lost to the timer's granularity.
    const auto last = progress.last().at(0).value<recforge::Progress>();
    QCOMPARE(last.done, int64_t(200000));
    QCOMPARE(job->lastProgress().done, int64_t(200000));
    QCOMPARE(messages.count(), 1);
    QCOMPARE(messages.first().at(0).toString(), QStringLiteral("a warning from the job"));
    QCOMPARE(job->state(), Job::State::Succeeded);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(manager.activeCount(), 0);
}

void TestJobManager::cancelStopsTheJob()
{
    JobManager manager;
    auto *job = new FakeJob(Behaviour::RunUntilStopped);
    auto sawStop = job->sawStop;
    QSignalSpy started(job, &Job::started);
    QSignalSpy cancelled(job, &Job::cancelled);
    QSignalSpy failed(job, &Job::failed);
    manager.start(job, false);
    QTRY_COMPARE(started.count(), 1);
    QCOMPARE(job->state(), Job::State::Running);
    QCOMPARE(manager.activeCount(), 1);
    job->requestStop();
    QTRY_COMPARE_WITH_TIMEOUT(cancelled.count(), 1, 5000);
    QVERIFY(sawStop->load());
    QCOMPARE(failed.count(), 0);
    QCOMPARE(job->state(), Job::State::Cancelled);
    QVERIFY(job->isFinished());
}

void TestJobManager::failures_data()
{
    QTest::addColumn<int>("behaviour");
    QTest::addColumn<QString>("expected");
    QTest::newRow("std::exception")
        << int(Behaviour::Throw) << QStringLiteral("boom: tensor shape mismatch");
    QTest::newRow("unknown exception")
        << int(Behaviour::ThrowUnknown) << QStringLiteral("Unknown exception");
    QTest::newRow("core error") << int(Behaviour::ReturnError) << QStringLiteral("shop.csv:12:3");
}

void TestJobManager::failures()
{
    QFETCH(int, behaviour);
    QFETCH(QString, expected);
    JobManager manager;
    auto *job = new FakeJob(Behaviour(behaviour));
    QSignalSpy failed(job, &Job::failed);
    QSignalSpy succeeded(job, &Job::succeeded);
    QSignalSpy finished(job, &Job::finished);
    manager.start(job, false);
    QTRY_COMPARE(failed.count(), 1);
    QCOMPARE(succeeded.count(), 0);
    QCOMPARE(finished.count(), 1);
    const QString message = failed.first().at(0).toString();
    QVERIFY2(message.contains(expected), qPrintable(message));
    QCOMPARE(job->errorMessage(), message);
    QCOMPARE(job->state(), Job::State::Failed);
}

void TestJobManager::stopAllAndWait()
{
    JobManager manager;
    QList<FakeJob *> jobs;
    for (int i = 0; i < 3; ++i)
        jobs << static_cast<FakeJob *>(
            manager.start(new FakeJob(Behaviour::RunUntilStopped), false));
    QCOMPARE(manager.activeCount(), 3);
    QTest::qWait(30);
    manager.requestStopAll();
    QVERIFY(manager.waitForAll(5000));
    for (FakeJob *job : jobs)
        QTRY_COMPARE(job->state(), Job::State::Cancelled);
    QCOMPARE(manager.activeCount(), 0);
}

void TestJobManager::destructionJoinsRunningJobs()
{
    auto manager = std::make_unique<JobManager>();
    auto *job = new FakeJob(Behaviour::RunUntilStopped);
    auto sawStop = job->sawStop;
    QSignalSpy started(job, &Job::started);
    manager->start(job);
    QTRY_COMPARE(started.count(), 1);
    const auto begin = std::chrono::steady_clock::now();
    manager.reset(); // requests stop and joins; the job is deleted with it
    QVERIFY(sawStop->load());
    QVERIFY(std::chrono::steady_clock::now() - begin < std::chrono::seconds(5));
}

void TestJobManager::autoDeleteAfterFinish()
{
    JobManager manager;
    QPointer<Job> job = manager.start(new FakeJob(Behaviour::ReportMany, 10));
    QTRY_VERIFY(job.isNull());
    QCOMPARE(manager.activeCount(), 0);
}

void TestJobManager::etaText_data()
{
    QTest::addColumn<double>("seconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("unknown") << -1.0 << QString();
    QTest::newRow("seconds") << 12.4 << QStringLiteral("about 12 s left");
    QTest::newRow("under a second") << 0.2 << QStringLiteral("about 1 s left");
    QTest::newRow("minutes") << 600.0 << QStringLiteral("about 10 min left");
    QTest::newRow("hours") << 3.0 * 3600 << QStringLiteral("about 3 h left");
}

void TestJobManager::etaText()
{
    QFETCH(double, seconds);
    QFETCH(QString, text);
    QCOMPARE(JobProgressWidget::formatEta(seconds), text);
}

void TestJobManager::progressWidgetFollowsJobs()
{
    JobManager manager(nullptr, 20);
    JobProgressWidget widget;
    widget.show();
    widget.setManager(&manager);
    QVERIFY(widget.isHidden()); // nothing runs
    auto *job = new FakeJob(Behaviour::RunUntilStopped);
    manager.start(job, false);
    QTRY_VERIFY(widget.isVisible());
    QCOMPARE(widget.trackedJob(), job);
    // Another visible widget shows this job: the follower steps aside, and comes back after.
    widget.setShownElsewhere(job);
    QVERIFY(widget.isHidden());
    widget.setShownElsewhere(nullptr);
    QVERIFY(widget.isVisible());
    QCOMPARE(widget.trackedJob(), job);
    auto *cancel = widget.findChild<QPushButton *>(QStringLiteral("cancelJobButton"));
    QVERIFY(cancel && cancel->isEnabled());
    QSignalSpy cancelled(job, &Job::cancelled);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_COMPARE(cancelled.count(), 1);
    QTRY_VERIFY(widget.isHidden());

    auto *reporting = new FakeJob(Behaviour::ReportMany, 50000);
    JobProgressWidget tracker;
    QSignalSpy done(reporting, &Job::succeeded);
    manager.start(reporting, false);
    tracker.track(reporting);
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 20000);
    QVERIFY2(tracker.stageText().contains(QStringLiteral("parse")),
             qPrintable(tracker.stageText()));
    QCOMPARE(tracker.value(), 1000);
}

QTEST_MAIN(TestJobManager)
#include "tst_jobmanager.moc"
