#include <QtTest>

#include "data/dataset.h"
#include "data/generator.h"
#include "data/stats.h"

using namespace recforge;

namespace {

constexpr int64_t kDay = 86400;

// Three users, four catalogue items (d has no rows), six rows over four days.
Dataset handBuilt()
{
    Dataset d;
    const int32_t u0 = d.users.intern("u0"), u1 = d.users.intern("u1"), u2 = d.users.intern("u2");
    const int32_t a = d.items.intern("a"), b = d.items.intern("b"), c = d.items.intern("c");
    d.items.intern("d");
    const auto add = [&d](int32_t u, int32_t i, int64_t ts, EventType e) {
        d.interactions.append(u, i, ts, uint16_t(e), 1.0f);
    };
    add(u0, a, 0, EventType::View);
    add(u0, a, 10, EventType::Click);
    add(u0, b, kDay + 5, EventType::View);
    add(u1, a, 100, EventType::View);
    add(u1, c, 200, EventType::Purchase);
    add(u2, a, 3 * kDay, EventType::View);
    d.syncInfoSizes();
    d.itemInfo[0] = {"Serum", {"Beauty", "Skin Care", "Serum"}, "Glowen", 19.99, "", {}};
    d.itemInfo[1] = {"Cream", {"Beauty", "Skin Care", "Cream"}, "", 9.99, "", {}};
    d.itemInfo[2] = {"Earbuds", {"Electronics", "Audio"}, "", kMissingPrice, "", {}};
    d.itemInfo[3] = {"Novel", {}, "", kMissingPrice, "", {}};
    d.userInfo[0].attributes = {{"age", "25-34"}};
    return d;
}

} // namespace

class TestStats : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void countsOnHandBuiltDataset()
    {
        const DatasetStats s = computeStats(handBuilt());
        QCOMPARE(s.users, 3);
        QCOMPARE(s.items, 4);
        QCOMPARE(s.itemsWithInteractions, 3);
        QCOMPARE(s.interactions, int64_t(6));
        // Distinct pairs: (u0,a) (u0,b) (u1,a) (u1,c) (u2,a) = 5 of 12 cells.
        QCOMPARE(s.sparsity, 1.0 - 5.0 / 12.0);
        QCOMPARE(s.meanPerUser, 2.0);
        QCOMPARE(s.medianPerUser, 2.0);
        QCOMPARE(s.meanPerItem, 2.0);
        QCOMPARE(s.medianPerItem, 1.0);
        QCOMPARE(s.minTime, int64_t(0));
        QCOMPARE(s.maxTime, 3 * kDay);
        QVERIFY(s.itemPopularitySorted == (std::vector<int64_t>{4, 1, 1}));
        QCOMPARE(s.usersWithAttributes, int64_t(1));
    }

    void histogramsAreLogBinned()
    {
        const DatasetStats s = computeStats(handBuilt());
        // Per user {3, 2, 1}: [1,2) holds 1, [2,4) holds 2 and 3.
        QVERIFY(s.perUser.edges == (std::vector<double>{1, 2, 4}));
        QVERIFY(s.perUser.counts == (std::vector<int64_t>{1, 2}));
        // Per item {4, 1, 1}.
        QVERIFY(s.perItem.edges == (std::vector<double>{1, 2, 4, 8}));
        QVERIFY(s.perItem.counts == (std::vector<int64_t>{2, 0, 1}));
        const Histogram withZero = logHistogram({0, 1, 5});
        QVERIFY(withZero.edges == (std::vector<double>{0, 1, 2, 4, 8}));
        QVERIFY(withZero.counts == (std::vector<int64_t>{1, 1, 0, 1}));
        QVERIFY(logHistogram({}).counts.empty());
    }

    void funnelDaysAndCategories()
    {
        const DatasetStats s = computeStats(handBuilt());
        const std::vector<std::pair<std::string, int64_t>> funnel{
            {"view", 4}, {"click", 1}, {"cart", 0}, {"purchase", 1}, {"rating", 0}};
        QVERIFY(s.eventFunnel == funnel);
        const std::vector<std::pair<int64_t, int64_t>> days{
            {0, 4}, {kDay, 1}, {2 * kDay, 0}, {3 * kDay, 1}};
        QVERIFY(s.activityPerDay == days);
        const std::vector<std::pair<std::string, int64_t>> mix{{"Beauty", 5}, {"Electronics", 1}};
        QVERIFY(s.categoryMix == mix);
    }

    void coverageIsShareOfCatalogue()
    {
        const DatasetStats s = computeStats(handBuilt());
        QCOMPARE(s.coverage.title, 1.0);
        QCOMPARE(s.coverage.category, 0.75);
        QCOMPARE(s.coverage.brand, 0.25);
        QCOMPARE(s.coverage.price, 0.5);
        QCOMPARE(s.coverage.description, 0.0);
    }

    void emptyDatasetGivesZeros()
    {
        const DatasetStats s = computeStats(Dataset{});
        QCOMPARE(s.interactions, int64_t(0));
        QCOMPARE(s.sparsity, 1.0);
        QCOMPARE(s.meanPerUser, 0.0);
        QVERIFY(s.activityPerDay.empty());
        QVERIFY(s.categoryMix.empty());
        QCOMPARE(int(s.eventFunnel.size()), 5);
        QVERIFY(toJson(s).is_object());
    }

    void categoryMixKeepsTopTwelvePlusOther()
    {
        Dataset d;
        const int32_t u = d.users.intern("u");
        for (int c = 0; c < 15; ++c) {
            const int32_t item = d.items.intern("i" + std::to_string(c));
            for (int k = 0; k <= c; ++k)
                d.interactions.append(u, item, k, 0, 1.0f);
        }
        d.syncInfoSizes();
        for (int c = 0; c < 15; ++c)
            d.itemInfo[size_t(c)].categoryPath = {"cat" + std::to_string(c)};
        const DatasetStats s = computeStats(d);
        QCOMPARE(int(s.categoryMix.size()), 13);
        QCOMPARE(s.categoryMix.front(), (std::pair<std::string, int64_t>{"cat14", 15}));
        QCOMPARE(s.categoryMix.back(), (std::pair<std::string, int64_t>{"other", 1 + 2 + 3}));
    }

    void generatedShopStats()
    {
        ShopParams p;
        p.users = 300;
        p.items = 200;
        p.events = 10000;
        NullObserver observer;
        const Dataset d = *generateShop(p, observer);
        const DatasetStats s = computeStats(d);
        QCOMPARE(s.interactions, int64_t(d.interactions.size()));
        QCOMPARE(s.coverage.title, 1.0);
        QCOMPARE(s.coverage.price, 1.0);
        QCOMPARE(int(s.categoryMix.size()), 8);
        QVERIFY(s.eventFunnel[0].second > s.eventFunnel[3].second);
        QVERIFY(s.activityPerDay.size() >= size_t(p.days - 1));
        QCOMPARE(s.usersWithAttributes, int64_t(s.users));
        QVERIFY(s.sparsity > 0.8 && s.sparsity < 1.0);
        const nlohmann::json j = toJson(s);
        QCOMPARE(j["interactions"].get<int64_t>(), s.interactions);
        QVERIFY(j["eventFunnel"].contains("purchase"));
        QVERIFY(j["popularityHead"].size() <= 20);
    }
};

QTEST_GUILESS_MAIN(TestStats)
#include "tst_stats.moc"
