#include <QtTest>

#include <algorithm>
#include <map>
#include <numeric>
#include <random>
#include <set>

#include "eval/evaluator.h"
#include "eval/ranking.h"
#include "models/trainingdata.h"
#include "tinydata.h"

using namespace recforge;
using namespace recforge::test;

namespace {

// A model whose scores the test controls: scores[user] is the row returned for that user.
class PlantedModel final : public Recommender {
public:
    PlantedModel(int32_t items, std::vector<std::vector<float>> scores)
        : Recommender("planted", nlohmann::json::object()), m_items(items),
          m_scores(std::move(scores))
    {
    }
    Status fit(const TrainingData &, const FitContext &) override { return {}; }
    bool isFitted() const override { return true; }
    int32_t itemCount() const override { return m_items; }
    torch::Tensor scoreItems(const ScoreRequest &request) override
    {
        torch::Tensor out = torch::zeros({int64_t(request.size()), m_items});
        for (size_t b = 0; b < request.size(); ++b)
            for (int32_t i = 0; i < m_items; ++i)
                out[int64_t(b)][i] = m_scores[size_t(request.users[b])][size_t(i)];
        ++calls;
        return out;
    }
    torch::Tensor scoreCandidates(const ScoreRequest &request,
                                  const torch::Tensor &candidates) override
    {
        for (int64_t b = 0; b < candidates.size(0); ++b) {
            std::vector<int32_t> row;
            for (int64_t j = 0; j < candidates.size(1); ++j)
                row.push_back(int32_t(candidates[b][j].item<int64_t>()));
            seenCandidates[request.users[size_t(b)]] = row;
        }
        return Recommender::scoreCandidates(request, candidates);
    }
    int64_t parameterCount() const override { return 0; }

    int calls = 0;
    std::map<int32_t, std::vector<int32_t>> seenCandidates;

protected:
    void writeState(torch::serialize::OutputArchive &) const override {}
    Status readState(torch::serialize::InputArchive &) override { return {}; }

private:
    int32_t m_items;
    std::vector<std::vector<float>> m_scores;
};

// 3 users, 6 items. u0: 0 1 | valid 2 | test 4. u1: 3 5 | valid 0 | test 3 (a repeat).
// u2: 1 2 3 4 | valid 5 | test 0.
std::pair<Dataset, Split> plantedData()
{
    return tinyData(3, 6, looRows({{0, 1, 2, 4}, {3, 5, 0, 3}, {1, 2, 3, 4, 5, 0}}));
}

EvalOptions fullOptions(std::vector<int> ks = {1, 2, 5})
{
    EvalOptions o;
    o.ks = std::move(ks);
    o.ties = TieRule::Pessimistic;
    return o;
}

} // namespace

class TestEvaluator : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void trainingDataIsLeakFree()
    {
        auto [d, split] = plantedData();
        auto data = TrainingData::build(d, split);
        QVERIFY(data.has_value());
        // Fit rows are Train rows only.
        QCOMPARE(int(data->fitRowCount()), 2 + 2 + 4);
        for (int32_t u = 0; u < 3; ++u)
            for (size_t k = 0; k < data->fitSequence(u).size(); ++k) {
                const int64_t ts = data->fitSequence(u).timestamps[k];
                QCOMPARE(SplitRole(split.role[size_t(ts)]), SplitRole::Train);
            }
        // Validation histories: Train rows before the validation row; targets = validation item.
        const auto val = data->cases(EvalStage::Validation);
        QCOMPARE(int(val.size()), 3);
        QCOMPARE(std::vector<int32_t>(val[0].history.items.begin(), val[0].history.items.end()),
                 (std::vector<int32_t>{0, 1}));
        QCOMPARE(val[0].targets[0], 2);
        // Test histories add the validation row, never the test row.
        const auto test = data->cases(EvalStage::Test);
        QCOMPARE(std::vector<int32_t>(test[2].history.items.begin(), test[2].history.items.end()),
                 (std::vector<int32_t>{1, 2, 3, 4, 5}));
        QCOMPARE(test[2].targets[0], 0);
        for (const auto &c : test)
            for (size_t k = 0; k < c.history.size(); ++k)
                QVERIFY(SplitRole(split.role[size_t(c.history.timestamps[k])]) != SplitRole::Test);
        // Counts see no test row: item 4 is Train for u2 only (u0's 4 is its test row).
        QCOMPARE(int(data->itemFitCounts()[4]), 1);
        // Whole-dataset items (for negatives) do include the test item.
        const auto all = data->allItemsOf(0);
        QVERIFY(std::binary_search(all.begin(), all.end(), 4));
    }

    void refitScopeIncludesValidationAndDropsValidationStage()
    {
        auto [d, split] = plantedData();
        auto data = TrainingData::build(d, split, {FitScope::TrainAndValidation});
        QVERIFY(data.has_value());
        QCOMPARE(int(data->fitRowCount()), 8 + 3);
        QVERIFY(!data->hasStage(EvalStage::Validation));
        QVERIFY(data->hasStage(EvalStage::Test));
        QCOMPARE(int(data->itemFitCounts()[4]), 1); // still no test row
    }

    void randomSplitHistoryIsEveryVisibleRow()
    {
        // u0 rows: 0 Test, 1 Train, 2 Train: the test row comes first in time, yet the random
        // split is not temporal, so both train rows are history.
        auto [d, split] = tinyData(
            1, 4, {{0, 0, SplitRole::Test}, {0, 1, SplitRole::Train}, {0, 2, SplitRole::Train}},
            SplitKind::RandomRatio);
        auto data = TrainingData::build(d, split);
        QVERIFY(data.has_value());
        QCOMPARE(int(data->cases(EvalStage::Test)[0].history.size()), 2);
        // The same rows under a temporal split keep no history before the target.
        split.params.kind = SplitKind::Temporal;
        auto temporal = TrainingData::build(d, split);
        QCOMPARE(int(temporal->cases(EvalStage::Test)[0].history.size()), 0);
    }

    void badSplitIsAnError()
    {
        auto [d, split] = plantedData();
        split.role.pop_back();
        auto data = TrainingData::build(d, split);
        QVERIFY(!data.has_value());
        QCOMPARE(data.error().code, ErrorCode::InvalidArgument);
    }

    void fullRankingKnownRanksAndMasking()
    {
        auto [d, split] = plantedData();
        auto data = TrainingData::build(d, split);
        // u0: history {0,1,2} masked despite top scores; target 4 is behind only item 3 -> rank 2.
        // u1: history {3,5,0}; target 3 is a history item -> masked -> miss.
        // u2: history {1..5}; target 0 is the only unmasked item -> rank 1.
        PlantedModel model(6, {{9, 8, 7, 5, 3, 1}, {1, 2, 3, 9, 4, 5}, {0, 9, 9, 9, 9, 9}});
        NullObserver obs;
        auto r = evaluate(model, *data, fullOptions(), obs);
        QVERIFY2(r.has_value(), r ? "" : r.error().message.c_str());
        QCOMPARE(int(r->users), 3);
        QCOMPARE(r->value("HR@1"), 1.0 / 3);
        QCOMPARE(r->value("HR@2"), 2.0 / 3);
        QVERIFY(std::abs(r->value("NDCG@2") - (1.0 / std::log2(3.0) + 1.0) / 3) < 1e-9);
        QCOMPARE(r->value("MRR@5"), (0.5 + 1.0) / 3);
        // Top-1 lists: u0 -> 3, u1 -> 4 (3, 5, 0 masked), u2 -> 0: coverage 3/6.
        QCOMPARE(r->value("Coverage@1"), 0.5);
        QCOMPARE(r->protocol.candidates, Candidates::Full);
        QCOMPARE(r->overall.values.front().protocol.label(1),
                 std::string("tiny, leave-one-out/seed42, full ranking, test, K=1"));
    }

    void tieRules()
    {
        auto [d, split] = plantedData();
        auto data = TrainingData::build(d, split);
        // Every score equal: u0's target ties with 2 unmasked items (3 and 5).
        PlantedModel model(6, std::vector<std::vector<float>>(3, std::vector<float>(6, 1.0f)));
        NullObserver obs;
        EvalOptions o = fullOptions();
        o.maxUsers = 1;
        o.ties = TieRule::Pessimistic;
        QCOMPARE(evaluate(model, *data, o, obs)->value("MRR@5"), 1.0 / 3);
        o.ties = TieRule::Optimistic;
        QCOMPARE(evaluate(model, *data, o, obs)->value("MRR@5"), 1.0);
        o.ties = TieRule::Random;
        const double random = evaluate(model, *data, o, obs)->value("MRR@5");
        QVERIFY(random == 1.0 || random == 0.5 || random == 1.0 / 3);
        QCOMPARE(evaluate(model, *data, o, obs)->value("MRR@5"), random); // deterministic
    }

    void nanScoresRankLast()
    {
        auto [d, split] = plantedData();
        auto data = TrainingData::build(d, split);
        const float nan = std::numeric_limits<float>::quiet_NaN();
        PlantedModel model(6, {{0, 0, 0, nan, 1, 2}, {0, 0, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 0}});
        NullObserver obs;
        EvalOptions o = fullOptions();
        o.maxUsers = 1;
        QCOMPARE(evaluate(model, *data, o, obs)->value("MRR@5"), 0.5); // only item 5 beats 4
    }

    void sampledNegativesAvoidUserItemsAndRepeat()
    {
        // 4 users over 40 items, random sequences of 6 distinct items.
        std::mt19937 gen(7);
        std::vector<std::vector<int>> seqs;
        for (int u = 0; u < 4; ++u) {
            std::vector<int> all(40);
            std::iota(all.begin(), all.end(), 0);
            std::shuffle(all.begin(), all.end(), gen);
            seqs.emplace_back(all.begin(), all.begin() + 6);
        }
        auto [d, split] = tinyData(4, 40, looRows(seqs));
        auto data = TrainingData::build(d, split);
        std::vector<std::vector<float>> scores(4, std::vector<float>(40));
        for (auto &row : scores)
            for (auto &s : row)
                s = float(gen() % 1000);
        NullObserver obs;
        for (Candidates kind : {Candidates::UniformSampled, Candidates::PopularitySampled}) {
            PlantedModel a(40, scores), b(40, scores);
            EvalOptions o;
            o.candidates = kind;
            o.negatives = 10;
            o.batchSize = 3;
            auto ra = evaluate(a, *data, o, obs);
            QVERIFY(ra.has_value());
            o.batchSize = 1; // batch size must not change the draw
            auto rb = evaluate(b, *data, o, obs);
            QCOMPARE(a.seenCandidates, b.seenCandidates);
            QCOMPARE(ra->value("NDCG@10"), rb->value("NDCG@10"));
            for (const auto &[user, list] : a.seenCandidates) {
                QCOMPARE(int(list.size()), 11);
                QCOMPARE(list[0], seqs[size_t(user)].back()); // the target comes first
                const std::set<int32_t> distinct(list.begin(), list.end());
                QCOMPARE(int(distinct.size()), 11);
                for (size_t j = 1; j < list.size(); ++j) // no item the user ever touched
                    QVERIFY(std::find(seqs[size_t(user)].begin(), seqs[size_t(user)].end(),
                                      list[j]) == seqs[size_t(user)].end());
            }
            o.seed = 43;
            PlantedModel c(40, scores);
            QVERIFY(evaluate(c, *data, o, obs).has_value());
            QVERIFY(c.seenCandidates != a.seenCandidates);
        }
    }

    void drawNegativesTakesAllWhenFewRemain()
    {
        std::mt19937_64 rng(1);
        const std::vector<int32_t> exclude{0, 2, 3};
        auto neg = drawNegatives(rng, 5, 10, exclude, {});
        QCOMPARE(neg, (std::vector<int32_t>{1, 4}));
    }

    void bucketsAndJson()
    {
        auto [d, split] = plantedData();
        auto data = TrainingData::build(d, split);
        PlantedModel model(6, {{9, 8, 7, 5, 3, 1}, {1, 2, 3, 9, 4, 5}, {0, 9, 9, 9, 9, 9}});
        NullObserver obs;
        EvalOptions o = fullOptions();
        o.bucketEdges = {4};
        auto r = evaluate(model, *data, o, obs);
        QVERIFY(r.has_value());
        // History lengths 3, 3, 5 -> buckets "history 1-3" (2 users) and "history 4+" (1 user).
        QCOMPARE(int(r->buckets.size()), 2);
        QCOMPARE(QString::fromStdString(r->buckets[0].group), QStringLiteral("history 1-3"));
        QCOMPARE(int(r->buckets[0].users), 2);
        QCOMPARE(int(r->buckets[1].users), 1);
        const auto j = toJson(*r);
        QCOMPARE(j["overall"]["users"].get<int>(), 3);
        QVERIFY(j["protocol"]["label"].get<std::string>().find("full ranking") !=
                std::string::npos);
        // Protocol and metric values round-trip through JSON.
        const MetricValue &v = r->overall.values.front();
        auto back = metricValueFromJson(toJson(v));
        QVERIFY(back.has_value());
        QCOMPARE(back->name, v.name);
        QCOMPARE(back->value, v.value);
        QVERIFY(back->protocol == v.protocol);
    }

    void badOptionsAndCancellation()
    {
        auto [d, split] = plantedData();
        auto data = TrainingData::build(d, split);
        PlantedModel model(6, std::vector<std::vector<float>>(3, std::vector<float>(6, 1.0f)));
        NullObserver obs;
        EvalOptions o;
        o.ks = {0};
        QCOMPARE(evaluate(model, *data, o, obs).error().code, ErrorCode::InvalidArgument);
        PlantedModel wrongSize(5, std::vector<std::vector<float>>(3, std::vector<float>(5)));
        QCOMPARE(evaluate(wrongSize, *data, EvalOptions{}, obs).error().code,
                 ErrorCode::InvalidArgument);
        StopToken stop;
        stop.requestStop();
        QCOMPARE(evaluate(model, *data, EvalOptions{}, obs, stop).error().code,
                 ErrorCode::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestEvaluator)
#include "tst_evaluator.moc"
