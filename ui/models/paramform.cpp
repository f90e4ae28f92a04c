#include "paramform.h"

#include <algorithm>
#include <climits>
#include <cmath>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include "models/schematext.h"

namespace recforge::ui {

namespace {

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

// Step of a linear Real spin box: the default's order of magnitude, else a twentieth of the range.
double realStep(const recforge::ParamSpec &spec)
{
    const double def = spec.defaultValue.is_number() ? spec.defaultValue.get<double>() : 0.0;
    double base = std::abs(def);
    if (base == 0 && spec.min && spec.max)
        base = (*spec.max - *spec.min) / 20.0;
    if (base <= 0)
        base = 0.1;
    return std::pow(10.0, std::floor(std::log10(base)));
}

QString formatReal(double value)
{
    return QString::number(value, 'g', 8);
}

void clearForm(QFormLayout *form)
{
    while (form->rowCount() > 0)
        form->removeRow(0);
}

} // namespace

ParamForm::ParamForm(QWidget *parent)
    : QWidget(parent), m_presetLabel(new QLabel(this)), m_preset(new QComboBox(this)),
      m_reset(new QPushButton(this)), m_generalError(new QLabel(this)), m_form(new QFormLayout),
      m_advancedToggle(new QToolButton(this)), m_advancedForm(new QFormLayout),
      m_advancedBox(new QWidget(this))
{
    m_preset->setObjectName(QStringLiteral("presetCombo"));
    m_reset->setObjectName(QStringLiteral("resetDefaultsButton"));
    m_advancedToggle->setObjectName(QStringLiteral("advancedToggle"));
    m_generalError->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_generalError->setWordWrap(true);
    m_generalError->hide();
    m_advancedToggle->setCheckable(true);
    m_advancedToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_advancedToggle->setArrowType(Qt::RightArrow);
    m_advancedToggle->setAutoRaise(true);
    m_advancedBox->setLayout(m_advancedForm);
    m_advancedForm->setContentsMargins(0, 0, 0, 0);
    m_advancedBox->hide();
    for (QFormLayout *form : {m_form, m_advancedForm})
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    connect(m_preset, &QComboBox::activated, this,
            [this] { applyPreset(m_preset->currentData().toString()); });
    connect(m_reset, &QPushButton::clicked, this, &ParamForm::resetToDefaults);
    connect(m_advancedToggle, &QToolButton::toggled, this, &ParamForm::setAdvancedVisible);

    auto *top = new QHBoxLayout;
    top->addWidget(m_presetLabel);
    top->addWidget(m_preset, 1);
    top->addWidget(m_reset);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_generalError);
    layout->addLayout(m_form);
    layout->addWidget(m_advancedToggle);
    layout->addWidget(m_advancedBox);
    retranslateUi();
}

void ParamForm::setSchema(const recforge::ModelSchema *schema)
{
    m_schema = schema;
    m_updating = true;
    clearForm(m_form);
    clearForm(m_advancedForm);
    m_editors.clear();
    m_errors.clear();
    m_preset->clear();
    const bool presets = schema && !schema->presets.empty();
    for (const recforge::ParamPreset &preset :
         schema ? schema->presets : std::vector<recforge::ParamPreset>{}) {
        m_preset->addItem(qs(preset.name), qs(preset.name)); // preset names are config values
    }
    m_preset->setVisible(presets);
    m_presetLabel->setVisible(presets);
    bool anyAdvanced = false;
    if (schema) {
        for (const recforge::ParamSpec &spec : schema->params) {
            QWidget *editor = createEditor(spec);
            const QString key = qs(spec.key);
            editor->setObjectName(QStringLiteral("param_") + key);
            auto *error = new QLabel;
            error->setObjectName(QStringLiteral("error_") + key);
            error->setStyleSheet(QStringLiteral("color: #c0392b;"));
            error->setWordWrap(true);
            error->hide();
            auto *field = new QWidget;
            auto *fieldLayout = new QVBoxLayout(field);
            fieldLayout->setContentsMargins(0, 0, 0, 0);
            fieldLayout->setSpacing(1);
            fieldLayout->addWidget(editor);
            fieldLayout->addWidget(error);
            auto *label = new QLabel; // texts: retranslateUi()
            label->setObjectName(QStringLiteral("label_") + key);
            label->setBuddy(editor);
            (spec.advanced ? m_advancedForm : m_form)->addRow(label, field);
            anyAdvanced = anyAdvanced || spec.advanced;
            m_editors.insert(key, editor);
            m_errors.insert(key, error);
        }
    }
    m_advancedToggle->setVisible(anyAdvanced);
    m_advancedBox->setVisible(anyAdvanced && m_advancedToggle->isChecked());
    m_updating = false;
    retranslateUi();
    resetToDefaults();
}

QWidget *ParamForm::createEditor(const recforge::ParamSpec &spec)
{
    using recforge::ParamType;
    switch (spec.type) {
    case ParamType::Int: {
        auto *spin = new QSpinBox;
        spin->setRange(int(std::max<double>(INT_MIN, spec.min.value_or(INT_MIN))),
                       int(std::min<double>(INT_MAX, spec.max.value_or(INT_MAX))));
        if (spec.logScale)
            spin->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
        spin->setAccelerated(true);
        connect(spin, &QSpinBox::valueChanged, this, &ParamForm::onEdited);
        return spin;
    }
    case ParamType::Real: {
        if (spec.logScale) {
            // Log-scale values span decades (1e-6 .. 1): typed text, checked by resolveParams.
            auto *edit = new QLineEdit;
            edit->setPlaceholderText(QStringLiteral("1e-3"));
            connect(edit, &QLineEdit::textEdited, this, &ParamForm::onEdited);
            return edit;
        }
        auto *spin = new QDoubleSpinBox;
        const double step = realStep(spec);
        spin->setDecimals(std::clamp(int(-std::floor(std::log10(step))) + 2, 2, 8));
        spin->setSingleStep(step);
        spin->setRange(spec.min.value_or(-1e12), spec.max.value_or(1e12));
        connect(spin, &QDoubleSpinBox::valueChanged, this, &ParamForm::onEdited);
        return spin;
    }
    case ParamType::Bool: {
        auto *check = new QCheckBox;
        connect(check, &QCheckBox::toggled, this, &ParamForm::onEdited);
        return check;
    }
    case ParamType::Choice: {
        auto *combo = new QComboBox;
        for (const std::string &choice : spec.choices)
            combo->addItem(qs(choice), qs(choice));
        connect(combo, &QComboBox::currentIndexChanged, this, &ParamForm::onEdited);
        return combo;
    }
    case ParamType::String: {
        auto *edit = new QLineEdit;
        connect(edit, &QLineEdit::textEdited, this, &ParamForm::onEdited);
        return edit;
    }
    }
    return new QWidget;
}

void ParamForm::setEditorValue(const recforge::ParamSpec &spec, const nlohmann::json &value)
{
    QWidget *editor = m_editors.value(qs(spec.key));
    if (!editor)
        return;
    if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
        if (value.is_number())
            spin->setValue(int(value.get<double>()));
    } else if (auto *dspin = qobject_cast<QDoubleSpinBox *>(editor)) {
        if (value.is_number())
            dspin->setValue(value.get<double>());
    } else if (auto *check = qobject_cast<QCheckBox *>(editor)) {
        if (value.is_boolean())
            check->setChecked(value.get<bool>());
    } else if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        if (value.is_string())
            combo->setCurrentIndex(combo->findData(qs(value.get<std::string>())));
    } else if (auto *edit = qobject_cast<QLineEdit *>(editor)) {
        if (value.is_string())
            edit->setText(qs(value.get<std::string>()));
        else if (value.is_number())
            edit->setText(formatReal(value.get<double>()));
    }
}

nlohmann::json ParamForm::editorValue(const recforge::ParamSpec &spec) const
{
    QWidget *editor = m_editors.value(qs(spec.key));
    if (auto *spin = qobject_cast<QSpinBox *>(editor))
        return int64_t(spin->value());
    if (auto *dspin = qobject_cast<QDoubleSpinBox *>(editor))
        return dspin->value();
    if (auto *check = qobject_cast<QCheckBox *>(editor))
        return check->isChecked();
    if (auto *combo = qobject_cast<QComboBox *>(editor))
        return combo->currentData().toString().toStdString();
    if (auto *edit = qobject_cast<QLineEdit *>(editor)) {
        const QString text = edit->text().trimmed();
        if (spec.type == recforge::ParamType::Real) {
            bool ok = false;
            double number = QLocale::c().toDouble(text, &ok);
            if (!ok)
                number = QLocale().toDouble(text, &ok);
            if (ok)
                return number;
        }
        return edit->text().toStdString();
    }
    return spec.defaultValue;
}

nlohmann::json ParamForm::values() const
{
    nlohmann::json out = nlohmann::json::object();
    if (!m_schema)
        return out;
    for (const recforge::ParamSpec &spec : m_schema->params)
        out[spec.key] = editorValue(spec);
    if (!m_schema->presets.empty())
        out[recforge::kPresetKey] = m_preset->currentData().toString().toStdString();
    return out;
}

void ParamForm::setValues(const nlohmann::json &values)
{
    if (!m_schema || !values.is_object())
        return;
    m_updating = true;
    for (const recforge::ParamSpec &spec : m_schema->params)
        if (values.contains(spec.key))
            setEditorValue(spec, values[spec.key]);
    if (values.contains(recforge::kPresetKey) && values[recforge::kPresetKey].is_string()) {
        const int index = m_preset->findData(qs(values[recforge::kPresetKey].get<std::string>()));
        if (index >= 0)
            m_preset->setCurrentIndex(index);
    }
    m_updating = false;
    onEdited();
}

void ParamForm::applyPreset(const QString &name)
{
    if (!m_schema)
        return;
    nlohmann::json values = m_schema->defaults();
    if (const recforge::ParamPreset *preset = m_schema->findPreset(name.toStdString())) {
        for (const auto &[key, value] : preset->overrides.items())
            values[key] = value;
        values[recforge::kPresetKey] = preset->name;
    }
    setValues(values);
}

void ParamForm::resetToDefaults()
{
    if (m_schema)
        setValues(m_schema->defaults());
}

recforge::Expected<nlohmann::json> ParamForm::validate()
{
    for (QLabel *label : std::as_const(m_errors)) {
        label->clear();
        label->hide();
    }
    m_generalError->clear();
    m_generalError->hide();
    if (!m_schema)
        return recforge::makeError(recforge::ErrorCode::InvalidArgument, "no model selected");
    auto resolved = recforge::resolveParams(*m_schema, values());
    if (!resolved) {
        QLabel *label = m_errors.value(qs(resolved.error().location.field), m_generalError);
        label->setText(qs(resolved.error().message));
        label->show();
    }
    return resolved;
}

QString ParamForm::errorText(const QString &key) const
{
    QLabel *label = m_errors.value(key);
    return label ? label->text() : QString();
}

bool ParamForm::advancedVisible() const
{
    return m_advancedToggle->isChecked();
}

void ParamForm::setAdvancedVisible(bool visible)
{
    m_advancedToggle->setArrowType(visible ? Qt::DownArrow : Qt::RightArrow);
    if (m_advancedToggle->isChecked() != visible)
        m_advancedToggle->setChecked(visible);
    m_advancedBox->setVisible(visible);
}

void ParamForm::onEdited()
{
    if (m_updating)
        return;
    validate();
    Q_EMIT valuesChanged();
}

void ParamForm::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ParamForm::retranslateUi()
{
    m_presetLabel->setText(tr("Preset:"));
    m_preset->setToolTip(tr("A named set of sizes; the fields below can still be edited"));
    m_reset->setText(tr("Reset to defaults"));
    m_advancedToggle->setText(tr("Advanced parameters"));
    if (!m_schema)
        return;
    // The schema's texts are English in core; they are translated in the "ModelSchema" context.
    for (int i = 0; i < m_preset->count(); ++i)
        if (const recforge::ParamPreset *preset =
                m_schema->findPreset(m_preset->itemData(i).toString().toStdString()))
            m_preset->setItemData(i, schemaText(preset->description), Qt::ToolTipRole);
    for (const recforge::ParamSpec &spec : m_schema->params) {
        const QString key = qs(spec.key);
        const QString tip =
            schemaText(spec.help) + QStringLiteral("\n") + tr("Allowed: %1").arg(allowedText(spec));
        if (QWidget *editor = m_editors.value(key))
            editor->setToolTip(tip);
        if (auto *label = findChild<QLabel *>(QStringLiteral("label_") + key)) {
            label->setText(spec.label.empty() ? key : schemaText(spec.label));
            label->setToolTip(tip);
        }
    }
}

} // namespace recforge::ui
