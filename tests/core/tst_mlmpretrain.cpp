// MLM pretraining of the text encoder through the shared Trainer on a tiny planted catalogue
// (brand decides the product, so masked words are predictable): loss falls and masked-token
// accuracy rises, a seeded run repeats exactly, cancellation stops between batches, events
// arrive, params round-trip through JSON, and the saved folder re-imports to identical outputs
// (SentencePiece and WordPiece tokenizers). Also: SentencePiece and LibTorch in one process.
#include <cmath>

#include <QTemporaryDir>
#include <QTest>

#include <torch/torch.h>

#include "models/textembedding.h"
#include "models/textencoderio.h"
#include "text/wordpiecetokenizer.h"
#include "train/mlmpretrain.h"
#include "train/trainevents.h"

using namespace recforge;

namespace {

const char *kBrands[] = {"nike", "apple", "lego", "sony", "ikea", "canon"};
const char *kProducts[] = {"shoes", "phone", "bricks", "headphones", "shelf", "camera"};
const char *kColours[] = {"red", "blue", "black", "white"};

// 240 texts "<brand> <product> <colour> <colour>": the product follows from the brand.
std::vector<std::string> plantedCorpus()
{
    std::vector<std::string> texts;
    for (int i = 0; i < 240; ++i)
        texts.push_back(std::string(kBrands[i % 6]) + " " + kProducts[i % 6] + " " +
                        kColours[(i / 6) % 4] + " " + kColours[(i / 24) % 4]);
    return texts;
}

MlmParams tinyParams()
{
    MlmParams p;
    p.tokenizer.vocabSize = 40;
    p.tokenizer.characterCoverage = 1.0;
    p.encoder.hidden = 32;
    p.encoder.layers = 2;
    p.encoder.heads = 2;
    p.encoder.intermediate = 64;
    p.encoder.maxPositions = 16;
    p.maxLength = 16;
    p.maskProb = 0.25;
    p.validationShare = 0.1;
    p.train.epochs = 20;
    p.train.batchSize = 16;
    p.train.learningRate = 3e-3;
    p.train.warmupSteps = 10;
    p.train.threads = 1;
    p.train.device = "cpu";
    p.train.seed = 7;
    return p;
}

class Recorder final : public TrainObserver {
public:
    void onBatch(const BatchEvent &e) override
    {
        batches.push_back(e);
        if (stopAtBatch > 0 && int64_t(batches.size()) == stopAtBatch)
            stop.requestStop();
    }
    void onEpoch(const EpochEvent &e) override { epochs.push_back(e); }

    std::vector<BatchEvent> batches;
    std::vector<EpochEvent> epochs;
    int64_t stopAtBatch = 0;
    StopToken stop;
};

torch::Tensor flatWeights(TextEncoder &encoder)
{
    std::vector<torch::Tensor> flat;
    for (auto &p : encoder->parameters())
        flat.push_back(p.detach().reshape(-1));
    return torch::cat(flat);
}

} // namespace

class TestMlmPretrain : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void lossFallsAndAccuracyRises()
    {
        QTemporaryDir dir;
        MlmParams params = tinyParams();
        params.outputDir = dir.path().toStdString() + "/encoder";
        Recorder events;
        auto trained = pretrainMlm(params, plantedCorpus(), events);
        QVERIFY2(trained.has_value(), trained ? "" : trained.error().toString().c_str());
        const MlmResult &r = trained->result;
        qInfo("MLM loss %.3f -> %.3f (validation %.3f -> %.3f), masked accuracy %.3f -> %.3f, "
              "%lld steps, %.2f s",
              r.epochLosses.front(), r.epochLosses.back(), r.initialLoss, r.finalLoss,
              r.initialAccuracy, r.epochAccuracies.back(), (long long)r.steps, r.seconds);
        QCOMPARE(r.epochsRun, 20);
        QCOMPARE(r.tokenizerKind, std::string("sentencepiece"));
        QCOMPARE(r.trainTexts + r.validationTexts, int64_t(240));
        QCOMPARE(r.validationTexts, int64_t(24));
        QVERIFY(r.epochLosses.back() < 0.7 * r.epochLosses.front());
        QVERIFY(r.finalLoss < r.initialLoss);
        QVERIFY(r.epochAccuracies.back() > r.initialAccuracy + 0.2);
        // Live events: one per optimiser step, epoch metrics with the accuracy.
        QCOMPARE(int64_t(events.batches.size()), r.steps);
        QCOMPARE(int(events.epochs.size()), 20);
        QVERIFY(events.epochs.back().metrics.count("masked accuracy") == 1);
        QCOMPARE(events.epochs.back().metrics.at("masked accuracy"), r.epochAccuracies.back());
        QVERIFY(events.epochs.front().etaSeconds >= 0);

        // The saved folder re-imports to the same encoder and tokenizer.
        auto loaded = loadTextEncoder(params.outputDir);
        QVERIFY2(loaded.has_value(), loaded ? "" : loaded.error().toString().c_str());
        QVERIFY(loaded->warnings.empty());
        QCOMPARE(std::string(loaded->tokenizer->kind()), std::string("sentencepiece"));
        QVERIFY(loaded->encoder->heads().mlmHead);
        const auto texts = plantedCorpus();
        QVERIFY(loaded->tokenizer->encode(texts[5]) == trained->tokenizer->encode(texts[5]));
        QVERIFY(torch::equal(flatWeights(loaded->encoder), flatWeights(trained->encoder)));
        const torch::Tensor a = encodeTexts(trained->encoder, *trained->tokenizer, texts);
        const torch::Tensor b = encodeTexts(loaded->encoder, *loaded->tokenizer, texts);
        QCOMPARE(a.size(0), int64_t(240));
        QCOMPARE(a.size(1), int64_t(32));
        QVERIFY(torch::equal(a, b));

        // Continued pretraining from the folder (initFrom).
        MlmParams more = tinyParams();
        more.initFrom = params.outputDir;
        more.train.epochs = 1;
        NullObserver quiet;
        auto continued = pretrainMlm(more, texts, quiet);
        QVERIFY2(continued.has_value(), continued ? "" : continued.error().toString().c_str());
        QVERIFY(std::abs(continued->result.initialAccuracy - r.epochAccuracies.back()) < 1e-9);
    }

    void seededRunRepeatsExactly()
    {
        MlmParams params = tinyParams();
        params.train.epochs = 2;
        NullObserver quiet;
        auto a = pretrainMlm(params, plantedCorpus(), quiet);
        auto b = pretrainMlm(params, plantedCorpus(), quiet);
        QVERIFY(a.has_value() && b.has_value());
        QVERIFY(a->result.epochLosses == b->result.epochLosses);
        QVERIFY(a->result.epochAccuracies == b->result.epochAccuracies);
        QVERIFY(torch::equal(flatWeights(a->encoder), flatWeights(b->encoder)));
        params.train.seed = 8;
        auto c = pretrainMlm(params, plantedCorpus(), quiet);
        QVERIFY(c.has_value());
        QVERIFY(c->result.epochLosses != a->result.epochLosses);
    }

    void cancelStopsBetweenBatches()
    {
        Recorder events;
        events.stopAtBatch = 3;
        auto r = pretrainMlm(tinyParams(), plantedCorpus(), events, events.stop);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Cancelled);
        QCOMPARE(int(events.batches.size()), 3);
        StopToken early;
        early.requestStop();
        NullObserver quiet;
        auto before = pretrainMlm(tinyParams(), plantedCorpus(), quiet, early);
        QVERIFY(!before);
        QCOMPARE(before.error().code, ErrorCode::Cancelled);
    }

    void givenWordPieceTokenizerIsSavedAsVocab()
    {
        std::string vocab = "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\n";
        for (const auto *words : {kBrands, kProducts, kColours})
            for (size_t i = 0; i < (words == kColours ? 4u : 6u); ++i)
                vocab += std::string(words[i]) + "\n";
        auto wp = WordPieceTokenizer::parseVocab(vocab, "vocab.txt");
        QVERIFY(wp.has_value());
        auto tokenizer = std::make_shared<WordPieceTokenizer>(std::move(*wp));
        QTemporaryDir dir;
        MlmParams params = tinyParams();
        params.train.epochs = 1;
        params.outputDir = dir.path().toStdString() + "/wp";
        NullObserver quiet;
        auto trained = pretrainMlm(params, plantedCorpus(), quiet, {}, tokenizer);
        QVERIFY2(trained.has_value(), trained ? "" : trained.error().toString().c_str());
        QCOMPARE(trained->result.vocabSize, 21);
        auto loaded = loadTextEncoder(params.outputDir);
        QVERIFY2(loaded.has_value(), loaded ? "" : loaded.error().toString().c_str());
        QCOMPARE(std::string(loaded->tokenizer->kind()), std::string("wordpiece"));
        QVERIFY(torch::equal(flatWeights(loaded->encoder), flatWeights(trained->encoder)));
    }

    void paramsRoundTripThroughJson()
    {
        MlmParams p = tinyParams();
        p.tokenizer.modelType = SentencePieceModelType::Bpe;
        p.encoder.activation = "relu";
        p.outputDir = "/tmp/x";
        auto back = mlmParamsFromJson(toJson(p));
        QVERIFY2(back.has_value(), back ? "" : back.error().toString().c_str());
        QVERIFY(toJson(*back) == toJson(p));
        // Keys absent from "train" keep the pretraining defaults.
        auto partial = mlmParamsFromJson({{"train", {{"epochs", 2}}}});
        QVERIFY(partial.has_value());
        QCOMPARE(partial->train.epochs, 2);
        QCOMPARE(partial->train.learningRate, MlmParams::defaultTrain().learningRate);
        QVERIFY(!partial->train.restoreBest);
    }

    void badParamsNameTheField_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("mask prob") << R"({"maskProb": 0})"
                                   << "maskProb";
        QTest::newRow("heads") << R"({"encoder": {"hidden_size": 32, "num_hidden_layers": 1,
            "num_attention_heads": 3, "intermediate_size": 8, "max_position_embeddings": 64}})"
                               << "encoder.num_attention_heads";
        QTest::newRow("too long") << R"({"maxLength": 512})"
                                  << "maxLength";
        QTest::newRow("epochs") << R"({"train": {"epochs": 0}})"
                                << "train.epochs";
        QTest::newRow("model type") << R"({"tokenizer": {"modelType": "word"}})"
                                    << "tokenizer.modelType";
    }
    void badParamsNameTheField()
    {
        QFETCH(QString, json);
        QFETCH(QString, field);
        auto p = mlmParamsFromJson(nlohmann::json::parse(json.toStdString()));
        QVERIFY(!p);
        QCOMPARE(p.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(QString::fromStdString(p.error().location.field), field);
    }

    void emptyCorpusFails()
    {
        NullObserver quiet;
        auto r = pretrainMlm(tinyParams(), {"", ""}, quiet);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Empty);
    }
};

QTEST_GUILESS_MAIN(TestMlmPretrain)
#include "tst_mlmpretrain.moc"
