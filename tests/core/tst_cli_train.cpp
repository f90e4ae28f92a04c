// recforge-cli train / evaluate / runs on a small demo shop: JSON results carry their protocol,
// runs are recorded in the project, bad configs name the offending key.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "testsupport.h"

using recforge::test::runCli;

namespace {
QJsonObject parseJson(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
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
