#pragma once

#include <QHash>
#include <QWidget>

#include <nlohmann/json.hpp>

#include "common/error.h"
#include "models/paramschema.h"

class QComboBox;
class QFormLayout;
class QLabel;
class QPushButton;
class QToolButton;

namespace recforge::ui {

// A form generated from a model's parameter schema: one editor per parameter (QSpinBox for Int,
// QDoubleSpinBox for Real, a QLineEdit for log-scale Real so 1e-4 can be typed, QCheckBox for Bool,
// QComboBox for Choice, QLineEdit for String), tooltips from the schema's help, a preset combo
// (when the schema has presets), "Reset to defaults", and advanced parameters folded away.
// Every edit re-runs the core resolveParams(); its error is shown under the field it names.
class ParamForm : public QWidget {
    Q_OBJECT
public:
    explicit ParamForm(QWidget *parent = nullptr);

    // Rebuilds the editors for `schema` (null: empty form) and shows its defaults. The schema must
    // outlive the form (registry schemas live for the whole process).
    void setSchema(const recforge::ModelSchema *schema);
    const recforge::ModelSchema *schema() const { return m_schema; }

    // Every parameter as the editors hold it, plus "preset" when the schema has presets. A
    // number field whose text does not parse is returned as its text (a JSON string), so
    // resolveParams reports it with the field named.
    nlohmann::json values() const;
    // Shows `values` (keys the schema lacks are ignored; missing keys keep their editor's value;
    // "preset" selects the preset without applying its overrides).
    void setValues(const nlohmann::json &values);
    // Defaults, then the preset's overrides.
    void applyPreset(const QString &name);
    void resetToDefaults();

    // resolveParams(schema, values()): the resolved params, or the error (also shown under the
    // field it names, or above the form when it names none).
    recforge::Expected<nlohmann::json> validate();
    // The current error text under `key` ("" when none).
    QString errorText(const QString &key) const;
    QWidget *editor(const QString &key) const { return m_editors.value(key); }
    QComboBox *presetCombo() const { return m_preset; }
    bool advancedVisible() const;

Q_SIGNALS:
    // Any editor changed (after validation ran).
    void valuesChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *createEditor(const recforge::ParamSpec &spec);
    void setEditorValue(const recforge::ParamSpec &spec, const nlohmann::json &value);
    nlohmann::json editorValue(const recforge::ParamSpec &spec) const;
    void onEdited();
    void setAdvancedVisible(bool visible);
    void retranslateUi();

    const recforge::ModelSchema *m_schema = nullptr;
    QLabel *m_presetLabel;
    QComboBox *m_preset;
    QPushButton *m_reset;
    QLabel *m_generalError;
    QFormLayout *m_form;
    QToolButton *m_advancedToggle;
    QFormLayout *m_advancedForm;
    QWidget *m_advancedBox;
    QHash<QString, QWidget *> m_editors;
    QHash<QString, QLabel *> m_errors;
    bool m_updating = false;
};

} // namespace recforge::ui
