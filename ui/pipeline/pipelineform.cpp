#include "pipelineform.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "pipeline/stagecurveschart.h"

namespace recforge::ui {

namespace {

QSpinBox *intBox(QWidget *parent, int min, int max, int step = 1)
{
    auto *box = new QSpinBox(parent);
    box->setRange(min, max);
    box->setSingleStep(step);
    return box;
}

QDoubleSpinBox *realBox(QWidget *parent, double min, double max, double step, int decimals)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setRange(min, max);
    box->setSingleStep(step);
    box->setDecimals(decimals);
    return box;
}

QWidget *row(QWidget *parent, std::initializer_list<QWidget *> widgets)
{
    auto *w = new QWidget(parent);
    auto *layout = new QHBoxLayout(w);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QWidget *child : widgets)
        layout->addWidget(child);
    return w;
}

int jsonInt(const nlohmann::json &j, const char *key, int fallback)
{
    return j.contains(key) && j[key].is_number() ? j[key].get<int>() : fallback;
}

double jsonReal(const nlohmann::json &j, const char *key, double fallback)
{
    return j.contains(key) && j[key].is_number() ? j[key].get<double>() : fallback;
}

} // namespace

PipelineForm::PipelineForm(QWidget *parent) : QWidget(parent)
{
    // Boxes on one row, charts on the next: the three charts line up whatever each form holds.
    auto *stages = new QGridLayout;
    const std::array<QGroupBox *, 3> boxes{buildPretrain(), buildFinetune(), buildDistil()};
    for (size_t s = 0; s < boxes.size(); ++s) {
        m_boxes[s] = boxes[s];
        m_charts[s] = new StageCurvesChart(this);
        m_charts[s]->setObjectName(QStringLiteral("stageChart%1").arg(s));
        stages->addWidget(boxes[s], 0, int(2 * s));
        stages->addWidget(m_charts[s], 1, int(2 * s));
        stages->setColumnStretch(int(2 * s), 1);
        if (s + 1 < boxes.size()) {
            m_arrows[s] = new QLabel(QStringLiteral("→"), this);
            QFont big = m_arrows[s]->font();
            big.setPointSizeF(big.pointSizeF() * 2.0);
            m_arrows[s]->setFont(big);
            m_arrows[s]->setStyleSheet(QStringLiteral("color: #2171b5;"));
            stages->addWidget(m_arrows[s], 0, int(2 * s + 1), Qt::AlignCenter);
        }
    }
    stages->setRowStretch(1, 1);
    for (size_t s = 0; s < m_rerun.size(); ++s) {
        m_rerun[s]->setObjectName(QStringLiteral("rerunStage%1").arg(s));
        m_status[s]->setObjectName(QStringLiteral("stageStatus%1").arg(s));
        QFont bold = m_status[s]->font();
        bold.setBold(true);
        m_status[s]->setFont(bold);
        connect(m_rerun[s], &QPushButton::clicked, this,
                [this, s] { Q_EMIT rerunRequested(recforge::PipelineStage(int(s))); });
    }
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(buildShape());
    layout->addLayout(stages, 1);
    setParams(defaults());
    retranslateUi();
}

QWidget *PipelineForm::buildShape()
{
    m_shapeBox = new QGroupBox(this);
    m_hidden = intBox(this, 8, 4096, 8);
    m_hidden->setObjectName(QStringLiteral("shapeHiddenSize"));
    m_layers = intBox(this, 1, 48);
    m_heads = intBox(this, 1, 64);
    m_maxLength = intBox(this, 2, 2048, 10);
    m_dropout = realBox(this, 0, 0.9, 0.05, 2);
    auto *layout = new QHBoxLayout(m_shapeBox);
    const std::array<QWidget *, 5> fields{m_hidden, m_layers, m_heads, m_maxLength, m_dropout};
    for (size_t i = 0; i < fields.size(); ++i) {
        m_shapeLabels[i] = new QLabel(m_shapeBox);
        m_shapeLabels[i]->setBuddy(fields[i]);
        layout->addWidget(m_shapeLabels[i]);
        layout->addWidget(fields[i]);
        layout->addSpacing(10);
    }
    layout->addStretch(1);
    return m_shapeBox;
}

QGroupBox *PipelineForm::buildPretrain()
{
    auto *box = new QGroupBox(this);
    box->setObjectName(QStringLiteral("pretrainStageBox"));
    m_cloze = new QCheckBox(box);
    m_attributes = new QCheckBox(box);
    m_prefixes = new QCheckBox(box);
    m_prefixes->setObjectName(QStringLiteral("pretrainPrefixes"));
    m_clozeLoss = new QComboBox(box);
    m_clozeLoss->setObjectName(QStringLiteral("pretrainClozeLoss"));
    for (const char *loss : {"softmax", "sampled"})
        m_clozeLoss->addItem(QString(), QString::fromLatin1(loss));
    m_clozeNegatives = intBox(box, 1, 100000, 10);
    m_maskProb = realBox(box, 0.01, 0.9, 0.05, 2);
    m_clozeWeight = realBox(box, 0, 100, 0.1, 2);
    m_aapWeight = realBox(box, 0, 100, 0.1, 2);
    m_mapWeight = realBox(box, 0, 100, 0.1, 2);
    m_ptEpochs = intBox(box, 1, 10000);
    m_text = new QCheckBox(box);
    m_textEpochs = intBox(box, 1, 1000);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const auto add = [&](const char *label, QWidget *field) {
        auto *l = new QLabel(box);
        m_rowLabels.push_back({l, label});
        form->addRow(l, field);
    };
    add(QT_TR_NOOP("Objectives:"), row(box, {m_cloze, m_attributes}));
    add(QT_TR_NOOP("Examples:"), m_prefixes);
    add(QT_TR_NOOP("Cloze scoring (negatives):"), row(box, {m_clozeLoss, m_clozeNegatives}));
    add(QT_TR_NOOP("Mask probability:"), m_maskProb);
    add(QT_TR_NOOP("Weights (cloze / AAP / MAP):"),
        row(box, {m_clozeWeight, m_aapWeight, m_mapWeight}));
    add(QT_TR_NOOP("Epochs:"), m_ptEpochs);
    add(QT_TR_NOOP("Text encoder:"), row(box, {m_text, m_textEpochs}));
    for (QCheckBox *check : {m_cloze, m_attributes, m_text})
        connect(check, &QCheckBox::toggled, this, &PipelineForm::updateEnabled);
    connect(m_clozeLoss, &QComboBox::currentIndexChanged, this, &PipelineForm::updateEnabled);
    return finishStageBox(box, form, 0);
}

QGroupBox *PipelineForm::finishStageBox(QGroupBox *box, QFormLayout *form, int stage)
{
    m_status[stage] = new QLabel(box);
    m_rerun[stage] = new QPushButton(box);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_status[stage]);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(m_rerun[stage], 0, Qt::AlignRight);
    return box;
}

QGroupBox *PipelineForm::buildFinetune()
{
    auto *box = new QGroupBox(this);
    box->setObjectName(QStringLiteral("finetuneStageBox"));
    m_ftEpochs = intBox(box, 1, 10000);
    m_patience = intBox(box, 0, 1000);
    m_lr = realBox(box, 1e-6, 1, 1e-4, 5);
    m_freeze = intBox(box, 0, 48);
    m_layerDecay = realBox(box, 0.05, 1, 0.05, 2);
    m_reinit = new QCheckBox(box);
    m_dropHead = new QCheckBox(box);
    for (QCheckBox *check : {m_reinit, m_dropHead})
        connect(check, &QCheckBox::toggled, this, &PipelineForm::updateEnabled);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const auto add = [&](const char *label, QWidget *field) {
        auto *l = new QLabel(box);
        m_rowLabels.push_back({l, label});
        form->addRow(l, field);
    };
    add(QT_TR_NOOP("Epochs:"), m_ftEpochs);
    add(QT_TR_NOOP("Patience:"), m_patience);
    add(QT_TR_NOOP("Learning rate:"), m_lr);
    add(QT_TR_NOOP("Frozen layers:"), m_freeze);
    add(QT_TR_NOOP("Layer-wise LR decay:"), m_layerDecay);
    form->addRow(m_reinit);
    form->addRow(m_dropHead);
    return finishStageBox(box, form, 1);
}

QGroupBox *PipelineForm::buildDistil()
{
    auto *box = new QGroupBox(this);
    box->setObjectName(QStringLiteral("distilStageBox"));
    m_distil = new QCheckBox(box);
    m_distil->setObjectName(QStringLiteral("distilEnabled"));
    m_studentModel = new QComboBox(box);
    for (const char *id : {"sasrec", "gru4rec", "mlprec"})
        m_studentModel->addItem(QString::fromLatin1(id), QString::fromLatin1(id));
    m_studentHidden = intBox(box, 8, 4096, 8);
    m_alpha = realBox(box, 0, 1, 0.05, 2);
    m_temperature = realBox(box, 0.1, 50, 0.5, 1);
    m_mode = new QComboBox(box);
    for (const char *mode : {"kl", "ranking", "both"})
        m_mode->addItem(QString::fromLatin1(mode), QString::fromLatin1(mode));
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const auto add = [&](const char *label, QWidget *field) {
        auto *l = new QLabel(box);
        m_rowLabels.push_back({l, label});
        form->addRow(l, field);
    };
    form->addRow(m_distil);
    add(QT_TR_NOOP("Student model:"), m_studentModel);
    add(QT_TR_NOOP("Student hidden size:"), m_studentHidden);
    add(QT_TR_NOOP("Alpha (teacher share):"), m_alpha);
    add(QT_TR_NOOP("Temperature:"), m_temperature);
    add(QT_TR_NOOP("Mode:"), m_mode);
    connect(m_distil, &QCheckBox::toggled, this, &PipelineForm::updateEnabled);
    return finishStageBox(box, form, 2);
}

recforge::PipelineParams PipelineForm::defaults()
{
    recforge::PipelineParams p;
    p.name = "pipeline";
    p.finetune.model = "sasrec";
    p.finetune.params = {{"hiddenSize", 64}, {"layers", 2},     {"heads", 2},
                         {"ffnSize", 256},   {"maxLength", 50}, {"dropout", 0.3},
                         {"epochs", 20},     {"patience", 3},   {"learningRate", 1e-3}};
    // Next-item fine-tuning without the cloze output head: on Amazon Beauty the kept head slowed
    // the fine-tune and cost quality (docs/bench/pretrain_beauty.md, session 8).
    p.finetune.finetune.dropHead = true;
    // S3-Rec's pretraining examples and scoring: every prefix with its last item masked, masked
    // items against sampled negatives. On Amazon Beauty this is what lifted the fine-tune past
    // S3-Rec's published numbers (docs/bench/pretrain_beauty.md, session 9).
    p.pretrain.prefixes = true;
    p.pretrain.clozeLoss = "sampled";
    p.distil = true;
    p.student.studentModel = "sasrec";
    p.student.studentParams = {{"preset", "small"}, {"hiddenSize", 32}};
    return p;
}

void PipelineForm::setParams(const recforge::PipelineParams &p)
{
    m_base = p;
    const nlohmann::json &m = p.finetune.params;
    m_hidden->setValue(jsonInt(m, "hiddenSize", 64));
    m_layers->setValue(jsonInt(m, "layers", 2));
    m_heads->setValue(jsonInt(m, "heads", 2));
    m_maxLength->setValue(jsonInt(m, "maxLength", 50));
    m_dropout->setValue(jsonReal(m, "dropout", 0.3));
    m_cloze->setChecked(p.pretrain.cloze);
    m_attributes->setChecked(p.pretrain.attributes);
    m_prefixes->setChecked(p.pretrain.prefixes);
    m_clozeLoss->setCurrentIndex(
        std::max(0, m_clozeLoss->findData(QString::fromStdString(p.pretrain.clozeLoss))));
    m_clozeNegatives->setValue(p.pretrain.clozeNegatives);
    m_maskProb->setValue(p.pretrain.maskProb);
    m_clozeWeight->setValue(p.pretrain.clozeWeight);
    m_aapWeight->setValue(p.pretrain.itemAttributeWeight);
    m_mapWeight->setValue(p.pretrain.maskedAttributeWeight);
    m_ptEpochs->setValue(p.pretrain.train.epochs);
    m_text->setChecked(p.textPretrain);
    m_textEpochs->setValue(p.text.train.epochs);
    m_ftEpochs->setValue(jsonInt(m, "epochs", 20));
    m_patience->setValue(jsonInt(m, "patience", 3));
    m_lr->setValue(jsonReal(m, "learningRate", 1e-3));
    m_freeze->setValue(p.finetune.finetune.freezeLayers);
    m_layerDecay->setValue(p.finetune.finetune.layerDecay);
    m_reinit->setChecked(p.finetune.finetune.reinitHead);
    m_dropHead->setChecked(p.finetune.finetune.dropHead);
    m_distil->setChecked(p.distil);
    const int model = m_studentModel->findData(QString::fromStdString(p.student.studentModel));
    m_studentModel->setCurrentIndex(std::max(0, model));
    m_studentHidden->setValue(jsonInt(p.student.studentParams, "hiddenSize", 32));
    m_alpha->setValue(p.student.loss.alpha);
    m_temperature->setValue(p.student.loss.temperature);
    m_mode->setCurrentIndex(std::max(
        0, m_mode->findData(QString::fromLatin1(recforge::distillModeName(p.student.loss.mode)))));
    updateEnabled();
}

recforge::PipelineParams PipelineForm::params() const
{
    recforge::PipelineParams p = m_base;
    if (p.finetune.model != "sasrec" && p.finetune.model != "bert4rec")
        p.finetune.model = "sasrec";
    nlohmann::json &m = p.finetune.params;
    if (!m.is_object())
        m = nlohmann::json::object();
    const int hidden = m_hidden->value();
    // The feed-forward width follows the hidden size (4x, the SASRec / BERT habit) unless the
    // stored params chose another ratio for this very size.
    if (jsonInt(m, "hiddenSize", 0) != hidden || !m.contains("ffnSize"))
        m["ffnSize"] = 4 * hidden;
    m["hiddenSize"] = hidden;
    m["layers"] = m_layers->value();
    m["heads"] = m_heads->value();
    m["maxLength"] = m_maxLength->value();
    m["dropout"] = m_dropout->value();
    m["epochs"] = m_ftEpochs->value();
    m["patience"] = m_patience->value();
    m["learningRate"] = m_lr->value();
    p.pretrain.cloze = m_cloze->isChecked();
    p.pretrain.attributes = m_attributes->isChecked();
    p.pretrain.prefixes = m_prefixes->isChecked();
    p.pretrain.clozeLoss = m_clozeLoss->currentData().toString().toStdString();
    p.pretrain.clozeNegatives = m_clozeNegatives->value();
    p.pretrain.maskProb = m_maskProb->value();
    p.pretrain.clozeWeight = m_clozeWeight->value();
    p.pretrain.itemAttributeWeight = m_aapWeight->value();
    p.pretrain.maskedAttributeWeight = m_mapWeight->value();
    p.pretrain.train.epochs = m_ptEpochs->value();
    p.textPretrain = m_text->isChecked();
    p.text.train.epochs = m_textEpochs->value();
    p.finetune.finetune.freezeLayers = m_freeze->value();
    p.finetune.finetune.layerDecay = m_layerDecay->value();
    p.finetune.finetune.dropHead = m_dropHead->isChecked();
    p.finetune.finetune.reinitHead = m_reinit->isChecked() && !m_dropHead->isChecked();
    p.distil = m_distil->isChecked();
    const std::string student = m_studentModel->currentData().toString().toStdString();
    if (student != p.student.studentModel) {
        // Presets are per model: a preset of the old student may not exist for the new one.
        p.student.studentParams = nlohmann::json::object();
        if (student == "sasrec")
            p.student.studentParams["preset"] = "small";
    }
    p.student.studentModel = student;
    if (!p.student.studentParams.is_object())
        p.student.studentParams = nlohmann::json::object();
    p.student.studentParams["hiddenSize"] = m_studentHidden->value();
    p.student.loss.alpha = m_alpha->value();
    p.student.loss.temperature = m_temperature->value();
    if (auto mode = recforge::parseDistillMode(m_mode->currentData().toString().toStdString()))
        p.student.loss.mode = *mode;
    return p;
}

void PipelineForm::setEditable(bool editable)
{
    m_editable = editable;
    updateEnabled();
}

void PipelineForm::updateEnabled()
{
    m_shapeBox->setEnabled(m_editable);
    for (QWidget *w : std::initializer_list<QWidget *>{
             m_cloze,       m_attributes, m_text,         m_clozeWeight,   m_aapWeight,
             m_mapWeight,   m_maskProb,   m_ptEpochs,     m_textEpochs,    m_ftEpochs,
             m_patience,    m_lr,         m_freeze,       m_layerDecay,    m_reinit,
             m_dropHead,    m_distil,     m_studentModel, m_studentHidden, m_alpha,
             m_temperature, m_mode,       m_prefixes,     m_clozeLoss,     m_clozeNegatives})
        w->setEnabled(m_editable);
    if (!m_editable)
        return;
    m_maskProb->setEnabled(m_cloze->isChecked());
    m_clozeWeight->setEnabled(m_cloze->isChecked());
    m_clozeLoss->setEnabled(m_cloze->isChecked());
    m_clozeNegatives->setEnabled(m_cloze->isChecked() &&
                                 m_clozeLoss->currentData().toString() == QLatin1String("sampled"));
    m_aapWeight->setEnabled(m_attributes->isChecked());
    m_mapWeight->setEnabled(m_attributes->isChecked());
    m_textEpochs->setEnabled(m_text->isChecked());
    // Re-initialising a head that is dropped means nothing: one or the other.
    m_reinit->setEnabled(!m_dropHead->isChecked());
    m_dropHead->setEnabled(!m_reinit->isChecked());
    for (QWidget *w : std::initializer_list<QWidget *>{m_studentModel, m_studentHidden, m_alpha,
                                                       m_temperature, m_mode})
        w->setEnabled(m_distil->isChecked());
    Q_EMIT changed();
}

void PipelineForm::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void PipelineForm::retranslateUi()
{
    m_shapeBox->setTitle(tr("Encoder shape (SASRec)"));
    const std::array<QString, 5> shape{tr("Hidden size:"), tr("Layers:"), tr("Heads:"),
                                       tr("Max length:"), tr("Dropout:")};
    for (size_t i = 0; i < shape.size(); ++i)
        m_shapeLabels[i]->setText(shape[i]);
    m_boxes[0]->setTitle(tr("1. Pretrain"));
    m_boxes[1]->setTitle(tr("2. Fine-tune"));
    m_boxes[2]->setTitle(tr("3. Distil"));
    for (const auto &[label, text] : m_rowLabels)
        label->setText(tr(text));
    m_cloze->setText(tr("cloze"));
    m_cloze->setToolTip(tr("Masked item prediction over all items (BERT4Rec)"));
    m_attributes->setText(tr("attributes"));
    m_attributes->setToolTip(
        tr("S3-Rec attribute prediction: an item's attributes from its own vector (AAP) and a "
           "masked item's attributes from its context (MAP)"));
    m_prefixes->setText(tr("every prefix, its last item masked (S3-Rec)"));
    m_prefixes->setToolTip(tr("Each prefix of a shopper's sequence is one example whose last item "
                              "is always masked, so pretraining also predicts the next item from "
                              "the past; off: one example per shopper"));
    m_clozeLoss->setItemText(0, tr("every item (full softmax)"));
    m_clozeLoss->setItemText(1, tr("sampled negatives"));
    m_clozeLoss->setToolTip(tr("Score a masked item against every item, or against uniformly "
                               "drawn negatives (S3-Rec's masked item prediction)"));
    m_clozeNegatives->setToolTip(tr("Negatives drawn per masked item"));
    m_text->setText(tr("MLM first, epochs"));
    m_text->setToolTip(tr("Masked-language pretraining of a text encoder on the catalogue; its "
                          "vectors join the item representation"));
    m_freeze->setToolTip(tr("The lowest N transformer layers keep their pretrained weights"));
    m_layerDecay->setToolTip(tr("Layer i trains at decay^(L-1-i) of the rate; 1 = off"));
    m_reinit->setText(tr("Re-initialise the output head"));
    m_dropHead->setText(tr("Drop the output head (S3-Rec fine-tuning)"));
    m_dropHead->setToolTip(tr("Score next items from the encoder's output directly, as a model "
                              "trained from scratch does; the pretrained head is not used"));
    m_distil->setText(tr("Distil the fine-tuned model into a student"));
    m_alpha->setToolTip(tr("loss = alpha × teacher terms + (1 − alpha) × next-item loss"));
    m_mode->setToolTip(tr("kl: the teacher's softened softmax; ranking: its top-K list; both"));
    for (QPushButton *button : m_rerun) {
        button->setText(tr("Re-run this stage"));
        button->setToolTip(tr("Run this stage again as a new run with the form's parameters, "
                              "then the stages after it"));
    }
}

} // namespace recforge::ui
