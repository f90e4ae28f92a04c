// The import wizard driven like a user would: file -> preview -> mapping -> events -> filters
// -> run, against a temporary project; checks what ends up stored.

#include <memory>

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include "data/csvwriter.h"
#include "data/rejectedrowsdialog.h"
#include "data/rejectedrowsmodel.h"
#include "import/importpreviewpage.h"
#include "import/importrunpage.h"
#include "import/importwizard.h"
#include "jobs/jobmanager.h"
#include "store/project.h"

using namespace recforge::ui;

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

// 4 users x 5 interactions, 6 items, ISO timestamps, raw events pv/cart/buy.
QByteArray goodCsv()
{
    QByteArray csv = "user_id,item_id,timestamp,event,rating\n";
    const char *events[] = {"pv", "pv", "cart", "pv", "buy"};
    for (int u = 1; u <= 4; ++u)
        for (int k = 0; k < 5; ++k)
            csv += QStringLiteral("u%1,i%2,2024-03-%3 10:00:00,%4,1\n")
                       .arg(u)
                       .arg((u + k) % 6 + 1)
                       .arg(k + 1, 2, 10, QLatin1Char('0'))
                       .arg(QLatin1String(events[k]))
                       .toUtf8();
    return csv;
}

template <typename T> T *child(QWidget *parent, const char *name)
{
    T *widget = parent->findChild<T *>(QLatin1String(name));
    if (!widget)
        qWarning("no child %s", name);
    return widget;
}

} // namespace

class TestImportWizard : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void importsCsvWithSplit();
    void rejectedRowsAreReportedAndExported();
    void stopAtFirstErrorSavesNothing();
    void previewFollowsDelimiterChoice();
    void dropAcceptsLocalFiles();
    void csvQuoting_data();
    void csvQuoting();

private:
    // Walks the wizard from the file page to the run page with default choices.
    void runWizard(ImportWizard &wizard, const QString &path, const QString &name,
                   int errorPolicy = 0);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<recforge::Project> m_project;
    std::unique_ptr<JobManager> m_jobs;
};

void TestImportWizard::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto project = recforge::Project::open(m_dir->filePath("test.recforge").toStdString(), true);
    QVERIFY2(project, project ? "" : project.error().toString().c_str());
    m_project = std::move(*project);
    m_jobs = std::make_unique<JobManager>();
}

void TestImportWizard::cleanup()
{
    m_jobs.reset();
    m_project.reset();
    m_dir.reset();
}

void TestImportWizard::runWizard(ImportWizard &wizard, const QString &path, const QString &name,
                                 int errorPolicy)
{
    wizard.show();
    QCOMPARE(wizard.currentId(), int(ImportWizard::FilePage));
    QVERIFY(!wizard.currentPage()->isComplete()); // no file yet
    child<QLineEdit>(&wizard, "pathEdit")->setText(path);
    QVERIFY(wizard.currentPage()->isComplete());
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ImportWizard::PreviewPage));
    QVERIFY(wizard.currentPage()->isComplete());
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ImportWizard::MappingPage));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ImportWizard::EventsPage));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ImportWizard::FiltersPage));
    child<QLineEdit>(&wizard, "datasetNameEdit")->setText(name);
    child<QComboBox>(&wizard, "errorPolicyCombo")->setCurrentIndex(errorPolicy);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ImportWizard::RunPage));
}

void TestImportWizard::importsCsvWithSplit()
{
    const QString path = m_dir->filePath("shop.csv");
    writeFile(path, goodCsv());
    ImportWizard wizard(m_project, m_jobs.get());
    QSignalSpy imported(&wizard, &ImportWizard::datasetImported);

    wizard.show();
    child<QLineEdit>(&wizard, "pathEdit")->setText(path);
    wizard.next();
    auto *preview = child<QTableWidget>(&wizard, "previewTable");
    QCOMPARE(preview->columnCount(), 5);
    QCOMPARE(preview->rowCount(), 20);
    QVERIFY(child<QCheckBox>(&wizard, "headerCheck")->isChecked());
    wizard.next();
    // The mapping is preselected from the preview's suggestion.
    QCOMPARE(child<QComboBox>(&wizard, "userColumnCombo")->currentData().toString(),
             QStringLiteral("user_id"));
    QCOMPARE(child<QComboBox>(&wizard, "itemColumnCombo")->currentData().toString(),
             QStringLiteral("item_id"));
    QCOMPARE(child<QComboBox>(&wizard, "timeColumnCombo")->currentData().toString(),
             QStringLiteral("timestamp"));
    QCOMPARE(child<QComboBox>(&wizard, "eventColumnCombo")->currentData().toString(),
             QStringLiteral("event"));
    wizard.next();
    // Events page: the three raw events with their built-in kinds.
    auto *events = child<QTableWidget>(&wizard, "eventTable");
    QCOMPARE(events->rowCount(), 3);
    QStringList kinds;
    for (int row = 0; row < events->rowCount(); ++row) {
        auto *combo = qobject_cast<QComboBox *>(events->cellWidget(row, 1));
        QVERIFY(combo);
        kinds << events->item(row, 0)->text() + QLatin1Char('=') + combo->currentData().toString();
    }
    kinds.sort();
    QCOMPARE(kinds, QStringList({QStringLiteral("buy=purchase"), QStringLiteral("cart=cart"),
                                 QStringLiteral("pv=view")}));
    wizard.next();
    child<QLineEdit>(&wizard, "datasetNameEdit")->setText(QStringLiteral("shop"));
    wizard.next();
    auto *run = qobject_cast<ImportRunPage *>(wizard.currentPage());
    QVERIFY(run);
    QTRY_VERIFY_WITH_TIMEOUT(run->succeeded() || !run->errorText().isEmpty(), 20000);
    QVERIFY2(run->succeeded(), qPrintable(run->errorText()));
    QVERIFY(run->isComplete());
    QCOMPARE(imported.count(), 1);
    QVERIFY2(run->summaryText().contains(QStringLiteral("rejected: 0")),
             qPrintable(run->summaryText()));

    auto list = m_project->listDatasets();
    QVERIFY(list);
    QCOMPARE(list->size(), size_t(1));
    const recforge::DatasetSummary &summary = list->front();
    QCOMPARE(summary.id, imported.first().at(0).toLongLong());
    QCOMPARE(summary.name, std::string("shop"));
    QCOMPARE(summary.users, 4);
    QCOMPARE(summary.items, 6);
    QCOMPARE(summary.interactions, int64_t(20));
    // The default split (leave one out) is stored with it: one test row per user.
    auto splits = m_project->listSplits(summary.id);
    QVERIFY(splits);
    QCOMPARE(splits->size(), size_t(1));
    QCOMPARE(splits->front().kind, std::string("leave-one-out"));
    QCOMPARE(splits->front().test, int64_t(4));
    QCOMPARE(splits->front().validation, int64_t(4));
    // Events were mapped: buy -> purchase.
    auto dataset = m_project->loadDataset(summary.id);
    QVERIFY(dataset);
    int purchases = 0;
    for (uint16_t code : dataset->interactions.event)
        purchases += dataset->eventKinds.name(code) == "purchase";
    QCOMPARE(purchases, 4);
    wizard.accept();
}

void TestImportWizard::rejectedRowsAreReportedAndExported()
{
    QByteArray csv = goodCsv();
    csv += "u9,,2024-03-09 10:00:00,pv,1\n"; // missing item
    csv += "u9,i1,not-a-time,pv,1\n";        // bad timestamp
    const QString path = m_dir->filePath("bad.csv");
    writeFile(path, csv);
    ImportWizard wizard(m_project, m_jobs.get());
    runWizard(wizard, path, QStringLiteral("bad"));
    auto *run = qobject_cast<ImportRunPage *>(wizard.currentPage());
    QTRY_VERIFY_WITH_TIMEOUT(run->succeeded() || !run->errorText().isEmpty(), 20000);
    QVERIFY2(run->succeeded(), qPrintable(run->errorText()));
    QCOMPARE(run->rejectedCount(), int64_t(2));
    QVERIFY2(run->summaryText().contains(QStringLiteral("rejected: 2")),
             qPrintable(run->summaryText()));
    QVERIFY(child<QPushButton>(run, "showRejectedButton")->isVisibleTo(run));

    auto id = m_project->findDataset("bad");
    QVERIFY(id);
    auto stored = m_project->rejectedRowCount(*id);
    QVERIFY(stored);
    QCOMPARE(*stored, int64_t(2));

    // The rejected rows dialog lists them with their lines and exports a CSV.
    auto report = m_project->loadImportReport(*id);
    QVERIFY(report);
    RejectedRowsDialog dialog(RejectedRowsDialog::collect(*report), report->totalRejected());
    QCOMPARE(dialog.model()->rowCount(), 2);
    const QString line1 = dialog.model()->index(0, RejectedRowsModel::LineColumn).data().toString();
    const QString line2 = dialog.model()->index(1, RejectedRowsModel::LineColumn).data().toString();
    QCOMPARE(QStringList({line1, line2}), QStringList({"22", "23"}));
    const QString out = m_dir->filePath("rejected.csv");
    QVERIFY(dialog.exportTo(out));
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), 4); // header, 2 rows, empty after the last CRLF
    QVERIFY(lines[0].startsWith("file,line,column,field,reason,text"));
    QVERIFY(lines[1].contains(",22,"));
    // The raw text contains commas, so it is quoted.
    QVERIFY2(lines[1].contains("\"u9,,2024-03-09 10:00:00,pv,1\""), lines[1].constData());
}

void TestImportWizard::stopAtFirstErrorSavesNothing()
{
    QByteArray csv = goodCsv();
    csv.insert(csv.indexOf('\n') + 1, "u1,i1,yesterday-ish,pv,1\n"); // line 2 is bad
    const QString path = m_dir->filePath("stop.csv");
    writeFile(path, csv);
    ImportWizard wizard(m_project, m_jobs.get());
    runWizard(wizard, path, QStringLiteral("stop"), 1);
    auto *run = qobject_cast<ImportRunPage *>(wizard.currentPage());
    QTRY_VERIFY_WITH_TIMEOUT(!run->errorText().isEmpty(), 20000);
    QVERIFY(!run->succeeded());
    QVERIFY(!run->isComplete());
    // The core error names file and line.
    QVERIFY2(run->errorText().contains(QStringLiteral("stop.csv:2")), qPrintable(run->errorText()));
    auto list = m_project->listDatasets();
    QVERIFY(list);
    QVERIFY(list->empty());
}

void TestImportWizard::previewFollowsDelimiterChoice()
{
    const QString path = m_dir->filePath("semi.csv");
    writeFile(path, "user;item;time\nu1;i1;1700000000\nu2;i2;1700000100\nu2;i1;1700000200\n");
    ImportWizard wizard(m_project, m_jobs.get());
    wizard.show();
    child<QLineEdit>(&wizard, "pathEdit")->setText(path);
    wizard.next();
    auto *table = child<QTableWidget>(&wizard, "previewTable");
    QCOMPARE(table->columnCount(), 3); // sniffed ';'
    QCOMPARE(wizard.preview()->delimiter, ';');
    auto *delimiter = child<QComboBox>(&wizard, "delimiterCombo");
    delimiter->setCurrentIndex(1); // comma: everything in one column
    QCOMPARE(table->columnCount(), 1);
    delimiter->setCurrentIndex(3); // semicolon again
    QCOMPARE(table->columnCount(), 3);
    QCOMPARE(table->rowCount(), 3);
    // Header off: the header line becomes a data row.
    child<QCheckBox>(&wizard, "headerCheck")->setChecked(false);
    QCOMPARE(table->rowCount(), 4);
    QVERIFY(!wizard.preview()->hasHeader);
}

void TestImportWizard::dropAcceptsLocalFiles()
{
    const QString path = m_dir->filePath("drop.csv");
    writeFile(path, goodCsv());
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    QCOMPARE(ImportWizard::droppedFile(&mime), path);
    QMimeData remote;
    remote.setUrls({QUrl(QStringLiteral("https://example.com/a.csv"))});
    QVERIFY(ImportWizard::droppedFile(&remote).isEmpty());
    QMimeData missing;
    missing.setUrls({QUrl::fromLocalFile(m_dir->filePath("nope.csv"))});
    QVERIFY(ImportWizard::droppedFile(&missing).isEmpty());

    ImportWizard wizard(m_project, m_jobs.get());
    wizard.setFilePath(path);
    QCOMPARE(child<QLineEdit>(&wizard, "pathEdit")->text(), path);
}

void TestImportWizard::csvQuoting_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("quoted");
    QTest::newRow("plain") << "abc"
                           << "abc";
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("comma") << "a,b"
                           << "\"a,b\"";
    QTest::newRow("quote") << "say \"hi\""
                           << "\"say \"\"hi\"\"\"";
    QTest::newRow("newline") << "a\nb"
                             << "\"a\nb\"";
    QTest::newRow("leading space") << " a"
                                   << "\" a\"";
    QTest::newRow("chinese") << "商品"
                             << "商品";
}

void TestImportWizard::csvQuoting()
{
    QFETCH(QString, field);
    QFETCH(QString, quoted);
    QCOMPARE(CsvWriter::quote(field), quoted);
}

QTEST_MAIN(TestImportWizard)
#include "tst_importwizard.moc"
