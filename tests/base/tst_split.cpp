#include <QtTest>

#include <map>
#include <set>

#include "data/dataset.h"
#include "data/generator.h"
#include "data/split.h"

using namespace recforge;

namespace {

const Dataset &shop()
{
    static const Dataset dataset = [] {
        ShopParams p;
        p.users = 400;
        p.items = 300;
        p.events = 20000;
        NullObserver observer;
        return *generateShop(p, observer);
    }();
    return dataset;
}

void add(Dataset &d, const char *user, const char *item, int64_t ts)
{
    d.interactions.append(d.users.intern(user), d.items.intern(item), ts, 0, 1.0f);
}

SplitRole roleAt(const Split &s, size_t r)
{
    return SplitRole(s.role[r]);
}

} // namespace

class TestSplit : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // For every kind: one role per row, and nothing evaluated leaks into training under that
    // kind's rule.
    void leakFree_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("leave-one-out") << int(SplitKind::LeaveOneOut);
        QTest::newRow("temporal") << int(SplitKind::Temporal);
        QTest::newRow("random") << int(SplitKind::RandomRatio);
        QTest::newRow("cold-users") << int(SplitKind::ColdUsers);
        QTest::newRow("cold-items") << int(SplitKind::ColdItems);
    }
    void leakFree()
    {
        QFETCH(int, kind);
        const Dataset &d = shop();
        const Interactions &in = d.interactions;
        SplitParams p;
        p.kind = SplitKind(kind);
        auto split = makeSplit(d, p);
        QVERIFY2(split.has_value(), split ? "" : split.error().toString().c_str());
        QCOMPARE(split->role.size(), in.size());
        for (const uint8_t r : split->role)
            QVERIFY(r <= uint8_t(SplitRole::Excluded));
        const SplitCounts c = split->counts();
        QCOMPARE(c.train + c.validation + c.test + c.support + c.excluded, int64_t(in.size()));
        QVERIFY(c.train > 0);
        QVERIFY(c.test > 0);
        QVERIFY(c.testUsers > 0);
        const SplitCounts recomputed = split->counts(d);
        QCOMPARE(recomputed.testUsers, c.testUsers);
        QCOMPARE(recomputed.coldItems, c.coldItems);

        const UserSequences seq = UserSequences::build(d);
        switch (SplitKind(kind)) {
        case SplitKind::LeaveOneOut:
            // Per user: every training row is no later than validation, validation no later
            // than test; exactly one of each for users with >= 3 rows.
            for (int32_t u = 0; u < d.userCount(); ++u) {
                int64_t maxTrain = INT64_MIN, minValid = INT64_MAX, minTest = INT64_MAX;
                int valid = 0, test = 0;
                for (const uint32_t r : seq.rowsOf(u)) {
                    const int64_t ts = in.timestamp[r];
                    switch (roleAt(*split, r)) {
                    case SplitRole::Train:
                        maxTrain = std::max(maxTrain, ts);
                        break;
                    case SplitRole::Validation:
                        minValid = std::min(minValid, ts);
                        ++valid;
                        break;
                    case SplitRole::Test:
                        minTest = std::min(minTest, ts);
                        ++test;
                        break;
                    default:
                        QFAIL("leave-one-out uses only train/validation/test");
                    }
                }
                QVERIFY(maxTrain <= minValid && minValid <= minTest);
                const bool held = seq.rowsOf(u).size() >= 3;
                QCOMPARE(test, held ? 1 : 0);
                QCOMPARE(valid, held ? 1 : 0);
            }
            break;
        case SplitKind::Temporal:
            QVERIFY(split->validCutoff > 0 && split->validCutoff <= split->testCutoff);
            for (size_t r = 0; r < in.size(); ++r) {
                const int64_t ts = in.timestamp[r];
                switch (roleAt(*split, r)) {
                case SplitRole::Train:
                    QVERIFY(ts < split->validCutoff);
                    break;
                case SplitRole::Validation:
                    QVERIFY(ts >= split->validCutoff && ts < split->testCutoff);
                    break;
                case SplitRole::Test:
                    QVERIFY(ts >= split->testCutoff);
                    break;
                default:
                    QFAIL("temporal uses only train/validation/test");
                }
            }
            // Default cutoffs are the 80% / 90% quantiles.
            QVERIFY(std::abs(double(c.test) / double(in.size()) - 0.1) < 0.02);
            QVERIFY(std::abs(double(c.validation) / double(in.size()) - 0.1) < 0.02);
            break;
        case SplitKind::RandomRatio:
            for (int32_t u = 0; u < d.userCount(); ++u) {
                const auto rows = seq.rowsOf(u);
                int train = 0, test = 0, valid = 0;
                for (const uint32_t r : rows) {
                    const SplitRole role = roleAt(*split, r);
                    train += role == SplitRole::Train;
                    test += role == SplitRole::Test;
                    valid += role == SplitRole::Validation;
                }
                QCOMPARE(train + test + valid, int(rows.size()));
                if (rows.size() >= 3) {
                    QVERIFY(train >= 1);
                    QVERIFY(test >= 1 && valid >= 1);
                    QVERIFY(std::abs(test - rows.size() * 0.1) <= 1.0);
                } else {
                    QCOMPARE(train, int(rows.size()));
                }
            }
            break;
        case SplitKind::ColdUsers: {
            int heldUsers = 0;
            for (int32_t u = 0; u < d.userCount(); ++u) {
                const auto rows = seq.rowsOf(u);
                std::map<SplitRole, int> roles;
                for (const uint32_t r : rows)
                    ++roles[roleAt(*split, r)];
                if (roles[SplitRole::Train] == int(rows.size()))
                    continue;
                ++heldUsers;
                QCOMPARE(roles[SplitRole::Train], 0);
                QCOMPARE(roles[SplitRole::Support], p.supportSize);
                QVERIFY(roles[SplitRole::Test] > 0 || roles[SplitRole::Validation] > 0);
                QVERIFY(roles[SplitRole::Test] == 0 || roles[SplitRole::Validation] == 0);
                for (int k = 0; k < p.supportSize; ++k) // the support rows are the earliest
                    QCOMPARE(roleAt(*split, rows[size_t(k)]), SplitRole::Support);
            }
            const double share = double(heldUsers) / double(d.userCount());
            QVERIFY(share > 0.15 && share < 0.25);
            break;
        }
        case SplitKind::ColdItems: {
            QVERIFY(split->itemCutoff > 0);
            std::vector<int64_t> firstSeen(size_t(d.itemCount()), INT64_MAX);
            for (size_t r = 0; r < in.size(); ++r)
                firstSeen[size_t(in.item[r])] =
                    std::min(firstSeen[size_t(in.item[r])], in.timestamp[r]);
            std::set<int32_t> cold;
            for (size_t r = 0; r < in.size(); ++r) {
                const bool isCold = firstSeen[size_t(in.item[r])] >= split->itemCutoff;
                const SplitRole role = roleAt(*split, r);
                if (isCold) {
                    QVERIFY(role == SplitRole::Test || role == SplitRole::Excluded);
                    if (role == SplitRole::Test)
                        cold.insert(in.item[r]);
                } else {
                    QCOMPARE(role, SplitRole::Train);
                }
            }
            QVERIFY(!cold.empty());
            QCOMPARE(c.coldItems, int32_t(cold.size()));
            // A cold row is Test only when the user has a warm row before it.
            for (int32_t u = 0; u < d.userCount(); ++u) {
                bool warm = false;
                for (const uint32_t r : seq.rowsOf(u)) {
                    const SplitRole role = roleAt(*split, r);
                    if (role == SplitRole::Train)
                        warm = true;
                    else
                        QCOMPARE(role, warm ? SplitRole::Test : SplitRole::Excluded);
                }
            }
            break;
        }
        }
    }

    void leaveOneOutPicksLastByTime()
    {
        Dataset d;
        // Rows out of time order on purpose.
        add(d, "u", "late", 300);
        add(d, "u", "first", 100);
        add(d, "u", "last", 400);
        add(d, "u", "second", 200);
        add(d, "short", "x", 5);
        add(d, "short", "y", 6);
        auto split = makeSplit(d, SplitParams{});
        QVERIFY(split.has_value());
        QCOMPARE(roleAt(*split, 2), SplitRole::Test);       // "last" at 400
        QCOMPARE(roleAt(*split, 0), SplitRole::Validation); // "late" at 300
        QCOMPARE(roleAt(*split, 1), SplitRole::Train);
        QCOMPARE(roleAt(*split, 3), SplitRole::Train);
        QCOMPARE(roleAt(*split, 4), SplitRole::Train); // users with < 3 rows stay in Train
        QCOMPARE(roleAt(*split, 5), SplitRole::Train);
        QCOMPARE(split->counts().testUsers, 1);

        SplitParams strict;
        strict.minTrainInteractions = 3; // needs 5 rows now
        auto all = makeSplit(d, strict);
        QCOMPARE(all->counts().train, int64_t(6));
    }

    void temporalRespectsGivenCutoffs()
    {
        Dataset d;
        for (int64_t t = 0; t < 20; ++t)
            add(d, t % 2 ? "a" : "b", "i", 1000 + t);
        SplitParams p;
        p.kind = SplitKind::Temporal;
        p.validCutoff = 1010;
        p.testCutoff = 1015;
        auto split = makeSplit(d, p);
        QVERIFY(split.has_value());
        for (size_t r = 0; r < d.interactions.size(); ++r) {
            const int64_t ts = d.interactions.timestamp[r];
            const SplitRole expected = ts >= 1015   ? SplitRole::Test
                                       : ts >= 1010 ? SplitRole::Validation
                                                    : SplitRole::Train;
            QCOMPARE(roleAt(*split, r), expected);
        }
        QCOMPARE(split->counts().train, int64_t(10));
        QCOMPARE(split->counts().validation, int64_t(5));
        QCOMPARE(split->counts().test, int64_t(5));
    }

    void coldUsersKeepSupportRows_data()
    {
        QTest::addColumn<int>("support");
        QTest::newRow("0") << 0;
        QTest::newRow("1") << 1;
        QTest::newRow("3") << 3;
        QTest::newRow("5") << 5;
    }
    void coldUsersKeepSupportRows()
    {
        QFETCH(int, support);
        const Dataset &d = shop();
        SplitParams p;
        p.kind = SplitKind::ColdUsers;
        p.supportSize = support;
        p.testRatio = 0.2;
        p.validRatio = 0.0;
        auto split = makeSplit(d, p);
        QVERIFY(split.has_value());
        const UserSequences seq = UserSequences::build(d);
        int held = 0;
        for (int32_t u = 0; u < d.userCount(); ++u) {
            int train = 0, supportRows = 0, test = 0;
            for (const uint32_t r : seq.rowsOf(u)) {
                train += roleAt(*split, r) == SplitRole::Train;
                supportRows += roleAt(*split, r) == SplitRole::Support;
                test += roleAt(*split, r) == SplitRole::Test;
            }
            if (test == 0)
                continue;
            ++held;
            QCOMPARE(train, 0);
            QCOMPARE(supportRows, support);
        }
        QCOMPARE(held, split->counts().testUsers);
        QVERIFY(held > 0);
        QCOMPARE(split->counts().validation, int64_t(0));
    }

    void seedDecides_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("random") << int(SplitKind::RandomRatio);
        QTest::newRow("cold-users") << int(SplitKind::ColdUsers);
    }
    void seedDecides()
    {
        QFETCH(int, kind);
        SplitParams p;
        p.kind = SplitKind(kind);
        p.seed = 1;
        auto a = makeSplit(shop(), p);
        auto b = makeSplit(shop(), p);
        p.seed = 2;
        auto c = makeSplit(shop(), p);
        QVERIFY(a && b && c);
        QVERIFY(a->role == b->role);
        QVERIFY(a->role != c->role);
    }

    void badParams_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("ratio 1") << R"({"kind": "random", "testRatio": 1.0})"
                                 << "testRatio";
        QTest::newRow("ratios sum") << R"({"kind": "random", "testRatio": 0.5, "validRatio": 0.5})"
                                    << "testRatio";
        QTest::newRow("negative ratio") << R"({"validRatio": -0.1})"
                                        << "validRatio";
        QTest::newRow("cutoffs reversed")
            << R"({"kind": "temporal", "validCutoff": 20, "testCutoff": 10})"
            << "validCutoff";
        QTest::newRow("negative support") << R"({"kind": "cold-users", "supportSize": -1})"
                                          << "supportSize";
        QTest::newRow("unknown kind") << R"({"kind": "sideways"})"
                                      << "kind";
        QTest::newRow("seed text") << R"({"seed": "abc"})"
                                   << "seed";
    }
    void badParams()
    {
        QFETCH(QString, json);
        QFETCH(QString, field);
        auto parsed = splitParamsFromJson(nlohmann::json::parse(json.toStdString()));
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(QString::fromStdString(parsed.error().location.field), field);
    }

    void invalidAndEmptyInputsAreErrors()
    {
        SplitParams p;
        p.kind = SplitKind::RandomRatio;
        p.testRatio = 0.7;
        p.validRatio = 0.4;
        auto bad = makeSplit(shop(), p);
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, ErrorCode::InvalidArgument);
        auto empty = makeSplit(Dataset{}, SplitParams{});
        QVERIFY(!empty);
        QCOMPARE(empty.error().code, ErrorCode::Empty);
        StopToken stop;
        stop.requestStop();
        auto cancelled = makeSplit(shop(), SplitParams{}, stop);
        QVERIFY(!cancelled);
        QCOMPARE(cancelled.error().code, ErrorCode::Cancelled);
    }

    void namesAndJsonRoundTrip()
    {
        for (SplitKind k : {SplitKind::LeaveOneOut, SplitKind::Temporal, SplitKind::RandomRatio,
                            SplitKind::ColdUsers, SplitKind::ColdItems}) {
            auto parsed = parseSplitKind(splitKindName(k));
            QVERIFY(parsed.has_value());
            QCOMPARE(*parsed, k);
        }
        QCOMPARE(QString(splitKindName(SplitKind::RandomRatio)), QStringLiteral("random"));
        QVERIFY(!parseSplitKind("Random"));
        SplitParams p;
        p.kind = SplitKind::ColdItems;
        p.seed = 99;
        p.itemCutoff = 1710000000;
        p.supportSize = 4;
        p.name = "cold items";
        auto back = splitParamsFromJson(toJson(p));
        QVERIFY(back.has_value());
        QCOMPARE(back->kind, SplitKind::ColdItems);
        QCOMPARE(back->seed, uint64_t(99));
        QCOMPARE(back->itemCutoff, int64_t(1710000000));
        QCOMPARE(back->supportSize, 4);
        QCOMPARE(back->name, std::string("cold items"));
        QVERIFY(toJson(*back) == toJson(p));
    }
};

QTEST_GUILESS_MAIN(TestSplit)
#include "tst_split.moc"
