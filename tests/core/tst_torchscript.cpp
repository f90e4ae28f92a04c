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

// Scores every (module, history, output) triple of its arguments: one interpreter for all
// models, since importing torch takes seconds.
const char *kPythonScorer = R"(
import sys
import numpy as np
import torch
args = sys.argv[1:]
for pt, inp, out in zip(args[0::3], args[1::3], args[2::3]):
    m = torch.jit.load(pt)
    m.eval()
    history = torch.from_numpy(np.load(inp))
    with torch.no_grad():
        scores = m(history)
    assert scores.dtype == torch.float32, scores.dtype
    assert int(m.items) == scores.shape[1]
    np.save(out, scores.numpy())
)";

struct Case {
    const char *name, *id, *params;
    bool features;
};

const char *const kSeq = R"({"hiddenSize": 16, "layers": 2, "heads": 2, "ffnSize": 32,
                             "maxLength": 8, "epochs": 2, "batchSize": 32, "dropout": 0.1,
                             "attentionDropout": 0.1)";
const std::string kSeqRelu = std::string(kSeq) + R"(, "activation": "relu", "itemFeatures": true})";
const std::string kSeqPlain = std::string(kSeq) + "}";

const std::vector<Case> &cases()
{
    static const std::vector<Case> all = {
        {"sasrec gelu", "sasrec", kSeqPlain.c_str(), false},
        {"sasrec relu features", "sasrec", kSeqRelu.c_str(), true},
        {"sasrec one layer", "sasrec",
         R"({"hiddenSize": 8, "layers": 1, "heads": 1, "ffnSize": 16, "maxLength": 20,
             "epochs": 1})",
         false},
        {"bert4rec", "bert4rec", kSeqPlain.c_str(), false},
        {"bprmf", "bprmf", R"({"dimension": 8, "epochs": 3})", false},
        {"bprmf no bias", "bprmf", R"({"dimension": 8, "epochs": 1, "itemBias": false})", false},
        {"itemknn", "itemknn", R"({"k": 10})", false},
        {"ease", "ease", R"({"lambda": 5})", false},
    };
    return all;
}

} // namespace

class TestTorchScript : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Fits and exports every case, scores them all in one Python run; pythonParity compares.
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString script = m_dir.filePath("score.py");
        QFile f(script);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kPythonScorer);
        f.close();
        const Dataset ds = walkDataset();
        auto split = makeSplit(ds, SplitParams{});
        QVERIFY(split);
        auto data = TrainingData::build(ds, *split);
        QVERIFY(data);
        QStringList args{script};
        for (size_t c = 0; c < cases().size(); ++c) {
            const Case &tc = cases()[c];
            auto model = createModel(tc.id, nlohmann::json::parse(tc.params));
            QVERIFY2(model, model ? "" : model.error().toString().c_str());
            if (tc.features)
                dynamic_cast<SeqTransformer &>(**model).setItemFeatures(
                    std::make_shared<ItemFeatures>(ItemFeatures::build(ds)));
            NullObserver quiet;
            QVERIFY((*model)->fit(*data, FitContext(quiet)));
            const QString stem = m_dir.filePath(QString::number(c));
            auto info = exportTorchScript(**model, (stem + ".pt").toStdString());
            QVERIFY2(info, info ? "" : info.error().toString().c_str());
            QVERIFY(QFile::exists(stem + ".pt"));

            // Histories: every user's fit sequence (4..15 items, longer than maxLength for
            // some), plus an empty one for the non-transformer models. Left-padded, item + 1.
            ScoreRequest request;
            int64_t l = 1;
            for (int32_t u = 0; u < kUsers; ++u) {
                const HistoryView h = data->fitSequence(u);
                if (h.empty())
                    continue;
                request.add(-1, h); // -1: BPR-MF folds every user in, as the export does
                l = std::max<int64_t>(l, int64_t(h.size()));
            }
            if (std::string(tc.id) != "sasrec" && std::string(tc.id) != "bert4rec")
                request.add(-1, HistoryView{});
            const int64_t b = int64_t(request.size());
            torch::Tensor tokens = torch::zeros({b, l}, torch::kLong);
            for (int64_t r = 0; r < b; ++r) {
                const auto &items = request.histories[size_t(r)].items;
                for (size_t k = 0; k < items.size(); ++k)
                    tokens[r][l - int64_t(items.size()) + int64_t(k)] = int64_t(items[k]) + 1;
            }
            QVERIFY(writeNpy((stem + "-history.npy").toStdString(), tokens));
            m_expected.push_back((*model)->scoreItems(request));
            args << stem + ".pt" << stem + "-history.npy" << stem + "-scores.npy";
        }
        QProcess python;
        python.start("/usr/bin/python3", args);
        QVERIFY2(python.waitForStarted(),
                 "/usr/bin/python3 is required: this test checks the export against Python's "
                 "torch.jit.load (install python3-torch python3-numpy, see scripts/deps.sh)");
        QVERIFY(python.waitForFinished(300000));
        QVERIFY2(python.exitStatus() == QProcess::NormalExit && python.exitCode() == 0,
                 qPrintable("python3 with torch and numpy failed (scripts/deps.sh installs "
                            "python3-torch python3-numpy):\n" +
                            QString::fromUtf8(python.readAllStandardError())));
    }

    void pythonParity_data()
    {
        QTest::addColumn<int>("index");
        for (size_t c = 0; c < cases().size(); ++c)
            QTest::newRow(cases()[c].name) << int(c);
    }
    void pythonParity()
    {
        QFETCH(int, index);
        QCOMPARE(m_expected.size(), cases().size());
        auto pyScores =
            readNpy(m_dir.filePath(QString::number(index) + "-scores.npy").toStdString());
        QVERIFY2(pyScores, pyScores ? "" : pyScores.error().toString().c_str());
        const torch::Tensor &expected = m_expected[size_t(index)];
        QCOMPARE(pyScores->sizes().vec(), expected.sizes().vec());
        const double diff = (*pyScores - expected).abs().max().item<double>();
        const double scale = expected.abs().max().item<double>();
        qInfo("max |python - recforge| = %.3g (scores up to %.3g)", diff, scale);
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
    std::vector<torch::Tensor> m_expected; // RecForge's scores per case
};

QTEST_APPLESS_MAIN(TestTorchScript)
#include "tst_torchscript.moc"
