// recforge-cli export / recommend: a trained run exports to a folder whose config lists the
// files; recommend re-opens the folder (and the bare .ckpt) and scores a histories file, reporting
// unknown ids with line numbers; bad options fail with the offending option named.
#include <QDir>
#include <QFile>
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

class TestExportCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_project = m_dir.filePath("shop.recforge");
        QString out, err;
        QCOMPARE(runCli({"demo-data", "--project", m_project, "--users", "150", "--items", "80",
                         "--events", "4000", "--quiet"},
                        &out, &err),
                 0);
        const QString config = m_dir.filePath("run.json");
        writeFile(config, R"({"model": "sasrec",
                               "params": {"hiddenSize": 16, "layers": 1, "heads": 2, "ffnSize": 32,
                                          "maxLength": 20, "epochs": 1, "batchSize": 64},
                               "split": {"kind": "leave-one-out", "seed": 3},
                               "evaluations": [{"candidates": "full", "ks": [10]}]})");
        QCOMPARE(runCli({"train", "--project", m_project, "--config", config, "--json", "--quiet"},
                        &out, &err),
                 0);
        m_run = parseJson(out)["run"].toInt();
        QVERIFY2(m_run > 0, qPrintable(out + err));
    }

    void exportWritesFolder()
    {
        QString out, err;
        const QString dir = m_dir.filePath("export");
        QCOMPARE(runCli({"export", "--project", m_project, "--run", QString::number(m_run), "--out",
                         dir, "--k", "5", "--report", "--json", "--quiet"},
                        &out, &err),
                 0);
        const QJsonObject j = parseJson(out);
        QVERIFY2(j["ok"].toBool(), qPrintable(out + err));
        QStringList names;
        for (const QJsonValue &f : j["files"].toArray()) {
            names << f.toObject()["name"].toString();
            QVERIFY(f.toObject()["bytes"].toInteger() > 0);
        }
        for (const char *name :
             {"config.json", "model.safetensors", "model.pt", "model.ckpt", "items.npy",
              "users.csv", "topk.csv", "item_ids.txt", "report.html"}) {
            QVERIFY2(names.contains(name), name);
            QVERIFY2(QFile::exists(dir + "/" + name), name);
        }
        QFile config(dir + "/config.json");
        QVERIFY(config.open(QIODevice::ReadOnly));
        const QJsonObject c = QJsonDocument::fromJson(config.readAll()).object();
        QCOMPARE(c["model"].toString(), QString("sasrec"));
        QCOMPARE(c["source"].toObject()["run"].toInt(), m_run);
        QCOMPARE(c["topk"].toObject()["k"].toInt(), 5);
        QFile report(dir + "/report.html");
        QVERIFY(report.open(QIODevice::ReadOnly));
        const QString html = QString::fromUtf8(report.readAll());
        QVERIFY(html.contains("<polyline"));    // the loss curve
        QVERIFY(html.contains("full ranking")); // metrics carry their protocol label
        m_export = dir;
    }

    void recommendFromExport_data()
    {
        QTest::addColumn<bool>("bareCheckpoint");
        QTest::newRow("export folder") << false;
        QTest::newRow("model.ckpt") << true;
    }
    void recommendFromExport()
    {
        QFETCH(bool, bareCheckpoint);
        QVERIFY(!m_export.isEmpty());
        // Two users of known items (the demo shop's ids from item_ids.txt) and an unknown id.
        QFile ids(m_export + "/item_ids.txt");
        QVERIFY(ids.open(QIODevice::ReadOnly));
        const QStringList items = QString::fromUtf8(ids.readAll()).split('\n', Qt::SkipEmptyParts);
        QVERIFY(items.size() >= 5);
        const QString histories = m_dir.filePath("histories.txt");
        writeFile(histories, QString("alice %1 %2 %3\n\nbob %4 no-such-item %5\n")
                                 .arg(items[0], items[1], items[2], items[3], items[4])
                                 .toUtf8());
        const QString model = bareCheckpoint ? m_export + "/model.ckpt" : m_export;
        const QString csv = m_dir.filePath("recs.csv");
        QString out, err;
        QCOMPARE(runCli({"recommend", "--model", model, "--histories", histories, "--k", "4",
                         "--out", csv, "--json", "--quiet"},
                        &out, &err),
                 0);
        const QJsonObject j = parseJson(out);
        QVERIFY2(j["ok"].toBool(), qPrintable(out + err));
        const QJsonArray users = j["users"].toArray();
        QCOMPARE(users.size(), 2);
        QCOMPARE(users[0].toObject()["user"].toString(), QString("alice"));
        const QJsonArray recs = users[0].toObject()["items"].toArray();
        QCOMPARE(recs.size(), 4);
        for (const QJsonValue &r : recs) {
            QVERIFY(items.contains(r.toObject()["item"].toString()));
            QVERIFY(!items.mid(0, 3).contains(r.toObject()["item"].toString())); // history masked
        }
        const QJsonArray warnings = j["warnings"].toArray();
        QCOMPARE(warnings.size(), 1);
        QCOMPARE(warnings[0].toObject()["line"].toInt(), 3);
        QVERIFY(warnings[0].toObject()["message"].toString().contains("no-such-item"));
        QVERIFY2(err.contains(":3:") && err.contains("no-such-item"), qPrintable(err));
        QFile written(csv);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QStringList lines =
            QString::fromUtf8(written.readAll()).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + 2 * 4);
        QCOMPARE(lines[0], QString("user_id,rank,item_id,score"));
        QVERIFY(lines[1].startsWith("alice,1,"));
    }

    void badOptionsNameTheProblem_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown format")
            << QStringList{"export", "--run", "1", "--out", "x", "--formats", "onnx"} << "onnx";
        QTest::newRow("no such run")
            << QStringList{"export", "--run", "999", "--out", "x"} << "999";
        QTest::newRow("missing histories")
            << QStringList{"recommend", "--model", "EXPORT", "--histories", "/nonexistent.txt"}
            << "nonexistent";
        QTest::newRow("not an export")
            << QStringList{"recommend", "--model", "/tmp", "--histories", "/nonexistent.txt"}
            << "config.json";
    }
    void badOptionsNameTheProblem()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        if (args[0] == "export")
            args << "--project" << m_project;
        args.replaceInStrings("EXPORT", m_export);
        QString out, err;
        const int code = runCli(args << "--quiet", &out, &err);
        QVERIFY2(code != 0, qPrintable(out));
        QVERIFY2(err.contains(mentions), qPrintable(err));
    }

private:
    QTemporaryDir m_dir;
    QString m_project, m_export;
    int m_run = 0;
};

QTEST_GUILESS_MAIN(TestExportCli)
#include "tst_export_cli.moc"
