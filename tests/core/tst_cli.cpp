// End-to-end tests of recforge-cli: the data commands (demo-data, import, datasets, stats, split),
// their JSON output, exit codes and error messages.
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
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning().noquote() << "not JSON:" << text;
    return doc.object();
}

void writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
}
} // namespace

class TestCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void versionAndHelp()
    {
        QString out;
        QCOMPARE(runCli({"--version"}, &out), 0);
        QVERIFY(out.startsWith("recforge-cli "));
        QCOMPARE(runCli({"--help"}, &out), 0);
        for (const char *command : {"demo-data", "import", "stats", "split", "datasets"})
            QVERIFY2(out.contains(command), command);
        QString err;
        QCOMPARE(runCli({"no-such-command"}, &out, &err), 2);
        QVERIFY(err.contains("unknown command"));
        QCOMPARE(runCli({"stats", "--bogus"}, &out, &err), 2);
        QVERIFY(err.contains("--bogus"));
    }

    void demoDataStatsSplit()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath("p.recforge");
        QString out, err;
        QCOMPARE(runCli({"demo-data", "--project", project, "--users", "300", "--items", "150",
                         "--events", "12000", "--json", "--quiet"},
                        &out, &err),
                 0);
        QJsonObject j = parseJson(out);
        QVERIFY(j["ok"].toBool());
        const int interactions = j["interactions"].toInt();
        QVERIFY2(qAbs(interactions - 12000) <= 240, qPrintable(out));

        QCOMPARE(runCli({"stats", "--project", project, "--json"}, &out, &err), 0);
        j = parseJson(out);
        QCOMPARE(j["stats"].toObject()["interactions"].toInt(), interactions);

        QCOMPARE(runCli({"split", "--project", project, "--kind", "leave-one-out", "--json"}, &out,
                        &err),
                 0);
        j = parseJson(out);
        const QJsonObject counts = j["split"].toObject()["counts"].toObject();
        QCOMPARE(counts["train"].toInt() + counts["validation"].toInt() + counts["test"].toInt() +
                     counts["support"].toInt() + counts["excluded"].toInt(),
                 interactions);
        QVERIFY(counts["test"].toInt() > 0);

        // Same seed twice => the same name is refused (names are unique per dataset).
        QVERIFY(runCli({"split", "--project", project, "--kind", "leave-one-out"}, &out, &err) !=
                0);

        QCOMPARE(runCli({"datasets", "--project", project, "--json"}, &out, &err), 0);
        j = parseJson(out);
        const QJsonArray datasets = j["datasets"].toArray();
        QCOMPARE(datasets.size(), 1);
        QCOMPARE(datasets[0].toObject()["splits"].toArray().size(), 1);
    }

    void importReportsRejectedRowsAndStopsAtFirstError()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath("p.recforge");
        const QString csv = dir.filePath("log.csv");
        writeFile(csv, "user_id,item_id,timestamp,event\n"
                       "u1,i1,1700000000,view\n"
                       "u1,i2,1700000100,purchase\n"
                       "u2,i1,not-a-time,view\n"
                       "u2,i3,1700000300,click\n");
        QString out, err;
        QCOMPARE(runCli({"import", "--project", project, "--input", csv, "--json", "--quiet"}, &out,
                        &err),
                 0);
        QJsonObject j = parseJson(out);
        const QJsonObject file = j["report"].toObject()["files"].toArray()[0].toObject();
        QCOMPARE(file["read"].toInt(), 4);
        QCOMPARE(file["accepted"].toInt(), 3);
        QCOMPARE(file["rejected"].toInt(), 1);
        const QJsonObject rejected = file["first_rejected"].toArray()[0].toObject();
        QCOMPARE(rejected["line"].toInt(), 4);
        QCOMPARE(rejected["column"].toInt(), 3);

        QCOMPARE(runCli({"datasets", "--project", project, "--json"}, &out, &err), 0);
        const QByteArray before = out.toUtf8();

        // Stop at the first error: exit code 1, the message names file:line:column, and the
        // project is exactly as it was.
        QCOMPARE(runCli({"import", "--project", project, "--input", csv, "--name", "second",
                         "--on-error", "stop", "--quiet"},
                        &out, &err),
                 1);
        QVERIFY2(err.contains("log.csv:4:3"), qPrintable(err));
        QCOMPARE(runCli({"datasets", "--project", project, "--json"}, &out, &err), 0);
        QCOMPARE(out.toUtf8(), before);
    }

    void importWithFiltersAndSplit()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath("p.recforge");
        const QString csv = dir.filePath("log.tsv");
        QByteArray content = "user\titem\ttime\n";
        for (int u = 0; u < 20; ++u)
            for (int k = 0; k < 6; ++k)
                content += QByteArray("u") + QByteArray::number(u) + "\ti" +
                           QByteArray::number((u + k) % 9) + "\t" +
                           QByteArray::number(1700000000 + u * 100 + k) + "\n";
        content += "lonely\ti99\t1700009999\n";
        writeFile(csv, content);
        QString out, err;
        QCOMPARE(runCli({"import", "--project", project, "--input", csv, "--min-user", "2",
                         "--split", "leave-one-out", "--json", "--quiet"},
                        &out, &err),
                 0);
        const QJsonObject j = parseJson(out);
        QCOMPARE(j["users"].toInt(), 20);
        QCOMPARE(j["interactions"].toInt(), 120);
        const QJsonObject counts = j["split"].toObject()["counts"].toObject();
        QCOMPARE(counts["test"].toInt(), 20);
        QCOMPARE(counts["validation"].toInt(), 20);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
