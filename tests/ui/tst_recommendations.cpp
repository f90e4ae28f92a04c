// The Recommendations workspace end to end in the main window: generate a small demo shop, train
// two quick models through the Training queue, then open a user and find K titled rows with
// explanations; filters; two models side by side with the overlap highlighted; what-if edits
// re-score; the item view and the item map (click opens the item); user sampling. Saves a
// screenshot when RECFORGE_SCREENSHOT is set (a PNG path).

#include <memory>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include "charts/qcp.h"

#include "data/datapanel.h"
#include "data/generator.h"
#include "jobs/jobmanager.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "recommend/historymodel.h"
#include "recommend/itemmapview.h"
#include "recommend/itemview.h"
#include "recommend/profileview.h"
#include "recommend/recommendationsmodel.h"
#include "recommend/recommendationspanel.h"
#include "training/trainingpanel.h"

using namespace recforge::ui;
using Panel = RecommendationsPanel;

namespace {

recforge::TrainRunConfig quickConfig(const std::string &model, nlohmann::json params)
{
    recforge::TrainRunConfig config;
    config.model = model;
    config.params = std::move(params);
    config.runtime.threads = 1;
    config.validationUsers = 50;
    config.evaluations = {recforge::EvalSpec{recforge::Candidates::Full, 99, {10}}};
    config.runName = model + " quick";
    return config;
}

QString cell(QTableView *view, int row, int column, int role = Qt::DisplayRole)
{
    return view->model()->index(row, column).data(role).toString();
}

} // namespace

class TestRecommendations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void openUserShowsKTitledRows();
    void filtersNarrowTheList();
    void sideBySideHighlightsOverlap();
    void whatIfRescores();
    void itemViewAndMap();
    void whatIfFoldsInEmbeddingModels();
    void sampleUsers();
    void screenshot();
    void cleanupTestCase();

private:
    // Waits until no job runs and the queued outcomes are delivered.
    void settle();
    qint64 runIdOf(const std::string &model) const;

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    Panel *m_panel = nullptr;
    QString m_user;
};

void TestRecommendations::settle()
{
    QTRY_COMPARE_WITH_TIMEOUT(m_window->jobs()->activeCount(), 0, 60000);
    QTest::qWait(30);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->jobs()->activeCount(), 0, 60000);
}

qint64 TestRecommendations::runIdOf(const std::string &model) const
{
    for (const recforge::TrainedRun &run : m_panel->runs())
        if (run.model == model)
            return run.runId;
    return 0;
}

void TestRecommendations::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("RecForgeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_recommendations"));
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1500, 950);
    m_window->show();
    QVERIFY(m_window->openProject(m_dir.filePath(QStringLiteral("demo.recforge")), true));
    recforge::ShopParams shop;
    shop.users = 400;
    shop.items = 160;
    shop.events = 12000;
    m_window->generateDemoShop(shop);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->dataPanel()->datasetCount() > 0, 60000);
    settle();

    m_panel = m_window->recommendationsPanel();
    QSignalSpy loaded(m_panel, &Panel::modelLoaded);
    QSignalSpy ended(m_window->trainingPanel(), &TrainingPanel::runEnded);
    m_window->trainingPanel()->enqueue(quickConfig("itemknn", {{"k", 50}}));
    m_window->trainingPanel()->enqueue(quickConfig("userknn", {{"k", 50}}));
    m_window->trainingPanel()->enqueue(quickConfig("bprmf", {{"epochs", 3}, {"dimension", 16}}));
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 3, 240000);
    // The panel lists runs after each training run; model A loads the newest on its own.
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->runs().size() == 3, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 30000);
    settle();
    QVERIFY(runIdOf("itemknn") > 0 && runIdOf("bprmf") > 0);
    // Model A: item-KNN (explanations by co-occurrence).
    m_panel->selectRun(Panel::SlotA, runIdOf("itemknn"));
    settle();
    QCOMPARE(m_panel->loadedModel(Panel::SlotA)->run.model, std::string("itemknn"));
    QCOMPARE(m_panel->modelCombo(Panel::SlotA)->currentData().toLongLong(), runIdOf("itemknn"));
    m_window->showWorkspace(MainWindow::RecommendationsWorkspace);
}

void TestRecommendations::openUserShowsKTitledRows()
{
    auto model = m_panel->loadedModel(Panel::SlotA);
    QVERIFY(model);
    // A heavy user by id: long history, surely scored.
    auto heavy = recforge::sampleUsers(*model->dataset, recforge::UserSample::Heavy, 1, 3);
    QVERIFY(heavy);
    m_user = QString::fromStdString(model->dataset->users.id(heavy->front()));
    QSignalSpy updated(m_panel, &Panel::recommendationsUpdated);
    QVERIFY(m_panel->openUser(m_user));
    settle();
    QVERIFY(!updated.isEmpty());
    QCOMPARE(m_panel->currentUser(), heavy->front());

    // History timeline: one row per event, with titles and event kinds.
    QTableView *history = m_panel->historyView();
    QCOMPARE(history->model()->rowCount(), int(m_panel->history().size()));
    QVERIFY(history->model()->rowCount() > 3);
    for (int r = 0; r < history->model()->rowCount(); ++r) {
        QVERIFY(!cell(history, r, HistoryModel::ItemColumn).isEmpty());
        QVERIFY(!cell(history, r, HistoryModel::EventColumn).isEmpty());
    }

    // Top-K: K rows with titles, categories and scores, best first, with explanations.
    const int k = m_panel->kSpin()->value();
    QTableView *top = m_panel->topView(Panel::SlotA);
    QCOMPARE(top->model()->rowCount(), k);
    int explained = 0;
    double previous = std::numeric_limits<double>::infinity();
    for (int r = 0; r < k; ++r) {
        QVERIFY(!cell(top, r, RecommendationsModel::ItemColumn).isEmpty());
        QCOMPARE(cell(top, r, RecommendationsModel::RankColumn), QString::number(r + 1));
        const auto &item = m_panel->recommendations(Panel::SlotA)->result().items[size_t(r)];
        QVERIFY(double(item.score) <= previous);
        previous = double(item.score);
        explained += cell(top, r, RecommendationsModel::BecauseColumn).isEmpty() ? 0 : 1;
        // "every seen item" is excluded by default.
        QVERIFY(std::find(m_panel->history().items.begin(), m_panel->history().items.end(),
                          item.item) == m_panel->history().items.end());
    }
    QVERIFY2(explained == k, qPrintable(QString::number(explained)));
    // The profile shows the user's affinities and nearest users.
    QVERIFY(m_panel->profileView()->summaryLabel()->text().contains(
        QString::number(m_panel->history().size())));
    QVERIFY(m_panel->profileView()->neighbourList()->count() > 0);
    // An unknown id is refused with an issue, and the open user stays.
    QSignalSpy issues(m_panel, &Panel::issueReported);
    QVERIFY(!m_panel->openUser(QStringLiteral("no-such-user")));
    QCOMPARE(issues.count(), 1);
    QCOMPARE(m_panel->currentUser(), heavy->front());
}

void TestRecommendations::filtersNarrowTheList()
{
    auto model = m_panel->loadedModel(Panel::SlotA);
    QComboBox *category = m_panel->categoryCombo();
    QVERIFY(category->count() > 1);
    category->setCurrentIndex(1); // the first top-level category
    const QStringList path = category->currentData().toStringList();
    QCOMPARE(path.size(), 1);
    settle();
    const auto &filtered = m_panel->recommendations(Panel::SlotA)->result();
    QVERIFY(!filtered.items.empty());
    for (const auto &r : filtered.items)
        QCOMPARE(QString::fromStdString(model->dataset->itemInfo[size_t(r.item)].categoryPath[0]),
                 path[0]);
    category->setCurrentIndex(0);
    m_panel->maxPriceSpin()->setValue(50);
    settle();
    for (const auto &r : m_panel->recommendations(Panel::SlotA)->result().items) {
        const auto &info = model->dataset->itemInfo[size_t(r.item)];
        QVERIFY(info.hasPrice() && info.price <= 50);
    }
    m_panel->maxPriceSpin()->setValue(0); // "any"
    m_panel->kSpin()->setValue(5);
    settle();
    QCOMPARE(m_panel->topView(Panel::SlotA)->model()->rowCount(), 5);
    m_panel->kSpin()->setValue(10);
    settle();
}

void TestRecommendations::sideBySideHighlightsOverlap()
{
    QSignalSpy loaded(m_panel, &Panel::modelLoaded);
    m_panel->selectRun(Panel::SlotB, runIdOf("bprmf"));
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 30000);
    settle();
    QCOMPARE(loaded.first().at(0).toInt(), int(Panel::SlotB));
    auto b = m_panel->loadedModel(Panel::SlotB);
    QVERIFY(b);
    QCOMPARE(b->dataset.get(), m_panel->loadedModel(Panel::SlotA)->dataset.get()); // shared
    RecommendationsModel *ma = m_panel->recommendations(Panel::SlotA);
    RecommendationsModel *mb = m_panel->recommendations(Panel::SlotB);
    QCOMPARE(ma->rowCount(), 10);
    QCOMPARE(mb->rowCount(), 10);
    QVERIFY(m_panel->topView(Panel::SlotB)->isVisible());
    const std::vector<int32_t> a = ma->items(), bi = mb->items();
    int shared = 0;
    for (int r = 0; r < 10; ++r) {
        const bool inB = std::find(bi.begin(), bi.end(), a[size_t(r)]) != bi.end();
        QCOMPARE(ma->isShared(r), inB);
        const QVariant background = ma->index(r, 0).data(Qt::BackgroundRole);
        QCOMPARE(background.isValid(), inB);
        if (inB)
            QCOMPARE(background.value<QColor>(), RecommendationsModel::sharedColor());
        shared += inB ? 1 : 0;
        const bool inA = std::find(a.begin(), a.end(), bi[size_t(r)]) != a.end();
        QCOMPARE(mb->isShared(r), inA);
    }
    QVERIFY2(m_panel->overlapLabel()->text().contains(QStringLiteral(": %1 of 10").arg(shared)),
             qPrintable(m_panel->overlapLabel()->text()));
    // Clearing B hides the second list again.
    m_panel->selectRun(Panel::SlotB, 0);
    settle();
    QVERIFY(!m_panel->loadedModel(Panel::SlotB));
    QVERIFY(!m_panel->topView(Panel::SlotB)->isVisible());
    QCOMPARE(mb->rowCount(), 0);
}

void TestRecommendations::whatIfRescores()
{
    QVERIFY(m_panel->openUser(m_user));
    settle();
    const std::vector<int32_t> before = m_panel->recommendations(Panel::SlotA)->items();
    const size_t rows = m_panel->history().size();
    // Keep only a single item of the history (remove every other row).
    QList<int> remove;
    for (int r = 1; r < int(rows); ++r)
        remove << r;
    QVERIFY(m_panel->removeHistoryRows(remove));
    settle();
    QCOMPARE(m_panel->history().size(), size_t(1));
    QCOMPARE(m_panel->historyView()->model()->rowCount(), 1);
    QVERIFY(m_panel->historyEdited());
    const std::vector<int32_t> afterRemove = m_panel->recommendations(Panel::SlotA)->items();
    QVERIFY(afterRemove != before);
    // Every explanation now names the one remaining item.
    const int32_t kept = m_panel->history().items[0];
    for (const auto &r : m_panel->recommendations(Panel::SlotA)->result().items)
        for (const auto &c : r.because)
            QCOMPARE(c.item, kept);
    // Add an item by its catalogue completion text ("title [id]"): it joins the history in
    // italics and the list changes again.
    auto model = m_panel->loadedModel(Panel::SlotA);
    const int32_t added = afterRemove.front();
    const QString completion = QStringLiteral("%1 [%2]").arg(
        itemTitle(*model->dataset, added), QString::fromStdString(model->dataset->items.id(added)));
    QVERIFY(m_panel->addHistoryItem(completion, int(recforge::EventType::Purchase)));
    settle();
    QCOMPARE(m_panel->history().size(), size_t(2));
    QCOMPARE(m_panel->history().items.back(), added);
    QVERIFY(
        m_panel->historyView()->model()->index(1, 0).data(Qt::FontRole).value<QFont>().italic());
    const std::vector<int32_t> afterAdd = m_panel->recommendations(Panel::SlotA)->items();
    QVERIFY(std::find(afterAdd.begin(), afterAdd.end(), added) == afterAdd.end()); // now seen
    QVERIFY(!m_panel->addHistoryItem(QStringLiteral("no such item")));
    // Reset restores the real history and the first list.
    m_panel->resetHistory();
    settle();
    QCOMPARE(m_panel->history().size(), rows);
    QVERIFY(!m_panel->historyEdited());
    QCOMPARE(m_panel->recommendations(Panel::SlotA)->items(), before);
}

void TestRecommendations::itemViewAndMap()
{
    // Item view: details and similar items by item-CF.
    const int32_t first = m_panel->recommendations(Panel::SlotA)->items().front();
    m_panel->openItem(first);
    QCOMPARE(m_panel->tabs()->currentIndex(), int(Panel::ItemTab));
    QCOMPARE(m_panel->itemView()->item(), first);
    auto a = m_panel->loadedModel(Panel::SlotA);
    QVERIFY(m_panel->itemView()->detailsLabel()->text().contains(
        itemTitle(*a->dataset, first).toHtmlEscaped()));
    QVERIFY(m_panel->itemView()->cfTable()->rowCount() > 0);
    QCOMPARE(m_panel->itemView()->embeddingTable()->rowCount(), 0); // item-KNN has no embeddings
    QVERIFY(!m_panel->itemMap()->hasMap());

    // BPR-MF in slot A: embeddings, similar items by embedding, and the map.
    QSignalSpy loaded(m_panel, &Panel::modelLoaded);
    m_panel->selectRun(Panel::SlotA, runIdOf("bprmf"));
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 30000);
    settle();
    const auto userIndex = a->dataset->users.find(m_user.toStdString());
    QVERIFY(userIndex); // needs openUserShowsKTitledRows first
    QCOMPARE(m_panel->currentUser(), *userIndex);
    QVERIFY(m_panel->itemMap()->hasMap());
    m_panel->openItem(first);
    QVERIFY(m_panel->itemView()->embeddingTable()->rowCount() > 0);

    m_panel->tabs()->setCurrentIndex(Panel::ItemMapTab);
    QCustomPlot *plot = m_panel->itemMap()->plot();
    QTRY_VERIFY(plot->isVisible() && plot->width() > 100);
    plot->replot();
    const auto &map = *m_panel->loadedModel(Panel::SlotA)->itemMap;
    QCOMPARE(int(map.x.size()), a->dataset->itemCount());
    const int target = 7;
    QCOMPARE(m_panel->itemMap()->itemAt(map.x[target], map.y[target]), target);
    QSignalSpy clicked(m_panel->itemMap(), &ItemMapView::itemClicked);
    const QPoint at(int(plot->xAxis->coordToPixel(map.x[target])),
                    int(plot->yAxis->coordToPixel(map.y[target])));
    QTest::mouseClick(plot, Qt::LeftButton, Qt::NoModifier, at);
    QTRY_COMPARE(clicked.count(), 1);
    // The clicked point is an item at that spot (overlapping points may pick a neighbour).
    const int picked = clicked.first().at(0).toInt();
    QCOMPARE(m_panel->itemView()->item(), picked);
    QCOMPARE(m_panel->tabs()->currentIndex(), int(Panel::ItemTab));
    QVERIFY(std::hypot(plot->xAxis->coordToPixel(map.x[size_t(picked)]) - at.x(),
                       plot->yAxis->coordToPixel(map.y[size_t(picked)]) - at.y()) <= 9);
}

void TestRecommendations::whatIfFoldsInEmbeddingModels()
{
    // BPR-MF (slot A since itemViewAndMap) keeps a vector per known user: an edited history must
    // be scored as a folded-in user, or removing rows would change nothing with no exclusion.
    QCOMPARE(m_panel->loadedModel(Panel::SlotA)->run.model, std::string("bprmf"));
    QVERIFY(m_panel->openUser(m_user));
    m_panel->excludeCombo()->setCurrentIndex(int(recforge::ExcludeHistory::None));
    settle();
    const auto before = m_panel->recommendations(Panel::SlotA)->result().items;
    QList<int> remove;
    for (int r = 1; r < int(m_panel->history().size()); ++r)
        remove << r;
    QVERIFY(m_panel->removeHistoryRows(remove));
    settle();
    const auto after = m_panel->recommendations(Panel::SlotA)->result().items;
    QCOMPARE(after.size(), before.size());
    bool changed = false;
    for (size_t k = 0; k < after.size(); ++k)
        changed = changed || after[k].item != before[k].item || after[k].score != before[k].score;
    QVERIFY(changed);
    m_panel->resetHistory();
    m_panel->excludeCombo()->setCurrentIndex(int(recforge::ExcludeHistory::Seen));
    settle();
}

void TestRecommendations::sampleUsers()
{
    QVERIFY(m_panel->sampleUser(recforge::UserSample::Heavy));
    settle();
    const int heavy = m_panel->currentUser();
    QVERIFY(heavy >= 0);
    auto model = m_panel->loadedModel(Panel::SlotA);
    const auto heavyUsers = recforge::usersOfKind(*model->dataset, recforge::UserSample::Heavy);
    QVERIFY(std::binary_search(heavyUsers.begin(), heavyUsers.end(), heavy));
    QCOMPARE(m_panel->topView(Panel::SlotA)->model()->rowCount(), 10);
    QVERIFY(m_panel->sampleUser(recforge::UserSample::Random));
    settle();
    QVERIFY(m_panel->currentUser() >= 0);
    QCOMPARE(m_panel->userEdit()->text(),
             QString::fromStdString(model->dataset->users.id(m_panel->currentUser())));
}

void TestRecommendations::screenshot()
{
    // ItemKNN (A) against UserKNN (B) for the heavy user, history tab on the left.
    QSignalSpy loaded(m_panel, &Panel::modelLoaded);
    m_panel->selectRun(Panel::SlotA, runIdOf("itemknn"));
    m_panel->selectRun(Panel::SlotB, runIdOf("userknn"));
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 2, 30000);
    settle();
    QVERIFY(m_panel->openUser(m_user));
    settle();
    m_panel->tabs()->setCurrentIndex(Panel::ProfileTab);
    QTest::qWait(50);
    const QPixmap profile = m_window->grab();
    m_panel->tabs()->setCurrentIndex(Panel::HistoryTab);
    QTest::qWait(50);
    const QPixmap shot = m_window->grab();
    QVERIFY(!shot.isNull() && !profile.isNull());
    const QString path = qEnvironmentVariable("RECFORGE_SCREENSHOT");
    if (!path.isEmpty()) {
        QVERIFY(shot.save(path));
        QVERIFY(profile.save(
            QString(path).replace(QLatin1String(".png"), QLatin1String("-profile.png"))));
        m_panel->tabs()->setCurrentIndex(Panel::ItemMapTab);
        m_panel->selectRun(Panel::SlotA, runIdOf("bprmf"));
        settle();
        m_panel->openItem(m_panel->recommendations(Panel::SlotA)->items().front());
        m_panel->tabs()->setCurrentIndex(Panel::ItemMapTab);
        QTest::qWait(50);
        QVERIFY(m_window->grab().save(
            QString(path).replace(QLatin1String(".png"), QLatin1String("-map.png"))));
        // The same workspace in Simplified Chinese (every string of the panel translated).
        QVERIFY(LanguageManager::apply(QStringLiteral("zh_CN")));
        m_panel->tabs()->setCurrentIndex(Panel::ProfileTab);
        QTest::qWait(50);
        QVERIFY(m_window->grab().save(
            QString(path).replace(QLatin1String(".png"), QLatin1String("-zh.png"))));
        QVERIFY(LanguageManager::apply(QStringLiteral("en")));
    }
}

void TestRecommendations::cleanupTestCase()
{
    m_window->close();
    m_window.reset();
}

QTEST_MAIN(TestRecommendations)
#include "tst_recommendations.moc"
