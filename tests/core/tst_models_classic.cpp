#include <QtTest>

#include <QTemporaryDir>

#include "eval/evaluator.h"
#include "models/ease.h"
#include "models/itemknn.h"
#include "models/modelfactory.h"
#include "models/popularity.h"
#include "models/registry.h"
#include "tinydata.h"

using namespace recforge;
using namespace recforge::test;

namespace {

// Two taste clusters: users 0-3 use items 0-3, users 4-7 use items 4-7; item 8 is only ever a
// test item (never fitted). Every sequence ends with a validation and a test row.
std::pair<Dataset, Split> clusterData()
{
    return tinyData(8, 9,
                    looRows({{0, 1, 2, 3, 0, 1},
                             {1, 2, 0, 3, 2},
                             {2, 0, 1, 3},
                             {3, 0, 1, 2, 8},
                             {4, 5, 6, 7, 4},
                             {5, 6, 4, 7, 5},
                             {6, 4, 5, 7},
                             {7, 4, 5, 6, 8}}));
}

std::vector<float> row(const torch::Tensor &scores, int64_t r)
{
    auto t = scores[r].contiguous();
    return {t.data_ptr<float>(), t.data_ptr<float>() + t.numel()};
}

} // namespace

class TestModelsClassic : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyRegisteredModelFitsScoresAndRoundTrips_data()
    {
        QTest::addColumn<QString>("id");
        for (const auto &s : modelSchemas())
            QTest::newRow(s.id.c_str()) << QString::fromStdString(s.id);
    }

    void everyRegisteredModelFitsScoresAndRoundTrips()
    {
        QFETCH(QString, id);
        auto [d, split] = clusterData();
        auto data = TrainingData::build(d, split);
        QVERIFY(data.has_value());
        auto model = createModel(id.toStdString(), {});
        QVERIFY2(model.has_value(), model ? "" : model.error().message.c_str());
        QVERIFY(!(*model)->isFitted());
        NullObserver obs;
        FitContext ctx(obs);
        auto fitted = (*model)->fit(*data, ctx);
        QVERIFY2(fitted.has_value(), fitted ? "" : fitted.error().message.c_str());
        QVERIFY((*model)->isFitted());
        QCOMPARE((*model)->itemCount(), 9);
        QVERIFY((*model)->parameterCount() > 0);
        QCOMPARE(QString::fromStdString((*model)->id()), id);

        ScoreRequest req;
        for (const auto &c : data->cases(EvalStage::Test))
            req.add(c.user, c.history);
        torch::Tensor scores = (*model)->scoreItems(req);
        QCOMPARE(scores.dim(), 2);
        QCOMPARE(scores.size(0), int64_t(req.size()));
        QCOMPARE(scores.size(1), 9);
        QCOMPARE(scores.scalar_type(), torch::kFloat);
        QVERIFY(torch::isfinite(scores).all().item<bool>());

        auto result = evaluate(**model, *data, EvalOptions{}, obs);
        QVERIFY2(result.has_value(), result ? "" : result.error().message.c_str());
        QCOMPARE(int(result->users), 8);

        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("model.pt")).toStdString();
        QVERIFY((*model)->save(path).has_value());
        auto loaded = loadModel(path);
        QVERIFY2(loaded.has_value(), loaded ? "" : loaded.error().message.c_str());
        QCOMPARE((*loaded)->params(), (*model)->params());
        QVERIFY(torch::equal((*loaded)->scoreItems(req), scores));
    }

    void personalisedModelsPreferTheUsersCluster_data()
    {
        QTest::addColumn<QString>("id");
        QTest::newRow("itemknn") << "itemknn";
        QTest::newRow("userknn") << "userknn";
        QTest::newRow("ease") << "ease";
    }

    void personalisedModelsPreferTheUsersCluster()
    {
        QFETCH(QString, id);
        auto [d, split] = clusterData();
        auto data = TrainingData::build(d, split);
        // EASE needs a small lambda on data this tiny.
        auto model = createModel(id.toStdString(),
                                 id == "ease" ? nlohmann::json{{"lambda", 1.0}} : nlohmann::json{});
        NullObserver obs;
        QVERIFY((*model)->fit(*data, FitContext(obs)).has_value());
        const std::vector<int32_t> historyA{0, 1}, historyB{4, 5};
        ScoreRequest req;
        req.add(100, {historyA, {}, {}, {}}); // an unknown (cold) user with a history
        req.add(101, {historyB, {}, {}, {}});
        const auto scores = (*model)->scoreItems(req);
        const auto a = row(scores, 0), b = row(scores, 1);
        QVERIFY(a[2] > a[6] && a[3] > a[7]);
        QVERIFY(b[6] > b[2] && b[7] > b[3]);
    }

    void itemKnnRecoversCooccurrenceNeighbours()
    {
        auto [d, split] = clusterData();
        auto data = TrainingData::build(d, split);
        ItemKnn model(*resolveParams(itemKnnSchema(), {{"k", 2}, {"shrink", 0}}));
        NullObserver obs;
        QVERIFY(model.fit(*data, FitContext(obs)).has_value());
        for (int32_t item : {0, 4}) {
            const auto n = model.neighbours(item);
            QCOMPARE(int(n.size()), 2); // k = 2
            for (const auto &[sim, j] : n) {
                QVERIFY(sim > 0 && sim <= 1.0001f);
                QCOMPARE(j / 4, item / 4); // same cluster
            }
        }
        QVERIFY(model.neighbours(8).empty()); // never fitted: no neighbours
    }

    void popularityCountsFitRowsOnly()
    {
        auto [d, split] = clusterData();
        NullObserver obs;
        for (FitScope scope : {FitScope::Train, FitScope::TrainAndValidation}) {
            auto data = TrainingData::build(d, split, {scope});
            Popularity model(*resolveParams(popularitySchema(), {}));
            QVERIFY(model.fit(*data, FitContext(obs)).has_value());
            const auto &c = model.counts();
            for (int32_t i = 0; i < 9; ++i)
                QCOMPARE(c[i].item<float>(), float(data->itemFitCounts()[size_t(i)]));
            QCOMPARE(c[8].item<float>(), 0.0f); // item 8 only occurs as a test row
        }
    }

    void easeRefusesLargeCataloguesAndHasZeroDiagonal()
    {
        auto [d, split] = clusterData();
        auto data = TrainingData::build(d, split);
        NullObserver obs;
        Ease small(*resolveParams(easeSchema(), {{"maxItems", 5}}));
        const auto refused = small.fit(*data, FitContext(obs));
        QVERIFY(!refused.has_value());
        QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(QString::fromStdString(refused.error().location.field),
                 QStringLiteral("maxItems"));
        Ease model(*resolveParams(easeSchema(), {}));
        QVERIFY(model.fit(*data, FitContext(obs)).has_value());
        QCOMPARE(model.weights().diagonal().abs().max().item<float>(), 0.0f);
    }

    void factoryErrors()
    {
        auto unknown = createModel("nope", {});
        QVERIFY(!unknown.has_value());
        QCOMPARE(unknown.error().code, ErrorCode::NotFound);
        QVERIFY(unknown.error().message.find("itemknn") != std::string::npos);
        auto bad = createModel("itemknn", {{"k", 0}});
        QVERIFY(!bad.has_value());
        QCOMPARE(bad.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(QString::fromStdString(bad.error().location.field), QStringLiteral("k"));
        QVERIFY(!loadModel("/nonexistent/model.pt").has_value());
    }

    void fitHonoursStop()
    {
        auto [d, split] = clusterData();
        auto data = TrainingData::build(d, split);
        NullObserver obs;
        StopToken stop;
        stop.requestStop();
        for (const char *id : {"popularity", "itemknn", "userknn", "ease"}) {
            auto model = createModel(id, {});
            const auto s = (*model)->fit(*data, FitContext(obs, stop));
            QVERIFY2(!s.has_value(), id);
            QCOMPARE(s.error().code, ErrorCode::Cancelled);
        }
    }

    void typedParamsMatchSchemaDefaults()
    {
        const auto knn = ItemKnnParams::fromJson(*resolveParams(itemKnnSchema(), {}));
        const ItemKnnParams def;
        QCOMPARE(knn.k, def.k);
        QCOMPARE(knn.shrink, def.shrink);
        QCOMPARE(knn.similarity, def.similarity);
        QCOMPARE(EaseParams::fromJson(*resolveParams(easeSchema(), {})).lambda,
                 EaseParams{}.lambda);
    }
};

QTEST_GUILESS_MAIN(TestModelsClassic)
#include "tst_models_classic.moc"
