#include <QtTest>

#include <cmath>
#include <limits>
#include <vector>

#include "eval/metrics.h"

using namespace recforge;
using Ranks = std::vector<int64_t>;

namespace {
double lg(double x)
{
    return std::log2(x);
}
} // namespace

class TestMetrics : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rankingMetrics_data()
    {
        QTest::addColumn<Ranks>("ranks");
        QTest::addColumn<qint64>("numRelevant");
        QTest::addColumn<int>("k");
        QTest::addColumn<double>("hr");
        QTest::addColumn<double>("rec");
        QTest::addColumn<double>("prec");
        QTest::addColumn<double>("ndcgValue");
        QTest::addColumn<double>("mrr");
        QTest::addColumn<double>("map");

        // One target at rank 1, 3, 11 (beyond K=10), and not ranked at all.
        QTest::newRow("single@1") << Ranks{1} << 1LL << 10 << 1.0 << 1.0 << 0.1 << 1.0 << 1.0
                                  << 1.0;
        QTest::newRow("single@3") << Ranks{3} << 1LL << 10 << 1.0 << 1.0 << 0.1 << 1.0 / lg(4)
                                  << 1.0 / 3 << 1.0 / 3;
        QTest::newRow("single@11")
            << Ranks{11} << 1LL << 10 << 0.0 << 0.0 << 0.0 << 0.0 << 0.0 << 0.0;
        QTest::newRow("miss") << Ranks{} << 1LL << 10 << 0.0 << 0.0 << 0.0 << 0.0 << 0.0 << 0.0;
        // Three relevant, two retrieved at ranks 1 and 4 within K=5:
        // DCG = 1 + 1/log2(5); IDCG = 1 + 1/log2(3) + 1/2; AP = (1/1 + 2/4) / 3.
        QTest::newRow("multi@5") << Ranks{4, 1, 9} << 3LL << 5 << 1.0 << 2.0 / 3 << 2.0 / 5
                                 << (1 + 1 / lg(5)) / (1 + 1 / lg(3) + 0.5) << 1.0 << 0.5;
        // IDCG uses min(numRelevant, K): 4 relevant, K = 2, ranks 2 and 3.
        QTest::newRow("idcgCapped") << Ranks{2, 3} << 4LL << 2 << 1.0 << 0.25 << 0.5
                                    << (1 / lg(3)) / (1 + 1 / lg(3)) << 0.5 << 0.25;
        // No cut-off (k = 0): everything counts; precision is 0 by definition.
        QTest::newRow("noCutoff") << Ranks{100} << 1LL << 0 << 1.0 << 1.0 << 0.0 << 1 / lg(101)
                                  << 0.01 << 0.01;
    }

    void rankingMetrics()
    {
        QFETCH(Ranks, ranks);
        QFETCH(qint64, numRelevant);
        QFETCH(int, k);
        QFETCH(double, hr);
        QFETCH(double, rec);
        QFETCH(double, prec);
        QFETCH(double, ndcgValue);
        QFETCH(double, mrr);
        QFETCH(double, map);
        QVERIFY(qFuzzyCompare(1 + hitRate(ranks, k), 1 + hr));
        QVERIFY(qFuzzyCompare(1 + recall(ranks, numRelevant, k), 1 + rec));
        QVERIFY(qFuzzyCompare(1 + precision(ranks, k), 1 + prec));
        QVERIFY2(qFuzzyCompare(1 + ndcg(ranks, numRelevant, k), 1 + ndcgValue),
                 qPrintable(QString::number(ndcg(ranks, numRelevant, k))));
        QVERIFY(qFuzzyCompare(1 + reciprocalRank(ranks, k), 1 + mrr));
        QVERIFY2(qFuzzyCompare(1 + averagePrecision(ranks, numRelevant, k), 1 + map),
                 qPrintable(QString::number(averagePrecision(ranks, numRelevant, k))));
    }

    void noRelevantItemsGiveZero()
    {
        QCOMPARE(recall(Ranks{}, 0, 10), 0.0);
        QCOMPARE(ndcg(Ranks{}, 0, 10), 0.0);
        QCOMPARE(averagePrecision(Ranks{}, 0, 10), 0.0);
    }

    void coverageAndPopularity()
    {
        const std::vector<std::vector<int32_t>> lists{{0, 1}, {1, 2}, {}};
        QCOMPARE(itemCoverage(lists, 6), 0.5);
        QCOMPARE(itemCoverage(lists, 0), 0.0);
        const std::vector<int64_t> pop{10, 20, 40, 0, 0, 0};
        // (10+20)/2 = 15, (20+40)/2 = 30; the empty list is skipped -> 22.5.
        QCOMPARE(averagePopularity(lists, pop), 22.5);
    }

    void aucCases_data()
    {
        QTest::addColumn<std::vector<float>>("scores");
        QTest::addColumn<std::vector<uint8_t>>("labels");
        QTest::addColumn<double>("expected");
        QTest::newRow("perfect") << std::vector<float>{0.9f, 0.8f, 0.1f, 0.2f}
                                 << std::vector<uint8_t>{1, 1, 0, 0} << 1.0;
        QTest::newRow("inverted") << std::vector<float>{0.1f, 0.2f, 0.9f}
                                  << std::vector<uint8_t>{1, 1, 0} << 0.0;
        // Pairs (pos, neg): (0.8,0.5) win, (0.8,0.9) lose, (0.3,0.5) lose, (0.3,0.9) lose -> 1/4.
        QTest::newRow("mixed") << std::vector<float>{0.8f, 0.3f, 0.5f, 0.9f}
                               << std::vector<uint8_t>{1, 1, 0, 0} << 0.25;
        QTest::newRow("ties") << std::vector<float>{0.5f, 0.5f} << std::vector<uint8_t>{1, 0}
                              << 0.5;
    }

    void aucCases()
    {
        QFETCH(std::vector<float>, scores);
        QFETCH(std::vector<uint8_t>, labels);
        QFETCH(double, expected);
        QCOMPARE(auc(scores, labels), expected);
    }

    void aucUndefinedWithOneClass()
    {
        const std::vector<float> s{0.1f, 0.2f};
        const std::vector<uint8_t> l{1, 1};
        QVERIFY(std::isnan(auc(s, l)));
    }

    void logLossAndRatings()
    {
        const std::vector<float> p{0.8f, 0.4f};
        const std::vector<uint8_t> l{1, 0};
        const double expected = -(std::log(0.8) + std::log(0.6)) / 2;
        QVERIFY(std::abs(logLoss(p, l) - expected) < 1e-6);
        // A confident wrong answer is clamped, not infinite.
        const std::vector<float> wrong{0.0f};
        const std::vector<uint8_t> one{1};
        QVERIFY(std::isfinite(logLoss(wrong, one)));
        QVERIFY(logLoss(wrong, one) > 30);

        const std::vector<float> pred{3, 5, 2}, truth{4, 5, 4};
        QVERIFY(std::abs(rmse(pred, truth) - std::sqrt(5.0 / 3)) < 1e-9);
        QVERIFY(std::abs(mae(pred, truth) - 1.0) < 1e-9);
        QVERIFY(std::isnan(rmse(pred, std::vector<float>{1})));
        QVERIFY(std::isnan(mae({}, {})));
    }
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
