#include <QtTest>

#include <QDateTime>
#include <QElapsedTimer>
#include <QStringDecoder>

#include <map>
#include <set>
#include <unordered_set>

#include "data/dataset.h"
#include "data/generator.h"

using namespace recforge;

namespace {

ShopParams smallShop(uint64_t seed = 7)
{
    ShopParams p;
    p.users = 400;
    p.items = 300;
    p.events = 20000;
    p.seed = seed;
    return p;
}

Dataset generate(const ShopParams &p)
{
    NullObserver observer;
    auto result = generateShop(p, observer);
    if (!result)
        qFatal("generateShop failed: %s", result.error().toString().c_str());
    return std::move(*result);
}

std::string attribute(const ItemInfo &info, const std::string &name)
{
    for (const auto &[key, value] : info.attributes)
        if (key == name)
            return value;
    return {};
}

std::string attribute(const UserInfo &info, const std::string &name)
{
    for (const auto &[key, value] : info.attributes)
        if (key == name)
            return value;
    return {};
}

int64_t parseIso(const std::string &text)
{
    const QDateTime dt = QDateTime::fromString(QString::fromStdString(text), Qt::ISODate);
    return dt.isValid() ? dt.toSecsSinceEpoch() : -1;
}

bool validUtf8(const std::string &text)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString decoded = decoder(QByteArray::fromStdString(text));
    return !decoder.hasError() && decoded.toUtf8().toStdString() == text;
}

bool hasCjk(const std::string &text)
{
    for (const QChar c : QString::fromStdString(text))
        if (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF)
            return true;
    return false;
}

class CountingObserver : public Observer {
public:
    bool onProgress(const Progress &p) override
    {
        ++calls;
        stages.insert(p.stage);
        return calls <= stopAfter;
    }
    int calls = 0;
    int stopAfter = 1 << 30;
    std::set<std::string> stages;
};

} // namespace

class TestGenerator : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sameSeedGivesIdenticalDataset()
    {
        const Dataset a = generate(smallShop(11));
        const Dataset b = generate(smallShop(11));
        QVERIFY(a.interactions.size() > 0);
        QVERIFY(a.interactions.user == b.interactions.user);
        QVERIFY(a.interactions.item == b.interactions.item);
        QVERIFY(a.interactions.timestamp == b.interactions.timestamp);
        QVERIFY(a.interactions.event == b.interactions.event);
        QVERIFY(a.interactions.value == b.interactions.value);
        QVERIFY(a.users.ids() == b.users.ids());
        QVERIFY(a.items.ids() == b.items.ids());
        QCOMPARE(a.itemInfo.size(), b.itemInfo.size());
        for (size_t i = 0; i < a.itemInfo.size(); ++i) {
            QCOMPARE(a.itemInfo[i].title, b.itemInfo[i].title);
            QCOMPARE(a.itemInfo[i].description, b.itemInfo[i].description);
            QVERIFY(a.itemInfo[i].categoryPath == b.itemInfo[i].categoryPath);
            QCOMPARE(a.itemInfo[i].brand, b.itemInfo[i].brand);
            QCOMPARE(a.itemInfo[i].price, b.itemInfo[i].price);
            QVERIFY(a.itemInfo[i].attributes == b.itemInfo[i].attributes);
        }
        QCOMPARE(a.userInfo.size(), b.userInfo.size());
        for (size_t u = 0; u < a.userInfo.size(); ++u)
            QVERIFY(a.userInfo[u].attributes == b.userInfo[u].attributes);
    }

    void differentSeedGivesDifferentDataset()
    {
        const Dataset a = generate(smallShop(11));
        const Dataset b = generate(smallShop(12));
        QVERIFY(a.interactions.item != b.interactions.item);
        QVERIFY(a.interactions.timestamp != b.interactions.timestamp);
        int sameTitles = 0;
        for (size_t i = 0; i < a.itemInfo.size(); ++i)
            sameTitles += a.itemInfo[i].title == b.itemInfo[i].title;
        QVERIFY(sameTitles < int(a.itemInfo.size()) / 2);
    }

    void sizesWithinTolerance_data()
    {
        QTest::addColumn<int>("users");
        QTest::addColumn<int>("items");
        QTest::addColumn<qint64>("events");
        QTest::newRow("tiny") << 20 << 10 << qint64(300);
        QTest::newRow("small") << 400 << 300 << qint64(20000);
        QTest::newRow("default") << 5000 << 2000 << qint64(200000);
        QTest::newRow("fewer events than users") << 500 << 100 << qint64(200);
        QTest::newRow("one item") << 50 << 1 << qint64(1000);
    }
    void sizesWithinTolerance()
    {
        QFETCH(int, users);
        QFETCH(int, items);
        QFETCH(qint64, events);
        ShopParams p;
        p.users = users;
        p.items = items;
        p.events = events;
        const Dataset d = generate(p);
        const double rows = double(d.interactions.size());
        QVERIFY2(std::abs(rows - double(events)) <= 0.02 * double(events),
                 qPrintable(QStringLiteral("%1 rows for %2 events").arg(rows).arg(events)));
        QCOMPARE(d.itemCount(), items);
        QCOMPARE(int(d.itemInfo.size()), items);
        QVERIFY(d.userCount() <= users);
        QCOMPARE(int(d.userInfo.size()), d.userCount());
        if (events >= 3 * users)
            QCOMPARE(d.userCount(), users);
        // Every user in the id map has rows; every id is referenced in range.
        std::vector<int> perUser(size_t(d.userCount()), 0);
        for (size_t r = 0; r < d.interactions.size(); ++r) {
            QVERIFY(d.interactions.item[r] >= 0 && d.interactions.item[r] < d.itemCount());
            ++perUser[size_t(d.interactions.user[r])];
        }
        QVERIFY(std::find(perUser.begin(), perUser.end(), 0) == perUser.end());
    }

    void timestampsSortedAndInsideSpan()
    {
        const ShopParams p = smallShop();
        const Dataset d = generate(p);
        const auto &ts = d.interactions.timestamp;
        QVERIFY(std::is_sorted(ts.begin(), ts.end()));
        QVERIFY(ts.front() >= p.startTime);
        QVERIFY(ts.back() < p.startTime + int64_t(p.days) * 86400);
        QVERIFY(ts.back() - ts.front() > int64_t(p.days - 10) * 86400); // spread over the span
    }

    void funnelIsOrdered()
    {
        const Dataset d = generate(smallShop());
        std::map<uint16_t, int64_t> perEvent;
        for (const uint16_t e : d.interactions.event)
            ++perEvent[e];
        const int64_t views = perEvent[uint16_t(EventType::View)];
        const int64_t clicks = perEvent[uint16_t(EventType::Click)];
        const int64_t carts = perEvent[uint16_t(EventType::Cart)];
        const int64_t purchases = perEvent[uint16_t(EventType::Purchase)];
        QVERIFY(views >= clicks && clicks >= carts && carts >= purchases && purchases > 0);
        QVERIFY(perEvent[uint16_t(EventType::Rating)] > 0);
        // Rates roughly as designed: click ~35%, cart ~10%, purchase ~4% of views.
        QVERIFY(double(clicks) / double(views) > 0.25 && double(clicks) / double(views) < 0.45);
        QVERIFY(double(carts) / double(views) > 0.06 && double(carts) / double(views) < 0.14);
        QVERIFY(double(purchases) / double(views) > 0.02 &&
                double(purchases) / double(views) < 0.06);

        // Each later funnel step of a user on an item is preceded by the previous step.
        const UserSequences seq = UserSequences::build(d);
        for (int32_t u = 0; u < d.userCount(); ++u) {
            std::unordered_set<int32_t> viewed, clicked, carted, bought;
            for (const uint32_t r : seq.rowsOf(u)) {
                const int32_t item = d.interactions.item[r];
                switch (EventType(d.interactions.event[r])) {
                case EventType::View:
                    viewed.insert(item);
                    break;
                case EventType::Click:
                    QVERIFY(viewed.count(item));
                    clicked.insert(item);
                    break;
                case EventType::Cart:
                    QVERIFY(clicked.count(item));
                    carted.insert(item);
                    break;
                case EventType::Purchase:
                    QVERIFY(viewed.count(item) && carted.count(item));
                    QCOMPARE(d.interactions.value[r], 1.0f);
                    bought.insert(item);
                    break;
                case EventType::Rating:
                    QVERIFY(bought.count(item));
                    QVERIFY(d.interactions.value[r] >= 1.0f && d.interactions.value[r] <= 5.0f);
                    break;
                }
            }
        }
    }

    void newItemsHaveNoEventsBeforeRelease()
    {
        const ShopParams p = smallShop();
        const Dataset d = generate(p);
        std::vector<int64_t> release(d.itemInfo.size());
        int newItems = 0;
        for (size_t i = 0; i < d.itemInfo.size(); ++i) {
            release[i] = parseIso(attribute(d.itemInfo[i], "released"));
            QVERIFY(release[i] > 0);
            newItems += release[i] >= p.startTime;
        }
        QCOMPARE(newItems, int(std::lround(p.items * p.newItemFraction)));
        const int64_t lateStart = p.startTime + int64_t(0.9 * p.days * 86400) - 1;
        std::set<int32_t> newWithEvents;
        for (size_t r = 0; r < d.interactions.size(); ++r) {
            const int32_t item = d.interactions.item[r];
            QVERIFY(d.interactions.timestamp[r] >= release[size_t(item)]);
            if (release[size_t(item)] >= p.startTime) {
                QVERIFY(release[size_t(item)] >= lateStart);
                newWithEvents.insert(item);
            }
        }
        QVERIFY(newWithEvents.size() > size_t(newItems) / 3); // new items do get traffic
    }

    void newUsersArriveLateWithFewEvents()
    {
        const ShopParams p = smallShop();
        const Dataset d = generate(p);
        std::vector<int> perUser(size_t(d.userCount()), 0);
        std::vector<int64_t> first(size_t(d.userCount()), INT64_MAX);
        for (size_t r = 0; r < d.interactions.size(); ++r) {
            const size_t u = size_t(d.interactions.user[r]);
            ++perUser[u];
            first[u] = std::min(first[u], d.interactions.timestamp[r]);
        }
        int newUsers = 0;
        for (int32_t u = 0; u < d.userCount(); ++u) {
            const UserInfo &info = d.userInfo[size_t(u)];
            for (const char *key : {"age", "gender", "region", "segment"})
                QVERIFY(!attribute(info, key).empty());
            if (attribute(info, "segment") != "new")
                continue;
            ++newUsers;
            QVERIFY(perUser[size_t(u)] >= 1 && perUser[size_t(u)] <= 5);
            QVERIFY(first[size_t(u)] >= p.startTime + int64_t(0.9 * p.days * 86400) - 1);
        }
        QCOMPARE(newUsers, int(std::lround(p.users * p.newUserFraction)));
    }

    void catalogueHasChineseAndEnglishText()
    {
        const ShopParams p = smallShop();
        const Dataset d = generate(p);
        int chinese = 0;
        std::set<std::string> tops;
        std::set<std::vector<std::string>> leaves;
        for (const ItemInfo &info : d.itemInfo) {
            QVERIFY(!info.title.empty() && !info.description.empty() && !info.brand.empty());
            QVERIFY(info.hasPrice() && info.price > 0);
            QVERIFY(info.categoryPath.size() == 2 || info.categoryPath.size() == 3);
            QVERIFY(validUtf8(info.title));
            QVERIFY(validUtf8(info.description));
            tops.insert(info.categoryPath.front());
            leaves.insert(info.categoryPath);
            if (attribute(info, "language") == "zh") {
                ++chinese;
                QVERIFY2(hasCjk(info.title), info.title.c_str());
                QVERIFY(hasCjk(info.description));
                QVERIFY(validUtf8(attribute(info, "category_zh")));
            } else {
                QVERIFY2(!hasCjk(info.title), info.title.c_str());
            }
        }
        QCOMPARE(chinese, int(std::lround(p.items * p.chineseFraction)));
        QCOMPARE(int(tops.size()), 8);
        QVERIFY(leaves.size() >= 40);
    }

    void progressAndCancellation()
    {
        CountingObserver observer;
        QVERIFY(generateShop(smallShop(), observer).has_value());
        QVERIFY(observer.calls >= 3);
        QVERIFY(observer.stages.count("sessions"));

        StopToken stop;
        stop.requestStop();
        NullObserver quiet;
        auto stopped = generateShop(smallShop(), quiet, stop);
        QVERIFY(!stopped);
        QCOMPARE(stopped.error().code, ErrorCode::Cancelled);

        CountingObserver refusing;
        refusing.stopAfter = 1;
        auto refused = generateShop(smallShop(), refusing);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Cancelled);
    }

    void paramsJsonRoundTrip()
    {
        ShopParams p;
        p.users = 123;
        p.items = 45;
        p.events = 6789;
        p.seed = 18446744073709551615ull;
        p.chineseFraction = 0.5;
        p.days = 30;
        p.name = "精品店";
        auto back = shopParamsFromJson(toJson(p));
        QVERIFY(back.has_value());
        QCOMPARE(back->users, 123);
        QCOMPARE(back->items, 45);
        QCOMPARE(back->events, int64_t(6789));
        QCOMPARE(back->seed, p.seed);
        QCOMPARE(back->chineseFraction, 0.5);
        QCOMPARE(back->days, 30);
        QCOMPARE(back->name, p.name);
        QVERIFY(toJson(*back) == toJson(p));
        // Missing keys keep their defaults.
        auto defaults = shopParamsFromJson(nlohmann::json::object());
        QVERIFY(defaults.has_value());
        QCOMPARE(defaults->users, ShopParams{}.users);
    }

    void badParamsAreRejected_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("negative users") << R"({"users": -1})"
                                        << "users";
        QTest::newRow("users text") << R"({"users": "many"})"
                                    << "users";
        QTest::newRow("fraction > 1") << R"({"chineseFraction": 1.5})"
                                      << "chineseFraction";
        QTest::newRow("zero days") << R"({"days": 0})"
                                   << "days";
        QTest::newRow("negative seed") << R"({"seed": -3})"
                                       << "seed";
        QTest::newRow("negative events") << R"({"events": -10})"
                                         << "events";
        QTest::newRow("name not text") << R"({"name": 5})"
                                       << "name";
    }
    void badParamsAreRejected()
    {
        QFETCH(QString, json);
        QFETCH(QString, field);
        auto parsed = shopParamsFromJson(nlohmann::json::parse(json.toStdString()));
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(QString::fromStdString(parsed.error().location.field), field);

        ShopParams bad;
        bad.items = 0;
        NullObserver observer;
        auto generated = generateShop(bad, observer);
        QVERIFY(!generated);
        QCOMPARE(generated.error().code, ErrorCode::InvalidArgument);
    }

    void defaultSizeIsFast()
    {
        NullObserver observer;
        QElapsedTimer timer;
        timer.start();
        auto d = generateShop(ShopParams{}, observer);
        const qint64 ms = timer.elapsed();
        QVERIFY(d.has_value());
        qInfo("200k events generated in %lld ms", static_cast<long long>(ms));
        // The target is < 1 s; the bound leaves room for a loaded CI machine.
        QVERIFY2(ms < 3000, qPrintable(QString::number(ms)));
    }
};

QTEST_GUILESS_MAIN(TestGenerator)
#include "tst_generator.moc"
