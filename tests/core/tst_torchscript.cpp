// TorchScript export: the module built in C++ loads with torch.jit.load in Python (Debian's
// python3-torch) and gives RecForge's scoreItems scores within 1e-5 for SASRec (GELU and ReLU,
// with item features, histories longer than maxLength), BERT4Rec, BPR-MF (folded-in users),
// ItemKNN and EASE. Models without an export path are refused without leaving a file.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <random>

#include <torch/torch.h>

#include "io/npy.h"
#include "io/torchscript.h"
#include "models/itemfeatures.h"
#include "models/modelfactory.h"
#include "models/seqtransformer.h"
#include "models/trainingdata.h"

using namespace recforge;

namespace {

constexpr int kUsers = 60, kItems = 25;

Dataset walkDataset()
{
    Dataset ds;
    ds.name = "walk";
    for (int i = 0; i < kItems; ++i)
        ds.items.intern("i" + std::to_string(i));
    std::mt19937 rng(11);
    for (int u = 0; u < kUsers; ++u) {
        ds.users.intern("u" + std::to_string(u));
        const int start = int(rng() % kItems), len = 4 + int(rng() % 12);
        for (int k = 0; k < len; ++k)
            ds.interactions.append(u, (start + 2 * k + int(rng() % 2)) % kItems, k, 3, 1.0f);
    }
    ds.syncInfoSizes();
    for (int i = 0; i < kItems; ++i) {
        ds.itemInfo[size_t(i)].categoryPath = {"shop", i % 3 ? "a" : "b"};
        ds.itemInfo[size_t(i)].brand = i % 2 ? "x" : "y";
    }
    return ds;
}

const char *kPythonScorer = R"(
import sys
import numpy as np
import torch
m = torch.jit.load(sys.argv[1])
m.eval()
history = torch.from_numpy(np.load(sys.argv[2]))
with torch.no_grad():
    scores = m(history)
assert scores.dtype == torch.float32, scores.dtype
assert int(m.items) == scores.shape[1]
np.save(sys.argv[3], scores.numpy())
)";

} // namespace

class TestTorchScript : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QFile f(m_dir.filePath("score.py"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kPythonScorer);
    }

    void pythonParity_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("params");
        QTest::addColumn<bool>("features");
        const char *seq = R"({"hiddenSize": 16, "layers": 2, "heads": 2, "ffnSize": 32,
                              "maxLength": 8, "epochs": 2, "batchSize": 32, "dropout": 0.1,
                              "attentionDropout": 0.1)";
        QTest::newRow("sasrec gelu") << "sasrec" << QString(seq) + "}" << false;
        QTest::newRow("sasrec relu features")
            << "sasrec" << QString(seq) + R"(, "activation": "relu", "itemFeatures": true})"
            << true;
        QTest::newRow("sasrec one layer")
            << "sasrec"
            << R"({"hiddenSize": 8, "layers": 1, "heads": 1, "ffnSize": 16, "maxLength": 20,
                   "epochs": 1})"
            << false;
        QTest::newRow("bert4rec") << "bert4rec" << QString(seq) + "}" << false;
        QTest::newRow("bprmf") << "bprmf"
                               << R"({"dimension": 8, "epochs": 3})" << false;
        QTest::newRow("bprmf no bias")
            << "bprmf"
            << R"({"dimension": 8, "epochs": 1, "itemBias": false})" << false;
        QTest::newRow("itemknn") << "itemknn"
                                 << R"({"k": 10})" << false;
        QTest::newRow("ease") << "ease"
                              << R"({"lambda": 5})" << false;
    }
    void pythonParity()
    {
        QFETCH(QString, id);
        QFETCH(QString, params);
        QFETCH(bool, features);
        const Dataset ds = walkDataset();
        auto split = makeSplit(ds, SplitParams{});
        QVERIFY(split);
        auto data = TrainingData::build(ds, *split);
        QVERIFY(data);
        auto model = createModel(id.toStdString(), nlohmann::json::parse(params.toStdString()));
        QVERIFY2(model, model ? "" : model.error().toString().c_str());
        if (features)
            dynamic_cast<SeqTransformer &>(**model).setItemFeatures(
                std::make_shared<ItemFeatures>(ItemFeatures::build(ds)));
        NullObserver quiet;
        FitContext ctx(quiet);
        QVERIFY((*model)->fit(*data, ctx));

        const QString pt = m_dir.filePath(id + ".pt");
        auto info = exportTorchScript(**model, pt.toStdString());
        QVERIFY2(info, info ? "" : info.error().toString().c_str());
        QVERIFY(QFile::exists(pt));

        // Histories: every user's fit sequence (4..15 items, longer than maxLength for some),
        // plus an empty one for the non-transformer models. Left-padded tokens, item + 1.
        ScoreRequest request;
        std::vector<int64_t> width;
        int64_t l = 1;
        for (int32_t u = 0; u < kUsers; ++u) {
            const HistoryView h = data->fitSequence(u);
            if (h.empty())
                continue;
            request.add(-1, h); // -1: BPR-MF folds every user in, as the export does
            l = std::max<int64_t>(l, int64_t(h.size()));
        }
        const bool sequential = id == "sasrec" || id == "bert4rec";
        if (!sequential)
            request.add(-1, HistoryView{});
        const int64_t b = int64_t(request.size());
        torch::Tensor tokens = torch::zeros({b, l}, torch::kLong);
        for (int64_t r = 0; r < b; ++r) {
            const auto &items = request.histories[size_t(r)].items;
            for (size_t k = 0; k < items.size(); ++k)
                tokens[r][l - int64_t(items.size()) + int64_t(k)] = int64_t(items[k]) + 1;
        }
        const QString in = m_dir.filePath(id + "-history.npy");
        const QString out = m_dir.filePath(id + "-scores.npy");
        QVERIFY(writeNpy(in.toStdString(), tokens));

        QProcess python;
        python.start("/usr/bin/python3", {m_dir.filePath("score.py"), pt, in, out});
        QVERIFY2(python.waitForStarted(),
                 "/usr/bin/python3 is required: this test checks the export against Python's "
                 "torch.jit.load (install python3-torch python3-numpy, see scripts/deps.sh)");
        QVERIFY(python.waitForFinished(120000));
        QVERIFY2(python.exitStatus() == QProcess::NormalExit && python.exitCode() == 0,
                 qPrintable("python3 with torch and numpy failed (scripts/deps.sh installs "
                            "python3-torch python3-numpy):\n" +
                            QString::fromUtf8(python.readAllStandardError())));
        auto pyScores = readNpy(out.toStdString());
        QVERIFY2(pyScores, pyScores ? "" : pyScores.error().toString().c_str());

        const torch::Tensor expected = (*model)->scoreItems(request);
        QCOMPARE(pyScores->sizes().vec(), expected.sizes().vec());
        const double diff = (*pyScores - expected).abs().max().item<double>();
        const double scale = expected.abs().max().item<double>();
        QVERIFY2(
            diff <= 1e-5,
            qPrintable(
                QString("max |python - recforge| = %1 (scores up to %2)").arg(diff).arg(scale)));
        QVERIFY(scale > 1e-3); // the comparison is not between two near-zero tensors
    }

    void unsupportedModelsAreRefused_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("params");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("popularity") << "popularity"
                                    << "{}"
                                    << "no TorchScript export";
        QTest::newRow("itemknn values") << "itemknn"
                                        << R"({"feedback": "values"})"
                                        << "values";
    }
    void unsupportedModelsAreRefused()
    {
        QFETCH(QString, id);
        QFETCH(QString, params);
        QFETCH(QString, mentions);
        const Dataset ds = walkDataset();
        auto split = makeSplit(ds, SplitParams{});
        auto data = TrainingData::build(ds, *split);
        QVERIFY(data);
        auto model = createModel(id.toStdString(), nlohmann::json::parse(params.toStdString()));
        QVERIFY2(model, model ? "" : model.error().toString().c_str());
        NullObserver quiet;
        QVERIFY((*model)->fit(*data, FitContext(quiet)));
        const QString pt = m_dir.filePath("refused.pt");
        auto info = exportTorchScript(**model, pt.toStdString());
        QVERIFY(!info);
        QCOMPARE(info.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(QString::fromStdString(info.error().message).contains(mentions),
                 info.error().message.c_str());
        QVERIFY(!QFile::exists(pt));
        QVERIFY(QDir(m_dir.path()).entryList({"refused.pt*"}).isEmpty());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_APPLESS_MAIN(TestTorchScript)
#include "tst_torchscript.moc"
