// Distillation: alpha = 0 is plain training bit for bit; the KL and ranking terms against
// hand-computed values; a student picks up a teacher's planted preference that the hard labels
// do not show; the teacher-vs-student comparison (Jaccard, latency, parameter counts); the
// distillation config's JSON; recforge-cli distill end to end; cancellation.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <random>

#include <torch/torch.h>

#include "eval/comparemodels.h"
#include "experiment/distillrun.h"
#include "models/modelfactory.h"
#include "models/objectivehost.h"
#include "models/trainingdata.h"
#include "store/runstore.h"
#include "testsupport.h"
#include "train/checkpoint.h"
#include "train/distillobjective.h"
#include "train/losses.h"
#include "train/trainevents.h"

using namespace recforge;
using recforge::test::runCli;

namespace {

constexpr int kUsers = 200, kItems = 30;

// Every user walks the item cycle i -> i+1 (mod kItems) from a random start, 6..10 steps.
Dataset cycleDataset()
{
    Dataset ds;
    ds.name = "cycle";
    for (int i = 0; i < kItems; ++i)
        ds.items.intern("i" + std::to_string(i));
    std::mt19937 rng(5);
    for (int u = 0; u < kUsers; ++u) {
        ds.users.intern("u" + std::to_string(u));
        const int start = int(rng() % kItems), len = 6 + int(rng() % 5);
        for (int k = 0; k < len; ++k)
            ds.interactions.append(u, (start + k) % kItems, k, 3, 1.0f);
    }
    ds.syncInfoSizes();
    return ds;
}

TrainingData cycleData(const Dataset &ds)
{
    auto split = makeSplit(ds, SplitParams{});
    return std::move(*TrainingData::build(ds, *split));
}

nlohmann::json studentParams(const std::string &id, int epochs)
{
    nlohmann::json p = {{"hiddenSize", 16}, {"maxLength", 12}, {"dropout", 0.1},
                        {"epochs", epochs}, {"batchSize", 32}, {"learningRate", 1e-2}};
    if (id == "sasrec")
        p.update({{"layers", 1}, {"heads", 2}, {"ffnSize", 32}, {"attentionDropout", 0.1}});
    return p;
}

class LossRecorder final : public TrainObserver {
public:
    void onBatch(const BatchEvent &e) override { losses.push_back(e.loss); }
    std::vector<double> losses;
};

FitContext quietContext(Observer &obs)
{
    FitContext ctx(obs);
    ctx.seed = 7;
    ctx.device = "cpu";
    ctx.threads = 1;
    return ctx;
}

// A fixed "teacher" whose logits at a position put `boost` on the item two steps after the
// position's item (the hard labels say: one step after).
class PlantedTeacher final : public PositionScorer {
public:
    explicit PlantedTeacher(double boost) : m_boost(boost) {}
    torch::Tensor positionHidden(const torch::Tensor &tokens) override
    {
        torch::Tensor item = (tokens - 1).clamp_min(0);
        torch::Tensor planted = (item + 2).remainder(kItems);
        return torch::one_hot(planted, kItems).to(torch::kFloat) * m_boost;
    }
    torch::Tensor outputTable() override { return torch::eye(kItems); }
    int64_t maxLength() const override { return 64; }
    torch::nn::Module &scorerModule() override { return m_module; }

private:
    double m_boost;
    torch::nn::Module m_module;
};

void useTeacher(Recommender &student, std::shared_ptr<PositionScorer> teacher,
                DistillLossOptions options)
{
    dynamic_cast<ObjectiveHost &>(student).setObjectiveWrapper(
        [teacher, options](Objective &own) -> Expected<std::unique_ptr<Objective>> {
            auto d = DistillObjective::create(own, teacher, options);
            if (!d)
                return tl::unexpected(d.error());
            return std::unique_ptr<Objective>(std::move(*d));
        });
}

// Share of test users whose top item is `shift` steps after their last history item.
double shiftAccuracy(Recommender &model, const TrainingData &data, int shift)
{
    ScoreRequest req;
    for (const auto &c : data.cases(EvalStage::Test))
        req.add(c.user, c.history);
    torch::Tensor best = model.scoreItems(req).argmax(1);
    int hits = 0;
    for (size_t r = 0; r < req.size(); ++r) {
        const int last = req.histories[r].items.back();
        hits += best[int64_t(r)].item<int64_t>() == (last + shift) % kItems;
    }
    return double(hits) / double(req.size());
}

QJsonObject parseJson(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

} // namespace

class TestDistill : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(1); }

    void alphaZeroEqualsPlainTraining_data()
    {
        QTest::addColumn<QString>("id");
        QTest::newRow("sasrec") << "sasrec";
        QTest::newRow("gru4rec") << "gru4rec";
        QTest::newRow("mlprec") << "mlprec";
    }
    void alphaZeroEqualsPlainTraining()
    {
        QFETCH(QString, id);
        const Dataset ds = cycleDataset();
        const TrainingData data = cycleData(ds);
        auto plain = std::move(*createModel(id.toStdString(), studentParams(id.toStdString(), 2)));
        auto taught = std::move(*createModel(id.toStdString(), studentParams(id.toStdString(), 2)));
        LossRecorder plainLosses, taughtLosses;
        QVERIFY(plain->fit(data, quietContext(plainLosses)).has_value());
        useTeacher(*taught, std::make_shared<PlantedTeacher>(5.0),
                   DistillLossOptions{2.0, 0.0, DistillMode::Both, 5, 2.0});
        QVERIFY(taught->fit(data, quietContext(taughtLosses)).has_value());
        QVERIFY(!plainLosses.losses.empty());
        QCOMPARE(taughtLosses.losses, plainLosses.losses);
        auto a = moduleTensors(*plain->module()), b = moduleTensors(*taught->module());
        QCOMPARE(a.size(), b.size());
        for (size_t i = 0; i < a.size(); ++i)
            QVERIFY(torch::equal(a[i], b[i]));
    }

    void klTermMatchesHandComputedValue()
    {
        // One position, three items. T = 2, alpha = 1: T^2 * sum p_t (log p_t - log p_s).
        const std::vector<float> s{1.0f, 2.0f, 0.5f}, t{3.0f, 0.0f, 1.0f};
        const double temperature = 2.0;
        auto softmax = [&](const std::vector<float> &x) {
            std::vector<double> e(x.size());
            double z = 0;
            for (size_t i = 0; i < x.size(); ++i)
                z += e[i] = std::exp(x[i] / temperature);
            for (double &v : e)
                v /= z;
            return e;
        };
        const auto ps = softmax(s), pt = softmax(t);
        double kl = 0;
        for (size_t i = 0; i < 3; ++i)
            kl += pt[i] * (std::log(pt[i]) - std::log(ps[i]));
        const double expected = temperature * temperature * kl;
        DistillLossOptions o{temperature, 1.0, DistillMode::Kl, 2, 1.0};
        const torch::Tensor loss = DistillObjective::combinedLoss(torch::tensor(s).unsqueeze(0),
                                                                  torch::tensor(t).unsqueeze(0),
                                                                  torch::tensor({int64_t(1)}), o);
        QVERIFY(std::abs(loss.item<double>() - expected) < 1e-6);
        // alpha mixes in the hard-label cross-entropy of the untempered student logits.
        o.alpha = 0.25;
        const double ce =
            -std::log(std::exp(2.0) / (std::exp(1.0) + std::exp(2.0) + std::exp(0.5)));
        const torch::Tensor mixed = DistillObjective::combinedLoss(torch::tensor(s).unsqueeze(0),
                                                                   torch::tensor(t).unsqueeze(0),
                                                                   torch::tensor({int64_t(1)}), o);
        QVERIFY(std::abs(mixed.item<double>() - (0.25 * expected + 0.75 * ce)) < 1e-6);
    }

    // The teacher's logits go into the caller's buffer: the same values as positionLogits for a
    // larger, then a smaller batch, the smaller one in the same storage.
    void positionLogitsIntoReusesTheBuffer()
    {
        PlantedTeacher teacher(3.0);
        torch::Tensor out;
        const void *storage = nullptr;
        for (int64_t rows : {4, 2}) {
            const torch::Tensor tokens = torch::arange(1, 1 + rows * 5).reshape({rows, 5}) % kItems;
            const torch::Tensor positions = torch::arange(0, rows * 5, 2);
            teacher.positionLogitsInto(tokens, positions, out);
            QVERIFY(torch::equal(out, teacher.positionLogits(tokens, positions)));
            QCOMPARE(out.sizes().vec(), (std::vector<int64_t>{positions.size(0), kItems}));
            if (storage)
                QCOMPARE(out.storage().data(), storage);
            storage = out.storage().data();
        }
    }

    void rankingTargetsFromFixedTeacher()
    {
        const torch::Tensor teacher =
            torch::tensor({0.1f, 0.9f, 0.5f, 0.7f, 0.0f, 0.3f, 0.2f, 0.8f}).reshape({2, 4});
        auto [items, weights] = rankingDistillationTargets(teacher, 3, 1.0);
        QCOMPARE(items.sizes().vec(), (std::vector<int64_t>{2, 3}));
        const std::vector<int64_t> row0{1, 3, 2}, row1{3, 1, 2};
        for (int64_t r = 0; r < 3; ++r) {
            QCOMPARE(items[0][r].item<int64_t>(), row0[size_t(r)]);
            QCOMPARE(items[1][r].item<int64_t>(), row1[size_t(r)]);
        }
        const double z = std::exp(-1.0) + std::exp(-2.0) + std::exp(-3.0);
        for (int64_t r = 0; r < 3; ++r)
            QVERIFY(std::abs(weights[1][r].item<double>() - std::exp(-double(r + 1)) / z) < 1e-6);
        // A uniform student: every target has log-probability -log 4, weights sum to 1.
        const torch::Tensor loss = rankingDistillationLoss(torch::zeros({2, 4}), items, weights);
        QVERIFY(std::abs(loss.item<double>() - std::log(4.0)) < 1e-6);
    }

    void studentLearnsTeachersPlantedPreference_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("mode");
        QTest::newRow("gru4rec kl") << "gru4rec"
                                    << "kl";
        QTest::newRow("mlprec ranking") << "mlprec"
                                        << "ranking";
        QTest::newRow("sasrec both") << "sasrec"
                                     << "both";
    }
    void studentLearnsTeachersPlantedPreference()
    {
        QFETCH(QString, id);
        QFETCH(QString, mode);
        const Dataset ds = cycleDataset();
        const TrainingData data = cycleData(ds);
        auto plain = std::move(*createModel(id.toStdString(), studentParams(id.toStdString(), 25)));
        auto taught =
            std::move(*createModel(id.toStdString(), studentParams(id.toStdString(), 25)));
        NullObserver quiet;
        QVERIFY(plain->fit(data, quietContext(quiet)).has_value());
        useTeacher(*taught, std::make_shared<PlantedTeacher>(8.0),
                   DistillLossOptions{1.0, 0.9, *parseDistillMode(mode.toStdString()), 3, 1.0});
        QVERIFY(taught->fit(data, quietContext(quiet)).has_value());
        const double plainPlanted = shiftAccuracy(*plain, data, 2);
        const double taughtPlanted = shiftAccuracy(*taught, data, 2);
        QVERIFY2(shiftAccuracy(*plain, data, 1) > 0.5, "the plain student learns the cycle");
        QVERIFY2(plainPlanted < 0.1 && taughtPlanted > 0.5,
                 qPrintable(QString("planted item top-1: plain %1, taught %2")
                                .arg(plainPlanted)
                                .arg(taughtPlanted)));
    }

    void comparisonFields()
    {
        const Dataset ds = cycleDataset();
        const TrainingData data = cycleData(ds);
        nlohmann::json gp = studentParams("gru4rec", 2), mp = studentParams("mlprec", 2);
        gp["hiddenSize"] = 8;
        mp.update({{"hiddenSize", 8}, {"ffnSize", 16}});
        auto gru = std::move(*createModel("gru4rec", gp));
        auto mlp = std::move(*createModel("mlprec", mp));
        NullObserver quiet;
        QVERIFY(gru->fit(data, quietContext(quiet)).has_value());
        QVERIFY(mlp->fit(data, quietContext(quiet)).has_value());
        // Embedding (items + padding) x 8, GRU 3 gates x (input + hidden weights + 2 biases).
        QCOMPARE(gru->parameterCount(), int64_t((kItems + 1) * 8 + 3 * (8 * 8 + 8 * 8 + 2 * 8)));
        QCOMPARE(mlp->parameterCount(), int64_t((kItems + 1) * 8 + (16 * 16 + 16) + (16 * 8 + 8)));
        QTemporaryDir dir;
        const std::string path = dir.filePath("gru.ckpt").toStdString();
        QVERIFY(gru->save(path).has_value());

        CompareOptions o;
        o.latencyUsers = 20;
        o.warmupUsers = 2;
        o.teacherCheckpoint = path;
        auto same = compareModels(*gru, *gru, data, o, quiet);
        QVERIFY2(same.has_value(), same ? "" : same.error().toString().c_str());
        QCOMPARE(same->jaccard.mean, 1.0);
        QCOMPARE(same->jaccard.histogram.back(), same->jaccard.users);
        QCOMPARE(same->jaccard.users, int64_t(data.cases(EvalStage::Test).size()));
        QCOMPARE(same->teacher.parameters, gru->parameterCount());
        QCOMPARE(same->teacher.bytesOnDisk, int64_t(std::filesystem::file_size(path)));
        QCOMPARE(same->student.bytesOnDisk, int64_t(0));
        QCOMPARE(same->qualityRatio("NDCG@10"), 1.0);

        auto mixed = compareModels(*gru, *mlp, data, o, quiet);
        QVERIFY(mixed.has_value());
        QCOMPARE(mixed->student.parameters, mlp->parameterCount());
        for (const ModelFigures *f : {&mixed->teacher, &mixed->student}) {
            QVERIFY(f->latencyP50Ms > 0 && f->latencyP99Ms >= f->latencyP50Ms);
            QVERIFY(f->usersPerSecond > 0);
            QVERIFY(!std::isnan(f->metric("NDCG@10")));
        }
        QVERIFY(mixed->jaccard.mean >= 0 && mixed->jaccard.mean <= 1);
        QCOMPARE(jaccard({1, 2, 3}, {4, 5, 6}), 0.0);
        QCOMPARE(jaccard({1, 2, 3}, {3, 2, 1}), 1.0);
        QCOMPARE(jaccard({1, 2}, {2, 3}), 1.0 / 3.0);

        // The JSON kept in the store reads back.
        auto back = modelComparisonFromJson(toJson(*mixed));
        QVERIFY(back.has_value());
        QCOMPARE(back->student.parameters, mixed->student.parameters);
        QCOMPARE(back->jaccard.histogram, mixed->jaccard.histogram);
        QCOMPARE(back->protocol, mixed->protocol);
    }

    void paramsJsonRoundTripAndFieldErrors()
    {
        DistillParams p;
        p.teacherRunId = 3;
        p.studentModel = "gru4rec";
        p.studentParams = {{"hiddenSize", 24}};
        p.loss = {3.0, 0.7, DistillMode::Both, 20, 4.0};
        p.compareK = 20;
        auto back = distillParamsFromJson(toJson(p));
        QVERIFY(back.has_value());
        QVERIFY2(toJson(*back) == toJson(p), toJson(*back).dump().c_str());
        QCOMPARE(back->loss.mode, DistillMode::Both);

        const std::vector<std::pair<nlohmann::json, std::string>> bad = {
            {{{"alpha", 1.5}}, "alpha"},
            {{{"temperature", 0}}, "temperature"},
            {{{"mode", "soft"}}, "mode"},
            {{{"top_k", 0}}, "top_k"},
            {{{"student", {{"model", 3}}}}, "student.model"},
            {{{"teacher", 1}}, "teacher"},
        };
        for (const auto &[json, field] : bad) {
            auto r = distillParamsFromJson(json);
            QVERIFY2(!r.has_value(), json.dump().c_str());
            QCOMPARE(r.error().location.field, field);
        }
    }

    void cliDistillEndToEnd()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath("shop.recforge");
        QString out, err;
        QCOMPARE(runCli({"demo-data", "--project", project, "--users", "300", "--items", "120",
                         "--events", "8000", "--quiet"},
                        &out, &err),
                 0);
        QFile teacherConfig(dir.filePath("teacher.json"));
        QVERIFY(teacherConfig.open(QIODevice::WriteOnly));
        teacherConfig.write(R"({"model": "sasrec", "params": {"hiddenSize": 32, "layers": 2,
            "heads": 2, "ffnSize": 64, "maxLength": 20, "epochs": 3}, "threads": 1,
            "evaluations": [{"candidates": "full", "ks": [10]}]})");
        teacherConfig.close();
        QCOMPARE(runCli({"train", "--project", project, "--config", teacherConfig.fileName(),
                         "--json", "--quiet"},
                        &out, &err),
                 0);
        const int teacher = parseJson(out)["run"].toInt();
        QVERIFY(teacher > 0);

        QFile studentConfig(dir.filePath("student.json"));
        QVERIFY(studentConfig.open(QIODevice::WriteOnly));
        studentConfig.write(R"({"student": {"model": "gru4rec", "params": {"hiddenSize": 8,
            "maxLength": 20, "epochs": 2}}, "latency_users": 10, "threads": 1})");
        studentConfig.close();
        QCOMPARE(runCli({"distill", "--project", project, "--teacher-run", QString::number(teacher),
                         "--config", studentConfig.fileName(), "--alpha", "0.6", "--temperature",
                         "1.5", "--json", "--quiet"},
                        &out, &err),
                 0);
        const QJsonObject j = parseJson(out);
        QVERIFY2(j["ok"].toBool(), qPrintable(out + err));
        const QJsonObject c = j["comparison"].toObject();
        QCOMPARE(c["teacher"].toObject()["run"].toInt(), teacher);
        QCOMPARE(c["student"].toObject()["model"].toString(), QStringLiteral("gru4rec"));
        QVERIFY(c["student"].toObject()["parameters"].toInt() <
                c["teacher"].toObject()["parameters"].toInt());
        QVERIFY(c["student"].toObject()["bytes"].toInt() > 0);
        QVERIFY(c["jaccard"].toObject()["users"].toInt() > 0);
        const int student = j["run"].toInt();

        // Stored with the student run: kind, parent, alpha, the comparison's metrics.
        auto runs = RunStore::open(project.toStdString());
        QVERIFY(runs.has_value());
        auto detail = (*runs)->run(student);
        QVERIFY(detail.has_value());
        QCOMPARE(QString::fromStdString(detail->summary.kind), QStringLiteral("distil"));
        QCOMPARE(detail->summary.parentRunId, int64_t(teacher));
        const auto stored = nlohmann::json::parse(detail->paramsJson);
        QCOMPARE(stored["distill"]["alpha"].get<double>(), 0.6);
        bool jaccardStored = false;
        for (const MetricRecord &m : detail->metrics)
            jaccardStored =
                jaccardStored || (m.name == "Jaccard@10" &&
                                  m.protocolLabel.find("full ranking") != std::string::npos);
        QVERIFY(jaccardStored);
        auto comparison = readComparison(project.toStdString(), student);
        QVERIFY(comparison.has_value());
        QCOMPARE(comparison->student.runId, int64_t(student));

        // The table without --json; a bad config names the field.
        QCOMPARE(runCli({"distill", "--project", project, "--teacher-run", QString::number(teacher),
                         "--config", studentConfig.fileName(), "--quiet"},
                        &out, &err),
                 0);
        QVERIFY2(out.contains("Jaccard@10") && out.contains("latency p50"), qPrintable(out));
        QCOMPARE(runCli({"distill", "--project", project, "--teacher-run", QString::number(teacher),
                         "--alpha", "2", "--quiet"},
                        &out, &err),
                 2);
        QVERIFY2(err.contains("alpha"), qPrintable(err));
    }

    void cancelStopsTheStudentRun()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath("shop.recforge");
        QString out, err;
        QCOMPARE(runCli({"demo-data", "--project", project, "--users", "200", "--items", "80",
                         "--events", "5000", "--quiet"},
                        &out, &err),
                 0);
        QFile config(dir.filePath("teacher.json"));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(R"({"model": "gru4rec", "params": {"hiddenSize": 16, "epochs": 2},
                         "threads": 1})");
        config.close();
        QCOMPARE(runCli({"train", "--project", project, "--config", config.fileName(), "--json",
                         "--quiet"},
                        &out, &err),
                 0);
        const int64_t teacher = parseJson(out)["run"].toInt();
        QVERIFY(teacher > 0);

        // Requests a stop once training has reported a few batches.
        class Canceller final : public TrainObserver {
        public:
            void onBatch(const BatchEvent &) override { ++batches; }
            bool onProgress(const Progress &) override { return batches < 3; }
            int batches = 0;
        } canceller;
        DistillParams p;
        p.teacherRunId = teacher;
        p.studentModel = "mlprec";
        p.studentParams = {{"hiddenSize", 8}, {"epochs", 50}, {"batchSize", 8}};
        p.runtime.threads = 1;
        auto r = distill(project.toStdString(), p, canceller, StopToken{});
        QVERIFY(!r.has_value());
        QCOMPARE(r.error().code, ErrorCode::Cancelled);
        auto runs = RunStore::open(project.toStdString());
        RunFilter distilRuns;
        distilRuns.kind = "distil";
        auto listed = (*runs)->listRuns(distilRuns);
        QVERIFY(listed.has_value());
        QCOMPARE(listed->size(), size_t(1));
        QCOMPARE(listed->front().status, RunStatus::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestDistill)
#include "tst_distill.moc"
