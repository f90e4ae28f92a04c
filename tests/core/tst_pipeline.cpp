// The pretrain -> fine-tune -> distil pipeline: three linked runs from one config (CLI), the
// fine-tune commands (next item from a pretrain run, purchase classification), a cancelled
// pipeline that resumes in place without redoing finished stages, re-running one stage from its
// parent, and config errors that name the field.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <filesystem>

#include "experiment/pipeline.h"
#include "experiment/pretrainrun.h"
#include "store/runstore.h"
#include "testsupport.h"
#include "train/trainevents.h"

using namespace recforge;
using recforge::test::runCli;

namespace {

QJsonObject parseJson(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

// A tiny demo shop (categories, brands: attribute prediction has targets).
QString makeShop(const QTemporaryDir &dir)
{
    const QString project = dir.filePath("shop.recforge");
    QString out, err;
    if (runCli({"demo-data", "--project", project, "--users", "150", "--items", "60", "--events",
                "4000", "--quiet"},
               &out, &err) != 0)
        qFatal("demo-data failed: %s", qPrintable(err));
    return project;
}

nlohmann::json pipelineJson(const std::string &name, int finetuneEpochs)
{
    return {{"name", name},
            {"finetune",
             {{"model", "sasrec"},
              {"params",
               {{"hiddenSize", 16},
                {"layers", 1},
                {"heads", 2},
                {"ffnSize", 32},
                {"maxLength", 12},
                {"epochs", finetuneEpochs},
                {"patience", 50},
                {"batchSize", 32},
                {"itemFeatures", true}}},
              {"threads", 1},
              {"evaluations", {{{"candidates", "full"}, {"ks", {10}}}}}}},
            {"pretrain", {{"train", {{"epochs", 2}, {"batchSize", 32}}}}},
            {"student",
             {{"student", {{"model", "gru4rec"}, {"params", {{"hiddenSize", 8}, {"epochs", 1}}}}},
              {"latency_users", 5},
              {"baseline", true},
              {"threads", 1}}}};
}

RunDetail runDetail(const QString &project, int64_t id)
{
    auto runs = RunStore::open(project.toStdString());
    if (!runs)
        qFatal("store: %s", runs.error().toString().c_str());
    auto detail = (*runs)->run(id);
    if (!detail)
        qFatal("run %lld: %s", static_cast<long long>(id), detail.error().toString().c_str());
    return *detail;
}

size_t curvePoints(const QString &project, int64_t id, const std::string &series)
{
    auto runs = RunStore::open(project.toStdString());
    auto curves = (*runs)->curves(id, {series});
    return curves && !curves->empty() ? curves->front().points.size() : 0;
}

// A pipeline whose student trains 3 epochs without early stopping.
PipelineParams threeEpochStudent(const std::string &name)
{
    nlohmann::json json = pipelineJson(name, 1);
    json["student"]["student"]["params"]["epochs"] = 3;
    json["student"]["student"]["params"]["patience"] = 50;
    auto params = pipelineParamsFromJson(json);
    if (!params)
        qFatal("pipeline params: %s", params.error().toString().c_str());
    return *params;
}

size_t runCount(const QString &project)
{
    auto runs = RunStore::open(project.toStdString());
    if (!runs)
        qFatal("store: %s", runs.error().toString().c_str());
    auto all = (*runs)->listRuns();
    if (!all)
        qFatal("runs: %s", all.error().toString().c_str());
    return all->size();
}

// Stops the pipeline once the stage it is told it is in (inStage) has finished `epochs` epochs.
class StopInStage final : public TrainObserver {
public:
    explicit StopInStage(int epochs) : m_epochs(epochs) {}
    void onEpoch(const EpochEvent &) override
    {
        if (inStage)
            ++stageEpochs;
    }
    bool onProgress(const Progress &) override { return stageEpochs < m_epochs; }
    bool inStage = false;
    int stageEpochs = 0;

private:
    int m_epochs;
};

// The run ids of a pipeline's stages as they start.
PipelineHooks recordStarts(int64_t (&started)[3], StopInStage *stopper = nullptr,
                           PipelineStage stopStage = PipelineStage::Finetune)
{
    PipelineHooks hooks;
    hooks.stageStarted = [&started, stopper, stopStage](PipelineStage stage, int64_t runId) {
        started[int(stage)] = runId;
        if (stopper)
            stopper->inStage = stage == stopStage;
    };
    return hooks;
}

} // namespace

class TestPipeline : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cliPipelineLinksThreeRuns()
    {
        QTemporaryDir dir;
        const QString project = makeShop(dir);
        QFile config(dir.filePath("pipeline.json"));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(QByteArray::fromStdString(pipelineJson("beauty-small", 2).dump()));
        config.close();
        QString out, err;
        QCOMPARE(runCli({"pipeline", "run", "--project", project, "--config", config.fileName(),
                         "--json", "--quiet"},
                        &out, &err),
                 0);
        const QJsonObject j = parseJson(out);
        QVERIFY2(j["ok"].toBool(), qPrintable(out + err));
        const QJsonArray stages = j["stages"].toArray();
        QCOMPARE(stages.size(), 3);
        int64_t ids[3];
        for (int s = 0; s < 3; ++s) {
            ids[s] = stages[s].toObject()["run"].toInt();
            QCOMPARE(stages[s].toObject()["status"].toString(), QStringLiteral("finished"));
        }
        const RunDetail pretrain = runDetail(project, ids[0]);
        const RunDetail finetune = runDetail(project, ids[1]);
        const RunDetail distil = runDetail(project, ids[2]);
        QCOMPARE(QString::fromStdString(pretrain.summary.kind), QStringLiteral("pretrain"));
        QCOMPARE(QString::fromStdString(finetune.summary.kind), QStringLiteral("finetune"));
        QCOMPARE(QString::fromStdString(distil.summary.kind), QStringLiteral("distil"));
        QCOMPARE(finetune.summary.parentRunId, ids[0]);
        QCOMPARE(distil.summary.parentRunId, ids[1]);
        // The pretrain run logged its objectives per epoch and stored the encoder.
        QCOMPARE(curvePoints(project, ids[0], "objective/cloze loss"), size_t(2));
        QVERIFY(curvePoints(project, ids[0], "objective/masked attribute loss") == 2);
        const std::string encoder = j["encoder"].toString().toStdString();
        QVERIFY2(std::filesystem::exists(encoder), encoder.c_str());
        // The fine-tune started from it (its log says so) with the catalogue's features.
        bool fromEncoder = false;
        auto runs = RunStore::open(project.toStdString());
        auto events = (*runs)->events(ids[1]);
        QVERIFY(events.has_value());
        for (const RunEvent &e : *events)
            fromEncoder = fromEncoder || e.message.find("fine-tuning from") != std::string::npos;
        QVERIFY(fromEncoder);
        // The distillation compared the student with and without the teacher.
        auto comparison = readComparison(project.toStdString(), ids[2]);
        QVERIFY(comparison.has_value());
        QVERIFY(comparison->hasBaseline);
        QVERIFY(comparison->baseline.runId > 0);
        QCOMPARE(comparison->baseline.model, std::string("gru4rec"));
        QCOMPARE(comparison->teacher.runId, ids[1]);

        // finetune from the pretrain run: next item, then purchase classification.
        QCOMPARE(
            runCli({"finetune", "--project", project, "--pretrain-run", QString::number(ids[0]),
                    "--epochs", "1", "--threads", "1", "--layer-decay", "0.8", "--json", "--quiet"},
                   &out, &err),
            0);
        const int64_t next = parseJson(out)["run"].toInt();
        QCOMPARE(runDetail(project, next).summary.parentRunId, ids[0]);
        const nlohmann::json stored = nlohmann::json::parse(runDetail(project, next).paramsJson);
        QVERIFY2(stored["run"]["finetune"].value("dropHead", false), // the CLI's default
                 runDetail(project, next).paramsJson.c_str());
        QCOMPARE(QString::fromStdString(runDetail(project, next).summary.kind),
                 QStringLiteral("finetune"));
        QCOMPARE(
            runCli({"finetune", "--project", project, "--pretrain-run", QString::number(ids[0]),
                    "--epochs", "1", "--threads", "1", "--keep-head", "--json", "--quiet"},
                   &out, &err),
            0);
        const int64_t kept = parseJson(out)["run"].toInt();
        QVERIFY(
            !nlohmann::json::parse(runDetail(project, kept).paramsJson)["run"]["finetune"].value(
                "dropHead", true));
        QCOMPARE(runCli({"finetune", "--project", project, "--pretrain-run",
                         QString::number(ids[0]), "--task", "classification", "--positive-event",
                         "click", "--epochs", "1", "--threads", "1", "--json", "--quiet"},
                        &out, &err),
                 0);
        const QJsonObject cls = parseJson(out)["result"].toObject();
        QVERIFY2(cls["auc"].toDouble() > 0 && cls["auc"].toDouble() <= 1, qPrintable(out));
        QVERIFY(cls["train_pairs"].toInt() > 0 || cls["trainPairs"].toInt() > 0);
        // A missing encoder is a clear error naming the field.
        QCOMPARE(runCli({"finetune", "--project", project, "--quiet"}, &out, &err), 2);
        QVERIFY2(err.contains("pretrain"), qPrintable(err));
        // list shows it.
        QCOMPARE(runCli({"pipeline", "list", "--project", project}, &out, &err), 0);
        QVERIFY2(out.contains("beauty-small") && out.contains("distil run"), qPrintable(out));
    }

    void cancelledPipelineResumesInPlace()
    {
        QTemporaryDir dir;
        const QString project = makeShop(dir);
        auto params = pipelineParamsFromJson(pipelineJson("resumable", 3));
        QVERIFY2(params.has_value(), params ? "" : params.error().toString().c_str());
        params->student.baseline = false;
        StopInStage stopper(1);
        int64_t started[3] = {0, 0, 0};
        PipelineHooks hooks = recordStarts(started, &stopper, PipelineStage::Finetune);
        auto first = runPipeline(project.toStdString(), *params, stopper, {}, hooks);
        QVERIFY(!first.has_value());
        QCOMPARE(first.error().code, ErrorCode::Cancelled);
        QVERIFY(started[0] > 0 && started[1] > 0);
        QCOMPARE(started[2], int64_t(0));
        QCOMPARE(runDetail(project, started[0]).summary.status, RunStatus::Finished);
        QCOMPARE(runDetail(project, started[1]).summary.status, RunStatus::Cancelled);
        const size_t pretrainPoints = curvePoints(project, started[0], "train/loss");
        QVERIFY(pretrainPoints > 0);

        // Resume: the pretrain stage is kept, the fine-tune continues in the same run from its
        // epoch-1 checkpoint (epochs 2 and 3 only), then the distillation runs.
        NullObserver quiet;
        int64_t resumed[3] = {0, 0, 0};
        PipelineHooks again = recordStarts(resumed);
        auto second = resumePipeline(project.toStdString(), "resumable", quiet, {}, again);
        QVERIFY2(second.has_value(), second ? "" : second.error().toString().c_str());
        QCOMPARE(resumed[0], int64_t(0)); // not run again
        QCOMPARE(resumed[1], started[1]); // the same run
        QVERIFY(resumed[2] > 0);
        QCOMPARE(second->runId(PipelineStage::Pretrain), started[0]);
        QCOMPARE(curvePoints(project, started[0], "train/loss"), pretrainPoints);
        QCOMPARE(runDetail(project, started[1]).summary.status, RunStatus::Finished);
        QCOMPARE(curvePoints(project, started[1], "train/epoch_loss"), size_t(3));
        QCOMPARE(runDetail(project, resumed[2]).summary.status, RunStatus::Finished);

        // Resuming a finished pipeline does nothing; re-running the distil stage with another
        // alpha makes a new student run from the same fine-tuned teacher.
        auto done = resumePipeline(project.toStdString(), "resumable", quiet);
        QVERIFY(done.has_value());
        QCOMPARE(done->runId(PipelineStage::Distil), resumed[2]);
        PipelineParams changed = second->params;
        changed.student.loss.alpha = 0.9;
        auto rerun = rerunPipelineStage(project.toStdString(), "resumable", PipelineStage::Distil,
                                        quiet, {}, {}, changed);
        QVERIFY2(rerun.has_value(), rerun ? "" : rerun.error().toString().c_str());
        QCOMPARE(rerun->runId(PipelineStage::Finetune), started[1]);
        QVERIFY(rerun->runId(PipelineStage::Distil) != resumed[2]);
        const auto stored = nlohmann::json::parse(
            runDetail(project, rerun->runId(PipelineStage::Distil)).paramsJson);
        QCOMPARE(stored["distill"]["alpha"].get<double>(), 0.9);
        auto listed = listPipelines(project.toStdString());
        QVERIFY(listed.has_value());
        QCOMPARE(listed->size(), size_t(1));
    }

    // A distillation stopped after its first epoch continues in the same student run, with the
    // same teacher and the baseline (student alone) trained before the stop, not a new one.
    void cancelledDistillationResumesInPlace()
    {
        QTemporaryDir dir;
        const QString project = makeShop(dir);
        const PipelineParams params = threeEpochStudent("distil-resume");
        StopInStage stopper(1);
        int64_t started[3] = {0, 0, 0};
        auto first = runPipeline(project.toStdString(), params, stopper, {},
                                 recordStarts(started, &stopper, PipelineStage::Distil));
        QVERIFY(!first.has_value());
        QCOMPARE(first.error().code, ErrorCode::Cancelled);
        QVERIFY(started[2] > 0);
        const RunDetail stopped = runDetail(project, started[2]);
        QCOMPARE(stopped.summary.status, RunStatus::Cancelled);
        QCOMPARE(stopped.summary.kind, std::string("distil"));
        const int64_t baselineRun =
            nlohmann::json::parse(stopped.paramsJson).value("baseline_run", int64_t(0));
        QVERIFY(baselineRun > 0); // trained before the student, with the stored params
        QCOMPARE(curvePoints(project, started[2], "train/epoch_loss"), size_t(1));

        NullObserver quiet;
        int64_t resumed[3] = {0, 0, 0};
        auto second = resumePipeline(project.toStdString(), "distil-resume", quiet, {},
                                     recordStarts(resumed));
        QVERIFY2(second.has_value(), second ? "" : second.error().toString().c_str());
        QCOMPARE(resumed[1], int64_t(0));
        QCOMPARE(resumed[2], started[2]); // the same student run, epochs 2 and 3 only
        QCOMPARE(runDetail(project, started[2]).summary.status, RunStatus::Finished);
        QCOMPARE(curvePoints(project, started[2], "train/epoch_loss"), size_t(3));
        auto comparison = readComparison(project.toStdString(), started[2]);
        QVERIFY2(comparison.has_value(), comparison ? "" : comparison.error().toString().c_str());
        QVERIFY(comparison->hasBaseline);
        QCOMPARE(comparison->baseline.runId, baselineRun);
        QCOMPARE(comparison->teacher.runId, started[1]);
        // No second baseline run: the project holds pretrain, fine-tune, baseline, student.
        QCOMPARE(runCount(project), size_t(4));
    }

    // A pipeline stopped while it trains the baseline (the student without the teacher)
    // continues that baseline run in place, then distils; no second baseline is trained.
    void cancelledBaselineResumesInPlace()
    {
        QTemporaryDir dir;
        const QString project = makeShop(dir);
        const PipelineParams params = threeEpochStudent("baseline-resume");
        StopInStage stopper(1);
        int64_t started[3] = {0, 0, 0};
        int64_t baselineRun = 0;
        PipelineHooks hooks = recordStarts(started, &stopper, PipelineStage::Distil);
        hooks.baselineStarted = [&](int64_t runId) {
            baselineRun = runId;
            stopper.inStage = true;
        };
        auto first = runPipeline(project.toStdString(), params, stopper, {}, hooks);
        QVERIFY(!first.has_value());
        QCOMPARE(first.error().code, ErrorCode::Cancelled);
        QVERIFY(baselineRun > 0);
        QCOMPARE(started[2], int64_t(0)); // stopped before the student's run
        QCOMPARE(runDetail(project, baselineRun).summary.status, RunStatus::Cancelled);
        QCOMPARE(curvePoints(project, baselineRun, "train/epoch_loss"), size_t(1));

        NullObserver quiet;
        int64_t resumed[3] = {0, 0, 0};
        int64_t resumedBaseline = 0;
        PipelineHooks again = recordStarts(resumed);
        again.baselineStarted = [&](int64_t runId) { resumedBaseline = runId; };
        auto second = resumePipeline(project.toStdString(), "baseline-resume", quiet, {}, again);
        QVERIFY2(second.has_value(), second ? "" : second.error().toString().c_str());
        QCOMPARE(resumedBaseline, baselineRun);
        QCOMPARE(second->baselineRunId, baselineRun);
        QCOMPARE(runDetail(project, baselineRun).summary.status, RunStatus::Finished);
        QCOMPARE(curvePoints(project, baselineRun, "train/epoch_loss"), size_t(3));
        QVERIFY(resumed[2] > 0);
        auto comparison = readComparison(project.toStdString(), resumed[2]);
        QVERIFY2(comparison.has_value(), comparison ? "" : comparison.error().toString().c_str());
        QVERIFY(comparison->hasBaseline);
        QCOMPARE(comparison->baseline.runId, baselineRun);
        QCOMPARE(runCount(project), size_t(4)); // pretrain, fine-tune, baseline, student
    }

    void configErrorsNameTheField()
    {
        auto badName = pipelineParamsFromJson(pipelineJson("no spaces please", 1));
        QVERIFY(badName.has_value());
        auto invalid = badName->validate();
        QVERIFY(!invalid.has_value());
        QCOMPARE(QString::fromStdString(invalid.error().location.field), QStringLiteral("name"));
        nlohmann::json j = pipelineJson("ok", 1);
        j["student"]["alpha"] = "high";
        auto badAlpha = pipelineParamsFromJson(j);
        QVERIFY(!badAlpha.has_value());
        QCOMPARE(QString::fromStdString(badAlpha.error().location.field),
                 QStringLiteral("student.alpha"));
        j = pipelineJson("ok", 1);
        j["finetune"]["model"] = "itemknn";
        auto knn = pipelineParamsFromJson(j);
        QVERIFY(knn.has_value());
        QVERIFY(!knn->validate().has_value());
        j = pipelineJson("ok", 1);
        j["stages"] = 3;
        auto unknown = pipelineParamsFromJson(j);
        QVERIFY(!unknown.has_value());
        QCOMPARE(QString::fromStdString(unknown.error().location.field), QStringLiteral("stages"));
        // A missing pipeline names its file.
        QTemporaryDir dir;
        auto missing = readPipeline(dir.filePath("empty.recforge").toStdString(), "nope");
        QVERIFY(!missing.has_value());
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
        QVERIFY(missing.error().location.file.find("nope.json") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestPipeline)
#include "tst_pipeline.moc"
