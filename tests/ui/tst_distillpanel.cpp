// The Distillation workspace on a stored fixture (no training): a distillation run with its
// comparison.json lists, its ratios are written out, the figures table has one column per model
// (the "student alone" column only when the comparison has that baseline), the quality bars group
// teacher / student per metric, the curves of the runs are overlaid and the Jaccard histogram has
// its 11 bins. With RECFORGE_SCREENSHOT set (a PNG path) it saves screenshots of the panel.

#include <cmath>
#include <fstream>
#include <memory>

#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include "charts/qcp.h"

#include "charts/trainingcurveschart.h"
#include "distill/distillpanel.h"
#include "distill/distilluserview.h"
#include "eval/modelcomparison.h"
#include "jobs/jobmanager.h"
#include "store/project.h"
#include "store/runstore.h"

using namespace recforge::ui;

namespace {

recforge::MetricValue metric(const std::string &name, int k, double value)
{
    recforge::MetricValue v;
    v.name = name;
    v.k = k;
    v.value = value;
    v.users = 100;
    return v;
}

recforge::ModelFigures figures(const std::string &role, const std::string &model, int64_t run,
                               int64_t parameters, double p50, double ndcg)
{
    recforge::ModelFigures f;
    f.role = role;
    f.model = model;
    f.runId = run;
    f.parameters = parameters;
    f.bytesOnDisk = parameters * 4;
    f.latencyP50Ms = p50;
    f.latencyP99Ms = p50 * 2.5;
    f.usersPerSecond = 1000.0 / p50;
    f.metrics = {metric("NDCG@10", 10, ndcg), metric("HR@10", 10, ndcg * 2)};
    return f;
}

recforge::OverlapStats overlap(double mean)
{
    recforge::OverlapStats o;
    o.k = 10;
    o.users = 100;
    o.mean = mean;
    o.p10 = mean / 2;
    o.p50 = mean;
    o.p90 = std::min(1.0, mean * 1.5);
    o.histogram = {2, 5, 8, 12, 20, 18, 14, 10, 6, 3, 2};
    return o;
}

int rowNamed(const QTableWidget *table, const QString &name)
{
    for (int r = 0; r < table->rowCount(); ++r)
        if (table->verticalHeaderItem(r) && table->verticalHeaderItem(r)->text() == name)
            return r;
    return -1;
}

} // namespace

class TestDistillPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void teacherAndStudentWithRatios();
    void baselineColumnWhenStored();
    void emptyProject();

private:
    qint64 createRun(const std::string &name, const std::string &kind, const std::string &model,
                     qint64 parent = 0);
    void writeComparison(qint64 run, const recforge::ModelComparison &comparison);
    bool show(qint64 run);

    QTemporaryDir m_dir;
    std::shared_ptr<recforge::Project> m_project;
    std::unique_ptr<recforge::RunStore> m_store;
    std::unique_ptr<JobManager> m_jobs;
    std::unique_ptr<DistillPanel> m_panel;
    qint64 m_teacher = 0, m_alone = 0, m_student = 0, m_withBaseline = 0;
};

qint64 TestDistillPanel::createRun(const std::string &name, const std::string &kind,
                                   const std::string &model, qint64 parent)
{
    recforge::RunSpec spec;
    spec.name = name;
    spec.kind = kind;
    spec.model = model;
    spec.parentRunId = parent;
    auto id = m_store->createRun(spec);
    if (!id)
        return 0;
    for (int epoch = 1; epoch <= 3; ++epoch) {
        m_store->appendCurvePoint(*id, "train/loss", epoch * 10, epoch, 5.0 / epoch);
        m_store->appendCurvePoint(*id, "train/epoch_loss", epoch * 10, epoch, 5.0 / epoch);
        m_store->appendCurvePoint(*id, "valid/NDCG@10", epoch * 10, epoch, 0.01 * epoch);
    }
    return m_store->finishRun(*id, recforge::RunStatus::Finished) ? *id : 0;
}

void TestDistillPanel::writeComparison(qint64 run, const recforge::ModelComparison &comparison)
{
    auto dir = m_store->runArtifactsDir(run);
    QVERIFY(dir);
    std::ofstream out(*dir + "/comparison.json");
    out << recforge::toJson(comparison).dump(2);
}

bool TestDistillPanel::show(qint64 run)
{
    QSignalSpy shown(m_panel.get(), &DistillPanel::comparisonShown);
    m_panel->selectRun(run);
    while (shown.isEmpty() || shown.last().at(0).toLongLong() != run)
        if (!shown.wait(5000))
            return false;
    return true;
}

void TestDistillPanel::initTestCase()
{
    const QString path = m_dir.filePath(QStringLiteral("d.recforge"));
    auto project = recforge::Project::open(path.toStdString(), true);
    QVERIFY(project);
    m_project = std::move(*project);
    auto store = recforge::RunStore::open(*m_project);
    QVERIFY(store);
    m_store = std::move(*store);
    m_teacher = createRun("sasrec base", "train", "sasrec");
    m_alone = createRun("mlprec alone", "train", "mlprec");
    m_student = createRun("distil mlprec", "distil", "mlprec", m_teacher);
    m_withBaseline = createRun("distil mlprec with baseline", "distil", "mlprec", m_teacher);
    QVERIFY(m_teacher && m_alone && m_student && m_withBaseline);
    QVERIFY(m_store->flush());

    recforge::ModelComparison plain;
    plain.teacher = figures("teacher", "sasrec", m_teacher, 1000000, 2.0, 0.050);
    plain.student = figures("student", "mlprec", m_student, 250000, 0.5, 0.040);
    plain.jaccard = overlap(0.4);
    plain.device = "cpu";
    plain.threads = 2;
    plain.latencyUsers = 200;
    plain.batchSize = 256;
    writeComparison(m_student, plain);
    recforge::ModelComparison withBaseline = plain;
    withBaseline.student.runId = m_withBaseline;
    withBaseline.hasBaseline = true;
    withBaseline.baseline = figures("baseline", "mlprec", m_alone, 250000, 0.5, 0.030);
    withBaseline.baselineJaccard = overlap(0.25);
    writeComparison(m_withBaseline, withBaseline);

    m_jobs = std::make_unique<JobManager>();
    m_panel = std::make_unique<DistillPanel>(m_jobs.get());
    m_panel->resize(1200, 800);
    m_panel->show();
    QSignalSpy listed(m_panel.get(), &DistillPanel::runsListed);
    m_panel->setProject(m_project);
    QVERIFY(listed.wait(5000));
    QCOMPARE(listed.last().at(0).toInt(), 2); // the two distil runs, not the training runs
}

void TestDistillPanel::teacherAndStudentWithRatios()
{
    QVERIFY(show(m_student));
    QTableWidget *table = m_panel->figuresTable();
    QCOMPARE(table->columnCount(), 2);
    QCOMPARE(table->horizontalHeaderItem(0)->text(), QStringLiteral("Teacher"));
    QCOMPARE(table->horizontalHeaderItem(1)->text(), QStringLiteral("Student"));
    const int ndcg = rowNamed(table, QStringLiteral("NDCG@10"));
    QVERIFY(ndcg >= 0);
    QCOMPARE(table->item(ndcg, 0)->text(), QLocale().toString(0.05, 'f', 4));
    QCOMPARE(table->item(ndcg, 1)->text(), QLocale().toString(0.04, 'f', 4));
    const int params = rowNamed(table, QStringLiteral("Parameters"));
    QVERIFY(params >= 0);
    QCOMPARE(table->item(params, 1)->text(), QLocale().toString(qlonglong(250000)));

    const QString summary = m_panel->summaryLabel()->text();
    QVERIFY2(summary.contains(QStringLiteral("25% of the teacher&#x27;s parameters")) ||
                 summary.contains(QStringLiteral("25% of the teacher's parameters")),
             qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("4.0× faster at p50")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("keeps 80% of the teacher")), qPrintable(summary));
    QVERIFY(!summary.contains(QStringLiteral("alone")));

    // Grouped quality bars: one series per model; curves of teacher and student; 11 bins.
    QCOMPARE(m_panel->qualityChart()->plottableCount(), 2);
    QCOMPARE(m_panel->curves()->runCount(), 2);
    QVERIFY(m_panel->curves()->hasRun(m_teacher));
    QCOMPARE(
        m_panel->curves()->validationPointCount(m_student, TrainingCurvesChart::Metric::Ndcg10), 3);
    auto *bins = qobject_cast<QCPBars *>(m_panel->overlapChart()->plottable(0));
    QVERIFY(bins);
    QCOMPARE(bins->dataCount(), 11);
    // The per-user comparison knows both runs and waits for Load models.
    QVERIFY(!m_panel->userView()->hasModels());
}

void TestDistillPanel::baselineColumnWhenStored()
{
    {
        recforge::ModelComparison probe; // the baseline survives the comparison.json round trip
        probe.hasBaseline = true;
        probe.baseline.runId = 7;
        auto back = recforge::modelComparisonFromJson(recforge::toJson(probe));
        QVERIFY(back.has_value());
        QVERIFY(back->hasBaseline);
        QCOMPARE(back->baseline.runId, int64_t(7));
    }
    QVERIFY(show(m_withBaseline));
    QTableWidget *table = m_panel->figuresTable();
    QCOMPARE(table->columnCount(), 3);
    QCOMPARE(table->horizontalHeaderItem(2)->text(), QStringLiteral("Student alone"));
    const QString summary = m_panel->summaryLabel()->text();
    QVERIFY2(summary.contains(QStringLiteral("the student trained alone: 60%")),
             qPrintable(summary));
    QCOMPARE(m_panel->qualityChart()->plottableCount(), 3);
    QCOMPARE(m_panel->curves()->runCount(), 3);
    QVERIFY(m_panel->curves()->hasRun(m_alone));
    QCOMPARE(m_panel->overlapChart()->plottableCount(), 2);
    // RECFORGE_SCREENSHOT (a PNG path): the panel, and each chart tab beside it.
    const QString path = qEnvironmentVariable("RECFORGE_SCREENSHOT");
    if (!path.isEmpty()) {
        const QStringList suffixes{QString(), QStringLiteral("-speed"), QStringLiteral("-curves"),
                                   QStringLiteral("-overlap")};
        for (int tab = 0; tab < suffixes.size(); ++tab) {
            m_panel->tabs()->setCurrentIndex(tab);
            QTest::qWait(50);
            QVERIFY(m_panel->grab().save(QString(path).replace(
                QLatin1String(".png"), suffixes[tab] + QLatin1String(".png"))));
        }
        m_panel->tabs()->setCurrentIndex(0);
    }
}

void TestDistillPanel::emptyProject()
{
    auto project =
        recforge::Project::open(m_dir.filePath(QStringLiteral("e.recforge")).toStdString(), true);
    QVERIFY(project);
    QSignalSpy listed(m_panel.get(), &DistillPanel::runsListed);
    m_panel->setProject(std::shared_ptr<recforge::Project>(std::move(*project)));
    QVERIFY(listed.wait(5000));
    QCOMPARE(listed.last().at(0).toInt(), 0);
    QVERIFY(!m_panel->hasComparison());
    QCOMPARE(m_panel->figuresTable()->columnCount(), 0);
    QVERIFY(!m_panel->summaryLabel()->text().isEmpty());
}

QTEST_MAIN(TestDistillPanel)
#include "tst_distillpanel.moc"
