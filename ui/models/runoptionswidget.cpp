#include "runoptionswidget.h"

#include <algorithm>

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSpinBox>

#include "appsettings.h"
#include "store/project.h"

namespace recforge::ui {

namespace {
// Split combo data: a stored split's name, or empty for "new leave-one-out split".
const QString kNewSplit;
} // namespace

RunOptionsWidget::RunOptionsWidget(QWidget *parent)
    : QWidget(parent), m_datasetLabel(new QLabel(this)), m_splitLabel(new QLabel(this)),
      m_seedLabel(new QLabel(this)), m_deviceLabel(new QLabel(this)),
      m_threadsLabel(new QLabel(this)), m_validLabel(new QLabel(this)),
      m_evalLabel(new QLabel(this)), m_ksLabel(new QLabel(this)), m_nameLabel(new QLabel(this)),
      m_dataset(new QComboBox(this)), m_split(new QComboBox(this)), m_seed(new QSpinBox(this)),
      m_device(new QComboBox(this)), m_threads(new QSpinBox(this)),
      m_validationUsers(new QSpinBox(this)), m_full(new QCheckBox(this)),
      m_uniform(new QCheckBox(this)), m_popular(new QCheckBox(this)),
      m_negatives(new QSpinBox(this)), m_ks(new QLineEdit(this)), m_name(new QLineEdit(this))
{
    m_dataset->setObjectName(QStringLiteral("datasetCombo"));
    m_split->setObjectName(QStringLiteral("splitCombo"));
    m_seed->setObjectName(QStringLiteral("seedSpin"));
    m_device->setObjectName(QStringLiteral("deviceCombo"));
    m_threads->setObjectName(QStringLiteral("threadsSpin"));
    m_full->setObjectName(QStringLiteral("evalFull"));
    m_uniform->setObjectName(QStringLiteral("evalUniform"));
    m_popular->setObjectName(QStringLiteral("evalPopular"));
    m_ks->setObjectName(QStringLiteral("ksEdit"));
    m_name->setObjectName(QStringLiteral("runNameEdit"));
    m_seed->setRange(0, 2147483647);
    m_seed->setValue(42);
    m_device->addItem(QString(), QStringLiteral("auto"));
    m_device->addItem(QString(), QStringLiteral("cpu"));
    m_device->addItem(QString(), QStringLiteral("cuda"));
    m_threads->setRange(0, 1024);
    m_validationUsers->setRange(0, 100000000);
    m_validationUsers->setSingleStep(1000);
    m_full->setChecked(true);
    m_uniform->setChecked(true);
    m_negatives->setRange(1, 100000);
    m_negatives->setValue(99);
    m_ks->setText(QStringLiteral("5, 10, 20"));

    auto *evals = new QHBoxLayout;
    evals->setContentsMargins(0, 0, 0, 0);
    evals->addWidget(m_full);
    evals->addWidget(m_uniform);
    evals->addWidget(m_popular);
    evals->addWidget(m_negatives);
    evals->addStretch(1);
    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(m_datasetLabel, m_dataset);
    form->addRow(m_splitLabel, m_split);
    form->addRow(m_seedLabel, m_seed);
    form->addRow(m_deviceLabel, m_device);
    form->addRow(m_threadsLabel, m_threads);
    form->addRow(m_validLabel, m_validationUsers);
    form->addRow(m_evalLabel, evals);
    form->addRow(m_ksLabel, m_ks);
    form->addRow(m_nameLabel, m_name);

    connect(m_dataset, &QComboBox::currentIndexChanged, this, [this] {
        refreshSplits();
        Q_EMIT changed();
    });
    connect(m_seed, &QSpinBox::valueChanged, this, &RunOptionsWidget::refreshSplits);
    for (QComboBox *combo : {m_split, m_device})
        connect(combo, &QComboBox::currentIndexChanged, this, &RunOptionsWidget::changed);
    for (QSpinBox *spin : {m_seed, m_threads, m_validationUsers, m_negatives})
        connect(spin, &QSpinBox::valueChanged, this, &RunOptionsWidget::changed);
    for (QCheckBox *check : {m_full, m_uniform, m_popular})
        connect(check, &QCheckBox::toggled, this, &RunOptionsWidget::changed);
    for (QLineEdit *edit : {m_ks, m_name})
        connect(edit, &QLineEdit::textChanged, this, &RunOptionsWidget::changed);
    loadPreferences();
    retranslateUi();
}

void RunOptionsWidget::setProject(std::shared_ptr<recforge::Project> project)
{
    m_project = std::move(project);
    refreshDatasets();
}

void RunOptionsWidget::loadPreferences()
{
    AppSettings settings;
    m_device->setCurrentIndex(std::max(0, m_device->findData(settings.device())));
    m_threads->setValue(settings.threads());
}

void RunOptionsWidget::refreshDatasets()
{
    const QString keep = m_dataset->currentData().toString();
    {
        const QSignalBlocker blocker(m_dataset);
        m_dataset->clear();
        if (m_project) {
            // A small SELECT without BLOBs, like the Data panel's list.
            if (auto list = m_project->listDatasets())
                for (const recforge::DatasetSummary &s : *list)
                    m_dataset->addItem(QString::fromStdString(s.name), qlonglong(s.id));
        }
        // Newest dataset by default (what runTraining takes when none is named).
        int index = m_dataset->count() - 1;
        for (int i = 0; i < m_dataset->count(); ++i)
            if (m_dataset->itemData(i).toString() == keep)
                index = i;
        m_dataset->setCurrentIndex(index);
    }
    refreshSplits();
    Q_EMIT changed();
}

void RunOptionsWidget::refreshSplits()
{
    const QString keep = m_split->currentData().toString();
    const QSignalBlocker blocker(m_split);
    m_split->clear();
    m_split->addItem(tr("New leave-one-out split (seed %1)").arg(m_seed->value()), kNewSplit);
    const qint64 datasetId = m_dataset->currentData().toLongLong();
    if (m_project && datasetId > 0) {
        if (auto splits = m_project->listSplits(datasetId))
            for (const recforge::SplitSummary &s : *splits)
                m_split->addItem(tr("%1 (%2)").arg(QString::fromStdString(s.name),
                                                   QString::fromStdString(s.kind)),
                                 QString::fromStdString(s.name));
    }
    m_split->setCurrentIndex(std::max(0, m_split->findData(keep)));
}

std::vector<int> RunOptionsWidget::parseKs(const QString &text)
{
    std::vector<int> ks;
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    for (const QString &part : text.split(separators, Qt::SkipEmptyParts)) {
        bool ok = false;
        const int k = part.toInt(&ok);
        if (!ok || k < 1 || k > 1000)
            return {};
        if (std::find(ks.begin(), ks.end(), k) == ks.end())
            ks.push_back(k);
    }
    std::sort(ks.begin(), ks.end());
    return ks;
}

QString RunOptionsWidget::fill(recforge::TrainRunConfig &config) const
{
    config.dataset = m_dataset->currentText().toStdString();
    const QString split = m_split->currentData().toString();
    config.splitName = split.toStdString();
    config.split = recforge::SplitParams{};
    config.split.kind = recforge::SplitKind::LeaveOneOut;
    config.split.seed = uint64_t(m_seed->value());
    config.seed = uint64_t(m_seed->value());
    auto device = recforge::parseDeviceChoice(m_device->currentData().toString().toStdString());
    config.runtime.device = device ? *device : recforge::DeviceChoice::Auto;
    config.runtime.threads = m_threads->value();
    config.validationUsers = m_validationUsers->value();
    config.runName = m_name->text().trimmed().toStdString();
    const std::vector<int> ks = parseKs(m_ks->text());
    config.evaluations.clear();
    if (ks.empty())
        return tr("K list: enter cut-offs between 1 and 1000, e.g. \"5, 10, 20\"");
    if (m_full->isChecked())
        config.evaluations.push_back({recforge::Candidates::Full, 99, ks});
    if (m_uniform->isChecked())
        config.evaluations.push_back(
            {recforge::Candidates::UniformSampled, m_negatives->value(), ks});
    if (m_popular->isChecked())
        config.evaluations.push_back(
            {recforge::Candidates::PopularitySampled, m_negatives->value(), ks});
    if (config.evaluations.empty())
        return tr("Choose at least one test evaluation");
    if (m_dataset->count() == 0)
        return tr("The project has no dataset: import one or generate the demo shop first");
    return {};
}

void RunOptionsWidget::apply(const recforge::TrainRunConfig &config)
{
    {
        const QSignalBlocker blockSeed(m_seed);
        m_seed->setValue(int(std::min<uint64_t>(config.seed, 2147483647)));
    }
    const int dataset = m_dataset->findText(QString::fromStdString(config.dataset));
    if (dataset >= 0 && dataset != m_dataset->currentIndex())
        m_dataset->setCurrentIndex(dataset); // refreshes the splits
    else
        refreshSplits();
    m_split->setCurrentIndex(
        std::max(0, m_split->findData(QString::fromStdString(config.splitName))));
    m_device->setCurrentIndex(std::max(0, m_device->findData(QString::fromLatin1(
                                              recforge::deviceChoiceName(config.runtime.device)))));
    m_threads->setValue(config.runtime.threads);
    m_validationUsers->setValue(int(std::min<int64_t>(config.validationUsers, 100000000)));
    bool full = false, uniform = false, popular = false;
    for (const recforge::EvalSpec &e : config.evaluations) {
        full = full || e.candidates == recforge::Candidates::Full;
        uniform = uniform || e.candidates == recforge::Candidates::UniformSampled;
        popular = popular || e.candidates == recforge::Candidates::PopularitySampled;
        if (e.candidates != recforge::Candidates::Full)
            m_negatives->setValue(e.negatives);
    }
    m_full->setChecked(full);
    m_uniform->setChecked(uniform);
    m_popular->setChecked(popular);
    if (!config.evaluations.empty()) {
        QStringList ks;
        for (int k : config.evaluations.front().ks)
            ks << QString::number(k);
        m_ks->setText(ks.join(QStringLiteral(", ")));
    }
    m_name->setText(QString::fromStdString(config.runName));
    Q_EMIT changed();
}

void RunOptionsWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void RunOptionsWidget::retranslateUi()
{
    m_datasetLabel->setText(tr("Dataset:"));
    m_splitLabel->setText(tr("Split:"));
    m_seedLabel->setText(tr("Seed:"));
    m_seed->setToolTip(tr("Model initialisation, shuffling, negative sampling and new splits"));
    m_deviceLabel->setText(tr("Device:"));
    m_device->setItemText(0, tr("auto (CUDA when available)"));
    m_device->setItemText(1, tr("CPU"));
    m_device->setItemText(2, tr("CUDA"));
    m_threadsLabel->setText(tr("CPU threads:"));
    m_threads->setSpecialValueText(tr("all cores"));
    m_validLabel->setText(tr("Validation users:"));
    m_validationUsers->setSpecialValueText(tr("all"));
    m_validationUsers->setToolTip(
        tr("Validate each epoch on the first N validation users only (faster epochs)"));
    m_evalLabel->setText(tr("Test evaluation:"));
    m_full->setText(tr("full ranking"));
    m_uniform->setText(tr("uniform sampled"));
    m_popular->setText(tr("popularity sampled"));
    m_negatives->setSuffix(tr(" negatives"));
    m_negatives->setToolTip(tr("Negatives per user for the sampled evaluations (uni-99, pop-99)"));
    m_ksLabel->setText(tr("Cut-offs K:"));
    m_nameLabel->setText(tr("Run name:"));
    m_name->setPlaceholderText(tr("automatic: model on dataset and time"));
    refreshSplits();
}

} // namespace recforge::ui
