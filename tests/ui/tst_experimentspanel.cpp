// The Experiments workspace: runs created by finished training jobs are listed with their metrics
// under protocol-labelled columns, details show params / metrics with protocols / checkpoints with
// sha256, comparing two runs overlays two curves and compares only same-protocol values,
// interrupted runs are shown as such, and delete removes a run.

#include <memory>

#include <QComboBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QFile>
#include <QDir>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include "charts/trainingcurveschart.h"
#include "data/generator.h"
#include "eval/protocol.h"
#include "experiment/metricrecord.h"
#include "experiments/experimentspanel.h"
#include "experiments/metricscomparison.h"
#include "experiments/rundetailsview.h"
#include "experiments/runstablemodel.h"
#include "jobs/jobmanager.h"
#include "store/project.h"
#include "store/runstore.h"
#include "training/trainingjob.h"

using namespace recforge::ui;

namespace {

// Same seed (so sampled evaluations share their protocol), different sizes.
recforge::TrainRunConfig tinyBpr(int dimension)
{
    recforge::TrainRunConfig config;
    config.model = "bprmf";
    config.params = {{"epochs", 2}, {"dimension", dimension}};
    config.seed = 5;
    config.runtime.threads = 1;
    config.validationUsers = 100;
    config.runName = "bpr dim " + std::to_string(dimension);
    return config;
}

} // namespace

class TestExperimentsPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void listsFinishedRunsWithProtocols();
    void detailsOfARun();
    void compareTwoRunsOverlaysCurves();
    void differentProtocolsNeverShareAColumn();
    void exportFinishedRun();
    void interruptedAndDelete();

private:
    qint64 train(const recforge::TrainRunConfig &config);
    int rowOf(qint64 runId) const { return m_panel->model()->rowOf(runId); }

    QTemporaryDir m_dir;
    QString m_path;
    std::shared_ptr<recforge::Project> m_project;
    std::unique_ptr<JobManager> m_jobs;
    std::unique_ptr<ExperimentsPanel> m_panel;
    qint64 m_first = 0, m_second = 0;
};

void TestExperimentsPanel::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("RecForgeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_experimentspanel"));
    m_path = m_dir.filePath(QStringLiteral("p.recforge"));
    auto project = recforge::Project::open(m_path.toStdString(), true);
    QVERIFY(project);
    m_project = std::move(*project);
    recforge::ShopParams shop;
    shop.users = 300;
    shop.items = 150;
    shop.events = 12000;
    shop.name = "tiny-shop";
    recforge::NullObserver quiet;
    auto dataset = recforge::generateShop(shop, quiet);
    QVERIFY(dataset);
    QVERIFY(m_project->saveDataset(*dataset, {}, "generator"));
    m_jobs = std::make_unique<JobManager>();
    m_panel = std::make_unique<ExperimentsPanel>(m_jobs.get());
    m_panel->resize(1200, 800);
    m_panel->show();
    m_panel->setProject(m_project);
    QCOMPARE(m_panel->model()->rowCount(), 0);
    m_first = train(tinyBpr(32));
    m_second = train(tinyBpr(8));
    QVERIFY(m_first > 0 && m_second > 0);
}

qint64 TestExperimentsPanel::train(const recforge::TrainRunConfig &config)
{
    auto *job = new TrainingJob(m_path, config);
    QSignalSpy finished(job, &Job::finished);
    m_jobs->start(job, false);
    if (!finished.wait(180000) && finished.isEmpty())
        return 0;
    const qint64 id = job->state() == Job::State::Succeeded ? job->result().runId : 0;
    if (id == 0)
        qWarning("training failed: %s", qPrintable(job->errorMessage()));
    delete job;
    return id;
}

void TestExperimentsPanel::listsFinishedRunsWithProtocols()
{
    m_panel->refresh();
    RunsTableModel *model = m_panel->model();
    QCOMPARE(model->rowCount(), 2);
    const int row = rowOf(m_first);
    QVERIFY(row >= 0);
    QCOMPARE(model->index(row, RunsTableModel::NameColumn).data().toString(),
             QStringLiteral("bpr dim 32"));
    QCOMPARE(model->index(row, RunsTableModel::ModelColumn).data().toString(),
             QStringLiteral("bprmf"));
    QCOMPARE(model->index(row, RunsTableModel::StatusColumn).data().toString(),
             QStringLiteral("finished"));
    QCOMPARE(model->index(row, RunsTableModel::DatasetColumn).data().toString(),
             QStringLiteral("tiny-shop"));
    QCOMPARE(
        model->index(row, RunsTableModel::StatusColumn).data(Qt::ForegroundRole).value<QColor>(),
        RunsTableModel::statusColour(recforge::RunStatus::Finished));
    // Default evaluations: full ranking and uni-99 -> NDCG@10 and HR@10 under each = 4 columns,
    // each naming its protocol; no column mixes protocols.
    QCOMPARE(model->columnCount(), RunsTableModel::FixedColumns + 4);
    QStringList headers;
    for (int c = RunsTableModel::FixedColumns; c < model->columnCount(); ++c) {
        const QString header = model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
        const QString tip = model->headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString();
        QVERIFY(header.startsWith(QLatin1String("NDCG@10")) ||
                header.startsWith(QLatin1String("HR@10")));
        QVERIFY2(header.contains(QLatin1String("full ranking")) ||
                     header.contains(QLatin1String("uni-99")),
                 qPrintable(header));
        QVERIFY(tip.contains(QLatin1String("K=10")));
        headers << header;
        const QModelIndex cell = model->index(row, c);
        bool ok = false;
        const double value = cell.data().toString().toDouble(&ok);
        QVERIFY(ok && value >= 0 && value <= 1);
        QVERIFY(cell.data(Qt::ToolTipRole)
                    .toString()
                    .contains(QString::fromStdString(
                        model->metricColumns()[size_t(c - RunsTableModel::FixedColumns)]
                            .protocolLabel)));
    }
    QCOMPARE(headers.removeDuplicates(), 0);
}

void TestExperimentsPanel::detailsOfARun()
{
    m_panel->selectRuns({m_first});
    RunDetailsView *details = m_panel->details();
    QVERIFY(details->summaryText().contains(QLatin1String("bpr dim 32")));
    const auto params = nlohmann::json::parse(details->paramsView()->toPlainText().toStdString());
    QVERIFY(params.contains("model"));
    QTableWidget *metrics = details->metricsTable();
    QVERIFY(metrics->rowCount() >= 4);
    for (int r = 0; r < metrics->rowCount(); ++r)
        QVERIFY(!metrics->item(r, 3)->text().isEmpty()); // every number with its protocol
    QTableWidget *checkpoints = details->checkpointsTable();
    QVERIFY(checkpoints->rowCount() >= 1);
    static const QRegularExpression sha(QStringLiteral("^[0-9a-f]{64}$"));
    QVERIFY2(sha.match(checkpoints->item(0, 4)->text()).hasMatch(),
             qPrintable(checkpoints->item(0, 4)->text()));
}

void TestExperimentsPanel::compareTwoRunsOverlaysCurves()
{
    QSignalSpy loaded(m_panel.get(), &ExperimentsPanel::curvesLoaded);
    m_panel->selectRuns({m_first, m_second});
    QCOMPARE(m_panel->selectedRunIds().size(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 10000);
    TrainingCurvesChart *chart = m_panel->curves();
    QCOMPARE(chart->runCount(), 2);
    QCOMPARE(chart->runsWithLoss(), 2);
    for (qint64 id : {m_first, m_second}) {
        QVERIFY(chart->lossPointCount(id) > 0);
        QCOMPARE(chart->validationPointCount(id, TrainingCurvesChart::Metric::Ndcg10), 2);
        QCOMPARE(chart->validationPointCount(id, TrainingCurvesChart::Metric::Hr10), 2);
    }
    // Both runs have values in every row; each row is one metric under one protocol.
    MetricsComparison *comparison = m_panel->comparison();
    QVERIFY(!comparison->rows().empty());
    for (const MetricsComparison::Row &row : comparison->rows()) {
        QCOMPARE(int(row.values.size()), 2);
        QVERIFY(std::isfinite(row.values[0]) && std::isfinite(row.values[1]));
    }
    QVERIFY(comparison->chartChoice()->currentText().startsWith(QLatin1String("NDCG@10")));
    QCOMPARE(comparison->chartedRuns().size(), 2);
}

void TestExperimentsPanel::differentProtocolsNeverShareAColumn()
{
    // Two hand-made runs: NDCG@10 under full ranking and under pop-99 (a different protocol).
    auto store = recforge::RunStore::open(*m_project);
    QVERIFY(store);
    qint64 ids[2] = {0, 0};
    for (int i = 0; i < 2; ++i) {
        recforge::RunSpec spec;
        spec.name = i == 0 ? "full" : "pop";
        spec.model = "popularity";
        auto id = (*store)->createRun(spec);
        QVERIFY(id);
        ids[i] = *id;
        recforge::MetricValue value;
        value.name = "NDCG@10";
        value.k = 10;
        value.value = i == 0 ? 0.05 : 0.4;
        value.protocol.split = "leave-one-out/seed42";
        value.protocol.candidates =
            i == 0 ? recforge::Candidates::Full : recforge::Candidates::PopularitySampled;
        value.protocol.negatives = i == 0 ? 0 : 99;
        (*store)->recordMetric(*id, recforge::toMetricRecord(value));
        QVERIFY((*store)->finishRun(*id, recforge::RunStatus::Finished));
    }
    m_panel->refresh();
    m_panel->selectRuns({ids[0], ids[1]});
    // The comparison keeps them apart: two rows, each with one value.
    const auto &rows = m_panel->comparison()->rows();
    QCOMPARE(int(rows.size()), 2);
    for (const MetricsComparison::Row &row : rows) {
        int present = 0;
        for (double v : row.values)
            present += std::isfinite(v) ? 1 : 0;
        QCOMPARE(present, 1);
    }
    QCOMPARE(m_panel->comparison()->chartedRuns().size(), 1);
    // And the table has a column for each protocol: each run fills only its own.
    RunsTableModel *model = m_panel->model();
    int fullColumn = -1, popColumn = -1;
    for (int c = RunsTableModel::FixedColumns; c < model->columnCount(); ++c) {
        const QString tip = model->headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString();
        if (!tip.startsWith(QLatin1String("NDCG@10")))
            continue;
        if (tip.contains(QLatin1String("pop-99")))
            popColumn = c;
        else if (tip.contains(QLatin1String("full ranking")) &&
                 model->index(rowOf(ids[0]), c).data().isValid())
            fullColumn = c;
    }
    QVERIFY(fullColumn >= 0 && popColumn >= 0 && fullColumn != popColumn);
    QVERIFY(!model->index(rowOf(ids[0]), popColumn).data().isValid());
    QVERIFY(!model->index(rowOf(ids[1]), fullColumn).data().isValid());
    QCOMPARE(model->index(rowOf(ids[1]), popColumn).data().toString(), QStringLiteral("0.4000"));
}

void TestExperimentsPanel::exportFinishedRun()
{
    m_panel->selectRuns({m_first});
    QVERIFY(m_panel->exportButton()->isEnabled());
    QVERIFY(!m_panel->resumeButton()->isEnabled()); // finished runs do not resume
    recforge::ExportOptions options;
    options.dir = m_dir.filePath(QStringLiteral("export")).toStdString();
    options.formats = {recforge::ExportFormat::Checkpoint, recforge::ExportFormat::TopK};
    options.k = 5;
    options.report = true;
    QSignalSpy exported(m_panel.get(), &ExperimentsPanel::exported);
    QSignalSpy issues(m_panel.get(), &ExperimentsPanel::issueReported);
    m_panel->exportRun(m_first, options);
    QVERIFY(exported.wait(60000));
    QVERIFY2(issues.isEmpty(), issues.isEmpty() ? "" : qPrintable(issues.first().at(0).toString()));
    const QDir dir(QString::fromStdString(options.dir));
    QCOMPARE(QDir(exported.first().at(0).toString()).absolutePath(), dir.absolutePath());
    for (const char *name : {"model.ckpt", "topk.csv", "report.html", "config.json"})
        QVERIFY2(dir.exists(QString::fromLatin1(name)), name);
    QVERIFY(!dir.exists(QStringLiteral("model.safetensors"))); // not asked for
    QFile topk(dir.filePath(QStringLiteral("topk.csv")));
    QVERIFY(topk.open(QIODevice::ReadOnly));
    QVERIFY(topk.readAll().count('\n') > 5); // header + 5 rows per user

    // Re-open the export and score a new file of histories in external ids: one known user, one
    // new user with two known items, and an unknown item id (a warning, not an error).
    const QStringList itemIds = QString::fromUtf8([&] {
                                    QFile f(dir.filePath(QStringLiteral("item_ids.txt")));
                                    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
                                }())
                                    .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(itemIds.size() > 3);
    const QString histories = m_dir.filePath(QStringLiteral("histories.txt"));
    {
        QFile f(histories);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            QStringLiteral("newcomer %1 %2 no-such-item\n").arg(itemIds[0], itemIds[1]).toUtf8());
    }
    const QString csv = m_dir.filePath(QStringLiteral("scored.csv"));
    QSignalSpy scored(m_panel.get(), &ExperimentsPanel::historiesScored);
    issues.clear();
    m_panel->scoreHistories(dir.absolutePath(), histories, csv, 4);
    QVERIFY(scored.wait(60000));
    QCOMPARE(scored.first().at(1).toInt(), 1);
    QVERIFY(!issues.isEmpty()); // the unknown item, with its line and column
    QVERIFY2(issues.first().at(0).toString().contains(QLatin1String("no-such-item")),
             qPrintable(issues.first().at(0).toString()));
    QFile out(csv);
    QVERIFY(out.open(QIODevice::ReadOnly));
    const QList<QByteArray> rows = out.readAll().split('\n');
    QCOMPARE(rows.first(), QByteArray("user_id,rank,item_id,score"));
    int newcomerRows = 0;
    for (const QByteArray &row : rows)
        newcomerRows += row.startsWith("newcomer,");
    QCOMPARE(newcomerRows, 4);

    QSignalSpy failed(m_panel.get(), &ExperimentsPanel::issueReported);
    m_panel->scoreHistories(m_dir.filePath(QStringLiteral("no-such-export")), histories, csv, 4);
    QVERIFY(failed.wait(30000));
}

void TestExperimentsPanel::interruptedAndDelete()
{
    qint64 id = 0;
    {
        // A store that goes away with its run unfinished leaves it interrupted (as a crash does).
        auto store = recforge::RunStore::open(*m_project);
        QVERIFY(store);
        recforge::RunSpec spec;
        spec.name = "crashed";
        spec.model = "sasrec";
        auto created = (*store)->createRun(spec);
        QVERIFY(created);
        id = *created;
    }
    m_panel->refresh();
    RunsTableModel *model = m_panel->model();
    const int row = rowOf(id);
    QVERIFY(row >= 0);
    QCOMPARE(model->index(row, RunsTableModel::StatusColumn).data().toString(),
             QStringLiteral("interrupted"));
    QVERIFY(model->index(row, RunsTableModel::StatusColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QLatin1String("stopped before it finished")));

    // An interrupted run offers Resume (handed to the Training panel), not Export.
    m_panel->selectRuns({id});
    QVERIFY(m_panel->resumeButton()->isEnabled());
    QVERIFY(!m_panel->exportButton()->isEnabled());
    QSignalSpy resume(m_panel.get(), &ExperimentsPanel::resumeRequested);
    QTest::mouseClick(m_panel->resumeButton(), Qt::LeftButton);
    QCOMPARE(resume.count(), 1);
    QCOMPARE(resume.first().at(0).toLongLong(), id);
    QCOMPARE(resume.first().at(1).toString(), QStringLiteral("crashed"));

    const int before = model->rowCount();
    m_panel->selectRuns({id});
    m_panel->deleteSelected(false);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), before - 1, 10000);
    QCOMPARE(rowOf(id), -1);
}

QTEST_MAIN(TestExperimentsPanel)
#include "tst_experimentspanel.moc"
