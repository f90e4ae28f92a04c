// The Data workspace over a stored dataset: the open job fills cards, charts and the tables;
// search filters; the main window's demo-shop flow; splits.

#include <memory>

#include <QListWidget>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include "charts/qcp.h"
#include "data/datapanel.h"
#include "data/datasetoverview.h"
#include "data/generator.h"
#include "data/interactionstablemodel.h"
#include "data/itemstablemodel.h"
#include "data/searchproxymodel.h"
#include "data/splitspanel.h"
#include "data/statcard.h"
#include "data/tablebrowser.h"
#include "issuesdock.h"
#include "jobs/jobmanager.h"
#include "jobs/splitjob.h"
#include "mainwindow.h"
#include "store/project.h"

using namespace recforge::ui;

namespace {
recforge::ShopParams smallShop()
{
    recforge::ShopParams params;
    params.users = 150;
    params.items = 80;
    params.events = 4000;
    params.name = "tiny-shop";
    return params;
}
} // namespace

class TestDataWorkspace : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void overviewAndTables();
    void newSplitIsListed();
    void mainWindowDemoFlow();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<recforge::Project> m_project;
    std::shared_ptr<const recforge::Dataset> m_dataset;
    int64_t m_id = 0;
};

void TestDataWorkspace::initTestCase()
{
    // Keep the test's settings and demo project away from the user's.
    static QTemporaryDir home;
    qputenv("XDG_CONFIG_HOME", home.filePath("config").toUtf8());
    qputenv("XDG_DATA_HOME", home.filePath("data").toUtf8());
    QCoreApplication::setOrganizationName(QStringLiteral("RecForgeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_dataworkspace"));
}

void TestDataWorkspace::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto project = recforge::Project::open(m_dir->filePath("p.recforge").toStdString(), true);
    QVERIFY(project);
    m_project = std::move(*project);
    recforge::NullObserver observer;
    auto dataset = recforge::generateShop(smallShop(), observer);
    QVERIFY2(dataset, dataset ? "" : dataset.error().toString().c_str());
    auto id = m_project->saveDataset(*dataset, {}, "generator");
    QVERIFY(id);
    m_id = *id;
    m_dataset = std::make_shared<const recforge::Dataset>(std::move(*dataset));
}

void TestDataWorkspace::cleanup()
{
    m_project.reset();
    m_dataset.reset();
    m_dir.reset();
}

void TestDataWorkspace::overviewAndTables()
{
    JobManager jobs;
    DataPanel panel(&jobs);
    QSignalSpy loaded(&panel, &DataPanel::datasetLoaded);
    panel.resize(1200, 800);
    panel.show();
    panel.setProject(m_project);
    QCOMPARE(panel.datasetList()->count(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
    QCOMPARE(panel.currentDatasetId(), m_id);

    // Cards show the dataset's numbers.
    const QLocale locale;
    DatasetOverview *overview = panel.overview();
    QCOMPARE(overview->card(DatasetOverview::UsersCard)->value(),
             locale.toString(m_dataset->userCount()));
    QCOMPARE(overview->card(DatasetOverview::InteractionsCard)->value(),
             locale.toString(qlonglong(m_dataset->interactions.size())));
    QVERIFY(overview->card(DatasetOverview::TimeCard)->value().startsWith(QStringLiteral("2024-")));
    // Every chart has something drawn.
    QCOMPARE(overview->chart(DatasetOverview::UserPlot)->graphCount(), 1);
    QVERIFY(overview->chart(DatasetOverview::UserPlot)->graph(0)->dataCount() > 2);
    QCOMPARE(overview->chart(DatasetOverview::PopularityPlot)->graphCount(), 1);
    QVERIFY(overview->chart(DatasetOverview::FunnelPlot)->plottableCount() >= 4);
    QCOMPARE(overview->chart(DatasetOverview::ActivityPlot)->graphCount(), 1);
    QVERIFY(overview->chart(DatasetOverview::ActivityPlot)->graph(0)->dataCount() > 30);
    QCOMPARE(overview->chart(DatasetOverview::CategoryPlot)->plottableCount(), 1);

    // Tables are views over the dataset, row for row.
    TableBrowser *interactions = panel.interactionsBrowser();
    QCOMPARE(interactions->model()->rowCount(), int(m_dataset->interactions.size()));
    const QModelIndex first = interactions->model()->index(0, InteractionsTableModel::UserColumn);
    QCOMPARE(first.data().toString(),
             QString::fromStdString(m_dataset->users.id(m_dataset->interactions.user[0])));
    TableBrowser *items = panel.itemsBrowser();
    QCOMPARE(items->model()->rowCount(), m_dataset->itemCount());
    QCOMPARE(items->model()->index(3, ItemsTableModel::TitleColumn).data().toString(),
             QString::fromStdString(m_dataset->itemInfo[3].title));
    QCOMPARE(panel.usersBrowser()->model()->rowCount(), m_dataset->userCount());
    QVERIFY(panel.usersBrowser()->model()->columnCount() > 1); // attribute columns

    // Search by an item id keeps only rows that mention it.
    const QString needle = QString::fromStdString(m_dataset->items.id(7));
    items->setSearchText(needle);
    QVERIFY(items->proxy()->rowCount() >= 1);
    QVERIFY(items->proxy()->rowCount() < m_dataset->itemCount());
    for (int row = 0; row < items->proxy()->rowCount(); ++row) {
        bool found = false;
        for (int column = 0; column < items->proxy()->columnCount(); ++column)
            found |= items->proxy()
                         ->index(row, column)
                         .data()
                         .toString()
                         .contains(needle, Qt::CaseInsensitive);
        QVERIFY(found);
    }
    items->setSearchText(QString());
    QCOMPARE(items->proxy()->rowCount(), m_dataset->itemCount());
    items->setSearchText(QStringLiteral("no such thing at all"));
    QCOMPARE(items->proxy()->rowCount(), 0);

    // Sorting by time uses the numeric sort role.
    interactions->view()->sortByColumn(InteractionsTableModel::TimeColumn, Qt::DescendingOrder);
    const QString newest =
        interactions->proxy()->index(0, InteractionsTableModel::TimeColumn).data().toString();
    const QString oldest =
        interactions->proxy()
            ->index(interactions->proxy()->rowCount() - 1, InteractionsTableModel::TimeColumn)
            .data()
            .toString();
    QVERIFY2(newest > oldest, qPrintable(newest + " vs " + oldest));
}

void TestDataWorkspace::newSplitIsListed()
{
    JobManager jobs;
    DataPanel panel(&jobs);
    QSignalSpy loaded(&panel, &DataPanel::datasetLoaded);
    panel.setProject(m_project);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
    QCOMPARE(panel.splitsPanel()->table()->rowCount(), 0);

    recforge::SplitParams params;
    params.kind = recforge::SplitKind::RandomRatio;
    params.name = "random-10";
    auto *job = new SplitJob(m_project, m_id, panel.currentDataset(), params);
    QSignalSpy done(job, &Job::succeeded);
    jobs.start(job, false);
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 20000);
    QVERIFY(job->counts().test > 0);
    panel.splitsPanel()->refresh();
    QTableWidget *table = panel.splitsPanel()->table();
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("random-10"));
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("random"));
}

void TestDataWorkspace::mainWindowDemoFlow()
{
    MainWindow window;
    const QString path = m_dir->filePath("demo/demo.recforge");
    QString error;
    QVERIFY2(window.openProject(path, true, &error), qPrintable(error));
    QVERIFY(window.windowTitle().contains(QStringLiteral("demo.recforge")));
    QCOMPARE(window.dataPanel()->datasetCount(), 0);
    window.generateDemoShop(smallShop());
    QTRY_COMPARE_WITH_TIMEOUT(window.dataPanel()->datasetCount(), 1, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(window.dataPanel()->currentDataset() != nullptr, 20000);
    QVERIFY(!window.ensureDemoDataset()); // it has a dataset now
    QVERIFY(window.issues()->count() >= 1);
    QVERIFY(window.issues()->issueText(0).contains(QStringLiteral("tiny-shop")));

    // Opening a file that is not a project fails without replacing the open one.
    const QString bogus = m_dir->filePath("bogus.recforge");
    QFile file(bogus);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("this is not sqlite");
    file.close();
    QVERIFY(!window.openProject(bogus, false, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(window.projectPath().endsWith(QStringLiteral("demo.recforge")));

    // Closing while a generation runs stops and joins it (after the panels' own listing jobs of
    // the opened project have ended).
    QTRY_COMPARE_WITH_TIMEOUT(window.jobs()->activeCount(), 0, 10000);
    recforge::ShopParams big = smallShop();
    big.events = 3'000'000;
    big.users = 50'000;
    window.generateDemoShop(big);
    QCOMPARE(window.jobs()->activeCount(), 1);
    QElapsedTimer timer;
    timer.start();
    window.close();
    QCOMPARE(window.jobs()->activeJobs().size(), 1); // outcome not delivered yet, but joined
    QVERIFY(timer.elapsed() < 10000);
}

QTEST_MAIN(TestDataWorkspace)
#include "tst_dataworkspace.moc"
