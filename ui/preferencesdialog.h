#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QSpinBox;

namespace recforge::ui {

class AppSettings;

// Preferences: UI language (English / 简体中文), default compute device, CPU threads.
// Accepting stores them and switches the language at once.
class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(AppSettings &settings, QWidget *parent = nullptr);

    void accept() override;
    QComboBox *languageCombo() const { return m_language; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    AppSettings &m_settings;
    QFormLayout *m_form;
    QComboBox *m_language;
    QComboBox *m_device;
    QSpinBox *m_threads;
    QDialogButtonBox *m_buttons;
};

} // namespace recforge::ui
