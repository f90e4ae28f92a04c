#include <QtTest>

#include <map>

#include "data/dataset.h"
#include "data/filters.h"
#include "data/generator.h"

using namespace recforge;

namespace {

// Adds a row by external ids.
void add(Dataset &d, const char *user, const char *item, int64_t ts, EventType e = EventType::View,
         float value = 1.0f)
{
    d.interactions.append(d.users.intern(user), d.items.intern(item), ts, uint16_t(e), value);
}

std::map<int32_t, int> countBy(const std::vector<int32_t> &column)
{
    std::map<int32_t, int> counts;
    for (const int32_t v : column)
        ++counts[v];
    return counts;
}

} // namespace

class TestFilters : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void dedupKeepsFirstOfIdenticalRows()
    {
        Dataset d;
        add(d, "u1", "a", 10, EventType::View, 1.0f);
        add(d, "u1", "a", 10, EventType::View, 7.0f); // duplicate (value is not part of the key)
        add(d, "u1", "a", 10, EventType::Click);      // other event: kept
        add(d, "u1", "a", 11, EventType::View);       // other time: kept
        add(d, "u2", "a", 10, EventType::View);       // other user: kept
        add(d, "u1", "a", 10, EventType::View, 9.0f); // duplicate again
        FilterParams p;
        p.dedup = true;
        auto report = applyFilters(d, p);
        QVERIFY(report.has_value());
        QCOMPARE(report->rowsBefore, int64_t(6));
        QCOMPARE(report->duplicatesRemoved, int64_t(2));
        QCOMPARE(report->rowsAfter, int64_t(4));
        QCOMPARE(int64_t(d.interactions.size()), int64_t(4));
        QCOMPARE(d.interactions.value[0], 1.0f); // the first occurrence survives, in file order
        QCOMPARE(d.interactions.event[1], uint16_t(EventType::Click));
    }

    void timeWindowIsHalfOpen()
    {
        Dataset d;
        for (int64_t t = 0; t < 10; ++t)
            add(d, t < 5 ? "early" : "late", "a", t * 100);
        FilterParams p;
        p.timeFrom = 200;
        p.timeTo = 500;
        auto report = applyFilters(d, p);
        QVERIFY(report.has_value());
        QCOMPARE(report->outsideWindow, int64_t(7));
        QCOMPARE(report->rowsAfter, int64_t(3));
        for (const int64_t ts : d.interactions.timestamp)
            QVERIFY(ts >= 200 && ts < 500);
        QCOMPARE(report->usersBefore, 2);
        QCOMPARE(report->usersAfter, 1);
        QCOMPARE(d.userCount(), 1); // compacted: the user without rows is gone
        QCOMPARE(QString::fromStdString(d.users.id(0)), QStringLiteral("early"));
    }

    void onlyFromOrOnlyTo()
    {
        Dataset d;
        for (int64_t t = 0; t < 10; ++t)
            add(d, "u", "a", t);
        Dataset copy = d;
        FilterParams from;
        from.timeFrom = 4;
        QCOMPARE(applyFilters(d, from)->rowsAfter, int64_t(6));
        FilterParams to;
        to.timeTo = 4;
        QCOMPARE(applyFilters(copy, to)->rowsAfter, int64_t(4));
    }

    void kcoreRepeatsUntilStable()
    {
        // A chain where one pass is not enough: removing u3 drops item c below 2, which then
        // drops u2 below 2.
        Dataset d;
        add(d, "u1", "a", 1);
        add(d, "u1", "b", 2);
        add(d, "u0", "a", 3);
        add(d, "u0", "b", 4);
        add(d, "u2", "b", 5);
        add(d, "u2", "c", 6);
        add(d, "u3", "c", 7);
        Dataset once = d;

        FilterParams p;
        p.minUserInteractions = 2;
        p.minItemInteractions = 2;
        p.kcore = true;
        auto report = applyFilters(d, p);
        QVERIFY(report.has_value());
        QVERIFY(report->kcoreIterations >= 2);
        QCOMPARE(report->rowsAfter, int64_t(4));
        QCOMPARE(report->removedByCounts, int64_t(3));
        QCOMPARE(report->usersAfter, 2);
        QCOMPARE(report->itemsAfter, 2);

        p.kcore = false;
        auto single = applyFilters(once, p);
        QVERIFY(single.has_value());
        QCOMPARE(single->kcoreIterations, 1);
        QVERIFY(single->rowsAfter > report->rowsAfter);
    }

    void kcoreOnGeneratedShop_data()
    {
        QTest::addColumn<int>("k");
        QTest::newRow("k=2") << 2;
        QTest::newRow("k=5") << 5;
        QTest::newRow("k=10") << 10;
    }
    void kcoreOnGeneratedShop()
    {
        QFETCH(int, k);
        ShopParams shop;
        shop.users = 300;
        shop.items = 200;
        shop.events = 15000;
        NullObserver observer;
        Dataset d = *generateShop(shop, observer);
        FilterParams p;
        p.minUserInteractions = k;
        p.minItemInteractions = k;
        p.kcore = true;
        auto report = applyFilters(d, p);
        QVERIFY(report.has_value());
        QVERIFY(report->rowsAfter > 0);
        QCOMPARE(report->rowsAfter + report->removedByCounts, report->rowsBefore);
        for (const auto &[user, count] : countBy(d.interactions.user))
            QVERIFY2(count >= k, qPrintable(QString::number(user)));
        for (const auto &[item, count] : countBy(d.interactions.item))
            QVERIFY(count >= k);
        QCOMPARE(int(countBy(d.interactions.user).size()), report->usersAfter);
        QCOMPARE(int(countBy(d.interactions.item).size()), report->itemsAfter);
        // Catalogue items without rows stay in the dataset (they are candidates for cold start).
        QCOMPARE(d.itemCount(), shop.items);
        QCOMPARE(d.userCount(), report->usersAfter);
    }

    void catalogueItemsSurviveCompaction()
    {
        Dataset d;
        add(d, "u1", "a", 1);
        add(d, "u2", "b", 2);
        d.items.intern("catalogue-only");
        d.syncInfoSizes();
        d.itemInfo[2].title = "New arrival";
        FilterParams p;
        p.timeTo = 2; // drops u2's only row, and with it b (no catalogue info)
        QVERIFY(applyFilters(d, p).has_value());
        QCOMPARE(d.userCount(), 1);
        QCOMPARE(d.itemCount(), 2);
        QVERIFY(d.items.find("catalogue-only").has_value());
        QVERIFY(!d.items.find("b").has_value());
        QCOMPARE(d.itemInfo[size_t(*d.items.find("catalogue-only"))].title,
                 std::string("New arrival"));
    }

    void badParamsLeaveDatasetUntouched_data()
    {
        QTest::addColumn<int>("minUser");
        QTest::addColumn<int>("minItem");
        QTest::addColumn<qint64>("from");
        QTest::addColumn<qint64>("to");
        QTest::addColumn<QString>("field");
        QTest::newRow("negative user minimum")
            << -1 << 0 << qint64(-1) << qint64(-1) << "minUserInteractions";
        QTest::newRow("negative item minimum")
            << 0 << -2 << qint64(-1) << qint64(-1) << "minItemInteractions";
        QTest::newRow("empty window") << 0 << 0 << qint64(50) << qint64(50) << "timeTo";
    }
    void badParamsLeaveDatasetUntouched()
    {
        QFETCH(int, minUser);
        QFETCH(int, minItem);
        QFETCH(qint64, from);
        QFETCH(qint64, to);
        QFETCH(QString, field);
        Dataset d;
        add(d, "u1", "a", 1);
        add(d, "u1", "a", 1);
        FilterParams p;
        p.dedup = true;
        p.minUserInteractions = minUser;
        p.minItemInteractions = minItem;
        if (from >= 0)
            p.timeFrom = from;
        if (to >= 0)
            p.timeTo = to;
        auto report = applyFilters(d, p);
        QVERIFY(!report);
        QCOMPARE(report.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(QString::fromStdString(report.error().location.field), field);
        QCOMPARE(int(d.interactions.size()), 2);
    }

    void jsonRoundTrip()
    {
        FilterParams p;
        p.dedup = true;
        p.minUserInteractions = 5;
        p.minItemInteractions = 3;
        p.kcore = true;
        p.timeFrom = 1700000000;
        auto back = filterParamsFromJson(toJson(p));
        QVERIFY(back.has_value());
        QCOMPARE(back->dedup, true);
        QCOMPARE(back->minUserInteractions, 5);
        QCOMPARE(back->minItemInteractions, 3);
        QCOMPARE(back->kcore, true);
        QCOMPARE(*back->timeFrom, int64_t(1700000000));
        QVERIFY(!back->timeTo.has_value());
        auto bad = filterParamsFromJson(nlohmann::json{{"kcore", "yes"}});
        QVERIFY(!bad);
        QCOMPARE(QString::fromStdString(bad.error().location.field), QStringLiteral("kcore"));
        QVERIFY(!filterParamsFromJson(nlohmann::json{{"minItemInteractions", -4}}));
        QVERIFY(!filterParamsFromJson(nlohmann::json{{"timeFrom", 10}, {"timeTo", 5}}));
    }
};

QTEST_GUILESS_MAIN(TestFilters)
#include "tst_filters.moc"
