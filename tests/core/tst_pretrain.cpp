// Behaviour pretraining and fine-tuning of the sequential transformer: params round trip, each
// objective's loss falls, attribute prediction learns planted attributes, a fine-tune starts from
// the pretrained weights (frozen layers stay, layer-wise rates, head re-initialisation),
// classification / regression heads learn planted labels, a cold item with a trained item's text
// scores like it, cancelled runs resume to the uninterrupted result, other architectures fail
// with the tensor's name and shapes.
#include <QTemporaryDir>
#include <QTest>

#include <random>

#include <torch/torch.h>

#include "models/itemfeatures.h"
#include "models/modelfactory.h"
#include "models/seqtransformer.h"
#include "models/trainingdata.h"
#include "train/finetunepairs.h"
#include "train/seqpretrain.h"
#include "train/seqpretrained.h"
#include "train/trainer.h"

using namespace recforge;

namespace {

constexpr int kUsers = 200, kItems = 40;

// Users walk the item cycle i -> i+1 from a random start (8..13 steps); item i has category
// "c<i % 4>". With `randomWalk` users pick random items instead; an interaction is a purchase
// (rating 5) when its item has the parity of the one before, else a view (rating 1).
Dataset shopData(bool randomWalk = false, int extraItems = 0)
{
    Dataset ds;
    ds.name = "shop";
    for (int i = 0; i < kItems + extraItems; ++i)
        ds.items.intern("i" + std::to_string(i));
    std::mt19937 rng(7);
    for (int u = 0; u < kUsers; ++u) {
        ds.users.intern("u" + std::to_string(u));
        const int start = int(rng() % kItems), len = 8 + int(rng() % 6);
        int previous = -1;
        for (int k = 0; k < len; ++k) {
            const int item = randomWalk ? int(rng() % kItems) : (start + k) % kItems;
            const bool same = previous >= 0 && item % 2 == previous % 2;
            ds.interactions.append(u, item, k, uint16_t(same ? 3 : 0), same ? 5.0f : 1.0f);
            previous = item;
        }
    }
    ds.syncInfoSizes();
    for (int i = 0; i < kItems + extraItems; ++i)
        ds.itemInfo[size_t(i)].categoryPath = {"c" + std::to_string(i % 4)};
    return ds;
}

TrainingData trainingData(const Dataset &ds)
{
    auto split = makeSplit(ds, SplitParams{});
    return std::move(*TrainingData::build(ds, *split));
}

nlohmann::json encoderShape(int hidden = 32, int layers = 2)
{
    return {{"hiddenSize", hidden},   {"layers", layers}, {"heads", 2},
            {"ffnSize", 64},          {"maxLength", 16},  {"dropout", 0.1},
            {"attentionDropout", 0.1}};
}

PretrainParams pretrainParams(int epochs, bool cloze = true, bool attributes = true)
{
    PretrainParams p;
    p.model = encoderShape();
    p.cloze = cloze;
    p.attributes = attributes;
    p.train.epochs = epochs;
    p.train.batchSize = 64;
    p.train.learningRate = 5e-3;
    p.train.threads = 1;
    p.train.device = "cpu";
    return p;
}

SeqPretrainInputs inputsOf(const Dataset &ds)
{
    SeqPretrainInputs in;
    in.features = std::make_shared<ItemFeatures>(ItemFeatures::build(ds));
    in.attributes = std::make_shared<ItemFeatures>(ItemFeatures::build(ds));
    return in;
}

std::vector<torch::Tensor> snapshot(torch::nn::Module &m)
{
    std::vector<torch::Tensor> out;
    for (const auto &p : m.named_parameters(true))
        out.push_back(p.value().detach().clone());
    return out;
}

// Stops the run after epoch `after` (the checkpoint of that epoch is written first).
class StopAfter final : public TrainObserver {
public:
    StopAfter(int after, StopToken stop) : m_after(after), m_stop(std::move(stop)) {}
    void onCheckpoint(const CheckpointEvent &e) override
    {
        if (e.epoch >= m_after)
            m_stop.requestStop();
    }

private:
    int m_after;
    StopToken m_stop;
};

std::unique_ptr<SeqTransformer> sasrec(int epochs, const nlohmann::json &shape = encoderShape())
{
    nlohmann::json p = shape;
    p.update({{"epochs", epochs}, {"batchSize", 64}, {"learningRate", 5e-3}});
    auto created = createModel("sasrec", p);
    return std::unique_ptr<SeqTransformer>(static_cast<SeqTransformer *>(created->release()));
}

// The shop data and an encoder pretrained on it, saved to enc.pt in a temporary folder.
struct PretrainedShop {
    explicit PretrainedShop(PretrainParams p, bool randomWalk = false)
        : ds(shopData(randomWalk)), data(trainingData(ds)), params(std::move(p))
    {
        params.outputPath = dir.filePath("enc.pt").toStdString();
        done = pretrainSequences(params, data, inputsOf(ds), obs);
    }
    QTemporaryDir dir;
    const Dataset ds;
    const TrainingData data;
    NullObserver obs;
    PretrainParams params;
    Expected<SeqPretrained> done = tl::unexpected(Error{});
};

} // namespace

class TestPretrain : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(1); }

    void paramsRoundTrip()
    {
        PretrainParams p = pretrainParams(3, true, false);
        p.maskProb = 0.3;
        p.prefixes = true;
        p.clozeLoss = "sampled";
        p.clozeNegatives = 7;
        p.itemAttributeWeight = 0.5;
        p.outputPath = "/tmp/x.pt";
        auto back = pretrainParamsFromJson(toJson(p));
        QVERIFY(back.has_value());
        QVERIFY(toJson(*back) == toJson(p));
        PairFinetuneParams f;
        f.pretrained = "enc.pt";
        f.task = PairTask::Regression;
        f.finetune = {1, true, 0.8, true};
        auto fb = pairFinetuneParamsFromJson(toJson(f));
        QVERIFY(fb.has_value());
        QVERIFY(toJson(*fb) == toJson(f));
        PretrainResult r;
        r.epochsRun = 2;
        r.objectiveLosses = {{"cloze loss", {3.0, 2.0}}};
        QVERIFY(toJson(*pretrainResultFromJson(toJson(r))) == toJson(r));

        auto bad = pretrainParamsFromJson({{"cloze", false}, {"attributes", false}});
        QVERIFY(!bad.has_value());
        QVERIFY(bad.error().location.field == "cloze");
        auto loss = pretrainParamsFromJson({{"clozeLoss", "bpr"}});
        QVERIFY(!loss.has_value());
        QVERIFY(loss.error().location.field == "clozeLoss");
        auto negatives = pretrainParamsFromJson({{"clozeNegatives", 0}});
        QVERIFY(!negatives.has_value());
        QVERIFY(negatives.error().location.field == "clozeNegatives");
        auto decay = finetuneOptionsFromJson({{"layerDecay", 1.5}});
        QVERIFY(!decay.has_value());
        QVERIFY(decay.error().location.field == "layerDecay");
        auto both = finetuneOptionsFromJson({{"dropHead", true}, {"reinitHead", true}});
        QVERIFY(!both.has_value());
        QVERIFY(both.error().location.field == "dropHead");
        QVERIFY(finetuneOptionsFromJson({{"dropHead", true}})->dropHead);
    }

    void lossFallsForEachObjective_data()
    {
        QTest::addColumn<bool>("cloze");
        QTest::addColumn<bool>("attributes");
        QTest::addColumn<bool>("prefixes");
        QTest::addColumn<QString>("clozeLoss");
        QTest::newRow("cloze") << true << false << false << "softmax";
        QTest::newRow("attributes") << false << true << false << "softmax";
        QTest::newRow("both") << true << true << false << "softmax";
        QTest::newRow("sampled cloze") << true << false << false << "sampled";
        QTest::newRow("S3-Rec: prefixes, sampled") << true << true << true << "sampled";
    }
    void lossFallsForEachObjective()
    {
        QFETCH(bool, cloze);
        QFETCH(bool, attributes);
        QFETCH(bool, prefixes);
        QFETCH(QString, clozeLoss);
        const Dataset ds = shopData();
        const TrainingData data = trainingData(ds);
        NullObserver obs;
        PretrainParams p = pretrainParams(10, cloze, attributes);
        p.prefixes = prefixes;
        p.clozeLoss = clozeLoss.toStdString();
        p.clozeNegatives = 10;
        p.train.batchSize = prefixes ? 128 : 16; // enough steps for a clear fall
        auto done = pretrainSequences(p, data, inputsOf(ds), obs);
        QVERIFY2(done.has_value(), done ? "" : done.error().message.c_str());
        const auto &losses = done->result.objectiveLosses;
        QCOMPARE(int(losses.size()), (cloze ? 1 : 0) + (attributes ? 2 : 0));
        for (const auto &[name, values] : losses) {
            QCOMPARE(int(values.size()), 10);
            QVERIFY2(values.back() < 0.9 * values.front(),
                     (name + ": " + std::to_string(values.front()) + " -> " +
                      std::to_string(values.back()))
                         .c_str());
        }
    }

    // One example per user, or with prefixes one per fit item (every fit sequence here is
    // shorter than maxLength, so no prefix is cut).
    void prefixesMakeOneExamplePerFitItem()
    {
        const Dataset ds = shopData();
        const TrainingData data = trainingData(ds);
        NullObserver obs;
        PretrainParams p = pretrainParams(1);
        auto perUser = pretrainSequences(p, data, inputsOf(ds), obs);
        QVERIFY(perUser.has_value());
        QCOMPARE(perUser->result.sequences, int64_t(kUsers));
        p.prefixes = true;
        auto perItem = pretrainSequences(p, data, inputsOf(ds), obs);
        QVERIFY(perItem.has_value());
        QCOMPARE(perItem->result.sequences, int64_t(data.fitRowCount()));
        QVERIFY(data.fitRowCount() > 5 * kUsers);
    }

    void attributePredictionLearnsPlantedAttributes()
    {
        const Dataset ds = shopData();
        const TrainingData data = trainingData(ds);
        NullObserver obs;
        // Attributes are targets only (itemFeatures off): the id embeddings must learn them.
        auto done = pretrainSequences(pretrainParams(15, false, true), data, inputsOf(ds), obs);
        QVERIFY(done.has_value());
        torch::NoGradGuard noGrad;
        const torch::Tensor logits =
            done->model->itemAttributes(done->net->idTable()); // [items, 4]
        const torch::Tensor predicted = logits.argmax(1);
        const ItemFeatures attrs = ItemFeatures::build(ds);
        int correct = 0;
        for (int i = 0; i < kItems; ++i)
            correct += predicted[i].item<int64_t>() == attrs.ids[size_t(attrs.offsets[size_t(i)])];
        QVERIFY2(correct >= kItems * 9 / 10, std::to_string(correct).c_str());
    }

    void finetuneStartsFromPretrainedWeights()
    {
        PretrainedShop shop(pretrainParams(3));
        QVERIFY(shop.done.has_value());

        // Loading gives exactly the pretrained weights; re-initialising changes the head only.
        const SeqTransformerParams shape = SeqTransformerParams::fromJson(encoderShape());
        SeqTransformerNet fresh(kItems, 16, shape.config(), nullptr, SeqNetExtras{{}, true});
        QVERIFY(loadPretrainedSeqNet(shop.params.outputPath, *fresh).has_value());
        auto a = shop.done->net->named_parameters(true), b = fresh->named_parameters(true);
        for (const auto &item : a)
            QVERIFY2(torch::equal(item.value(), b[item.key()]), item.key().c_str());
        reinitOutputHead(*fresh);
        for (const auto &item : a) {
            const bool head = item.key().rfind("head.", 0) == 0;
            const bool same = torch::equal(item.value(), b[item.key()]);
            if (item.key() == "head.2.weight") // layer norm: re-initialised to ones again
                continue;
            QVERIFY2(head ? !same : same, item.key().c_str());
        }

        // Fine-tune with the lower layer and the embeddings frozen: those stay pretrained.
        auto model = sasrec(3);
        model->setPretrained(shop.params.outputPath, FinetuneOptions{1, true, 1.0, false});
        FitContext ctx(shop.obs);
        QVERIFY(model->fit(shop.data, ctx).has_value());
        auto tuned = model->module()->named_parameters(true);
        for (const auto &item : a) {
            const std::string &k = item.key();
            const bool frozen = k.rfind("encoder.layers.0.", 0) == 0 || k.rfind("item.", 0) == 0 ||
                                k.rfind("position.", 0) == 0 || k.rfind("norm.", 0) == 0;
            QVERIFY2(frozen == torch::equal(item.value(), tuned[k]), k.c_str());
        }
    }

    // dropHead: the fine-tune scores from the encoder's output (no "head." tensors), starts from
    // the pretrained encoder and item table, and a saved model reloads without a head.
    void finetuneWithoutTheHead()
    {
        PretrainedShop shop(pretrainParams(3));
        QVERIFY(shop.done.has_value());

        auto model = sasrec(2);
        FinetuneOptions options;
        options.freezeLayers = 1;
        options.freezeEmbeddings = true;
        options.dropHead = true;
        model->setPretrained(shop.params.outputPath, options);
        FitContext ctx(shop.obs);
        QVERIFY(model->fit(shop.data, ctx).has_value());
        auto pretrained = shop.done->net->named_parameters(true);
        auto tuned = model->module()->named_parameters(true);
        QVERIFY(pretrained.contains("head.0.weight"));
        int frozenChecked = 0;
        for (const auto &item : tuned) {
            QVERIFY2(item.key().rfind("head.", 0) != 0, item.key().c_str());
            const bool frozen =
                item.key().rfind("encoder.layers.0.", 0) == 0 || item.key().rfind("item.", 0) == 0;
            if (frozen) {
                QVERIFY2(torch::equal(item.value(), pretrained[item.key()]), item.key().c_str());
                ++frozenChecked;
            }
        }
        QVERIFY(frozenChecked > 0);

        const std::string path = shop.dir.filePath("tuned.ckpt").toStdString();
        QVERIFY(model->save(path).has_value());
        auto loaded = loadModel(path);
        QVERIFY2(loaded.has_value(), loaded ? "" : loaded.error().message.c_str());
        ScoreRequest req;
        for (const auto &c : shop.data.cases(EvalStage::Test))
            req.add(c.user, c.history);
        QVERIFY(torch::allclose(model->scoreItems(req), (*loaded)->scoreItems(req)));
    }

    void layerwiseRates()
    {
        const SeqTransformerParams shape = SeqTransformerParams::fromJson(encoderShape(32, 3));
        SeqTransformerNet net(kItems, 16, shape.config(), nullptr, SeqNetExtras{{}, true});
        torch::Tensor extra = torch::zeros({2}, torch::requires_grad());
        auto groups = finetuneParameterGroups(*net, FinetuneOptions{0, false, 0.5, false}, {extra});
        QCOMPARE(int(groups.size()), 5); // embeddings, 3 layers, top
        const std::vector<double> expected{0.125, 0.25, 0.5, 1.0, 1.0};
        size_t total = 0;
        for (size_t g = 0; g < groups.size(); ++g) {
            QCOMPARE(groups[g].lrScale, expected[g]);
            total += groups[g].parameters.size();
        }
        QCOMPARE(total, net->parameters().size() + 1);
        QVERIFY(groups.back().parameters.back().is_same(extra));

        // The Trainer applies the scales: a group at scale 0 does not move.
        struct TwoGroups final : Objective {
            torch::nn::Linear a{4, 1}, b{4, 1};
            torch::nn::Sequential both{a, b};
            torch::nn::Module &module() override { return *both; }
            std::vector<ParameterGroup> parameterGroups() override
            {
                return {{a->parameters(), 1.0}, {b->parameters(), 0.0}};
            }
            int64_t beginEpoch(int, int64_t, std::mt19937_64 &) override { return 4; }
            BatchLoss loss(int64_t) override
            {
                torch::Tensor x = torch::ones({8, 4});
                return {(a(x) + b(x)).pow(2).mean(), 8};
            }
        } two;
        const torch::Tensor a0 = two.a->weight.detach().clone(),
                            b0 = two.b->weight.detach().clone();
        TrainParams tp;
        tp.epochs = 2;
        tp.device = "cpu";
        tp.weightDecay = 0.1;
        tp.threads = 1;
        NullObserver obs;
        QVERIFY(train(tp, two, obs).has_value());
        QVERIFY(!torch::equal(a0, two.a->weight));
        QVERIFY(torch::equal(b0, two.b->weight));
    }

    void classificationLearnsPlantedLabels_data()
    {
        QTest::addColumn<bool>("regression");
        QTest::newRow("classification") << false;
        QTest::newRow("regression") << true;
    }
    void classificationLearnsPlantedLabels()
    {
        QFETCH(bool, regression);
        QTemporaryDir dir;
        const Dataset ds = shopData(true);
        const TrainingData data = trainingData(ds);
        NullObserver obs;
        PretrainParams p = pretrainParams(2, true, false);
        p.outputPath = dir.filePath("enc.pt").toStdString();
        QVERIFY(pretrainSequences(p, data, inputsOf(ds), obs).has_value());
        PairFinetuneParams f;
        f.pretrained = p.outputPath;
        f.model = encoderShape();
        f.task = regression ? PairTask::Regression : PairTask::Classification;
        f.train.epochs = 12;
        f.train.batchSize = 64;
        f.train.learningRate = 3e-3;
        f.train.device = "cpu";
        f.train.threads = 1;
        auto r = finetunePairs(f, data, inputsOf(ds), obs);
        QVERIFY2(r.has_value(), r ? "" : r.error().message.c_str());
        if (regression) {
            QVERIFY2(r->rmse < 0.5 * r->initialRmse,
                     (std::to_string(r->initialRmse) + " -> " + std::to_string(r->rmse)).c_str());
            QVERIFY(r->mae < r->initialMae);
        } else {
            QVERIFY2(r->auc > 0.9, std::to_string(r->auc).c_str());
            QVERIFY(r->logLoss < r->initialLogLoss);
        }
    }

    void coldItemWithTwinTextScoresLikeIt()
    {
        // Items 40 and 41 never occur; 40's text vector equals item 5's, 41's is random.
        const Dataset ds = shopData(false, 2);
        const TrainingData data = trainingData(ds);
        torch::manual_seed(1);
        torch::Tensor text = torch::randn({kItems + 2, 16});
        text[kItems] = text[5];
        auto model = sasrec(20);
        model->setTextVectors(text);
        NullObserver obs;
        FitContext ctx(obs);
        QVERIFY(model->fit(data, ctx).has_value());
        // After ... 3, 4 the next item is 5: its twin should rank near the top as well.
        const std::vector<int32_t> history{2, 3, 4};
        ScoreRequest req;
        req.add(0, HistoryView{history, {}, {}, {}});
        torch::Tensor scores = model->scoreItems(req)[0];
        const int64_t twinRank = (scores > scores[kItems]).sum().item<int64_t>();
        const int64_t otherRank = (scores > scores[kItems + 1]).sum().item<int64_t>();
        const int64_t trainedRank = (scores > scores[5]).sum().item<int64_t>();
        QCOMPARE(trainedRank, int64_t(0));
        QVERIFY2(twinRank <= 5 && twinRank < otherRank,
                 (std::to_string(twinRank) + " vs " + std::to_string(otherRank)).c_str());
    }

    void cancelledPretrainingResumes()
    {
        QTemporaryDir dir;
        const Dataset ds = shopData();
        const TrainingData data = trainingData(ds);
        NullObserver obs;
        auto full = pretrainSequences(pretrainParams(4), data, inputsOf(ds), obs);
        QVERIFY(full.has_value());

        PretrainParams p = pretrainParams(4);
        p.train.checkpointDir = dir.filePath("ckpt").toStdString();
        StopToken stop;
        StopAfter stopAfter(2, stop);
        auto cancelled = pretrainSequences(p, data, inputsOf(ds), stopAfter, stop);
        QVERIFY(!cancelled.has_value());
        QVERIFY(cancelled.error().code == ErrorCode::Cancelled);
        p.train.resume = true;
        auto resumed = pretrainSequences(p, data, inputsOf(ds), obs);
        QVERIFY2(resumed.has_value(), resumed ? "" : resumed.error().message.c_str());
        QCOMPARE(resumed->result.resumedFromEpoch, 2);
        QVERIFY(resumed->result.epochLosses == full->result.epochLosses);
        auto x = snapshot(*full->model), y = snapshot(*resumed->model);
        for (size_t i = 0; i < x.size(); ++i)
            QVERIFY(torch::equal(x[i], y[i]));
    }

    void cancelledFinetuneResumes()
    {
        PretrainedShop shop(pretrainParams(2));
        QVERIFY(shop.done.has_value());
        const TrainingData &data = shop.data;
        const PretrainParams &p = shop.params;
        NullObserver &obs = shop.obs;
        QTemporaryDir &dir = shop.dir;
        const FinetuneOptions options{1, false, 0.7, true};

        auto full = sasrec(4);
        full->setPretrained(p.outputPath, options);
        FitContext ctx(obs);
        QVERIFY(full->fit(data, ctx).has_value());

        auto part = sasrec(4);
        part->setPretrained(p.outputPath, options);
        StopToken stop;
        StopAfter stopAfter(2, stop);
        FitContext c1(stopAfter, stop);
        c1.checkpointDir = dir.filePath("ckpt").toStdString();
        auto s = part->fit(data, c1);
        QVERIFY(!s.has_value());
        QVERIFY(s.error().code == ErrorCode::Cancelled);
        auto again = sasrec(4);
        again->setPretrained(p.outputPath, options);
        FitContext c2(obs);
        c2.checkpointDir = c1.checkpointDir;
        c2.resume = true;
        QVERIFY(again->fit(data, c2).has_value());
        QVERIFY(torch::equal(full->itemEmbeddings(), again->itemEmbeddings()));
    }

    void otherArchitectureFailsNamingTheTensor()
    {
        QTemporaryDir dir;
        const Dataset ds = shopData();
        const TrainingData data = trainingData(ds);
        NullObserver obs;
        PretrainParams p = pretrainParams(1);
        p.model = encoderShape(16, 1);
        p.outputPath = dir.filePath("enc.pt").toStdString();
        QVERIFY(pretrainSequences(p, data, inputsOf(ds), obs).has_value());

        auto wider = sasrec(1, encoderShape(32, 1));
        wider->setPretrained(p.outputPath);
        FitContext ctx(obs);
        auto s = wider->fit(data, ctx);
        QVERIFY(!s.has_value());
        QVERIFY(s.error().code == ErrorCode::Schema);
        QVERIFY2(s.error().message.find("has shape [42, 16], expected [42, 32]") !=
                     std::string::npos,
                 s.error().message.c_str());
        QVERIFY(s.error().location.field == "item.weight");

        auto deeper = sasrec(1, encoderShape(16, 2));
        deeper->setPretrained(p.outputPath);
        auto d = deeper->fit(data, ctx);
        QVERIFY(!d.has_value());
        QVERIFY2(d.error().message.find("missing tensor 'encoder.layers.1.") != std::string::npos,
                 d.error().message.c_str());
        QVERIFY(!deeper->isFitted());
    }
};

QTEST_GUILESS_MAIN(TestPretrain)
#include "tst_pretrain.moc"
