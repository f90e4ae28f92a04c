// The Pipeline workspace on a stored fixture (no training): the form builds the PipelineParams
// the core runs, a stored pipeline lists with each stage's status read from its run, Resume and
// "Re-run this stage" follow the stages' states, a stage's stored curves are drawn, and a new
// pipeline's dataset, split and evaluations come from the "Data and evaluation" options. One tiny
// pipeline runs for real: the distil chart follows the baseline (the student alone), then the
// taught student.

#include <fstream>
#include <memory>

#include <QCheckBox>
#include <QDir>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include "data/generator.h"
#include "data/split.h"
#include "experiment/pipeline.h"
#include "jobs/jobmanager.h"
#include "models/runoptionswidget.h"
#include "pipeline/pipelineform.h"
#include "pipeline/pipelineview.h"
#include "pipeline/stagecurveschart.h"
#include "store/project.h"
#include "store/runstore.h"

using namespace recforge::ui;
using recforge::PipelineStage;

class TestPipelineView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void formBuildsParams();
    void storedPipelineStatuses();
    void runOptionsPickDatasetAndSplit();
    void distilFollowsTheBaselineThenTheStudent();

private:
    QTemporaryDir m_dir;
    std::shared_ptr<recforge::Project> m_project;
    std::unique_ptr<recforge::RunStore> m_store;
    std::unique_ptr<JobManager> m_jobs;
    std::unique_ptr<PipelineView> m_view;
    qint64 m_pretrain = 0, m_finetune = 0;
};

void TestPipelineView::initTestCase()
{
    auto project =
        recforge::Project::open(m_dir.filePath(QStringLiteral("p.recforge")).toStdString(), true);
    QVERIFY(project);
    m_project = std::move(*project);
    auto store = recforge::RunStore::open(*m_project);
    QVERIFY(store);
    m_store = std::move(*store);
    recforge::RunSpec spec;
    spec.kind = "pretrain";
    spec.model = "sasrec";
    auto pretrain = m_store->createRun(spec);
    QVERIFY(pretrain);
    for (int epoch = 1; epoch <= 3; ++epoch) {
        m_store->appendCurvePoint(*pretrain, "train/epoch_loss", epoch * 5, epoch, 4.0 / epoch);
        m_store->appendCurvePoint(*pretrain, "objective/cloze", epoch * 5, epoch, 3.0 / epoch);
        m_store->appendCurvePoint(*pretrain, "train/loss", epoch * 5, epoch, 4.0 / epoch);
    }
    QVERIFY(m_store->finishRun(*pretrain, recforge::RunStatus::Finished));
    spec.kind = "finetune";
    spec.parentRunId = *pretrain;
    auto finetune = m_store->createRun(spec);
    QVERIFY(finetune);
    QVERIFY(m_store->finishRun(*finetune, recforge::RunStatus::Cancelled));
    QVERIFY(m_store->flush());
    m_pretrain = *pretrain;
    m_finetune = *finetune;

    recforge::PipelineState state;
    state.params = PipelineForm::defaults();
    state.params.name = "stored";
    state.runIds = {m_pretrain, m_finetune, 0};
    const std::string dir = m_store->artifactsDir() + "/pipelines";
    QDir().mkpath(QString::fromStdString(dir));
    std::ofstream(dir + "/stored.json") << recforge::toJson(state).dump(2);

    // Two small shops, the older one with a stored temporal split.
    recforge::NullObserver quiet;
    for (const char *name : {"shop-a", "shop-b"}) {
        recforge::ShopParams shop;
        shop.users = 60;
        shop.items = 40;
        shop.events = 1200;
        shop.name = name;
        auto dataset = recforge::generateShop(shop, quiet);
        QVERIFY(dataset);
        auto id = m_project->saveDataset(*dataset, {}, "generator");
        QVERIFY(id);
        if (std::string(name) == "shop-a") {
            recforge::SplitParams params;
            params.kind = recforge::SplitKind::Temporal;
            auto split = recforge::makeSplit(*dataset, params);
            QVERIFY(split);
            QVERIFY(m_project->saveSplit(*id, *split, "temporal-a"));
        }
    }

    m_jobs = std::make_unique<JobManager>();
    m_view = std::make_unique<PipelineView>(m_jobs.get());
    m_view->resize(1300, 800);
    m_view->show();
    QSignalSpy listed(m_view.get(), &PipelineView::pipelinesListed);
    m_view->setProject(m_project);
    QVERIFY(listed.wait(5000));
    QCOMPARE(listed.last().at(0).toInt(), 1);
}

void TestPipelineView::formBuildsParams()
{
    m_view->newPipeline();
    QCOMPARE(m_view->nameEdit()->text(), QStringLiteral("pipeline-1"));
    QVERIFY(m_view->runButton()->isEnabled());
    QVERIFY(!m_view->resumeButton()->isEnabled());
    PipelineForm *form = m_view->form();
    form->hiddenSize()->setValue(128);
    form->finetuneEpochs()->setValue(7);
    form->studentModel()->setCurrentIndex(form->studentModel()->findData(QStringLiteral("mlprec")));
    form->alpha()->setValue(0.7);
    const recforge::PipelineParams p = form->params();
    QCOMPARE(p.finetune.model, std::string("sasrec"));
    QCOMPARE(p.finetune.params.value("hiddenSize", 0), 128);
    QCOMPARE(p.finetune.params.value("ffnSize", 0), 512);
    QCOMPARE(p.finetune.params.value("epochs", 0), 7);
    QCOMPARE(p.student.studentModel, std::string("mlprec"));
    QVERIFY(!p.student.studentParams.contains("preset")); // sasrec's preset is not mlprec's
    QCOMPARE(p.student.loss.alpha, 0.7);
    QVERIFY(p.distil);
    // The JSON round trip the pipeline file uses keeps the form's values.
    auto back = recforge::pipelineParamsFromJson(recforge::toJson(p));
    QVERIFY2(back, back ? "" : back.error().toString().c_str());
    QCOMPARE(back->student.loss.alpha, 0.7);
    QCOMPARE(back->finetune.params.value("hiddenSize", 0), 128);

    // The output head: dropped by default; re-initialising it needs it kept.
    QVERIFY(p.finetune.finetune.dropHead);
    // Pretraining defaults to S3-Rec's prefix examples and sampled cloze scoring.
    QVERIFY(p.pretrain.prefixes);
    QCOMPARE(p.pretrain.clozeLoss, std::string("sampled"));
    QVERIFY(form->pretrainPrefixes()->isChecked());
    QVERIFY(form->dropHead()->isChecked());
    QVERIFY(!form->reinitHead()->isEnabled());
    form->dropHead()->setChecked(false);
    QVERIFY(form->reinitHead()->isEnabled());
    form->reinitHead()->setChecked(true);
    QVERIFY(!form->dropHead()->isEnabled());
    const recforge::FinetuneOptions head = form->params().finetune.finetune;
    QVERIFY(head.reinitHead && !head.dropHead);
    QVERIFY(recforge::pipelineParamsFromJson(recforge::toJson(form->params()))
                ->finetune.finetune.reinitHead);

    // Pretraining examples and cloze scoring: the negatives count only matters when sampled.
    form->clozeLoss()->setCurrentIndex(form->clozeLoss()->findData(QStringLiteral("softmax")));
    QVERIFY(!form->clozeNegatives()->isEnabled());
    form->clozeLoss()->setCurrentIndex(form->clozeLoss()->findData(QStringLiteral("sampled")));
    QVERIFY(form->clozeNegatives()->isEnabled());
    form->clozeNegatives()->setValue(50);
    form->pretrainPrefixes()->setChecked(true);
    const recforge::PretrainParams pt =
        recforge::pipelineParamsFromJson(recforge::toJson(form->params()))->pretrain;
    QVERIFY(pt.prefixes);
    QCOMPARE(pt.clozeLoss, std::string("sampled"));
    QCOMPARE(pt.clozeNegatives, 50);
}

void TestPipelineView::storedPipelineStatuses()
{
    QSignalSpy curves(m_view.get(), &PipelineView::curvesLoaded);
    QVERIFY(m_view->selectPipeline(QStringLiteral("stored")));
    QVERIFY(curves.wait(5000));
    PipelineForm *form = m_view->form();
    QCOMPARE(m_view->nameEdit()->text(), QStringLiteral("stored"));
    QVERIFY2(
        form->statusLabel(PipelineStage::Pretrain)->text().startsWith(QStringLiteral("finished")),
        qPrintable(form->statusLabel(PipelineStage::Pretrain)->text()));
    QVERIFY(
        form->statusLabel(PipelineStage::Pretrain)->text().contains(QString::number(m_pretrain)));
    QVERIFY(
        form->statusLabel(PipelineStage::Finetune)->text().startsWith(QStringLiteral("cancelled")));
    QCOMPARE(form->statusLabel(PipelineStage::Distil)->text(), QStringLiteral("not started"));
    QVERIFY(!m_view->runButton()->isEnabled()); // the name is taken
    QVERIFY(m_view->resumeButton()->isEnabled());
    QVERIFY(form->rerunButton(PipelineStage::Pretrain)->isEnabled());
    QVERIFY(form->rerunButton(PipelineStage::Finetune)->isEnabled());
    QVERIFY(!form->rerunButton(PipelineStage::Distil)->isEnabled()); // fine-tune not finished
    // Per-epoch curves only: epoch loss and the cloze objective, not the per-step loss.
    StageCurvesChart *chart = form->chart(PipelineStage::Pretrain);
    QCOMPARE(chart->seriesCount(), 2);
    QCOMPARE(chart->pointCount("objective/cloze"), 3);
    QCOMPARE(chart->pointCount("train/loss"), 0);
    const QString path = qEnvironmentVariable("RECFORGE_SCREENSHOT"); // a PNG path
    if (!path.isEmpty()) {
        QTest::qWait(50); // the charts' queued replots
        QVERIFY(m_view->grab().save(path));
    }
}

void TestPipelineView::runOptionsPickDatasetAndSplit()
{
    m_view->newPipeline();
    QVERIFY(m_view->runOptionsButton()->isEnabled());
    QVERIFY2(m_view->runOptionsSummary()->text().contains(QStringLiteral("newest")),
             qPrintable(m_view->runOptionsSummary()->text()));

    RunOptionsWidget options;
    options.setProject(m_project);
    QCOMPARE(options.datasetCombo()->currentText(), QStringLiteral("shop-b")); // the newest
    options.datasetCombo()->setCurrentIndex(options.datasetCombo()->findText("shop-a"));
    const int split = options.splitCombo()->findData(QStringLiteral("temporal-a"));
    QVERIFY(split > 0); // shop-a's stored split is offered after the new leave-one-out one
    options.splitCombo()->setCurrentIndex(split);
    options.findChild<QLineEdit *>(QStringLiteral("ksEdit"))->setText(QStringLiteral("10, 50"));
    options.findChild<QCheckBox *>(QStringLiteral("evalPopular"))->setChecked(true);
    QCOMPARE(m_view->applyRunOptions(options), QString());

    recforge::PipelineParams p = m_view->form()->params();
    QCOMPARE(p.finetune.dataset, std::string("shop-a"));
    QCOMPARE(p.finetune.splitName, std::string("temporal-a"));
    QCOMPARE(int(p.finetune.evaluations.size()), 3);
    QCOMPARE(p.finetune.evaluations.front().ks, (std::vector<int>{10, 50}));
    QVERIFY(m_view->runOptionsSummary()->text().contains(QStringLiteral("shop-a")));
    QVERIFY(m_view->runOptionsSummary()->text().contains(QStringLiteral("temporal-a")));
    // Form edits keep the chosen data: params() starts from them.
    m_view->form()->hiddenSize()->setValue(32);
    QCOMPARE(m_view->form()->params().finetune.dataset, std::string("shop-a"));

    // The dialog opens on what the pipeline holds (apply is fill's inverse).
    RunOptionsWidget reopened;
    reopened.setProject(m_project);
    reopened.apply(p.finetune);
    QCOMPARE(reopened.datasetCombo()->currentText(), QStringLiteral("shop-a"));
    QCOMPARE(reopened.splitCombo()->currentData().toString(), QStringLiteral("temporal-a"));
    recforge::TrainRunConfig again;
    QCOMPARE(reopened.fill(again), QString());
    QCOMPARE(again.splitName, p.finetune.splitName);
    QCOMPARE(again.evaluations.size(), p.finetune.evaluations.size());
    // RECFORGE_SCREENSHOT (the view's PNG path): the dialog's options beside it (-data.png).
    if (const QString shot = qEnvironmentVariable("RECFORGE_SCREENSHOT"); !shot.isEmpty()) {
        reopened.resize(reopened.sizeHint().expandedTo(QSize(520, 0)));
        QString path = shot;
        path.replace(QStringLiteral(".png"), QStringLiteral("-data.png"));
        QVERIFY(reopened.grab().save(path));
    }

    // Invalid options are refused and change nothing.
    for (const char *name : {"evalFull", "evalUniform", "evalPopular"})
        options.findChild<QCheckBox *>(QLatin1String(name))->setChecked(false);
    options.datasetCombo()->setCurrentIndex(options.datasetCombo()->findText("shop-b"));
    QVERIFY(!m_view->applyRunOptions(options).isEmpty());
    QCOMPARE(m_view->form()->params().finetune.dataset, std::string("shop-a"));

    // A stored pipeline keeps the data it ran on: the options are read-only there.
    QSignalSpy curves(m_view.get(), &PipelineView::curvesLoaded);
    QVERIFY(m_view->selectPipeline(QStringLiteral("stored")));
    QVERIFY(curves.wait(5000));
    QVERIFY(!m_view->runOptionsButton()->isEnabled());
    QVERIFY(m_view->runOptionsSummary()->text().contains(QStringLiteral("newest")));
}

QTEST_MAIN(TestPipelineView)
void TestPipelineView::distilFollowsTheBaselineThenTheStudent()
{
    m_view->newPipeline();
    recforge::PipelineParams p = PipelineForm::defaults();
    p.finetune.params.update(
        {{"hiddenSize", 16}, {"ffnSize", 32}, {"maxLength", 10}, {"epochs", 1}, {"patience", 0}});
    p.pretrain.train.epochs = 1;
    p.student.baseline = true;
    p.student.studentParams = {{"hiddenSize", 8}, {"epochs", 1}};
    m_view->form()->setParams(p);
    m_view->nameEdit()->setText(QStringLiteral("with-baseline"));
    QSignalSpy followed(m_view.get(), &PipelineView::stageRunFollowed);
    QSignalSpy ended(m_view.get(), &PipelineView::pipelineEnded);
    QVERIFY(m_view->runButton()->isEnabled());
    m_view->runButton()->click();
    QVERIFY(ended.wait(180000));

    std::ifstream file(m_store->artifactsDir() + "/pipelines/with-baseline.json");
    QVERIFY(file.good());
    auto state = recforge::pipelineStateFromJson(nlohmann::json::parse(file));
    QVERIFY2(state, state ? "" : state.error().toString().c_str());
    const int distil = int(recforge::PipelineStage::Distil);
    QVERIFY(state->baselineRunId > 0 && state->runIds[size_t(distil)] > 0);
    std::vector<qint64> distilRuns;
    for (const QList<QVariant> &signal : followed)
        if (signal.at(0).toInt() == distil)
            distilRuns.push_back(signal.at(1).toLongLong());
    const std::vector<qint64> expected{state->baselineRunId, state->runIds[size_t(distil)]};
    QCOMPARE(distilRuns, expected);
}

#include "tst_pipelineview.moc"
