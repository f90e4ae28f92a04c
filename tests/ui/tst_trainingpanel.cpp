// TrainingJob and the Training workspace: job signals, cancellation within a second, a bad
// parameter fails naming the field, the queue runs one job at a time (cancel / remove), live curves
// are coalesced into one replot per tick, final metrics carry protocol labels, and the "still
// rising" hint rule.

#include <memory>

#include <QElapsedTimer>
#include <QLabel>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include "charts/trainingcurveschart.h"
#include "data/generator.h"
#include "jobs/jobmanager.h"
#include "store/project.h"
#include "store/runstore.h"
#include "training/traininghints.h"
#include "training/trainingjob.h"
#include "training/trainingpanel.h"
#include "training/trainingqueue.h"

using namespace recforge::ui;

namespace {

recforge::TrainRunConfig tinySasrec(int epochs)
{
    recforge::TrainRunConfig config;
    config.model = "sasrec";
    config.params = {{"hiddenSize", 16}, {"layers", 1},     {"heads", 1},
                     {"ffnSize", 32},    {"maxLength", 16}, {"epochs", epochs},
                     {"batchSize", 64},  {"dropout", 0.1},  {"attentionDropout", 0.1},
                     {"patience", 0}};
    config.runtime.threads = 1;
    config.validationUsers = 100;
    config.evaluations = {recforge::EvalSpec{recforge::Candidates::Full, 99, {10}},
                          recforge::EvalSpec{recforge::Candidates::UniformSampled, 99, {10}}};
    return config;
}

recforge::EpochEvent epoch(int number, double monitored, bool improved)
{
    recforge::EpochEvent e;
    e.epoch = number;
    e.monitored = monitored;
    e.improved = improved;
    return e;
}

} // namespace

class TestTrainingPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void jobSignalsAndBuffer();
    void cancelWithinOneSecond();
    void badParamFailsNamingField();
    void queueRunsOneAtATime();
    void stillRising_data();
    void stillRising();

private:
    QTemporaryDir m_dir;
    QString m_path;
};

void TestTrainingPanel::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("RecForgeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_trainingpanel"));
    m_path = m_dir.filePath(QStringLiteral("p.recforge"));
    auto project = recforge::Project::open(m_path.toStdString(), true);
    QVERIFY(project);
    recforge::ShopParams shop;
    shop.users = 300;
    shop.items = 150;
    shop.events = 12000;
    shop.name = "tiny-shop";
    recforge::NullObserver quiet;
    auto dataset = recforge::generateShop(shop, quiet);
    QVERIFY(dataset);
    QVERIFY((*project)->saveDataset(*dataset, {}, "generator"));
}

void TestTrainingPanel::jobSignalsAndBuffer()
{
    JobManager jobs;
    auto *job = new TrainingJob(m_path, tinySasrec(3));
    QSignalSpy started(job, &Job::started);
    QSignalSpy progress(job, &Job::progressChanged);
    QSignalSpy succeeded(job, &Job::succeeded);
    QSignalSpy failed(job, &Job::failed);
    jobs.start(job, false);
    QTRY_COMPARE_WITH_TIMEOUT(succeeded.count() + failed.count(), 1, 180000);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(0).toString()));
    QCOMPARE(started.count(), 1);
    QVERIFY(progress.count() >= 1);
    QVERIFY(job->result().runId > 0);
    QVERIFY(!job->result().metrics.empty());
    for (const recforge::MetricValue &m : job->result().metrics)
        QVERIFY(!protocolText(m).isEmpty());
    // Nothing drained the buffer: every batch and all three epochs are still in it, in order.
    TrainingUpdate update = job->buffer()->take();
    QCOMPARE(int(update.epochs.size()), 3);
    QVERIFY(update.batches.size() >= 3);
    for (size_t i = 1; i < update.batches.size(); ++i)
        QVERIFY(update.batches[i].step > update.batches[i - 1].step);
    QCOMPARE(update.epochSteps.back(), update.batches.back().step);
    QVERIFY(job->buffer()->take().empty());
    delete job;
}

void TestTrainingPanel::cancelWithinOneSecond()
{
    JobManager jobs;
    auto *job = new TrainingJob(m_path, tinySasrec(2000));
    QSignalSpy cancelled(job, &Job::cancelled);
    QSignalSpy succeeded(job, &Job::succeeded);
    auto buffer = job->buffer();
    jobs.start(job, false);
    // Wait until it is really training (batches arrive), then cancel.
    size_t batches = 0;
    QTRY_VERIFY_WITH_TIMEOUT((batches += buffer->take().batches.size()) > 0, 120000);
    QElapsedTimer timer;
    timer.start();
    job->requestStop();
    QTRY_COMPARE_WITH_TIMEOUT(cancelled.count(), 1, 5000);
    qInfo("cancelled %lld ms after the request", qint64(timer.elapsed()));
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(succeeded.count(), 0);
    QCOMPARE(job->state(), Job::State::Cancelled);
    delete job;
}

void TestTrainingPanel::badParamFailsNamingField()
{
    JobManager jobs;
    recforge::TrainRunConfig config = tinySasrec(1);
    config.params["hiddenSize"] = 3; // below the schema's minimum of 8
    auto *job = new TrainingJob(m_path, config);
    QSignalSpy failed(job, &Job::failed);
    jobs.start(job, false);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30000);
    const QString message = failed.first().at(0).toString();
    QVERIFY2(message.contains(QLatin1String("(hiddenSize)")), qPrintable(message));
    QCOMPARE(job->state(), Job::State::Failed);
    delete job;
}

void TestTrainingPanel::queueRunsOneAtATime()
{
    JobManager jobs;
    TrainingPanel panel(&jobs);
    panel.resize(1200, 700);
    panel.show();
    auto project = recforge::Project::open(m_path.toStdString(), false);
    QVERIFY(project);
    panel.setProject(std::shared_ptr<recforge::Project>(std::move(*project)));
    QSignalSpy ended(&panel, &TrainingPanel::runEnded);

    const int a = panel.enqueue(tinySasrec(2));
    recforge::TrainRunConfig quick;
    quick.model = "popularity";
    const int b = panel.enqueue(quick);
    const int c = panel.enqueue(quick);
    TrainingQueue *queue = panel.queue();
    QCOMPARE(queue->entry(a)->state, TrainingQueue::State::Running);
    QCOMPARE(queue->entry(b)->state, TrainingQueue::State::Pending);
    QCOMPARE(queue->entry(c)->state, TrainingQueue::State::Pending);
    QVERIFY(!queue->entry(a)->config.runName.empty()); // named for the store
    QCOMPARE(panel.queueTable()->rowCount(), 3);
    QVERIFY(!queue->remove(a)); // running
    QVERIFY(queue->remove(c));
    QVERIFY(queue->cancel(b));
    QCOMPARE(queue->entry(b)->state, TrainingQueue::State::Cancelled);
    QCOMPARE(panel.queueTable()->rowCount(), 2);

    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 180000);
    QCOMPARE(queue->entry(a)->state, TrainingQueue::State::Succeeded);
    QVERIFY(queue->entry(a)->runId > 0);
    QCOMPARE(queue->entry(b)->state, TrainingQueue::State::Cancelled); // never started
    QVERIFY(!queue->runningJob());
    // Live curve: every batch arrived, drawn in far fewer replots than batches.
    const int points = panel.chart()->lossPointCount(TrainingPanel::liveKey(a));
    QVERIFY(points > 0);
    QVERIFY(panel.chart()->validationPointCount(TrainingPanel::liveKey(a),
                                                TrainingCurvesChart::Metric::Ndcg10) == 2);
    QVERIFY2(panel.replotCount() <= points, qPrintable(QString::number(panel.replotCount())));
    // HR@10 comes from the store (the final read after the job).
    QCOMPARE(panel.chart()->validationPointCount(TrainingPanel::liveKey(a),
                                                 TrainingCurvesChart::Metric::Hr10),
             2);
    // The "still rising" hint follows the rule on the epochs the panel saw.
    QCOMPARE(int(panel.liveEpochs().size()), 2);
    QCOMPARE(!panel.hintLabel()->isHidden(), validationStillRising(panel.liveEpochs()));
    if (!panel.hintLabel()->isHidden())
        QVERIFY(panel.hintLabel()->text().contains(QLatin1String("try more epochs")));
    // Final metrics with their protocol labels.
    QTableWidget *metrics = panel.metricsTable();
    QVERIFY(metrics->rowCount() >= 2);
    bool sawFull = false, sawSampled = false;
    for (int row = 0; row < metrics->rowCount(); ++row) {
        const QString protocol = metrics->item(row, 2)->text();
        QVERIFY(!protocol.isEmpty());
        sawFull = sawFull || protocol.contains(QLatin1String("full ranking"));
        sawSampled = sawSampled || protocol.contains(QLatin1String("uni-99"));
    }
    QVERIFY(sawFull && sawSampled);

    // A finished run can be overlaid from the store next to the live one.
    const qint64 runId = queue->entry(a)->runId;
    panel.overlayRun(runId, QStringLiteral("stored"));
    QTRY_VERIFY_WITH_TIMEOUT(
        panel.chart()->hasRun(runId) && panel.chart()->lossPointCount(runId) == points, 10000);
    QCOMPARE(panel.chart()->runsWithLoss(), 2);
    panel.chart()->setLogScale(true);
    QVERIFY(panel.chart()->logScale());
}

void TestTrainingPanel::stillRising_data()
{
    QTest::addColumn<QVector<double>>("values");
    QTest::addColumn<QVector<bool>>("improved");
    QTest::addColumn<bool>("rising");
    QTest::newRow("best is last") << QVector<double>{0.1, 0.2, 0.15, 0.25}
                                  << QVector<bool>{true, true, false, true} << true;
    QTest::newRow("peaked earlier")
        << QVector<double>{0.1, 0.3, 0.2, 0.2} << QVector<bool>{true, true, false, false} << false;
    QTest::newRow("last three improved") << QVector<double>{0.5, 0.1, 0.2, 0.3, 0.29}
                                         << QVector<bool>{true, false, true, true, true} << true;
    QTest::newRow("one epoch") << QVector<double>{0.3} << QVector<bool>{true} << false;
    QTest::newRow("no validation") << QVector<double>{qQNaN(), qQNaN(), qQNaN()}
                                   << QVector<bool>{false, false, false} << false;
    QTest::newRow("NaN epochs ignored")
        << QVector<double>{0.1, qQNaN(), 0.2} << QVector<bool>{true, false, true} << true;
}

void TestTrainingPanel::stillRising()
{
    QFETCH(QVector<double>, values);
    QFETCH(QVector<bool>, improved);
    QFETCH(bool, rising);
    std::vector<recforge::EpochEvent> epochs;
    for (int i = 0; i < values.size(); ++i)
        epochs.push_back(epoch(i + 1, values[i], improved[i]));
    QCOMPARE(validationStillRising(epochs), rising);
}

QTEST_MAIN(TestTrainingPanel)
#include "tst_trainingpanel.moc"
