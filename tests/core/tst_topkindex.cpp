// Top-K at scale (recommend/mipsindex.h, recommend/rankeditem.h): the row selection's order and
// exclusions, exact top-K against a plain loop, the HNSW index's agreement with exact top-K
// (recall@K), its exclusions and exact scores, its errors and cancellation, and an export whose
// top-K lists come from the index.
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <random>

#include <nlohmann/json.hpp>

#include "io/modelexport.h"
#include "models/modelfactory.h"
#include "models/trainingdata.h"
#include "recommend/mipsindex.h"
#include "recommend/rankeditem.h"

using namespace recforge;

namespace {

// Items in `clusters` groups around random centres, with norms spread over [0.5, 2] so that the
// inner product and the cosine disagree; users near the centres.
struct Planted {
    EmbeddingMatrix items;
    std::vector<float> bias;
    std::vector<float> users;
    int64_t userCount = 0;
};

Planted planted(int32_t items, int32_t users, int32_t dim, int clusters, uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<float> gauss(0.f, 1.f);
    std::uniform_real_distribution<float> norm(0.5f, 2.f);
    std::vector<float> centres(size_t(clusters) * size_t(dim));
    for (float &c : centres)
        c = gauss(rng);
    Planted p;
    p.items.rows = items;
    p.items.dim = dim;
    for (int32_t i = 0; i < items; ++i) {
        const int c = int(rng() % uint64_t(clusters));
        const float scale = norm(rng);
        for (int32_t d = 0; d < dim; ++d)
            p.items.values.push_back(scale * (centres[size_t(c * dim + d)] + 0.3f * gauss(rng)));
        p.bias.push_back(0.1f * gauss(rng));
    }
    p.userCount = users;
    for (int32_t u = 0; u < users; ++u) {
        const int c = int(rng() % uint64_t(clusters));
        for (int32_t d = 0; d < dim; ++d)
            p.users.push_back(centres[size_t(c * dim + d)] + 0.5f * gauss(rng));
    }
    return p;
}

float dot(const Planted &p, int64_t user, int32_t item, bool withBias)
{
    float s = withBias ? p.bias[size_t(item)] : 0.f;
    for (int32_t d = 0; d < p.items.dim; ++d)
        s += p.users[size_t(user * p.items.dim + d)] *
             p.items.values[size_t(item * p.items.dim + d)];
    return s;
}

class StopAfter : public Observer {
public:
    explicit StopAfter(int64_t after) : m_after(after) {}
    bool onProgress(const Progress &event) override { return event.done < m_after; }

private:
    int64_t m_after;
};

} // namespace

class TestTopKIndex : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void bestOfRowOrderTiesAndNaN()
    {
        const float nan = std::numeric_limits<float>::quiet_NaN();
        const float row[] = {0.5f, 2.f, nan, 2.f, -1.f, 0.5f, 3.f};
        const auto best = bestOfRow(row, 7, 4);
        QCOMPARE(best.size(), size_t(4));
        QCOMPARE(best[0].item, 6);
        QCOMPARE(best[1].item, 1); // tie at 2: the lower index first
        QCOMPARE(best[2].item, 3);
        QCOMPARE(best[3].item, 0); // tie at 0.5: item 0 beats item 5
        QCOMPARE(best[3].score, 0.5f);
        const auto all = bestOfRow(row, 7, 100); // k beyond the row: every non-NaN entry
        QCOMPARE(all.size(), size_t(6));
        QCOMPARE(all.back().item, 4);
        QVERIFY(bestOfRow(row, 7, 0).empty());
    }

    void exactTopKMatchesLoop()
    {
        const Planted p = planted(300, 20, 8, 5, 1);
        std::vector<std::vector<int32_t>> exclude(20);
        for (int u = 0; u < 20; ++u)
            exclude[size_t(u)] = {u, 7 * u % 300, 299};
        const auto lists = exactTopK(p.items, p.bias, p.users, p.userCount, 5, exclude);
        QCOMPARE(lists.size(), size_t(20));
        for (int64_t u = 0; u < p.userCount; ++u) {
            std::vector<RankedItem> all;
            for (int32_t i = 0; i < 300; ++i)
                if (std::find(exclude[size_t(u)].begin(), exclude[size_t(u)].end(), i) ==
                    exclude[size_t(u)].end())
                    all.push_back({i, dot(p, u, i, true)});
            std::sort(all.begin(), all.end(), rankedBefore);
            QCOMPARE(lists[size_t(u)].size(), size_t(5));
            for (size_t j = 0; j < 5; ++j) {
                QCOMPARE(lists[size_t(u)][j].item, all[j].item);
                QVERIFY(std::abs(lists[size_t(u)][j].score - all[j].score) < 1e-4f);
            }
        }
    }

    void indexAgreesWithExact()
    {
        const Planted p = planted(5000, 300, 32, 50, 2);
        std::vector<std::vector<int32_t>> exclude(size_t(p.userCount));
        std::mt19937 rng(3);
        for (auto &e : exclude)
            for (int j = 0; j < 20; ++j)
                e.push_back(int32_t(rng() % 5000));
        auto index = MipsIndex::build(p.items, p.bias, MipsIndexParams{});
        QVERIFY2(index.has_value(), index ? "" : index.error().message.c_str());
        QCOMPARE(index->size(), 5000);
        QCOMPARE(index->dimension(), 32);
        const auto approx = index->search(p.users, p.userCount, 10, exclude, 100);
        const auto exact = exactTopK(p.items, p.bias, p.users, p.userCount, 10, exclude);
        RecallAtK recall;
        recall.add(approx, exact);
        QCOMPARE(recall.wanted, int64_t(3000));
        QVERIFY2(recall.value() >= 0.95, std::to_string(recall.value()).c_str());
        for (int64_t u = 0; u < p.userCount; ++u) {
            const auto &list = approx[size_t(u)];
            QCOMPARE(list.size(), size_t(10));
            for (size_t j = 0; j < list.size(); ++j) {
                const auto &e = exclude[size_t(u)];
                QVERIFY(std::find(e.begin(), e.end(), list[j].item) == e.end());
                QVERIFY(std::abs(list[j].score - dot(p, u, list[j].item, true)) < 1e-4f);
                if (j > 0)
                    QVERIFY(!rankedBefore(list[j], list[j - 1]));
            }
        }
        // A narrow beam finds less than a wide one: ef is what trades recall for speed.
        const auto narrow = index->search(p.users, p.userCount, 10, exclude, 10);
        RecallAtK narrowRecall;
        narrowRecall.add(narrow, exact);
        QVERIFY(narrowRecall.value() <= recall.value());
    }

    void innerProductNotCosine()
    {
        // Two items in the user's direction: the long one has the higher inner product, the
        // short one the higher cosine. A nearest-neighbour search on raw vectors would pick the
        // short one; the inner-product index must pick the long one.
        EmbeddingMatrix items;
        items.rows = 3;
        items.dim = 2;
        items.values = {1.f, 0.f, 3.f, 1.5f, -1.f, 0.f};
        auto index = MipsIndex::build(items, {}, MipsIndexParams{});
        QVERIFY(index.has_value());
        const std::vector<float> user = {1.f, 0.f};
        const auto lists = index->search(user, 1, 3, {}, 10);
        QCOMPARE(lists[0].size(), size_t(3));
        QCOMPARE(lists[0][0].item, 1);
        QCOMPARE(lists[0][0].score, 3.f);
        QCOMPARE(lists[0][1].item, 0);
        QCOMPARE(lists[0][2].item, 2);
        // Every item excluded but one: the list is that one item, not k entries.
        const std::vector<std::vector<int32_t>> exclude = {{0, 1}};
        const auto one = index->search(user, 1, 3, exclude, 10);
        QCOMPARE(one[0].size(), size_t(1));
        QCOMPARE(one[0][0].item, 2);
    }

    void buildErrors()
    {
        EmbeddingMatrix none;
        auto empty = MipsIndex::build(none, {}, MipsIndexParams{});
        QVERIFY(!empty);
        QCOMPARE(empty.error().code, ErrorCode::InvalidArgument);

        EmbeddingMatrix items;
        items.rows = 2;
        items.dim = 2;
        items.values = {1.f, 0.f, 0.f, std::numeric_limits<float>::infinity()};
        auto nonFinite = MipsIndex::build(items, {}, MipsIndexParams{});
        QVERIFY(!nonFinite);
        QVERIFY(nonFinite.error().message.find("item 1") != std::string::npos);

        items.values[3] = 1.f;
        const std::vector<float> bias = {0.f, 0.f, 0.f};
        auto badBias = MipsIndex::build(items, bias, MipsIndexParams{});
        QVERIFY(!badBias);
        QVERIFY(badBias.error().message.find("3 values for 2 items") != std::string::npos);
    }

    void buildCancels()
    {
        const Planted p = planted(20000, 1, 16, 10, 4);
        StopAfter observer(100);
        ProgressReporter progress(observer, {}, "index", p.items.rows);
        auto index = MipsIndex::build(p.items, p.bias, MipsIndexParams{}, &progress);
        QVERIFY(!index);
        QCOMPARE(index.error().code, ErrorCode::Cancelled);
    }

    void exportWithApproximateTopK()
    {
        Dataset ds;
        ds.name = "shop";
        for (int i = 0; i < 60; ++i)
            ds.items.intern("i" + std::to_string(i));
        std::mt19937 rng(9);
        for (int u = 0; u < 80; ++u) {
            ds.users.intern("u" + std::to_string(u));
            const int start = int(rng() % 60);
            for (int k = 0; k < 6; ++k)
                ds.interactions.append(u, (start + k) % 60, k, 3, 1.0f);
        }
        ds.syncInfoSizes();
        auto split = makeSplit(ds, SplitParams{});
        auto data = TrainingData::build(ds, *split);
        auto model = createModel("bprmf", {{"dimension", 8}, {"epochs", 3}});
        QVERIFY(model && data);
        NullObserver quiet;
        QVERIFY((*model)->fit(*data, FitContext(quiet)));

        QTemporaryDir dir;
        ExportOptions options;
        options.formats = {ExportFormat::TopK};
        options.k = 5;
        options.approximateTopK = true;
        options.recallSample = 40; // every second user
        options.dir = (dir.path() + "/approx").toStdString();
        auto approx = exportModel(**model, ds, options, quiet);
        QVERIFY2(approx.has_value(), approx ? "" : approx.error().message.c_str());
        QCOMPARE(approx->topKRecallUsers, int64_t(40));
        QVERIFY(approx->topKRecall >= 0.95);
        QFile configFile(QString::fromStdString(options.dir) + "/config.json");
        QVERIFY(configFile.open(QIODevice::ReadOnly));
        const auto config = nlohmann::json::parse(configFile.readAll().toStdString());
        QCOMPARE(config["topk"]["method"].get<std::string>(), std::string("hnsw"));
        QCOMPARE(config["topk"]["recall_at_k"]["sample_users"].get<int>(), 40);

        // The exact export of the same model: (nearly) the same lines.
        options.approximateTopK = false;
        options.dir = (dir.path() + "/exact").toStdString();
        QVERIFY(exportModel(**model, ds, options, quiet).has_value());
        auto read = [](const std::string &path) {
            QFile f(QString::fromStdString(path));
            return f.open(QIODevice::ReadOnly) ? f.readAll().split('\n') : QList<QByteArray>{};
        };
        const auto exactLines = read(dir.path().toStdString() + "/exact/topk.csv");
        const auto approxLines = read(dir.path().toStdString() + "/approx/topk.csv");
        QCOMPARE(approxLines.size(), exactLines.size());
        QCOMPARE(approxLines.size(), 80 * 5 + 2); // header, 5 per user, final empty line
        // Same user, rank and item (scores may differ in the last digit: another summation order).
        auto key = [](const QByteArray &line) { return line.split(',').mid(0, 3); };
        int same = 0;
        for (int i = 0; i < exactLines.size(); ++i)
            same += key(exactLines[i]) == key(approxLines[i]);
        QVERIFY(same >= exactLines.size() * 9 / 10);

        // A model without embeddings cannot use the index: a clear error, no folder.
        auto knn = createModel("itemknn", nlohmann::json::object());
        QVERIFY(knn && (*knn)->fit(*data, FitContext(quiet)));
        options.approximateTopK = true;
        options.dir = (dir.path() + "/knn").toStdString();
        auto failed = exportModel(**knn, ds, options, quiet);
        QVERIFY(!failed);
        QCOMPARE(failed.error().code, ErrorCode::InvalidArgument);
        QVERIFY(failed.error().message.find("itemknn") != std::string::npos);
        QVERIFY(!QFile::exists(QString::fromStdString(options.dir) + "/topk.csv"));
    }
};

QTEST_GUILESS_MAIN(TestTopKIndex)
#include "tst_topkindex.moc"
