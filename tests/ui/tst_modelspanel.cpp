// The Models workspace: a form generated from every registered schema (right widget per type,
// tooltips, presets, advanced fold), values round-trip to JSON, resolveParams errors appear next
// to their field, and Train emits the run config the JSON box shows.

#include <memory>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include "data/generator.h"
#include "data/split.h"
#include "experiments/experimentspanel.h"
#include "jobs/jobmanager.h"
#include "languagemanager.h"
#include "models/modelspanel.h"
#include "models/paramform.h"
#include "models/registry.h"
#include "models/runoptionswidget.h"
#include "store/project.h"
#include "training/trainingpanel.h"

using namespace recforge::ui;

class TestModelsPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void formWidgetsMatchSchema_data();
    void formWidgetsMatchSchema();
    void valuesRoundTrip_data();
    void valuesRoundTrip();
    void presetsAndReset();
    void invalidValueShowsFieldError();
    void treeGroupsByFamily();
    void trainEmitsConfig();
    void kList_data();
    void kList();
    void workspacesRetranslate();

private:
    QTemporaryDir m_dir;
    std::shared_ptr<recforge::Project> m_project;
};

void TestModelsPanel::initTestCase()
{
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
    QCoreApplication::setOrganizationName(QStringLiteral("RecForgeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_modelspanel"));
    auto project =
        recforge::Project::open(m_dir.filePath(QStringLiteral("p.recforge")).toStdString(), true);
    QVERIFY(project);
    m_project = std::move(*project);
    recforge::ShopParams shop;
    shop.users = 100;
    shop.items = 60;
    shop.events = 3000;
    shop.name = "tiny-shop";
    recforge::NullObserver quiet;
    auto dataset = recforge::generateShop(shop, quiet);
    QVERIFY(dataset);
    auto id = m_project->saveDataset(*dataset, {}, "generator");
    QVERIFY(id);
    recforge::SplitParams params;
    params.kind = recforge::SplitKind::Temporal;
    auto split = recforge::makeSplit(*dataset, params);
    QVERIFY(split);
    QVERIFY(m_project->saveSplit(*id, *split, "temporal-80-90"));
}

void TestModelsPanel::formWidgetsMatchSchema_data()
{
    QTest::addColumn<QString>("model");
    for (const recforge::ModelSchema &schema : recforge::modelSchemas())
        QTest::newRow(schema.id.c_str()) << QString::fromStdString(schema.id);
}

void TestModelsPanel::formWidgetsMatchSchema()
{
    QFETCH(QString, model);
    const recforge::ModelSchema *schema = recforge::findModelSchema(model.toStdString());
    QVERIFY(schema);
    ParamForm form;
    form.setSchema(schema);
    for (const recforge::ParamSpec &spec : schema->params) {
        QWidget *editor = form.editor(QString::fromStdString(spec.key));
        QVERIFY2(editor, spec.key.c_str());
        QVERIFY(editor->toolTip().contains(QString::fromStdString(spec.help)));
        switch (spec.type) {
        case recforge::ParamType::Int: {
            auto *spin = qobject_cast<QSpinBox *>(editor);
            QVERIFY2(spin, spec.key.c_str());
            if (spec.min)
                QCOMPARE(spin->minimum(), int(*spec.min));
            if (spec.logScale)
                QCOMPARE(spin->stepType(), QAbstractSpinBox::AdaptiveDecimalStepType);
            break;
        }
        case recforge::ParamType::Real:
            if (spec.logScale)
                QVERIFY2(qobject_cast<QLineEdit *>(editor), spec.key.c_str());
            else
                QVERIFY2(qobject_cast<QDoubleSpinBox *>(editor), spec.key.c_str());
            break;
        case recforge::ParamType::Bool:
            QVERIFY2(qobject_cast<QCheckBox *>(editor), spec.key.c_str());
            break;
        case recforge::ParamType::Choice: {
            auto *combo = qobject_cast<QComboBox *>(editor);
            QVERIFY2(combo, spec.key.c_str());
            QCOMPARE(combo->count(), int(spec.choices.size()));
            break;
        }
        case recforge::ParamType::String:
            QVERIFY2(qobject_cast<QLineEdit *>(editor), spec.key.c_str());
            break;
        }
    }
    QCOMPARE(form.presetCombo()->count(), int(schema->presets.size()));
    // Defaults resolve cleanly and equal the schema's defaults.
    auto resolved = form.validate();
    QVERIFY2(resolved, resolved ? "" : resolved.error().toString().c_str());
    auto expected = recforge::resolveParams(*schema, schema->defaults());
    QVERIFY(expected);
    QCOMPARE(QString::fromStdString(resolved->dump()), QString::fromStdString(expected->dump()));
}

void TestModelsPanel::valuesRoundTrip_data()
{
    formWidgetsMatchSchema_data();
}

void TestModelsPanel::valuesRoundTrip()
{
    QFETCH(QString, model);
    const recforge::ModelSchema *schema = recforge::findModelSchema(model.toStdString());
    ParamForm form;
    form.setSchema(schema);
    // A different valid value for every parameter.
    nlohmann::json custom = form.values();
    for (const recforge::ParamSpec &spec : schema->params) {
        switch (spec.type) {
        case recforge::ParamType::Int:
            custom[spec.key] = int64_t(spec.max ? std::min(*spec.max, spec.min.value_or(0) + 1)
                                                : spec.min.value_or(0) + 1);
            break;
        case recforge::ParamType::Real:
            custom[spec.key] = spec.min && spec.max ? (*spec.min + *spec.max) / 2 : 0.5;
            break;
        case recforge::ParamType::Bool:
            custom[spec.key] = !spec.defaultValue.get<bool>();
            break;
        case recforge::ParamType::Choice:
            custom[spec.key] = spec.choices.back();
            break;
        case recforge::ParamType::String:
            custom[spec.key] = "some text";
            break;
        }
    }
    form.setValues(custom);
    const nlohmann::json back = form.values();
    for (const recforge::ParamSpec &spec : schema->params) {
        if (spec.type == recforge::ParamType::Real)
            QVERIFY2(std::abs(back[spec.key].get<double>() - custom[spec.key].get<double>()) <
                         1e-6 * std::max(1.0, std::abs(custom[spec.key].get<double>())),
                     spec.key.c_str());
        else
            QVERIFY2(back[spec.key] == custom[spec.key], spec.key.c_str());
    }
    if (!schema->presets.empty())
        QVERIFY(back["preset"] == custom["preset"]);
    QVERIFY(form.validate());
}

void TestModelsPanel::presetsAndReset()
{
    ParamForm form;
    form.setSchema(recforge::findModelSchema("sasrec"));
    QStringList presets;
    for (int i = 0; i < form.presetCombo()->count(); ++i)
        presets << form.presetCombo()->itemText(i);
    QCOMPARE(presets, (QStringList{"small", "base", "large"}));
    form.applyPreset(QStringLiteral("large"));
    QCOMPARE(form.values()["hiddenSize"].get<int>(), 256);
    QCOMPARE(form.values()["preset"].get<std::string>(), std::string("large"));
    QCOMPARE(qobject_cast<QSpinBox *>(form.editor(QStringLiteral("layers")))->value(), 8);
    qobject_cast<QSpinBox *>(form.editor(QStringLiteral("epochs")))->setValue(7);
    form.findChild<QPushButton *>(QStringLiteral("resetDefaultsButton"))->click();
    QCOMPARE(form.values()["hiddenSize"].get<int>(), 64);
    QCOMPARE(form.values()["epochs"].get<int>(), 200);
    QCOMPARE(form.values()["preset"].get<std::string>(), std::string("small"));
    // Advanced parameters start folded away.
    QVERIFY(!form.advancedVisible());
    QVERIFY(form.editor(QStringLiteral("attentionDropout"))->isHidden() ||
            !form.editor(QStringLiteral("attentionDropout"))->isVisibleTo(&form));
}

void TestModelsPanel::invalidValueShowsFieldError()
{
    ModelsPanel panel;
    panel.setProject(m_project);
    QVERIFY(panel.selectModel(QStringLiteral("sasrec")));
    QVERIFY(panel.trainButton()->isEnabled());
    auto *rate = qobject_cast<QLineEdit *>(panel.form()->editor(QStringLiteral("learningRate")));
    QVERIFY(rate);
    QCOMPARE(rate->text(), QStringLiteral("0.001"));
    rate->setFocus();
    rate->selectAll();
    QTest::keyClicks(rate, QStringLiteral("5"));
    QVERIFY(!panel.trainButton()->isEnabled());
    const QString error = panel.form()->errorText(QStringLiteral("learningRate"));
    QVERIFY2(error.contains(QLatin1String("learningRate")) &&
                 error.contains(QLatin1String("1e-06")),
             qPrintable(error));
    QVERIFY(panel.form()->errorText(QStringLiteral("hiddenSize")).isEmpty());
    QVERIFY(panel.errorLabel()->text().contains(QLatin1String("learningRate")));
    rate->selectAll();
    QTest::keyClicks(rate, QStringLiteral("abc"));
    QVERIFY(panel.form()->errorText(QStringLiteral("learningRate")).contains(QLatin1String("abc")));
    rate->selectAll();
    QTest::keyClicks(rate, QStringLiteral("3e-4"));
    QVERIFY(panel.form()->errorText(QStringLiteral("learningRate")).isEmpty());
    QVERIFY(panel.trainButton()->isEnabled());
    QCOMPARE(panel.form()->values()["learningRate"].get<double>(), 3e-4);
}

void TestModelsPanel::treeGroupsByFamily()
{
    ModelsPanel panel;
    QTreeWidget *tree = panel.modelTree();
    int models = 0;
    QStringList families;
    for (int g = 0; g < tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = tree->topLevelItem(g);
        families << group->data(0, Qt::UserRole + 1).toString();
        for (int i = 0; i < group->childCount(); ++i) {
            const auto *schema = recforge::findModelSchema(
                group->child(i)->data(0, Qt::UserRole).toString().toStdString());
            QVERIFY(schema);
            QCOMPARE(QString::fromStdString(schema->family), families.back());
            QVERIFY(!group->child(i)->toolTip(0).isEmpty()); // the description
            ++models;
        }
    }
    QCOMPARE(models, int(recforge::modelSchemas().size()));
    QCOMPARE(families.removeDuplicates(), 0);
}

void TestModelsPanel::trainEmitsConfig()
{
    ModelsPanel panel;
    panel.setProject(m_project);
    QVERIFY(panel.selectModel(QStringLiteral("bprmf")));
    QComboBox *splits = panel.options()->splitCombo();
    QCOMPARE(splits->count(), 2); // new leave-one-out + the stored temporal split
    QCOMPARE(splits->itemData(1).toString(), QStringLiteral("temporal-80-90"));
    splits->setCurrentIndex(1);
    panel.findChild<QCheckBox *>(QStringLiteral("evalPopular"))->setChecked(true);
    panel.findChild<QSpinBox *>(QStringLiteral("seedSpin"))->setValue(7);
    std::vector<recforge::TrainRunConfig> train;
    connect(&panel, &ModelsPanel::trainRequested, this,
            [&train](const recforge::TrainRunConfig &config) { train.push_back(config); });
    panel.trainButton()->click();
    QCOMPARE(int(train.size()), 1);
    const recforge::TrainRunConfig config = train.front();
    QCOMPARE(config.model, std::string("bprmf"));
    QCOMPARE(config.dataset, std::string("tiny-shop"));
    QCOMPARE(config.splitName, std::string("temporal-80-90"));
    QCOMPARE(config.seed, uint64_t(7));
    QCOMPARE(int(config.evaluations.size()), 3);
    QCOMPARE(config.evaluations[2].candidates, recforge::Candidates::PopularitySampled);
    QCOMPARE(config.evaluations[0].ks, (std::vector<int>{5, 10, 20}));
    // The JSON box shows the same config, params resolved, ready for recforge-cli.
    const auto json = nlohmann::json::parse(panel.configView()->toPlainText().toStdString());
    auto parsed = recforge::trainRunConfigFromJson(json);
    QVERIFY2(parsed, parsed ? "" : parsed.error().toString().c_str());
    QCOMPARE(parsed->model, config.model);
    QCOMPARE(parsed->splitName, config.splitName);
    QCOMPARE(parsed->params.dump(), config.params.dump());
    QVERIFY(json["params"].contains("epochs"));
    // Back to a new leave-one-out split: described by params, not by name.
    splits->setCurrentIndex(0);
    panel.trainButton()->click();
    QCOMPARE(int(train.size()), 2);
    const recforge::TrainRunConfig second = train.back();
    QVERIFY(second.splitName.empty());
    QCOMPARE(second.split.kind, recforge::SplitKind::LeaveOneOut);
    QCOMPARE(second.split.seed, uint64_t(7));
}

void TestModelsPanel::kList_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QVector<int>>("ks");
    QTest::newRow("commas") << "5, 10, 20" << QVector<int>{5, 10, 20};
    QTest::newRow("spaces, unsorted, duplicate") << "20 5 10 5" << QVector<int>{5, 10, 20};
    QTest::newRow("zero") << "0, 10" << QVector<int>{};
    QTest::newRow("text") << "ten" << QVector<int>{};
    QTest::newRow("empty") << "" << QVector<int>{};
}

void TestModelsPanel::kList()
{
    QFETCH(QString, text);
    QFETCH(QVector<int>, ks);
    const std::vector<int> parsed = RunOptionsWidget::parseKs(text);
    QCOMPARE(QVector<int>(parsed.begin(), parsed.end()), ks);
}

void TestModelsPanel::workspacesRetranslate()
{
    JobManager jobs;
    ModelsPanel models;
    TrainingPanel training(&jobs);
    ExperimentsPanel experiments(&jobs);
    QCOMPARE(models.trainButton()->text(), QStringLiteral("Train"));
    QVERIFY(LanguageManager::apply(QStringLiteral("zh_CN")));
    QTRY_COMPARE(models.trainButton()->text(), QStringLiteral("训练"));
    QTRY_COMPARE(
        models.form()->findChild<QPushButton *>(QStringLiteral("resetDefaultsButton"))->text(),
        QStringLiteral("恢复默认值"));
    QTRY_COMPARE(training.findChild<QPushButton *>(QStringLiteral("removeRunButton"))->text(),
                 QStringLiteral("移除"));
    QTRY_COMPARE(experiments.findChild<QPushButton *>(QStringLiteral("refreshRunsButton"))->text(),
                 QStringLiteral("刷新"));
    QVERIFY(LanguageManager::apply(QStringLiteral("en")));
    QTRY_COMPARE(models.trainButton()->text(), QStringLiteral("Train"));
}

QTEST_MAIN(TestModelsPanel)
#include "tst_modelspanel.moc"
