// core/recommend: user picking, profiles, filters and explanations of top-K lists, item and user
// similarity, list overlap, the PCA item map, what-if re-scoring, and loading a trained run.

#include <QtTest>

#include <QTemporaryDir>

#include "data/generator.h"
#include "experiment/trainrun.h"
#include "models/modelfactory.h"
#include "models/recommender.h"
#include "recommend/itemmap.h"
#include "recommend/recommend.h"
#include "recommend/runmodel.h"
#include "recommend/similarity.h"
#include "recommend/userhistory.h"
#include "recommend/userpicker.h"
#include "recommend/userprofile.h"
#include "store/project.h"
#include "store/runstore.h"
#include "tinydata.h"

using namespace recforge;
using namespace recforge::test;

namespace {

// Scores item i with scores[i] whatever the history: filters are then the only thing that
// decides the list.
class FixedScores final : public Recommender {
public:
    explicit FixedScores(std::vector<float> scores)
        : Recommender("fixed", nlohmann::json::object()), m_scores(std::move(scores))
    {
    }
    Status fit(const TrainingData &, const FitContext &) override { return {}; }
    bool isFitted() const override { return true; }
    int32_t itemCount() const override { return int32_t(m_scores.size()); }
    torch::Tensor scoreItems(const ScoreRequest &request) override
    {
        ++calls;
        lastHistorySize = request.histories.empty() ? 0 : request.histories[0].size();
        return torch::tensor(m_scores).unsqueeze(0).repeat({int64_t(request.size()), 1});
    }
    int64_t parameterCount() const override { return int64_t(m_scores.size()); }
    int calls = 0;
    size_t lastHistorySize = 0;

protected:
    void writeState(torch::serialize::OutputArchive &) const override {}
    Status readState(torch::serialize::InputArchive &) override { return {}; }

private:
    std::vector<float> m_scores;
};

// 10 items: 0-4 "Home / Kitchen" at prices 10..50, 5-7 "Home / Garden" at 60..80, 8 "Toys"
// (no price), 9 "Toys" at 5. Item i is scored i, so the unfiltered list is 9, 8, 7, ...
// User 0: views 2 and 9, buys 7. User 1 views 0.
Dataset catalogueData()
{
    auto [d, split] = tinyData(2, 10,
                               {{0, 2, SplitRole::Train},
                                {0, 9, SplitRole::Train},
                                {0, 7, SplitRole::Train},
                                {1, 0, SplitRole::Train}});
    d.interactions.event = {0, 0, 3, 0};
    const double prices[] = {10, 20, 30, 40, 50, 60, 70, 80, kMissingPrice, 5};
    for (int i = 0; i < 10; ++i) {
        ItemInfo &info = d.itemInfo[size_t(i)];
        info.title = "item " + std::to_string(i);
        info.price = prices[i];
        if (i <= 4)
            info.categoryPath = {"Home", "Kitchen"};
        else if (i <= 7)
            info.categoryPath = {"Home", "Garden"};
        else
            info.categoryPath = {"Toys"};
        info.brand = i % 2 == 0 ? "Acme" : "Zenith";
    }
    return std::move(d);
}

std::vector<int32_t> itemsOf(const RecommendResult &r)
{
    std::vector<int32_t> out;
    for (const RecommendedItem &i : r.items)
        out.push_back(i.item);
    return out;
}

// Items 0 and 1 always appear together (users 0-3), items 2 and 3 together (users 4-6); item 4
// is everyone's. Users 7 and 8 share exactly their items (user twins).
std::pair<Dataset, Split> pairedData()
{
    std::vector<Row> rows;
    for (int u = 0; u <= 3; ++u)
        for (int i : {0, 1, 4})
            rows.push_back({u, i, SplitRole::Train});
    for (int u = 4; u <= 6; ++u)
        for (int i : {2, 3, 4})
            rows.push_back({u, i, SplitRole::Train});
    for (int u : {7, 8})
        for (int i : {0, 3, 5})
            rows.push_back({u, i, SplitRole::Train});
    return tinyData(9, 6, rows);
}

} // namespace

class TestRecommend : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void filters_data();
    void filters();
    void badRequests();
    void explanationsNamePlantedItemByCoOccurrence();
    void explanationsUseEmbeddings();
    void similarItemsOfPlantedPair();
    void nearestUsersFindTwin();
    void overlapOfTwoLists();
    void itemMapOfPlantedStructure();
    void whatIfChangesTheList();
    void historyEdits();
    void userPicker();
    void userProfile();
    void loadTrainedRun();
};

void TestRecommend::filters_data()
{
    QTest::addColumn<QStringList>("category");
    QTest::addColumn<double>("minPrice");
    QTest::addColumn<double>("maxPrice");
    QTest::addColumn<int>("exclude");
    QTest::addColumn<QList<int>>("expected");
    const double open = kMissingPrice;
    using L = QList<int>;
    QTest::newRow("none") << QStringList() << open << open << int(ExcludeHistory::None)
                          << L{9, 8, 7, 6, 5};
    QTest::newRow("exclude seen") << QStringList() << open << open << int(ExcludeHistory::Seen)
                                  << L{8, 6, 5, 4, 3};
    QTest::newRow("exclude bought")
        << QStringList() << open << open << int(ExcludeHistory::Bought) << L{9, 8, 6, 5, 4};
    QTest::newRow("subtree Home") << QStringList{"Home"} << open << open
                                  << int(ExcludeHistory::None) << L{7, 6, 5, 4, 3};
    QTest::newRow("subtree Home/Kitchen, seen") << QStringList{"Home", "Kitchen"} << open << open
                                                << int(ExcludeHistory::Seen) << L{4, 3, 1, 0};
    QTest::newRow("unknown subtree")
        << QStringList{"Home", "Nope"} << open << open << int(ExcludeHistory::None) << L{};
    // A price bound drops item 8 (no price).
    QTest::newRow("price 20..60") << QStringList() << 20.0 << 60.0 << int(ExcludeHistory::None)
                                  << L{5, 4, 3, 2, 1};
    QTest::newRow("max 15") << QStringList() << open << 15.0 << int(ExcludeHistory::None)
                            << L{9, 0};
    QTest::newRow("Toys, min 1") << QStringList{"Toys"} << 1.0 << open << int(ExcludeHistory::None)
                                 << L{9};
}

void TestRecommend::filters()
{
    QFETCH(QStringList, category);
    QFETCH(double, minPrice);
    QFETCH(double, maxPrice);
    QFETCH(int, exclude);
    QFETCH(QList<int>, expected);
    const Dataset d = catalogueData();
    const UserSequences seq = UserSequences::build(d);
    FixedScores model({0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
    RecommendParams params;
    params.k = 5;
    for (const QString &c : category)
        params.filters.category.push_back(c.toStdString());
    params.filters.minPrice = minPrice;
    params.filters.maxPrice = maxPrice;
    params.filters.exclude = ExcludeHistory(exclude);
    auto result = recommend(model, d, UserHistory::ofUser(d, seq, 0), params);
    QVERIFY2(result, result ? "" : result.error().toString().c_str());
    std::vector<int32_t> want(expected.begin(), expected.end());
    QCOMPARE(itemsOf(*result), want);
    for (const RecommendedItem &r : result->items)
        QCOMPARE(r.score, float(r.item));
    QCOMPARE(model.calls, 1); // one scoreItems call per list
}

void TestRecommend::badRequests()
{
    const Dataset d = catalogueData();
    const UserSequences seq = UserSequences::build(d);
    FixedScores model({0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
    RecommendParams params;
    params.k = 0;
    auto zero = recommend(model, d, UserHistory::ofUser(d, seq, 0), params);
    QVERIFY(!zero);
    QCOMPARE(zero.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(zero.error().location.field, std::string("k"));
    FixedScores small({1, 2, 3});
    params.k = 3;
    auto mismatch = recommend(small, d, UserHistory::ofUser(d, seq, 0), params);
    QVERIFY(!mismatch);
    QCOMPARE(mismatch.error().code, ErrorCode::InvalidArgument);
    // An unknown item in an edited history is ignored, not passed to the model.
    UserHistory h = UserHistory::ofUser(d, seq, 1);
    h.add(42, 0, 0);
    auto ok = recommend(model, d, h, params);
    QVERIFY(ok);
    QCOMPARE(model.lastHistorySize, size_t(1));
}

void TestRecommend::explanationsNamePlantedItemByCoOccurrence()
{
    auto [d, split] = pairedData();
    auto data = TrainingData::build(d, split);
    QVERIFY(data);
    auto sim = ItemSimilarity::fromInteractions(InteractionMatrix::build(*data, Feedback::Binary));
    QCOMPARE(sim->kind(), ItemSimilarity::Kind::CoOccurrence);
    // History 3, 1, 5: for item 0 the planted partner 1 comes first, for item 2 it is 3.
    UserHistory h;
    for (int i : {3, 1, 5})
        h.add(i, 0, 0);
    const auto for0 = explain(*sim, h, 0, 3);
    QVERIFY(!for0.empty());
    QCOMPARE(for0.front().item, 1);
    QVERIFY(for0.front().similarity > 0.8f);
    for (size_t k = 1; k < for0.size(); ++k)
        QVERIFY(for0[k].similarity <= for0[k - 1].similarity);
    const auto for2 = explain(*sim, h, 2, 1);
    QCOMPARE(int(for2.size()), 1);
    QCOMPARE(for2.front().item, 3);
    // Through recommend(): every recommended item carries at most explainTop reasons, none of
    // them the item itself.
    FixedScores model({5, 4, 3, 2, 1, 0});
    RecommendParams params;
    params.k = 3;
    params.explainTop = 2;
    auto result = recommend(model, d, h, params, sim.get());
    QVERIFY(result);
    QCOMPARE(itemsOf(*result), (std::vector<int32_t>{0, 2, 4})); // 3, 1, 5 are seen
    QCOMPARE(result->items[0].because.front().item, 1);
    QCOMPARE(result->items[1].because.front().item, 3);
    for (const RecommendedItem &r : result->items) {
        QVERIFY(r.because.size() <= 2);
        for (const Contribution &c : r.because)
            QVERIFY(c.item != r.item);
    }
}

void TestRecommend::explanationsUseEmbeddings()
{
    // Item 0 points the same way as item 2; item 1 is orthogonal, item 3 opposite.
    EmbeddingMatrix e;
    e.rows = 4;
    e.dim = 2;
    e.values = {1, 0, 0, 1, 2, 0.1f, -1, 0};
    auto sim = ItemSimilarity::fromEmbeddings(e);
    QCOMPARE(sim->kind(), ItemSimilarity::Kind::Embeddings);
    QVERIFY(std::abs(sim->similarity(0, 1)) < 1e-6f);
    QVERIFY(sim->similarity(0, 3) < -0.99f);
    UserHistory h;
    for (int i : {1, 3, 2})
        h.add(i, 0, 0);
    const auto because = explain(*sim, h, 0, 3);
    QCOMPARE(int(because.size()), 1); // only positive similarities explain
    QCOMPARE(because.front().item, 2);
}

void TestRecommend::similarItemsOfPlantedPair()
{
    auto [d, split] = pairedData();
    auto data = TrainingData::build(d, split);
    QVERIFY(data);
    auto sim = ItemSimilarity::fromInteractions(InteractionMatrix::build(*data, Feedback::Binary));
    const Scored near0 = sim->mostSimilar(0, 3);
    QVERIFY(!near0.empty());
    QCOMPARE(near0.front().second, 1);
    // 0 and 1 share 4 of their 6 and 4 users: 4 / sqrt(6 * 4).
    QVERIFY(std::abs(near0.front().first - float(4.0 / std::sqrt(24.0))) < 1e-5f);
    QCOMPARE(sim->mostSimilar(2, 1).front().second, 3);
    for (const auto &[s, item] : near0)
        QVERIFY(item != 0 && s > 0);
    // mostSimilar agrees with similarity().
    for (const auto &[s, item] : near0)
        QVERIFY(std::abs(s - sim->similarity(0, item)) < 1e-6f);
    QVERIFY(sim->mostSimilar(99, 3).empty());
}

void TestRecommend::nearestUsersFindTwin()
{
    auto [d, split] = pairedData();
    auto data = TrainingData::build(d, split);
    QVERIFY(data);
    const auto matrix = InteractionMatrix::build(*data, Feedback::Binary);
    const std::vector<int32_t> history{0, 3, 5};
    const Scored near = nearestUsers(matrix, history, 3, 7);
    QVERIFY(!near.empty());
    QCOMPARE(near.front().second, 8);
    QVERIFY(std::abs(near.front().first - 1.0f) < 1e-6f);
    for (const auto &[s, u] : near)
        QVERIFY(u != 7);
    QVERIFY(nearestUsers(matrix, std::vector<int32_t>{}, 3).empty());
}

void TestRecommend::overlapOfTwoLists()
{
    const std::vector<int32_t> a{1, 2, 3, 4}, b{4, 5, 1};
    const ListOverlap o = compareLists(a, b);
    QCOMPARE(o.common, (std::vector<int32_t>{1, 4}));
    QCOMPARE(o.inB, (std::vector<bool>{true, false, false, true}));
    QCOMPARE(o.inA, (std::vector<bool>{true, false, true}));
    QVERIFY(std::abs(o.jaccard - 2.0 / 5.0) < 1e-12);
    QCOMPARE(compareLists({}, {}).jaccard, 0.0);
}

void TestRecommend::itemMapOfPlantedStructure()
{
    // 3-D points on a planted plane: a large spread along u = (1, 1, 0)/sqrt2, a smaller one
    // along v = (0, 0, 1), plus an offset. PCA must recover those coordinates (up to sign fixed
    // by the rule) and explain ~all variance with two directions.
    auto [d, split] = tinyData(1, 40, {{0, 0, SplitRole::Train}});
    EmbeddingMatrix e;
    e.rows = 40;
    e.dim = 3;
    std::vector<double> a(40), b(40);
    const double s = 1.0 / std::sqrt(2.0);
    for (int i = 0; i < 40; ++i) {
        a[size_t(i)] = 10.0 * std::sin(0.7 * i);
        b[size_t(i)] = 2.0 * std::cos(1.3 * i);
        e.values.push_back(float(a[size_t(i)] * s + 5));
        e.values.push_back(float(a[size_t(i)] * s - 3));
        e.values.push_back(float(b[size_t(i)] + 1));
        d.itemInfo[size_t(i)].categoryPath = {i < 30 ? "Big" : "Small"};
    }
    auto map = buildItemMap(e, d);
    QVERIFY2(map, map ? "" : map.error().toString().c_str());
    QCOMPARE(int(map->x.size()), 40);
    QVERIFY(map->explained[0] > map->explained[1]);
    QVERIFY(map->explained[0] + map->explained[1] > 0.999);
    // Correlation with the planted coordinates (sign-free): |r| ~ 1.
    auto corr = [](const std::vector<float> &x, const std::vector<double> &y) {
        double mx = 0, my = 0;
        for (size_t i = 0; i < x.size(); ++i) {
            mx += x[i];
            my += y[i];
        }
        mx /= double(x.size());
        my /= double(y.size());
        double sxy = 0, sxx = 0, syy = 0;
        for (size_t i = 0; i < x.size(); ++i) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / std::sqrt(sxx * syy);
    };
    QVERIFY(std::abs(corr(map->x, a)) > 0.999);
    QVERIFY(std::abs(corr(map->y, b)) > 0.99);
    QCOMPARE(map->categories, (std::vector<std::string>{"Big", "Small"}));
    QCOMPARE(map->category[0], 0);
    QCOMPARE(map->category[35], 1);
    // Deterministic, and too little data is an error.
    auto again = buildItemMap(e, d);
    QCOMPARE(again->x, map->x);
    EmbeddingMatrix one;
    one.rows = 1;
    one.dim = 3;
    one.values = {1, 2, 3};
    QCOMPARE(buildItemMap(one, d).error().code, ErrorCode::InvalidArgument);
}

void TestRecommend::whatIfChangesTheList()
{
    auto [d, split] = pairedData();
    auto data = TrainingData::build(d, split);
    QVERIFY(data);
    auto model = createModel("itemknn", {{"shrink", 0}});
    QVERIFY(model);
    NullObserver quiet;
    QVERIFY((*model)->fit(*data, FitContext(quiet)));
    const UserSequences seq = UserSequences::build(d);
    RecommendParams params;
    params.k = 1;
    UserHistory h;
    h.add(0, 0, 0);
    auto before = recommend(**model, d, h, params);
    QVERIFY(before);
    QCOMPARE(itemsOf(*before), std::vector<int32_t>{1});
    // What if the user had looked at 2 instead of 0?
    QVERIFY(h.remove(0));
    h.add(2, 1, 0);
    auto after = recommend(**model, d, h, params);
    QVERIFY(after);
    QCOMPARE(itemsOf(*after), std::vector<int32_t>{3});
    // A stored user's real history gives the stored answer again.
    auto real = recommend(**model, d, UserHistory::ofUser(d, seq, 4), params);
    QVERIFY(real);
    QCOMPARE(itemsOf(*real), std::vector<int32_t>{0}); // 0 co-occurs with 3 (twins 7, 8)
}

void TestRecommend::historyEdits()
{
    const Dataset d = catalogueData();
    const UserSequences seq = UserSequences::build(d);
    UserHistory h = UserHistory::ofUser(d, seq, 0);
    QCOMPARE(h.items, (std::vector<int32_t>{2, 9, 7}));
    QCOMPARE(h.rows, (std::vector<int64_t>{0, 1, 2}));
    QCOMPARE(h.itemsWithEvent(uint16_t(EventType::Purchase)), std::vector<int32_t>{7});
    QVERIFY(!h.remove(3));
    QVERIFY(h.remove(1));
    QCOMPARE(h.items, (std::vector<int32_t>{2, 7}));
    h.add(5, -100, 1); // earlier than the last row: moved to the end of time
    QCOMPARE(h.timestamps.back(), h.timestamps[1]);
    QCOMPARE(h.rows.back(), int64_t(-1));
    QCOMPARE(h.view().size(), size_t(3));
    QVERIFY(UserHistory::ofUser(d, seq, 99).empty());
}

void TestRecommend::userPicker()
{
    // 20 users: user u has u + 1 interactions, so 1-3 events = users 0-2 and the top decile
    // (>= 90th percentile of 1..20 = 19) is users 18, 19.
    std::vector<Row> rows;
    for (int u = 0; u < 20; ++u)
        for (int k = 0; k <= u; ++k)
            rows.push_back({u, k % 5, u == 5 ? SplitRole::Support : SplitRole::Train});
    auto [d, split] = tinyData(20, 5, rows);
    QCOMPARE(usersOfKind(d, UserSample::Light), (std::vector<int32_t>{0, 1, 2}));
    QCOMPARE(usersOfKind(d, UserSample::Heavy), (std::vector<int32_t>{18, 19}));
    QCOMPARE(usersOfKind(d, UserSample::Random).size(), size_t(20));
    QCOMPARE(usersOfKind(d, UserSample::Cold, &split), std::vector<int32_t>{5});
    QVERIFY(usersOfKind(d, UserSample::Cold).empty());

    auto a = sampleUsers(d, UserSample::Random, 5, 7);
    auto b = sampleUsers(d, UserSample::Random, 5, 7);
    auto c = sampleUsers(d, UserSample::Random, 5, 8);
    QVERIFY(a && b && c);
    QCOMPARE(*a, *b);
    QVERIFY(*a != *c);
    std::vector<int32_t> sorted = *a;
    std::sort(sorted.begin(), sorted.end());
    QVERIFY(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
    auto heavy = sampleUsers(d, UserSample::Heavy, 10, 1);
    QVERIFY(heavy);
    QCOMPARE(heavy->size(), size_t(2));
    auto cold = sampleUsers(d, UserSample::Cold, 1, 1);
    QVERIFY(!cold);
    QCOMPARE(cold.error().code, ErrorCode::Empty);
    QCOMPARE(sampleUsers(d, UserSample::Light, 0, 1).error().code, ErrorCode::InvalidArgument);

    QCOMPARE(*findUser(d, "u7"), 7);
    auto missing = findUser(d, "nobody");
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
    QVERIFY(QString::fromStdString(missing.error().message).contains("nobody"));
    QCOMPARE(*parseUserSample("heavy"), UserSample::Heavy);
    QVERIFY(!parseUserSample("huge"));
}

void TestRecommend::userProfile()
{
    Dataset d = catalogueData();
    // User 0: view 2 (Home, Acme, 30), view 9 (Toys, Zenith, 5), purchase 7 (Home, Zenith, 80),
    // on two days.
    d.interactions.timestamp = {86400 * 10 + 5, 86400 * 10 + 50, 86400 * 12, 0};
    const UserSequences seq = UserSequences::build(d);
    const UserProfile p = buildUserProfile(d, UserHistory::ofUser(d, seq, 0));
    QCOMPARE(p.events, int64_t(3));
    QCOMPARE(p.distinctItems, int64_t(3));
    // Home: 1 (view) + 5 (purchase) = 6; Toys: 1.
    QCOMPARE(int(p.categories.size()), 2);
    QCOMPARE(p.categories[0].name, std::string("Home"));
    QCOMPARE(p.categories[0].weight, 6.0);
    QVERIFY(std::abs(p.categories[0].share - 6.0 / 7.0) < 1e-12);
    // Zenith: 1 + 5, Acme: 1.
    QCOMPARE(p.brands[0].name, std::string("Zenith"));
    QCOMPARE(p.brands[0].weight, 6.0);
    // Bought items decide the price range when there are any.
    QVERIFY(p.price.fromPurchases);
    QCOMPARE(p.price.min, 80.0);
    QCOMPARE(p.price.max, 80.0);
    QCOMPARE(p.perDay.size(), size_t(2));
    QCOMPARE(p.perDay[0], (std::pair<int64_t, int64_t>{86400 * 10, 2}));
    // Day 10 is a Sunday, day 12 a Tuesday: two Monday-based weeks (days 4 and 11).
    QCOMPARE(p.perWeek,
             (std::vector<std::pair<int64_t, int64_t>>{{86400 * 4, 2}, {86400 * 11, 1}}));
    QCOMPARE(p.eventsByKind.front(), (std::pair<std::string, int64_t>{"view", 2}));
    // Without purchases: every item, median of 30, 5 -> 17.5.
    UserHistory views = UserHistory::ofUser(d, seq, 0);
    views.remove(2);
    const UserProfile q = buildUserProfile(d, views);
    QVERIFY(!q.price.fromPurchases);
    QCOMPARE(q.price.median, 17.5);
    QCOMPARE(buildUserProfile(d, UserHistory{}).events, int64_t(0));
    // maxEntries folds the tail into "other".
    ProfileOptions options;
    options.maxEntries = 1;
    const UserProfile folded = buildUserProfile(d, UserHistory::ofUser(d, seq, 0), options);
    QCOMPARE(int(folded.categories.size()), 1);
    QCOMPARE(folded.categories[0].name, std::string("other"));
}

void TestRecommend::loadTrainedRun()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath("p.recforge").toStdString();
    {
        auto project = Project::open(path, true);
        QVERIFY(project);
        ShopParams shop;
        shop.users = 150;
        shop.items = 80;
        shop.events = 4000;
        NullObserver quiet;
        auto dataset = generateShop(shop, quiet);
        QVERIFY(dataset);
        QVERIFY((*project)->saveDataset(*dataset, {}, "generator"));
    }
    TrainRunConfig config;
    config.model = "bprmf";
    config.params = {{"epochs", 1}, {"dimension", 8}};
    config.runtime.threads = 1;
    config.evaluations = {EvalSpec{Candidates::Full, 99, {10}}};
    NullObserver quiet;
    auto trained = runTraining(path, config, quiet);
    QVERIFY2(trained, trained ? "" : trained.error().toString().c_str());

    auto project = Project::open(path, false);
    QVERIFY(project);
    auto store = RunStore::open(**project);
    QVERIFY(store);
    auto runs = listTrainedRuns(**store);
    QVERIFY(runs);
    QCOMPARE(int(runs->size()), 1);
    QCOMPARE(runs->front().runId, trained->runId);
    QCOMPARE(runs->front().model, std::string("bprmf"));

    LoadRunParams params;
    params.projectPath = path;
    params.runId = trained->runId;
    auto loaded = loadRunModel(params, quiet);
    QVERIFY2(loaded, loaded ? "" : loaded.error().toString().c_str());
    RunModel &rm = **loaded;
    QVERIFY(rm.model && rm.model->isFitted());
    QVERIFY(rm.embedding);           // BPR-MF has item embeddings
    QVERIFY(rm.itemMap.has_value()); // and so a map
    QCOMPARE(int(rm.itemMap->x.size()), rm.dataset->itemCount());
    QCOMPARE(&rm.explainer(), rm.embedding.get());
    RecommendParams rp;
    rp.k = 5;
    auto result =
        recommend(*rm.model, *rm.dataset, UserHistory::ofUser(*rm.dataset, *rm.sequences, 3), rp,
                  &rm.explainer());
    QVERIFY(result);
    QCOMPARE(int(result->items.size()), 5);

    // A second model of the same dataset reuses it; an unknown run is NotFound.
    params.knownDataset = rm.dataset;
    params.knownSequences = rm.sequences;
    params.knownDatasetId = rm.run.datasetId;
    auto again = loadRunModel(params, quiet);
    QVERIFY(again);
    QCOMPARE((*again)->dataset.get(), rm.dataset.get());
    params.runId = 9999;
    auto missing = loadRunModel(params, quiet);
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
}

QTEST_GUILESS_MAIN(TestRecommend)
#include "tst_recommend.moc"
