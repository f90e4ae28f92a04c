// BPR-MF: recovers a planted two-block (rank-2) signal, folds in cold users, repeats with a
// seed, round-trips through a checkpoint, and cancels.
#include <QTemporaryDir>
#include <QTest>

#include <random>

#include <torch/torch.h>

#include "models/bprmf.h"
#include "models/modelfactory.h"
#include "models/registry.h"
#include "models/trainingdata.h"

using namespace recforge;

namespace {

constexpr int kUsers = 200, kItems = 100, kPerUser = 15;

int groupOfItem(int i)
{
    return i < kItems / 2 ? 0 : 1;
}

// Users 0, 2, 4... touch only items of block 0; odd users only block 1.
Dataset plantedDataset()
{
    Dataset ds;
    ds.name = "planted";
    for (int i = 0; i < kItems; ++i)
        ds.items.intern("i" + std::to_string(i));
    std::mt19937 rng(5);
    for (int u = 0; u < kUsers; ++u) {
        ds.users.intern("u" + std::to_string(u));
        std::vector<int> block(kItems / 2);
        std::iota(block.begin(), block.end(), (u % 2) * kItems / 2);
        std::shuffle(block.begin(), block.end(), rng);
        for (int k = 0; k < kPerUser; ++k)
            ds.interactions.append(u, block[size_t(k)], k, 3, 1.0f);
    }
    ds.syncInfoSizes();
    return ds;
}

TrainingData plantedData(const Dataset &ds)
{
    auto split = makeSplit(ds, SplitParams{});
    auto data = TrainingData::build(ds, *split);
    return std::move(*data);
}

std::unique_ptr<Recommender> makeModel(int epochs = 30)
{
    auto m = createModel(
        "bprmf",
        {{"dimension", 16}, {"epochs", epochs}, {"batchSize", 256}, {"learningRate", 0.02}});
    return std::move(*m);
}

// Share of users whose 10 best unseen items all lie in their own block.
double blockPrecision(Recommender &model, const TrainingData &data)
{
    ScoreRequest req;
    for (const auto &c : data.cases(EvalStage::Test))
        req.add(c.user, c.history);
    torch::Tensor scores = model.scoreItems(req);
    int good = 0;
    for (size_t r = 0; r < req.size(); ++r) {
        torch::Tensor s = scores[int64_t(r)].clone();
        for (int32_t i : req.histories[r].items)
            s[i] = -1e9;
        auto top = std::get<1>(s.topk(10));
        int own = 0;
        for (int k = 0; k < 10; ++k)
            own += groupOfItem(int(top[k].item<int64_t>())) == req.users[r] % 2;
        good += own == 10;
    }
    return double(good) / double(req.size());
}

} // namespace

class TestBprMf : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void registered()
    {
        const ModelSchema *s = findModelSchema("bprmf");
        QVERIFY(s != nullptr);
        QCOMPARE(s->family, std::string("factorisation"));
        auto bad = createModel("bprmf", {{"dimension", 0}});
        QVERIFY(!bad.has_value());
        QCOMPARE(bad.error().location.field, std::string("dimension"));
    }

    void recoversPlantedLowRankSignal()
    {
        const Dataset ds = plantedDataset();
        const TrainingData data = plantedData(ds);
        NullObserver obs;
        FitContext ctx(obs);
        ctx.threads = 1;
        auto model = makeModel();
        auto s = model->fit(data, ctx);
        QVERIFY2(s.has_value(), s ? "" : s.error().message.c_str());
        QVERIFY(model->isFitted());
        QCOMPARE(model->itemCount(), kItems);
        const double precision = blockPrecision(*model, data);
        QVERIFY2(precision > 0.9, qPrintable(QString::number(precision)));

        // An untrained model (1 epoch at a tiny rate) does not know the blocks.
        auto weak =
            createModel("bprmf", {{"dimension", 16}, {"epochs", 1}, {"learningRate", 1e-6}});
        QVERIFY((*weak)->fit(data, ctx).has_value());
        QVERIFY(blockPrecision(**weak, data) < 0.5);

        // scoreItems == userEmbeddings . itemEmbeddings^T + itemBias
        ScoreRequest req;
        req.add(0, data.cases(EvalStage::Test)[0].history);
        torch::Tensor direct = model->scoreItems(req);
        torch::Tensor viaEmb = model->userEmbeddings(req).mm(model->itemEmbeddings().t()) +
                               model->itemBias().unsqueeze(0);
        QVERIFY(torch::allclose(direct, viaEmb, 1e-5, 1e-5));
    }

    void foldsInColdUsers()
    {
        const Dataset ds = plantedDataset();
        const TrainingData data = plantedData(ds);
        NullObserver obs;
        FitContext ctx(obs);
        ctx.threads = 1;
        auto model = makeModel();
        QVERIFY(model->fit(data, ctx).has_value());
        std::vector<int32_t> history{1, 2, 3, 4, 5}; // block 0
        ScoreRequest req;
        req.add(100000, HistoryView{history, {}, {}, {}});
        req.add(-1, HistoryView{}); // empty history: bias only, still finite
        torch::Tensor s = model->scoreItems(req);
        QCOMPARE(s.size(0), int64_t(2));
        QVERIFY(torch::isfinite(s).all().item<bool>());
        torch::Tensor row = s[0].clone();
        for (int32_t i : history)
            row[i] = -1e9;
        auto top = std::get<1>(row.topk(10));
        int own = 0;
        for (int k = 0; k < 10; ++k)
            own += groupOfItem(int(top[k].item<int64_t>())) == 0;
        QVERIFY2(own >= 9, qPrintable(QString::number(own)));
    }

    void seededFitRepeatsAndCheckpointRoundTrips()
    {
        const Dataset ds = plantedDataset();
        const TrainingData data = plantedData(ds);
        NullObserver obs;
        FitContext ctx(obs);
        ctx.threads = 1;
        auto a = makeModel(5), b = makeModel(5);
        QVERIFY(a->fit(data, ctx).has_value());
        QVERIFY(b->fit(data, ctx).has_value());
        QVERIFY(torch::equal(a->itemEmbeddings(), b->itemEmbeddings()));

        QTemporaryDir dir;
        const std::string path = (dir.path() + "/bpr.ckpt").toStdString();
        QVERIFY(a->save(path).has_value());
        auto loaded = loadModel(path);
        QVERIFY2(loaded.has_value(), loaded ? "" : loaded.error().message.c_str());
        ScoreRequest req;
        for (const auto &c : data.cases(EvalStage::Test))
            req.add(c.user, c.history);
        QVERIFY(torch::equal(a->scoreItems(req), (*loaded)->scoreItems(req)));
    }

    void cancels()
    {
        const Dataset ds = plantedDataset();
        const TrainingData data = plantedData(ds);
        NullObserver obs;
        StopToken stop;
        stop.requestStop();
        FitContext ctx(obs, stop);
        auto model = makeModel();
        auto s = model->fit(data, ctx);
        QVERIFY(!s.has_value());
        QCOMPARE(s.error().code, ErrorCode::Cancelled);
        QVERIFY(!model->isFitted());
    }
};

QTEST_GUILESS_MAIN(TestBprMf)
#include "tst_bprmf.moc"
