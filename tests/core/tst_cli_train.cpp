// recforge-cli train / evaluate / runs on a small demo shop: JSON results carry their protocol,
// runs are recorded in the project, bad configs name the offending key.
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "testsupport.h"

using recforge::test::runCli;

namespace {
QJsonObject parseJson(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

// Highest epoch among the trainer-e<N>.ckpt files under `dir` (0 when none).
int newestCheckpointEpoch(const QString &dir)
{
    int newest = 0;
    for (QDirIterator it(dir, {QStringLiteral("trainer-e*.ckpt")}, QDir::Files,
                         QDirIterator::Subdirectories);
         it.hasNext();) {
        const QString name = QFileInfo(it.next()).fileName();
        newest = std::max(newest, name.mid(9, 4).toInt());
    }
    return newest;
}

double metricValue(const QJsonObject &result, const QString &name)
{
    for (const QJsonValue &v : result["metrics"].toArray())
        if (v.toObject()["name"].toString() == name && v.toObject()["group"].toString() == "all")
            return v.toObject()["value"].toDouble();
    return -1;
}

void writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
}
} // namespace

class TestCliTrain : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_project = m_dir.filePath("shop.recforge");
        QString out, err;
        QCOMPARE(runCli({"demo-data", "--project", m_project, "--users", "400", "--items", "200",
                         "--events", "20000", "--quiet"},
                        &out, &err),
                 0);
    }

    void trainRecordsRunWithProtocolLabels()
    {
        const QString config = m_dir.filePath("run.json");
        writeFile(config, R"({"model": "itemknn", "params": {"k": 50},
                               "split": {"kind": "leave-one-out", "seed": 7},
                               "evaluations": [{"candidates": "full", "ks": [10]},
                                               {"candidates": "uniform", "negatives": 99, "ks": [10]}]})");
        QString out, err;
        QCOMPARE(runCli({"train", "--project", m_project, "--config", config, "--json", "--quiet"},
                        &out, &err),
                 0);
        const QJsonObject j = parseJson(out);
        QVERIFY2(j["ok"].toBool(), qPrintable(out + err));
        const int run = j["run"].toInt();
        QVERIFY(run > 0);
        bool sawFull = false, sawUniform = false;
        for (const QJsonValue &v : j["metrics"].toArray()) {
            const QJsonObject m = v.toObject();
            const QJsonObject protocol = m["protocol"].toObject();
            QVERIFY(!protocol.isEmpty());
            if (m["name"].toString() == "NDCG@10") {
                const double value = m["value"].toDouble();
                QVERIFY(value > 0 && value <= 1);
                sawFull = sawFull || protocol["candidates"].toString() == "full";
                sawUniform = sawUniform || protocol["candidates"].toString() == "uniform";
            }
        }
        QVERIFY(sawFull && sawUniform);

        QCOMPARE(runCli({"runs", "list", "--project", m_project, "--json"}, &out, &err), 0);
        const QJsonArray runs = parseJson(out)["runs"].toArray();
        QVERIFY(!runs.isEmpty());
        QCOMPARE(runs[0].toObject()["status"].toString(), QStringLiteral("finished"));

        QCOMPARE(runCli({"runs", "show", "--project", m_project, "--run", QString::number(run),
                         "--json"},
                        &out, &err),
                 0);
        const QJsonObject shown = parseJson(out)["run"].toObject();
        QCOMPARE(shown["model"].toString(), QStringLiteral("itemknn"));
        QCOMPARE(shown["checkpoints"].toArray().size(), 1);
        QCOMPARE(shown["checkpoints"].toArray()[0].toObject()["sha256"].toString().size(), 64);
        bool labelled = false;
        for (const QJsonValue &v : shown["metrics"].toArray())
            labelled = labelled || v.toObject()["protocol"].toString().contains("uni-99");
        QVERIFY(labelled);

        // Re-evaluate the stored model under another protocol.
        QCOMPARE(runCli({"evaluate", "--project", m_project, "--run", QString::number(run),
                         "--candidates", "popularity", "--negatives", "49", "--ks", "5", "--json",
                         "--quiet"},
                        &out, &err),
                 0);
        const QJsonArray metrics = parseJson(out)["metrics"].toArray();
        QVERIFY(!metrics.isEmpty());
        QCOMPARE(metrics[0].toObject()["protocol"].toObject()["negatives"].toInt(), 49);
    }

    void sameSeedSameMetrics()
    {
        QString out1, out2, err;
        const QStringList args{"train",  "--project", m_project, "--model", "popularity",
                               "--seed", "3",         "--json",  "--quiet"};
        QCOMPARE(runCli(args, &out1, &err), 0);
        QCOMPARE(runCli(args, &out2, &err), 0);
        QCOMPARE(parseJson(out1)["metrics"].toArray(), parseJson(out2)["metrics"].toArray());
    }

    void killedRunResumesFromItsLastCheckpoint()
    {
        // A separate project so the run list holds only these runs.
        const QString project = m_dir.filePath("killed.recforge");
        QCOMPARE(runCli({"demo-data", "--project", project, "--users", "300", "--items", "150",
                         "--events", "12000", "--quiet"}),
                 0);
        const QString config = m_dir.filePath("long.json");
        writeFile(config, R"({"model": "bprmf",
                               "params": {"epochs": 120, "patience": 0, "dimension": 8,
                                          "batchSize": 256},
                               "split": {"kind": "leave-one-out", "seed": 7},
                               "validate_each_epoch": false,
                               "evaluations": [{"candidates": "full", "ks": [10]}]})");
        QProcess cli;
        cli.start(QStringLiteral(RECFORGE_CLI_PATH),
                  {"train", "--project", project, "--config", config, "--quiet", "--json"});
        QVERIFY(cli.waitForStarted());
        // SIGKILL (no clean-up at all) once a few epochs are checkpointed and recorded.
        QTRY_VERIFY_WITH_TIMEOUT(
            newestCheckpointEpoch(m_dir.path()) >= 3 || cli.state() == QProcess::NotRunning, 60000);
        QTest::qWait(300);
        QVERIFY2(cli.state() == QProcess::Running,
                 "training ended before it could be killed: give it more epochs");
        cli.kill();
        QVERIFY(cli.waitForFinished());
        const int killedAt = newestCheckpointEpoch(m_dir.path());

        QString out, err;
        QCOMPARE(runCli({"runs", "list", "--project", project, "--json"}, &out, &err), 0);
        const QJsonArray runs = parseJson(out)["runs"].toArray();
        QCOMPARE(runs.size(), 1);
        const int run = runs[0].toObject()["id"].toInt();
        QCOMPARE(runs[0].toObject()["status"].toString(), QStringLiteral("interrupted"));

        // The rest of 120 epochs: minutes when the machine is shared, hence the longer timeout.
        constexpr int kLongRunMs = 600000;
        QVERIFY2(runCli({"runs", "resume", "--project", project, "--run", QString::number(run),
                         "--json", "--quiet"},
                        &out, &err, kLongRunMs) == 0,
                 qPrintable(out + err));
        const QJsonObject resumed = parseJson(out);
        QVERIFY2(resumed["ok"].toBool(), qPrintable(out + err));
        QCOMPARE(resumed["run"].toInt(), run); // the same run, continued in place
        QCOMPARE(
            runCli({"runs", "show", "--project", project, "--run", QString::number(run), "--json"},
                   &out, &err),
            0);
        const QJsonObject shown = parseJson(out)["run"].toObject();
        QCOMPARE(shown["status"].toString(), QStringLiteral("finished"));
        // The epoch curve was continued, not restarted: one point per epoch, 1..120.
        QVERIFY2(killedAt >= 3 && killedAt < 120, qPrintable(QString::number(killedAt)));
        for (const QJsonValue &c : shown["curves"].toArray())
            if (c.toObject()["series"].toString() == "train/epoch_loss")
                QCOMPARE(c.toObject()["points"].toInt(), 120);

        // Same seed, never interrupted: the same model, so the same metrics.
        QCOMPARE(runCli({"train", "--project", project, "--config", config, "--json", "--quiet"},
                        &out, &err, kLongRunMs),
                 0);
        const QJsonObject straight = parseJson(out);
        const double a = metricValue(resumed, "NDCG@10"), b = metricValue(straight, "NDCG@10");
        QVERIFY(a > 0);
        QVERIFY2(std::abs(a - b) < 1e-9, qPrintable(QStringLiteral("%1 vs %2").arg(a).arg(b)));
        // A finished run does not resume.
        QVERIFY(runCli({"runs", "resume", "--project", project, "--run", QString::number(run),
                        "--quiet"},
                       &out, &err) != 0);
        QVERIFY2(err.contains("finished"), qPrintable(err));
    }

    void badConfigNamesTheKey()
    {
        const QString config = m_dir.filePath("bad.json");
        writeFile(config, R"({"model": "itemknn", "params": {"k": -3}})");
        QString out, err;
        QCOMPARE(
            runCli({"train", "--project", m_project, "--config", config, "--quiet"}, &out, &err),
            2);
        QVERIFY2(err.contains("k"), qPrintable(err));
        writeFile(config, R"({"model": "itemknn", "epochz": 3})");
        QCOMPARE(
            runCli({"train", "--project", m_project, "--config", config, "--quiet"}, &out, &err),
            2);
        QVERIFY2(err.contains("epochz"), qPrintable(err));
        QVERIFY(runCli({"train", "--project", m_project, "--model", "no-such-model", "--quiet"},
                       &out, &err) != 0);
        QVERIFY2(err.contains("no-such-model"), qPrintable(err));
    }

private:
    QTemporaryDir m_dir;
    QString m_project;
};

QTEST_GUILESS_MAIN(TestCliTrain)
#include "tst_cli_train.moc"
