// Export (core/io): atomic files never leave partial files; .npy and CSV writers; a full model
// export round-trips (safetensors = module weights, embeddings = the model's, re-opened model
// scores identically, top-K lists mask history); a cancelled export leaves nothing and keeps the
// previous export; histories files report unknown ids with line numbers.
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <random>
#include <sstream>

#include <torch/torch.h>

#include "io/atomicfile.h"
#include "io/csvtables.h"
#include "io/modelexport.h"
#include "io/modeltensors.h"
#include "io/npy.h"
#include "io/report.h"
#include "io/safetensors.h"
#include "io/scorehistories.h"
#include "models/modelfactory.h"
#include "models/trainingdata.h"

using namespace recforge;

namespace {

constexpr int kUsers = 50, kItems = 30;

Dataset shopDataset()
{
    Dataset ds;
    ds.name = "shop";
    for (int i = 0; i < kItems; ++i)
        ds.items.intern("item," + std::to_string(i)); // a comma: CSV quoting is exercised
    std::mt19937 rng(5);
    for (int u = 0; u < kUsers; ++u) {
        ds.users.intern("user" + std::to_string(u));
        const int start = int(rng() % kItems), len = 4 + int(rng() % 8);
        for (int k = 0; k < len; ++k)
            ds.interactions.append(u, (start + k) % kItems, k, 3, 1.0f);
    }
    ds.syncInfoSizes();
    for (int i = 0; i < kItems; ++i)
        ds.itemInfo[size_t(i)].title = "Title \"" + std::to_string(i) + "\"";
    return ds;
}

std::unique_ptr<Recommender> fitted(const Dataset &ds, const std::string &id,
                                    const nlohmann::json &params)
{
    auto split = makeSplit(ds, SplitParams{});
    auto data = TrainingData::build(ds, *split);
    auto model = createModel(id, params);
    NullObserver quiet;
    if (!model || !data || !(*model)->fit(*data, FitContext(quiet)))
        return nullptr;
    return std::move(*model);
}

const nlohmann::json kSasrec = {{"hiddenSize", 16}, {"layers", 1},     {"heads", 2},
                                {"ffnSize", 32},    {"maxLength", 10}, {"epochs", 2},
                                {"batchSize", 32}};

QStringList lines(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
}

QStringList stagingLeftovers(const QString &dir)
{
    return QDir(dir).entryList({".export-*", "*.tmp-*"},
                               QDir::Dirs | QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
}

// Requests a stop when a stage whose name starts with `stage` reports.
class StopAtStage final : public Observer {
public:
    explicit StopAtStage(std::string stage) : m_stage(std::move(stage)) {}
    bool onProgress(const Progress &p) override
    {
        m_seen = m_seen || p.stage.rfind(m_stage, 0) == 0;
        return !m_seen;
    }
    bool m_seen = false;

private:
    std::string m_stage;
};

} // namespace

class TestExport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void atomicFileCommitReplaces()
    {
        const std::string path = m_dir.filePath("atomic.txt").toStdString();
        QVERIFY(writeFileAtomically(path, "old"));
        auto file = AtomicFile::create(path);
        QVERIFY(file);
        QVERIFY(QFile::exists(QString::fromStdString(file->tempPath())));
        QVERIFY(file->tempPath().rfind(path + ".tmp-", 0) == 0); // same folder
        std::string big(200000, 'x');                            // beyond the buffer
        QVERIFY(file->write("new"));
        QVERIFY(file->write(big));
        QCOMPARE(lines(QString::fromStdString(path)).join(""), QString("old")); // not yet
        QVERIFY(file->commit());
        QVERIFY(file->committed());
        std::ifstream in(path);
        std::stringstream content;
        content << in.rdbuf();
        QCOMPARE(content.str(), "new" + big);
        QVERIFY(stagingLeftovers(m_dir.path()).isEmpty());
    }

    void atomicFileWithoutCommitLeavesNothing()
    {
        const std::string path = m_dir.filePath("abandoned.txt").toStdString();
        std::string temp;
        {
            auto file = AtomicFile::create(path);
            QVERIFY(file);
            temp = file->tempPath();
            QVERIFY(file->write("half a file"));
        }
        QVERIFY(!QFile::exists(QString::fromStdString(path)));
        QVERIFY(!QFile::exists(QString::fromStdString(temp)));
        auto bad = AtomicFile::create(m_dir.filePath("no/such/folder/x").toStdString());
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, ErrorCode::Io);
    }

    void npyRoundTripAndNumpy_data()
    {
        QTest::addColumn<int>("dtype");
        QTest::newRow("float32") << int(torch::kFloat);
        QTest::newRow("int64") << int(torch::kLong);
    }
    void npyRoundTripAndNumpy()
    {
        QFETCH(int, dtype);
        const torch::Tensor t =
            (torch::arange(15, torch::kDouble).reshape({5, 3}) * 1.5).to(torch::ScalarType(dtype));
        const QString path = m_dir.filePath("t.npy");
        QVERIFY(writeNpy(path.toStdString(), t));
        auto back = readNpy(path.toStdString());
        QVERIFY2(back, back ? "" : back.error().toString().c_str());
        QVERIFY(torch::equal(*back, t));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        const int headerLength = uint8_t(bytes[8]) | (uint8_t(bytes[9]) << 8);
        QCOMPARE((10 + headerLength) % 64, 0);
        QProcess p;
        p.start("/usr/bin/python3", {"-c",
                                     "import numpy as n, sys; a = n.load(sys.argv[1]); "
                                     "print(a.dtype, a.shape, a.sum())",
                                     path});
        QVERIFY2(p.waitForStarted(), "/usr/bin/python3 with numpy is required (scripts/deps.sh)");
        QVERIFY(p.waitForFinished(60000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        const QString out = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
        QCOMPARE(out, dtype == int(torch::kFloat) ? QString("float32 (5, 3) 157.5")
                                                  : QString("int64 (5, 3) 154"));
    }

    void csvFieldsAndFloats_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("field");
        QTest::newRow("plain") << "abc"
                               << "abc";
        QTest::newRow("comma") << "a,b"
                               << "\"a,b\"";
        QTest::newRow("quote") << "say \"hi\""
                               << "\"say \"\"hi\"\"\"";
        QTest::newRow("newline") << "a\nb"
                                 << "\"a\nb\"";
    }
    void csvFieldsAndFloats()
    {
        QFETCH(QString, text);
        QFETCH(QString, field);
        QCOMPARE(QString::fromStdString(csvField(text.toStdString())), field);
        for (float v : {0.1f, -3.25e-7f, 123456.78f, 1.0f / 3.0f})
            QCOMPARE(std::stof(formatFloat(v)), v);
    }

    void topKRowsMaskAndTies()
    {
        torch::Tensor scores = torch::tensor({{1.0f, 5.0f, 5.0f, 2.0f, 5.0f}});
        torch::Tensor mask = torch::tensor({{false, true, false, false, false}});
        const auto rows = topKRows(scores, mask, 3);
        QCOMPARE(rows[0].size(), size_t(3));
        QCOMPARE(rows[0][0].item, 2); // ties: lower index first, masked item 1 never
        QCOMPARE(rows[0][1].item, 4);
        QCOMPARE(rows[0][2].item, 3);
        const auto all = topKRows(scores, torch::ones({1, 5}, torch::kBool), 3);
        QVERIFY(all[0].empty());
    }

    void exportRoundTrip()
    {
        const Dataset ds = shopDataset();
        auto model = fitted(ds, "sasrec", kSasrec);
        QVERIFY(model);
        const QString dir = m_dir.filePath("sasrec-export");
        ExportOptions o;
        o.dir = dir.toStdString();
        o.k = 5;
        o.batch = 7; // several batches
        NullObserver quiet;
        auto result = exportModel(*model, ds, o, quiet);
        QVERIFY2(result, result ? "" : result.error().toString().c_str());
        for (const char *name :
             {"config.json", "item_ids.txt", "user_ids.txt", "model.safetensors", "model.pt",
              "model.ckpt", "items.npy", "items.csv", "users.npy", "users.csv", "topk.csv"})
            QVERIFY2(QFile::exists(dir + "/" + name), name);
        QVERIFY(stagingLeftovers(dir).isEmpty());
        QVERIFY(result->files.back().name == "config.json");

        // config.json describes the folder.
        std::ifstream in((dir + "/config.json").toStdString());
        const auto config = nlohmann::json::parse(in);
        QCOMPARE(config["model"].get<std::string>(), std::string("sasrec"));
        QCOMPARE(config["items"].get<int>(), kItems);
        QCOMPARE(config["params"]["hiddenSize"].get<int>(), 16);

        // safetensors = the module's parameters, with the names of the tensor table.
        auto weights = readSafetensors((dir + "/model.safetensors").toStdString());
        QVERIFY(weights);
        auto tensors = modelTensors(*model);
        QVERIFY(tensors);
        QCOMPARE(weights->tensors.size(), tensors->size());
        QCOMPARE(config["tensors"].size(), tensors->size());
        for (const auto &[name, t] : *tensors) {
            const torch::Tensor *w = weights->find(name);
            QVERIFY2(w, name.c_str());
            QVERIFY(torch::equal(*w, t));
        }
        QVERIFY(weights->find("item.weight"));
        QCOMPARE(weights->metadata.at("model"), std::string("sasrec"));

        // Embeddings are the model's.
        auto items = readNpy((dir + "/items.npy").toStdString());
        QVERIFY(items);
        QVERIFY(torch::allclose(*items, model->itemEmbeddings()));
        auto users = readNpy((dir + "/users.npy").toStdString());
        QVERIFY(users);
        QCOMPARE(users->size(0), int64_t(kUsers));
        const QStringList itemCsv = lines(dir + "/items.csv");
        QCOMPARE(itemCsv.size(), kItems + 1);
        QVERIFY(itemCsv[1].startsWith("\"item,0\","));
        QCOMPARE(itemCsv[0].split(',').size(), 17); // id + 16 dimensions

        // Top-K: k lines per user, never an item of the user's history, titles quoted.
        const QStringList topk = lines(dir + "/topk.csv");
        QCOMPARE(topk[0], QString("user_id,rank,item_id,score,title"));
        QCOMPARE(topk.size(), 1 + kUsers * 5);
        const UserSequences seq = UserSequences::build(ds);
        for (int row = 1; row < topk.size(); ++row) {
            const QString line = topk[row];
            const QString user = line.section(',', 0, 0);
            const int u = user.mid(4).toInt();
            const int item = line.section(',', 3, 3).chopped(1).toInt(); // "item,<n>" quoted
            for (int32_t seen : seq.itemsOf(u))
                QVERIFY2(seen != item, qPrintable(line));
            QVERIFY(line.contains("Title \"\"" + QString::number(item) + "\"\"\""));
        }

        // Re-open: the same model, the same ids, the same scores.
        auto reopened = openExportedModel(dir.toStdString());
        QVERIFY2(reopened, reopened ? "" : reopened.error().toString().c_str());
        QCOMPARE(reopened->model->id(), std::string("sasrec"));
        QCOMPARE(reopened->items.size(), kItems);
        QCOMPARE(reopened->users.size(), kUsers);
        QCOMPARE(*reopened->items.find("item,3"), 3);
        ScoreRequest request;
        for (int u = 0; u < 5; ++u)
            request.add(u, HistoryView{seq.itemsOf(u), {}, {}, {}});
        QVERIFY(torch::equal(reopened->model->scoreItems(request), model->scoreItems(request)));
    }

    void cancelledExportLeavesNothingAndKeepsOld_data()
    {
        QTest::addColumn<QString>("stage");
        QTest::newRow("during weights") << "weights";
        QTest::newRow("during user embeddings") << "user embeddings";
        QTest::newRow("during top-K") << "top-K";
    }
    void cancelledExportLeavesNothingAndKeepsOld()
    {
        QFETCH(QString, stage);
        const Dataset ds = shopDataset();
        auto model = fitted(ds, "bprmf", {{"dimension", 8}, {"epochs", 2}});
        QVERIFY(model);
        // A fresh folder: nothing at all remains.
        const QString fresh = m_dir.filePath("cancel-" + QString::number(qHash(stage)));
        ExportOptions o;
        o.dir = fresh.toStdString();
        o.batch = 4;
        StopAtStage stopper(stage.toStdString());
        auto result = exportModel(*model, ds, o, stopper);
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::Cancelled);
        QVERIFY(stopper.m_seen);
        QVERIFY2(
            QDir(fresh).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).isEmpty(),
            qPrintable(QDir(fresh).entryList(QDir::AllEntries | QDir::Hidden).join(' ')));

        // Over an earlier export: it stays complete and unchanged.
        const QString old = m_dir.filePath("cancel-old");
        ExportOptions first;
        first.dir = old.toStdString();
        first.k = 3;
        NullObserver quiet;
        QVERIFY(exportModel(*model, ds, first, quiet));
        const QStringList topkBefore = lines(old + "/topk.csv");
        o.dir = old.toStdString();
        o.k = 7;
        StopAtStage again(stage.toStdString());
        QVERIFY(!exportModel(*model, ds, o, again));
        QCOMPARE(lines(old + "/topk.csv"), topkBefore);
        QVERIFY(stagingLeftovers(old).isEmpty());
        QVERIFY(openExportedModel(old.toStdString()));
    }

    void killedExportsStagingFolderIsRemoved()
    {
        // A process killed mid-export leaves ".export-<pid>-XXXXXX": the next export into the
        // folder removes it once that process is gone, and keeps live and foreign folders.
        const Dataset ds = shopDataset();
        auto model = fitted(ds, "popularity", nlohmann::json::object());
        QVERIFY(model);
        const QString dir = m_dir.filePath("stale");
        QProcess child; // a real process that has exited and been reaped: its pid is free
        child.start("sleep", {"0.1"});
        QVERIFY(child.waitForStarted());
        const qint64 deadPid = child.processId();
        QVERIFY(deadPid > 0);
        QVERIFY(child.waitForFinished());
        const QString dead = QString(".export-%1-abc123").arg(deadPid);
        const QString live = QString(".export-%1-def456").arg(QCoreApplication::applicationPid());
        for (const QString &name : {dead, live, QString(".export-notapid")})
            QVERIFY(QDir().mkpath(dir + "/" + name));
        QFile junk(dir + "/" + dead + "/topk.csv.tmp-1");
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.close();
        ExportOptions o;
        o.dir = dir.toStdString();
        o.formats = {ExportFormat::TopK};
        NullObserver quiet;
        QVERIFY(exportModel(*model, ds, o, quiet));
        QVERIFY(!QDir(dir + "/" + dead).exists());
        QVERIFY(QDir(dir + "/" + live).exists());
        QVERIFY(QDir(dir + "/.export-notapid").exists());
        QVERIFY(QFile::exists(dir + "/topk.csv"));
    }

    void explicitUnsupportedFormatWritesNothing()
    {
        const Dataset ds = shopDataset();
        auto model = fitted(ds, "itemknn", {{"k", 10}});
        QVERIFY(model);
        auto formats = parseExportFormats("safetensors,embeddings");
        QVERIFY(formats);
        ExportOptions o;
        o.dir = m_dir.filePath("knn-bad").toStdString();
        o.formats = *formats;
        NullObserver quiet;
        auto result = exportModel(*model, ds, o, quiet);
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::InvalidArgument);
        QVERIFY(QString::fromStdString(result.error().message).contains("embeddings"));
        QVERIFY(!QFile::exists(m_dir.filePath("knn-bad/config.json")));
        // Implicit "all": skipped with a warning instead, the rest is written.
        o.formats.clear();
        o.dir = m_dir.filePath("knn-all").toStdString();
        result = exportModel(*model, ds, o, quiet);
        QVERIFY2(result, result ? "" : result.error().toString().c_str());
        QVERIFY(!result->warnings.empty());
        QVERIFY(QFile::exists(m_dir.filePath("knn-all/model.pt")));
        QVERIFY(QFile::exists(m_dir.filePath("knn-all/model.safetensors")));
        QVERIFY(!QFile::exists(m_dir.filePath("knn-all/items.npy")));
        QVERIFY(!parseExportFormats("safetensors,onnx"));
    }

    void openRejectsIncompleteFolder()
    {
        const QString dir = m_dir.filePath("empty-export");
        QDir().mkpath(dir);
        auto opened = openExportedModel(dir.toStdString());
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, ErrorCode::NotFound);
    }

    void historiesScoreWithWarnings_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<bool>("csv");
        QTest::addColumn<int>("unknownLine");
        QTest::newRow("sequences")
            << QByteArray("new1 \"item,1\" x \"item,2\"\nnew2 \"item,4\" bogus\n") << false << 2;
        QTest::newRow("csv with header")
            << QByteArray("user_id,item_id,ts\nnew1,\"item,1\",1\nnew1,\"item,2\",2\n"
                          "new2,\"item,4\",3\nnew2,bogus,4\n")
            << true << 5;
    }
    void historiesScoreWithWarnings()
    {
        QFETCH(QByteArray, content);
        QFETCH(bool, csv);
        QFETCH(int, unknownLine);
        const Dataset ds = shopDataset();
        auto model = fitted(ds, "ease", {{"lambda", 10}});
        QVERIFY(model);
        const QString dir = m_dir.filePath("ease-export");
        ExportOptions o;
        o.dir = dir.toStdString();
        NullObserver quiet;
        QVERIFY(exportModel(*model, ds, o, quiet));
        auto exported = openExportedModel(dir.toStdString());
        QVERIFY(exported);
        if (!csv) // ids with a comma are quoted in CSV only; sequences split on spaces
            content.replace("\"", "");
        const QString path = m_dir.filePath(csv ? "histories.csv" : "histories.txt");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        auto histories = readHistories(path.toStdString(), exported->items, kItems, quiet);
        QVERIFY2(histories, histories ? "" : histories.error().toString().c_str());
        QCOMPARE(histories->csv, csv);
        QCOMPARE(histories->users.size(), size_t(2));
        QCOMPARE(histories->users[0].items, (std::vector<int32_t>{1, 2}));
        QCOMPARE(histories->users[1].items, (std::vector<int32_t>{4}));
        bool sawBogus = false;
        for (const Warning &w : histories->warnings)
            if (w.message.find("bogus") != std::string::npos) {
                sawBogus = true;
                QCOMPARE(w.location.line, int64_t(unknownLine));
                QVERIFY(w.location.column > 0);
            }
        QVERIFY(sawBogus);

        RecommendOptions ro;
        ro.k = 4;
        auto lists = recommendForHistories(*exported, *histories, ro, quiet);
        QVERIFY(lists);
        QCOMPARE(lists->size(), size_t(2));
        // Same as scoring the original model directly, history masked.
        ScoreRequest request;
        request.add(-1, HistoryView{histories->users[0].items, {}, {}, {}});
        torch::Tensor expected = model->scoreItems(request);
        expected[0][1] = -INFINITY;
        expected[0][2] = -INFINITY;
        const auto best = topKRows(expected, {}, 4);
        QCOMPARE((*lists)[0].items.size(), size_t(4));
        for (size_t r = 0; r < 4; ++r)
            QCOMPARE((*lists)[0].items[r].item, best[0][r].item);
        const QString outCsv = m_dir.filePath("recs.csv");
        QVERIFY(writeRecommendationsCsv(outCsv.toStdString(), *exported, *lists));
        QCOMPARE(lines(outCsv).size(), 1 + 8);
    }

    void reportIsSelfContainedHtml()
    {
        RunDetail run;
        run.summary.id = 7;
        run.summary.name = "sasrec <small> & fast";
        run.summary.model = "sasrec";
        run.summary.status = RunStatus::Finished;
        run.paramsJson = R"({"hiddenSize": 64})";
        MetricRecord a;
        a.name = "NDCG@10";
        a.value = 0.25;
        a.k = 10;
        a.protocolLabel = "loo, full ranking, test, K=10";
        MetricRecord b;
        b.name = "HR@10";
        b.value = 0.5;
        b.k = 10;
        b.protocolLabel = "loo, uniform 99, test, K=10";
        MetricRecord perEpoch = a;
        perEpoch.epoch = 3; // per-epoch values are curves, not final metrics
        run.metrics = {a, b, perEpoch};
        CurveSeries loss{"train/loss", {}};
        for (int s = 1; s <= 5; ++s)
            loss.points.push_back({s, 1, 1.0 / s, 0, 0});
        loss.points.push_back({6, 1, NAN, 0, 0}); // a diverged value breaks the line
        loss.points.push_back({7, 1, 0.1, 0, 0});
        const QString html = QString::fromStdString(renderRunReport(run, {loss}));
        QVERIFY(html.startsWith("<!DOCTYPE html>"));
        QVERIFY(html.contains("sasrec &lt;small&gt; &amp; fast"));
        QCOMPARE(html.count("<h3>"), 2); // one table per protocol
        QCOMPARE(html.count("NDCG@10"), 1);
        QCOMPARE(html.count("<polyline"), 2);
        QVERIFY(html.contains("&quot;hiddenSize&quot;: 64"));
        QVERIFY(!html.contains("<script"));
        QVERIFY(!html.contains("src="));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_APPLESS_MAIN(TestExport)
#include "tst_export.moc"
