#include <QtTest>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include <QProcess>

#include "common/sha256.h"
#include "recforge/version.h"
#include "store/processinfo.h"
#include "store/project.h"
#include "store/runstore.h"
#include "store/sqlite.h"
#include "store/storewriter.h"

using namespace recforge;

namespace {

Dataset tinyDataset(const std::string &name)
{
    Dataset d;
    d.name = name;
    const int32_t u0 = d.users.intern("u0"), u1 = d.users.intern("u1");
    const int32_t i0 = d.items.intern("i0"), i1 = d.items.intern("i1");
    d.interactions.append(u0, i0, 1, uint16_t(EventType::View), 1.0f);
    d.interactions.append(u0, i1, 2, uint16_t(EventType::Purchase), 1.0f);
    d.interactions.append(u1, i1, 3, uint16_t(EventType::Click), 1.0f);
    d.syncInfoSizes();
    return d;
}

void writeFile(const std::string &path, const std::string &content)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << content;
}

RunSpec sampleSpec(const std::string &name = "sasrec run")
{
    RunSpec spec;
    spec.name = name;
    spec.kind = "train";
    spec.model = "sasrec";
    spec.paramsJson = R"({"dim":64,"lr":0.001,"name":"中文"})";
    spec.seed = UINT64_MAX; // must survive the int64 column
    spec.device = "cpu";
    return spec;
}

MetricRecord metric(const std::string &name, double value, const std::string &label,
                    const std::string &stage = "test")
{
    MetricRecord m;
    m.name = name;
    m.value = value;
    m.stage = stage;
    m.k = 10;
    m.users = 123;
    m.protocolJson = R"({"split":"leave-one-out/seed42","candidates":"full","ks":[10]})";
    m.protocolLabel = label;
    return m;
}

// Child mode of this binary (see main): creates a run with a checkpoint, then logs points and
// flushes forever, printing after each flush the last step that flush() returned for, until the
// parent kills it with SIGKILL.
int childRun(const char *projectPath)
{
    auto store = RunStore::open(std::string(projectPath));
    if (!store)
        return 2;
    auto run = (*store)->createRun(sampleSpec("child"));
    if (!run)
        return 3;
    auto dir = (*store)->runArtifactsDir(*run);
    if (!dir)
        return 4;
    const std::string checkpoint = *dir + "/epoch1.ckpt";
    writeFile(checkpoint, std::string(4096, 'w'));
    for (int64_t step = 1; step <= 100; ++step)
        (*store)->appendCurvePoint(*run, "train/loss", step, 1, 1.0 / double(step));
    if (!(*store)->recordCheckpoint(*run, 1, 100, checkpoint, true) || !(*store)->flush())
        return 5;
    std::cout << "RUN " << *run << std::endl;
    // Bounded, so an orphan (parent test crashed before killing it) does not spin forever.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    for (int64_t step = 101; std::chrono::steady_clock::now() < deadline; ++step) {
        (*store)->appendCurvePoint(*run, "train/loss", step, 2, 1.0 / double(step));
        if (step % 50 == 0) {
            if (!(*store)->flush())
                return 6;
            std::cout << "FLUSHED " << step << std::endl;
        }
    }
    return 7;
}

int64_t countRows(const std::string &path, const std::string &sql)
{
    auto db = sqlite::Connection::open(path, SQLITE_OPEN_READWRITE);
    if (!db)
        return -1;
    return (*db)->queryInt(sql).value_or(-1);
}

} // namespace

// The experiment store: runs, metrics with protocols, curves, checkpoints, the writer thread and
// recovery of runs whose process died.
class TestRunStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QString("p%1.recforge").arg(++m_counter)).toStdString();
    }

    void migrationAddsExperimentTables()
    {
        auto project = Project::open(m_path);
        QVERIFY(project);
        QVERIFY(Project::latestSchemaVersion() >= 2);
        QCOMPARE((*project)->schemaVersion(), Project::latestSchemaVersion());
        for (const char *table :
             {"run", "run_metric", "curve_series", "curve_point", "checkpoint", "run_event"})
            QCOMPARE(countRows(m_path, std::string("SELECT count(*) FROM sqlite_schema WHERE "
                                                   "type = 'table' AND name = '") +
                                           table + "'"),
                     int64_t(1));
    }

    void runRoundTrip()
    {
        auto project = Project::open(m_path);
        QVERIFY(project);
        auto datasetId = (*project)->saveDataset(tinyDataset("shop"), {}, "test");
        QVERIFY(datasetId);
        const std::string hash = (*project)->listDatasets()->front().contentHash;
        auto store = RunStore::open(**project);
        QVERIFY2(store, store ? "" : store.error().toString().c_str());
        RunStore &runs = **store;

        RunSpec spec = sampleSpec();
        spec.datasetId = *datasetId;
        auto id = runs.createRun(spec);
        QVERIFY2(id, id ? "" : id.error().toString().c_str());
        runs.recordMetric(*id, metric("NDCG@10", 0.25, "leave-one-out/seed42, uni-99, test, K=10"));
        runs.recordMetric(*id, metric("NDCG@10", 0.0612,
                                      "leave-one-out/seed42, full ranking, "
                                      "test, K=10"));
        runs.recordMetric(*id, metric("NDCG@10", 0.07,
                                      "leave-one-out/seed42, full ranking, "
                                      "test, K=10")); // newer, same protocol
        runs.recordMetric(*id, metric("HR@10", std::nan(""),
                                      "leave-one-out/seed42, full ranking, "
                                      "test, K=10"));
        runs.appendCurvePoint(*id, "train/loss", 1, 1, 2.5);
        runs.appendCurvePoint(*id, "train/loss", 2, 1, std::nan("")); // a diverged batch is data
        runs.appendCurvePoint(*id, "train/loss", 3, 1, 1.5);
        runs.appendCurvePoint(*id, "valid/NDCG@10", 3, 1, 0.04);
        runs.logMessage(*id, "warning", "learning rate warm-up skipped");
        QVERIFY(runs.finishRun(*id, RunStatus::Finished));

        auto detail = runs.run(*id);
        QVERIFY2(detail, detail ? "" : detail.error().toString().c_str());
        const RunSummary &s = detail->summary;
        QCOMPARE(s.name, std::string("sasrec run"));
        QCOMPARE(s.kind, std::string("train"));
        QCOMPARE(s.model, std::string("sasrec"));
        QCOMPARE(s.seed, UINT64_MAX);
        QCOMPARE(s.datasetId, *datasetId);
        QCOMPARE(s.datasetHash, hash); // taken from the dataset row
        QCOMPARE(s.codeVersion, std::string(kVersion) + "+" + kGitCommit);
        QCOMPARE(s.status, RunStatus::Finished);
        QVERIFY(!s.finishedAt.empty());
        QCOMPARE(s.parentRunId, int64_t(0));
        QCOMPARE(s.trial, int64_t(-1));
        QCOMPARE(s.ownerPid, int64_t(QCoreApplication::applicationPid()));
        QCOMPARE(detail->paramsJson, spec.paramsJson);

        QCOMPARE(detail->metrics.size(), size_t(4));
        QCOMPARE(detail->metrics[1].protocolLabel,
                 std::string("leave-one-out/seed42, full ranking, test, K=10"));
        QCOMPARE(detail->metrics[1].protocolJson, metric("", 0, "").protocolJson);
        QCOMPARE(detail->metrics[1].k, 10);
        QCOMPARE(detail->metrics[1].users, int64_t(123));
        QVERIFY(std::isnan(detail->metrics[3].value));
        // Latest per (stage, name, protocol): the two NDCG protocols stay apart.
        QCOMPARE(s.lastMetrics.size(), size_t(3));
        int ndcgFull = 0;
        for (const MetricRecord &m : s.lastMetrics)
            if (m.name == "NDCG@10" && m.protocolLabel.find("full ranking") != std::string::npos) {
                QCOMPARE(m.value, 0.07);
                ++ndcgFull;
            }
        QCOMPARE(ndcgFull, 1);

        QCOMPARE(s.curves.size(), size_t(2));
        QCOMPARE(s.curves[0].series, std::string("train/loss"));
        QCOMPARE(s.curves[0].points, int64_t(3));
        QCOMPARE(s.curves[0].min, 1.5);
        QCOMPARE(s.curves[0].max, 2.5);
        QCOMPARE(s.curves[0].last, 1.5);
        QCOMPARE(s.curves[0].lastStep, int64_t(3));

        auto loss = runs.curves(*id, {"train/loss", "no/such"});
        QVERIFY(loss);
        QCOMPARE(loss->size(), size_t(2));
        QCOMPARE((*loss)[0].points.size(), size_t(3));
        QVERIFY(std::isnan((*loss)[0].points[1].value));
        QVERIFY((*loss)[0].points[0].wallTime > 1.6e9);
        QVERIFY((*loss)[1].points.empty());
        // Incremental read after the first point's id.
        auto tail = runs.curves(*id, {"train/loss"}, (*loss)[0].points[0].id);
        QCOMPARE(tail->front().points.size(), size_t(2));

        auto events = runs.events(*id);
        QVERIFY(events);
        QCOMPARE(events->size(), size_t(3)); // started, warning, finished
        QCOMPARE((*events)[1].level, std::string("warning"));

        // Filters.
        RunSpec other = sampleSpec("eval");
        other.kind = "evaluate";
        other.parentRunId = *id;
        auto evalId = runs.createRun(other);
        QVERIFY(evalId);
        QCOMPARE(runs.listRuns()->size(), size_t(2));
        QCOMPARE(runs.listRuns()->front().id, *evalId); // newest first
        RunFilter byKind;
        byKind.kind = "evaluate";
        QCOMPARE(runs.listRuns(byKind)->size(), size_t(1));
        RunFilter byStatus;
        byStatus.status = RunStatus::Finished;
        QCOMPARE(runs.listRuns(byStatus)->front().id, *id);
        RunFilter byDataset;
        byDataset.datasetId = *datasetId;
        QCOMPARE(runs.listRuns(byDataset)->size(), size_t(1));
        RunFilter byParent;
        byParent.parentRunId = *id;
        QCOMPARE(runs.listRuns(byParent)->front().id, *evalId);

        // Deleting the dataset keeps the run and its hash.
        QVERIFY((*project)->deleteDataset(*datasetId));
        auto after = runs.run(*id);
        QCOMPARE(after->summary.datasetId, int64_t(0));
        QCOMPARE(after->summary.datasetHash, hash);
    }

    // A project opened by a relative path: the store's artifact paths are absolute, so a file
    // written under runArtifactsDir() is recorded as a checkpoint (was: the folder doubled).
    void relativeProjectPathGivesUsablePaths()
    {
        const QString before = QDir::currentPath();
        QVERIFY(QDir::setCurrent(m_dir.path()));
        const std::string relative = std::filesystem::path(m_path).filename().string();
        auto runs = RunStore::open(relative);
        QVERIFY(runs);
        QVERIFY(std::filesystem::path((*runs)->artifactsDir()).is_absolute());
        RunSpec spec;
        spec.model = "popularity";
        auto id = (*runs)->createRun(spec);
        QVERIFY(id);
        auto dir = (*runs)->runArtifactsDir(*id);
        QVERIFY(dir);
        const std::string file = (std::filesystem::path(*dir) / "model.ckpt").string();
        std::ofstream(file) << "weights";
        auto recorded = (*runs)->recordCheckpoint(*id, 1, 10, file, true);
        QVERIFY(QDir::setCurrent(before));
        QVERIFY2(recorded, recorded ? "" : recorded.error().toString().c_str());
        QCOMPARE(recorded->path, std::string("runs/") + std::to_string(*id) + "/model.ckpt");
    }

    void createRunRejectsBadInput()
    {
        auto store = RunStore::open(m_path);
        QVERIFY(store);
        RunSpec spec = sampleSpec();
        spec.paramsJson = "{not json";
        QCOMPARE((*store)->createRun(spec).error().code, ErrorCode::InvalidArgument);
        spec = sampleSpec();
        spec.datasetId = 42;
        QCOMPARE((*store)->createRun(spec).error().code, ErrorCode::NotFound);
        spec = sampleSpec();
        spec.parentRunId = 42;
        QCOMPARE((*store)->createRun(spec).error().code, ErrorCode::NotFound);
        QCOMPARE((*store)->listRuns()->size(), size_t(0)); // nothing half-written
    }

    void statusTransitions_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("resumable");
        QTest::newRow("finished") << int(RunStatus::Finished) << false;
        QTest::newRow("failed") << int(RunStatus::Failed) << true;
        QTest::newRow("cancelled") << int(RunStatus::Cancelled) << true;
        QTest::newRow("interrupted") << int(RunStatus::Interrupted) << true;
    }

    void statusTransitions()
    {
        QFETCH(int, status);
        QFETCH(bool, resumable);
        const RunStatus final = RunStatus(status);
        auto store = RunStore::open(m_path);
        QVERIFY(store);
        RunStore &runs = **store;
        auto id = runs.createRun(sampleSpec());
        QVERIFY(id);
        QCOMPARE(runs.run(*id)->summary.status, RunStatus::Running);
        QCOMPARE(runs.finishRun(*id, RunStatus::Running).error().code, ErrorCode::InvalidArgument);
        QVERIFY(runs.finishRun(*id, final, final == RunStatus::Failed ? "NaN loss" : ""));
        QCOMPARE(runs.run(*id)->summary.status, final);
        // A finished state cannot change again.
        auto again = runs.finishRun(*id, RunStatus::Finished);
        QCOMPARE(again.error().code, ErrorCode::InvalidArgument);
        QVERIFY(again.error().message.find(runStatusName(final)) != std::string::npos);
        QCOMPARE(runs.finishRun(9999, RunStatus::Finished).error().code, ErrorCode::NotFound);

        // Resume needs a usable checkpoint; a finished run never resumes.
        auto dir = runs.runArtifactsDir(*id);
        QVERIFY(dir);
        writeFile(*dir + "/c.ckpt", "weights");
        QVERIFY(runs.recordCheckpoint(*id, 1, 10, *dir + "/c.ckpt"));
        QVERIFY(runs.flush());
        auto resumed = runs.resumeRun(*id);
        QCOMPARE(bool(resumed), resumable);
        if (resumable) {
            QCOMPARE(runs.run(*id)->summary.status, RunStatus::Running);
            QVERIFY(runs.run(*id)->summary.error.empty());
            QVERIFY(runs.finishRun(*id, RunStatus::Finished));
        } else {
            QCOMPARE(resumed.error().code, ErrorCode::InvalidArgument);
        }
        QCOMPARE(runs.run(*id)->summary.status, RunStatus::Finished);
        QCOMPARE(parseRunStatus(runStatusName(final)).value(), final);
        QVERIFY(!parseRunStatus("paused"));
    }

    void curvesWhileReading()
    {
        auto store = RunStore::open(m_path);
        QVERIFY(store);
        RunStore &runs = **store;
        auto id = runs.createRun(sampleSpec());
        QVERIFY(id);
        constexpr int64_t kPoints = 10000;
        std::atomic<bool> writing{true};
        double appendSeconds = 0;
        QElapsedTimer total;
        total.start();
        std::thread writer([&] {
            QElapsedTimer t;
            t.start();
            for (int64_t step = 1; step <= kPoints; ++step) {
                runs.appendCurvePoint(*id, "train/loss", step, int(step / 1000) + 1,
                                      double(kPoints - step));
                if (step % 500 == 0) // a training loop between batches: commits interleave
                    std::this_thread::sleep_for(std::chrono::milliseconds(10));
            }
            appendSeconds = double(t.nsecsElapsed()) / 1e9;
            writing = false;
        });
        // Reader: every snapshot is a prefix of the final curve, never shrinking.
        size_t seen = 0;
        int reads = 0, partialReads = 0;
        bool ordered = true;
        while (writing || seen < size_t(kPoints)) {
            auto curves = runs.curves(*id, {"train/loss"});
            QVERIFY(curves);
            const auto &points = curves->front().points;
            QVERIFY(points.size() >= seen);
            for (size_t i = 0; i < points.size(); ++i)
                ordered = ordered && points[i].step == int64_t(i) + 1;
            seen = points.size();
            ++reads;
            partialReads += seen > 0 && seen < size_t(kPoints);
            if (!writing && seen < size_t(kPoints))
                QVERIFY(runs.flush());
        }
        writer.join();
        QVERIFY(ordered);
        QVERIFY(runs.flush());
        const double totalSeconds = double(total.nsecsElapsed()) / 1e9;
        auto curves = runs.curves(*id);
        QCOMPARE(curves->size(), size_t(1));
        QCOMPARE(curves->front().points.size(), size_t(kPoints));
        QCOMPARE(curves->front().points.back().value, 0.0);
        auto summary = runs.listRuns()->front();
        QCOMPARE(summary.curves.front().points, kPoints);
        QCOMPARE(summary.curves.front().min, 0.0);
        QCOMPARE(summary.curves.front().max, double(kPoints - 1));
        const auto stats = runs.writer()->stats();
        qInfo("10k points: append %.2f ms in the training thread (20 x 10 ms pauses included), "
              "%.1f ms until committed; %d concurrent reads (%d of a partial curve); %lld writer "
              "jobs in %lld transactions",
              appendSeconds * 1e3, totalSeconds * 1e3, reads, partialReads, (long long)stats.jobs,
              (long long)stats.batches);
        QVERIFY(stats.batches < kPoints / 10); // batched, not a transaction per point
        QVERIFY(runs.finishRun(*id, RunStatus::Finished));
    }

    void asyncFailuresReachFlush()
    {
        auto store = RunStore::open(m_path);
        QVERIFY(store);
        RunStore &runs = **store;
        auto id = runs.createRun(sampleSpec());
        QVERIFY(id);
        runs.appendCurvePoint(4242, "train/loss", 1, 1, 1.0); // no such run
        runs.appendCurvePoint(*id, "train/loss", 1, 1, 1.0);  // fine: not taken down with it
        auto flushed = runs.flush();
        QVERIFY(!flushed);
        QVERIFY2(flushed.error().message.find("run 4242") != std::string::npos,
                 flushed.error().message.c_str());
        QVERIFY(runs.flush()); // reported once
        QCOMPARE(runs.curves(*id)->front().points.size(), size_t(1));
    }

    void writerBatchesIsolatesAndDrains()
    {
        QVERIFY(Project::open(m_path));
        {
            auto writer = store::StoreWriter::open(m_path);
            QVERIFY(writer);
            QVERIFY((*writer)->call<void>([](sqlite::Connection &db) {
                return db.exec("CREATE TABLE t(x INTEGER NOT NULL)");
            }));
            for (int i = 0; i < 1000; ++i)
                (*writer)->post([i](sqlite::Connection &db) -> Status {
                    auto stmt = db.prepare("INSERT INTO t(x) VALUES(?)");
                    RECFORGE_TRY(stmt);
                    stmt->bind(1, i);
                    return stmt->run();
                });
            // A failing job in the middle of a batch is undone alone...
            Status seen;
            bool called = false;
            (*writer)->post(
                [](sqlite::Connection &db) -> Status {
                    RECFORGE_TRY(db.exec("INSERT INTO t(x) VALUES(-1)"));
                    return db.exec("INSERT INTO t(x) VALUES(NULL)"); // NOT NULL
                },
                [&](const Status &s) {
                    seen = s;
                    called = true;
                });
            QVERIFY((*writer)->flush()); // ...and reported to its callback, not to flush()
            QVERIFY(called);
            QVERIFY(!seen);
            QCOMPARE(seen.error().code, ErrorCode::Database);
            QCOMPARE(countRows(m_path, "SELECT count(*) FROM t"), int64_t(1000));
            QCOMPARE(countRows(m_path, "SELECT count(*) FROM t WHERE x = -1"), int64_t(0));
            // A job that throws is a failed job, not a dead writer.
            (*writer)->post([](sqlite::Connection &) -> Status { throw std::runtime_error("x"); });
            QCOMPARE((*writer)->flush().error().code, ErrorCode::Internal);
            // The destructor commits what is still queued.
            for (int i = 0; i < 500; ++i)
                (*writer)->post(
                    [](sqlite::Connection &db) { return db.exec("INSERT INTO t(x) VALUES(-7)"); });
        }
        QCOMPARE(countRows(m_path, "SELECT count(*) FROM t WHERE x = -7"), int64_t(500));
    }

    void oneWriterPerProject()
    {
        auto a = RunStore::open(m_path);
        auto b = RunStore::open(m_path);
        QVERIFY(a && b);
        QCOMPARE((*a)->writer().get(), (*b)->writer().get());
        auto id = (*a)->createRun(sampleSpec());
        (*a)->appendCurvePoint(*id, "lr", 1, 1, 0.1);
        QVERIFY((*a)->flush());
        QCOMPARE((*b)->curves(*id)->front().points.size(), size_t(1)); // b reads a's commit
    }

    void checkpointsAndResume()
    {
        auto store = RunStore::open(m_path);
        QVERIFY(store);
        RunStore &runs = **store;
        auto id = runs.createRun(sampleSpec());
        QVERIFY(id);
        auto dir = runs.runArtifactsDir(*id);
        QVERIFY(dir);
        QCOMPARE(runs.latestCheckpoint(*id)->has_value(), false);
        QCOMPARE(runs.resumableCheckpoint(*id).error().code, ErrorCode::NotFound);

        writeFile(*dir + "/e1.ckpt", "epoch one");
        writeFile(*dir + "/e2.ckpt", "epoch two!");
        auto c1 = runs.recordCheckpoint(*id, 1, 100, *dir + "/e1.ckpt", true);
        QVERIFY(c1);
        QCOMPARE(c1->path, "runs/" + std::to_string(*id) + "/e1.ckpt"); // relative
        QCOMPARE(c1->bytes, int64_t(9));
        QCOMPARE(c1->sha256, Sha256::hex("epoch one"));
        // Relative to the artifacts folder works too.
        QVERIFY(runs.recordCheckpoint(*id, 2, 200, "runs/" + std::to_string(*id) + "/e2.ckpt"));
        // Outside the artifacts folder, or missing: refused at once.
        writeFile(m_dir.filePath("outside.ckpt").toStdString(), "x");
        QCOMPARE(runs.recordCheckpoint(*id, 3, 300, m_dir.filePath("outside.ckpt").toStdString())
                     .error()
                     .code,
                 ErrorCode::InvalidArgument);
        QCOMPARE(runs.recordCheckpoint(*id, 3, 300, *dir + "/../../../outside.ckpt").error().code,
                 ErrorCode::InvalidArgument);
        QCOMPARE(runs.recordCheckpoint(*id, 3, 300, *dir + "/missing.ckpt").error().code,
                 ErrorCode::Io);
        for (int64_t step = 1; step <= 250; ++step)
            runs.appendCurvePoint(*id, "train/loss", step, int(step / 100) + 1, double(step));
        QVERIFY(runs.flush());

        auto latest = runs.latestCheckpoint(*id);
        QVERIFY(latest && latest->has_value());
        QCOMPARE((*latest)->step, int64_t(200));
        auto detail = runs.run(*id);
        QCOMPARE(detail->checkpoints.size(), size_t(2));
        QVERIFY(detail->checkpoints[0].isBest);
        QVERIFY(!detail->checkpoints[1].isBest);

        auto resumable = runs.resumableCheckpoint(*id);
        QVERIFY(resumable);
        QCOMPARE(resumable->checkpoint.step, int64_t(200));
        QVERIFY(resumable->skipped.empty());

        // Tampering with the newest: resume falls back to the older one and says why.
        writeFile(*dir + "/e2.ckpt", "epoch two?");
        resumable = runs.resumableCheckpoint(*id);
        QVERIFY(resumable);
        QCOMPARE(resumable->checkpoint.step, int64_t(100));
        QCOMPARE(resumable->skipped.size(), size_t(1));
        QVERIFY(resumable->skipped[0].message.find("changed") != std::string::npos);

        QVERIFY(runs.finishRun(*id, RunStatus::Interrupted, "test"));
        auto resumed = runs.resumeRun(*id);
        QVERIFY2(resumed, resumed ? "" : resumed.error().toString().c_str());
        QCOMPARE(resumed->checkpoint.step, int64_t(100));
        QVERIFY(QFileInfo::exists(QString::fromStdString(resumed->absolutePath)));
        // Points after the checkpoint are gone (the resumed run logs them again); stats follow.
        auto curve = runs.curves(*id, {"train/loss"});
        QCOMPARE(curve->front().points.size(), size_t(100));
        auto summary = runs.run(*id)->summary;
        QCOMPARE(summary.status, RunStatus::Running);
        QCOMPARE(summary.curves.front().points, int64_t(100));
        QCOMPARE(summary.curves.front().max, 100.0);
        QCOMPARE(summary.curves.front().lastStep, int64_t(100));

        // Every checkpoint unusable: NotFound naming both, and the run is left as it was.
        QFile::remove(QString::fromStdString(*dir + "/e1.ckpt"));
        QVERIFY(runs.finishRun(*id, RunStatus::Cancelled));
        auto none = runs.resumeRun(*id);
        QVERIFY(!none);
        QCOMPARE(none.error().code, ErrorCode::NotFound);
        QVERIFY(none.error().message.find("missing") != std::string::npos);
        QVERIFY(none.error().message.find("changed") != std::string::npos);
        QCOMPARE(runs.run(*id)->summary.status, RunStatus::Cancelled);

        // Delete: rows and folder; a running run is refused.
        QVERIFY(runs.deleteRun(*id));
        QVERIFY(!QFileInfo::exists(QString::fromStdString(*dir)));
        QCOMPARE(runs.run(*id).error().code, ErrorCode::NotFound);
        QCOMPARE(countRows(m_path, "SELECT count(*) FROM curve_point"), int64_t(0));
        auto live = runs.createRun(sampleSpec());
        QCOMPARE(runs.deleteRun(*live).error().code, ErrorCode::InvalidArgument);
    }

    void closingTheStoreInterruptsItsLiveRuns()
    {
        int64_t id = 0;
        {
            auto store = RunStore::open(m_path);
            QVERIFY(store);
            id = (*store)->createRun(sampleSpec()).value_or(0);
            QVERIFY(id > 0);
            (*store)->appendCurvePoint(id, "train/loss", 1, 1, 0.5);
        }
        auto store = RunStore::open(m_path);
        auto run = (*store)->run(id);
        QCOMPARE(run->summary.status, RunStatus::Interrupted);
        QCOMPARE(run->summary.curves.front().points, int64_t(1)); // queued point not lost
    }

    void deadAndStaleOwnersAreInterrupted()
    {
        {
            auto store = RunStore::open(m_path);
            QVERIFY(store);
            auto ids = std::vector<int64_t>();
            for (int i = 0; i < 4; ++i)
                ids.push_back((*store)->createRun(sampleSpec()).value_or(0));
            QVERIFY((*store)->flush());
            auto db = sqlite::Connection::open(m_path, SQLITE_OPEN_READWRITE);
            QVERIFY(db);
            const int64_t now = QDateTime::currentMSecsSinceEpoch();
            auto fake = [&](int64_t id, const char *host, int64_t pid, int64_t heartbeat) {
                auto stmt = (*db)->prepare("UPDATE run SET owner_host = ?, owner_pid = ?,"
                                           " owner_start = 0, heartbeat_ms = ? WHERE id = ?");
                QVERIFY(stmt);
                QVERIFY(stmt->bind(1, host).bind(2, pid).bind(3, heartbeat).bind(4, id).run());
            };
            const std::string self = store::currentProcess().host;
            fake(ids[0], "another-host", 1, now - 3600 * 1000); // remote, silent for an hour
            fake(ids[1], "another-host", 1, now);               // remote, alive
            fake(ids[2], self.c_str(), 0x3ffffff0, now);        // local pid that does not exist
            // ids[3]: this very process, alive.
            auto marked = (*store)->markInterruptedRuns();
            QVERIFY(marked);
            QCOMPARE(*marked, (std::vector<int64_t>{ids[0], ids[2]}));
            QCOMPARE((*store)->run(ids[1])->summary.status, RunStatus::Running);
            QCOMPARE((*store)->run(ids[3])->summary.status, RunStatus::Running);
            auto interrupted = (*store)->run(ids[2])->summary;
            QVERIFY(interrupted.error.find("is gone") != std::string::npos);
            QVERIFY(!interrupted.finishedAt.empty());
            QVERIFY((*store)->finishRun(ids[3], RunStatus::Finished));
            // ids[1] stays running (owned by a live remote process) when this store closes.
        }
    }

    void killedProcessRunIsInterruptedAndResumable()
    {
        QVERIFY(Project::open(m_path)); // created and migrated before the child races for it
        QProcess child;
        child.setProgram(QCoreApplication::applicationFilePath());
        child.setArguments({"--child-run", QString::fromStdString(m_path)});
        child.setProcessChannelMode(QProcess::SeparateChannels);
        child.start();
        QVERIFY(child.waitForStarted(10000));
        const qint64 childPid = child.processId();
        int64_t run = 0, flushedStep = 0;
        QElapsedTimer timer;
        timer.start();
        while (flushedStep < 2000 && timer.elapsed() < 60000) {
            if (!child.canReadLine() && !child.waitForReadyRead(10000))
                break;
            while (child.canReadLine()) {
                const QString line = QString::fromUtf8(child.readLine()).trimmed();
                if (line.startsWith("RUN "))
                    run = line.mid(4).toLongLong();
                else if (line.startsWith("FLUSHED "))
                    flushedStep = line.mid(8).toLongLong();
            }
        }
        QVERIFY2(run > 0 && flushedStep >= 2000, qPrintable(child.readAllStandardError()));
        child.kill(); // SIGKILL: no destructor, no flush, maybe mid-transaction
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        auto store = RunStore::open(m_path); // marks the dead child's run
        QVERIFY2(store, store ? "" : store.error().toString().c_str());
        RunStore &runs = **store;
        auto summary = runs.run(run)->summary;
        QCOMPARE(summary.status, RunStatus::Interrupted);
        QCOMPARE(summary.ownerPid, int64_t(childPid));
        QVERIFY(summary.error.find("is gone") != std::string::npos);
        // Every point that a returned flush() covered is there, in order, without gaps.
        auto curve = runs.curves(run, {"train/loss"});
        const auto &points = curve->front().points;
        QVERIFY2(
            int64_t(points.size()) >= flushedStep,
            qPrintable(QString("%1 points, flushed up to %2").arg(points.size()).arg(flushedStep)));
        for (size_t i = 0; i < points.size(); ++i)
            QCOMPARE(points[i].step, int64_t(i) + 1);
        QCOMPARE(summary.curves.front().points, int64_t(points.size()));

        auto resumable = runs.resumableCheckpoint(run);
        QVERIFY2(resumable, resumable ? "" : resumable.error().toString().c_str());
        QCOMPARE(resumable->checkpoint.step, int64_t(100));
        QVERIFY(resumable->checkpoint.isBest);
        auto resumed = runs.resumeRun(run);
        QVERIFY(resumed);
        QCOMPARE(runs.run(run)->summary.ownerPid, int64_t(QCoreApplication::applicationPid()));
        QCOMPARE(runs.curves(run)->front().points.size(), size_t(100));
        QVERIFY(runs.finishRun(run, RunStatus::Finished));
        auto events = runs.events(run);
        bool sawInterrupt = false, sawResume = false;
        for (const RunEvent &e : *events) {
            sawInterrupt = sawInterrupt || e.message.find("interrupted") == 0;
            sawResume = sawResume || e.message.find("resumed from checkpoint") == 0;
        }
        QVERIFY(sawInterrupt && sawResume);
    }

private:
    QTemporaryDir m_dir;
    std::string m_path;
    int m_counter = 0;
};

int main(int argc, char **argv)
{
    if (argc >= 3 && std::strcmp(argv[1], "--child-run") == 0)
        return childRun(argv[2]);
    QCoreApplication app(argc, argv);
    TestRunStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_runstore.moc"
