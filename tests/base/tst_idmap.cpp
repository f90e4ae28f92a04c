#include <QtTest>

#include "data/dataset.h"
#include "data/idmap.h"

using namespace recforge;

class TestIdMap : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void internIsStableBothWays()
    {
        IdMap map;
        QCOMPARE(map.intern("b"), 0);
        QCOMPARE(map.intern("a"), 1);
        QCOMPARE(map.intern("b"), 0);
        QCOMPARE(map.size(), 2);
        QCOMPARE(QString::fromStdString(map.id(1)), QStringLiteral("a"));
        QVERIFY(!map.find("zzz").has_value());
        QCOMPARE(*map.find("a"), 1);
    }

    void sequencesAreTimeOrderedWithStableTies()
    {
        Dataset d;
        const int32_t u0 = d.users.intern("u0"), u1 = d.users.intern("u1");
        const int32_t a = d.items.intern("a"), b = d.items.intern("b"), c = d.items.intern("c");
        d.interactions.append(u0, a, 30, 0, 1);
        d.interactions.append(u1, b, 5, 0, 1);
        d.interactions.append(u0, b, 10, 0, 1);
        d.interactions.append(u0, c, 10, 0, 1); // same time as b: file order kept
        const UserSequences seq = UserSequences::build(d);
        QCOMPARE(seq.userCount(), 2);
        auto items0 = seq.itemsOf(u0);
        QCOMPARE(int(items0.size()), 3);
        QCOMPARE(items0[0], b);
        QCOMPARE(items0[1], c);
        QCOMPARE(items0[2], a);
        QCOMPARE(int(seq.itemsOf(u1).size()), 1);
    }
};

QTEST_GUILESS_MAIN(TestIdMap)
#include "tst_idmap.moc"
