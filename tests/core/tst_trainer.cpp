// Invariants of the shared Trainer on a tiny planted regression problem: seeded runs repeat,
// loss falls, resume == uninterrupted, cancellation, NaN guard, early stopping, pruning, events.
#include <chrono>
#include <cmath>
#include <numeric>

#include <QTemporaryDir>
#include <QTest>

#include <torch/torch.h>

#include "train/callbacks.h"
#include "train/trainer.h"

using namespace recforge;

namespace {

// y = x . w* + noise with a small MLP (dropout so RNG state matters for resume).
struct Mlp : torch::nn::Module {
    Mlp()
    {
        fc1 = register_module("fc1", torch::nn::Linear(8, 16));
        fc2 = register_module("fc2", torch::nn::Linear(16, 1));
        drop = register_module("drop", torch::nn::Dropout(0.1));
    }
    torch::Tensor forward(const torch::Tensor &x) { return fc2(drop(torch::relu(fc1(x)))); }
    torch::nn::Linear fc1{nullptr}, fc2{nullptr};
    torch::nn::Dropout drop{nullptr};
};

class Planted final : public Objective {
public:
    explicit Planted(int64_t n = 512)
    {
        torch::manual_seed(7);
        m_x = torch::randn({n, 8});
        m_y = m_x.mm(torch::linspace(-1, 1, 8).unsqueeze(1)) + 0.01 * torch::randn({n, 1});
        m_net = std::make_shared<Mlp>();
    }
    torch::nn::Module &module() override { return *m_net; }
    int64_t beginEpoch(int, int64_t batchSize, std::mt19937_64 &rng) override
    {
        m_order.resize(size_t(m_x.size(0)));
        std::iota(m_order.begin(), m_order.end(), int64_t(0));
        std::shuffle(m_order.begin(), m_order.end(), rng);
        m_batch = batchSize;
        return (int64_t(m_order.size()) + batchSize - 1) / batchSize;
    }
    BatchLoss loss(int64_t b) override
    {
        ++calls;
        const int64_t begin = b * m_batch;
        const int64_t n = std::min<int64_t>(m_batch, int64_t(m_order.size()) - begin);
        torch::Tensor idx = torch::tensor(
            std::vector<int64_t>(m_order.begin() + begin, m_order.begin() + begin + n));
        torch::Tensor l =
            torch::mse_loss(m_net->forward(m_x.index_select(0, idx)), m_y.index_select(0, idx));
        if (nanAtCall > 0 && calls == nanAtCall)
            l = l * std::numeric_limits<double>::quiet_NaN();
        return {l, n};
    }
    Expected<std::optional<Validation>> validate(int epoch) override
    {
        if (scripted.empty())
            return std::optional<Validation>{};
        const double v = scripted[size_t(std::min<int>(epoch, int(scripted.size())) - 1)];
        return std::optional<Validation>(Validation{v, {{"score", v}}});
    }
    torch::Tensor flatWeights()
    {
        std::vector<torch::Tensor> flat;
        for (auto &p : m_net->parameters())
            flat.push_back(p.detach().reshape(-1).clone());
        return torch::cat(flat);
    }

    int64_t calls = 0;
    int64_t nanAtCall = 0;
    std::vector<double> scripted; // validation value per epoch

private:
    torch::Tensor m_x, m_y;
    std::shared_ptr<Mlp> m_net;
    std::vector<int64_t> m_order;
    int64_t m_batch = 1;
};

TrainParams smallParams()
{
    TrainParams p;
    p.epochs = 4;
    p.batchSize = 64;
    p.learningRate = 1e-2;
    p.warmupSteps = 5;
    p.schedule = LrSchedule::Cosine;
    p.clipNorm = 1.0;
    p.seed = 123;
    p.device = "cpu";
    p.threads = 1; // multi-threaded reductions may differ in the last bits
    return p;
}

// Records events; can stop the run after a number of batches / epochs.
class Recorder final : public TrainObserver {
public:
    void onBatch(const BatchEvent &e) override
    {
        batches.push_back(e);
        if (stopAfterBatches > 0 && int64_t(batches.size()) == stopAfterBatches) {
            stop.requestStop();
            stopAt = std::chrono::steady_clock::now();
        }
    }
    void onEpoch(const EpochEvent &e) override
    {
        epochs.push_back(e);
        if (stopAfterEpochs > 0 && int(epochs.size()) == stopAfterEpochs)
            stop.requestStop();
    }
    std::vector<BatchEvent> batches;
    std::vector<EpochEvent> epochs;
    int64_t stopAfterBatches = 0;
    int stopAfterEpochs = 0;
    StopToken stop;
    std::chrono::steady_clock::time_point stopAt;
};

} // namespace

class TestTrainer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void seededRunRepeats()
    {
        Planted a, b;
        NullObserver obs;
        auto ra = train(smallParams(), a, obs);
        auto rb = train(smallParams(), b, obs);
        QVERIFY2(ra.has_value(), ra ? "" : ra.error().message.c_str());
        QVERIFY(rb.has_value());
        QCOMPARE(ra->epochLosses, rb->epochLosses);
        QVERIFY(torch::equal(a.flatWeights(), b.flatWeights()));

        TrainParams other = smallParams();
        other.seed = 124;
        Planted c;
        auto rc = train(other, c, obs);
        QVERIFY(rc.has_value());
        QVERIFY(rc->epochLosses != ra->epochLosses);
    }

    void lossFallsOnPlantedPattern()
    {
        Planted objective;
        NullObserver obs;
        TrainParams p = smallParams();
        p.epochs = 15;
        auto r = train(p, objective, obs);
        QVERIFY(r.has_value());
        QCOMPARE(r->epochsRun, 15);
        QVERIFY2(r->epochLosses.back() < 0.25 * r->epochLosses.front(),
                 qPrintable(QString("first %1 last %2")
                                .arg(r->epochLosses.front())
                                .arg(r->epochLosses.back())));
    }

    void resumeEqualsUninterrupted()
    {
        QTemporaryDir dir;
        NullObserver obs;
        Planted straight;
        auto full = train(smallParams(), straight, obs);
        QVERIFY(full.has_value());

        // Interrupted after epoch 2 (stop requested in the epoch event), then resumed.
        Planted first;
        TrainParams p = smallParams();
        p.checkpointDir = dir.path().toStdString();
        p.resume = true;
        Recorder rec;
        rec.stopAfterEpochs = 2;
        auto part = train(p, first, rec, rec.stop);
        QVERIFY(!part.has_value());
        QCOMPARE(part.error().code, ErrorCode::Cancelled);

        Planted second; // fresh weights: everything must come from the checkpoint
        auto resumed = train(p, second, obs);
        QVERIFY2(resumed.has_value(), resumed ? "" : resumed.error().message.c_str());
        QCOMPARE(resumed->resumedFromEpoch, 2);
        QCOMPARE(resumed->epochsRun, 4);
        QCOMPARE(resumed->steps, full->steps);
        QCOMPARE(resumed->epochLosses, full->epochLosses);
        QVERIFY(torch::equal(second.flatWeights(), straight.flatWeights()));
    }

    void cancellationIsPrompt()
    {
        Planted objective;
        Recorder rec;
        rec.stopAfterBatches = 3;
        TrainParams p = smallParams();
        p.epochs = 1000;
        auto r = train(p, objective, rec, rec.stop);
        const double latency =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - rec.stopAt).count();
        QVERIFY(!r.has_value());
        QCOMPARE(r.error().code, ErrorCode::Cancelled);
        QCOMPARE(objective.calls, int64_t(3)); // no batch after the request
        QVERIFY(latency < 1.0);
    }

    void observerCanStop()
    {
        struct Stopper final : Observer {
            bool onProgress(const Progress &) override { return false; }
        } stopper;
        Planted objective;
        auto r = train(smallParams(), objective, stopper);
        QVERIFY(!r.has_value());
        QCOMPARE(r.error().code, ErrorCode::Cancelled);
    }

    void nanGuardNamesStepAndLoss()
    {
        Planted objective;
        objective.nanAtCall = 5;
        NullObserver obs;
        auto r = train(smallParams(), objective, obs);
        QVERIFY(!r.has_value());
        QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
        const QString msg = QString::fromStdString(r.error().message);
        QVERIFY2(msg.contains("step 5") && msg.contains("nan"), qPrintable(msg));
    }

    void earlyStoppingRestoresBest()
    {
        Planted objective;
        objective.scripted = {0.1, 0.3, 0.2, 0.25, 0.1, 0.05, 0.01, 0.0};
        Recorder rec;
        TrainParams p = smallParams();
        p.epochs = 8;
        p.patience = 3;
        auto r = train(p, objective, rec);
        QVERIFY(r.has_value());
        QVERIFY(r->earlyStopped);
        QCOMPARE(r->epochsRun, 5);
        QCOMPARE(r->bestEpoch, 2);
        QCOMPARE(r->bestValue, 0.3);
        QVERIFY(r->restoredBest);
        QCOMPARE(int(rec.epochs.size()), 5);
        QVERIFY(rec.epochs[1].improved && !rec.epochs[2].improved);
        QCOMPARE(rec.epochs[1].metrics.at("score"), 0.3);
    }

    void pruningStops()
    {
        Planted objective;
        objective.scripted = {0.1, 0.2, 0.3, 0.4};
        Trainer trainer;
        trainer.addCallback(std::make_shared<PruningCallback>(
            [](int epoch, double value) { return epoch == 2 && value < 0.5; }));
        NullObserver obs;
        auto r = trainer.run(smallParams(), objective, obs);
        QVERIFY(r.has_value());
        QVERIFY(r->pruned);
        QCOMPARE(r->epochsRun, 2);
    }

    void eventsAndThroughput()
    {
        Planted objective; // 512 examples / 64 = 8 batches per epoch
        Recorder rec;
        auto r = train(smallParams(), objective, rec);
        QVERIFY(r.has_value());
        QCOMPARE(int(rec.batches.size()), 32);
        QCOMPARE(rec.batches.back().step, int64_t(32));
        QCOMPARE(rec.batches[3].batchesInEpoch, int64_t(8));
        QCOMPARE(int(rec.epochs.size()), 4);
        QVERIFY(rec.epochs[0].samplesPerSecond > 0);
        QCOMPARE(rec.epochs.back().etaSeconds, 0.0);
        QVERIFY(rec.epochs[0].etaSeconds > 0);
        // Warm-up: step 1 uses 1/5 of the rate.
        QCOMPARE(rec.batches[0].learningRate, 1e-2 / 5);
    }

    void schedule_data()
    {
        QTest::addColumn<int>("schedule");
        QTest::addColumn<int>("step");
        QTest::addColumn<double>("expected");
        QTest::newRow("warmup") << int(LrSchedule::Linear) << 5 << 0.5;
        QTest::newRow("peak") << int(LrSchedule::Linear) << 10 << 1.0;
        QTest::newRow("linear mid") << int(LrSchedule::Linear) << 60 << 0.5 + 0.5 * 0.5;
        QTest::newRow("linear end") << int(LrSchedule::Linear) << 110 << 0.5;
        QTest::newRow("cosine mid") << int(LrSchedule::Cosine) << 60 << 0.75;
        QTest::newRow("cosine end") << int(LrSchedule::Cosine) << 110 << 0.5;
        QTest::newRow("constant") << int(LrSchedule::Constant) << 100 << 1.0;
    }
    void schedule()
    {
        QFETCH(int, schedule);
        QFETCH(int, step);
        QFETCH(double, expected);
        TrainParams p;
        p.learningRate = 1.0;
        p.warmupSteps = 10;
        p.minLrRatio = 0.5;
        p.schedule = LrSchedule(schedule);
        QVERIFY(std::abs(learningRateAt(p, step, 110) - expected) < 1e-9);
    }

    void badParams()
    {
        Planted objective;
        NullObserver obs;
        TrainParams p = smallParams();
        p.batchSize = 0;
        auto r = train(p, objective, obs);
        QVERIFY(!r.has_value());
        QCOMPARE(r.error().location.field, std::string("batchSize"));
        auto j = trainParamsFromJson({{"schedule", "sideways"}});
        QVERIFY(!j.has_value());
        QCOMPARE(j.error().location.field, std::string("schedule"));
        auto ok = trainParamsFromJson(toJson(smallParams()));
        QVERIFY(ok.has_value());
        QCOMPARE(ok->warmupSteps, int64_t(5));
    }
};

QTEST_GUILESS_MAIN(TestTrainer)
#include "tst_trainer.moc"
