#include "preferencesdialog.h"

#include <algorithm>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QMessageBox>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

#include "appsettings.h"
#include "languagemanager.h"

namespace recforge::ui {

PreferencesDialog::PreferencesDialog(AppSettings &settings, QWidget *parent)
    : QDialog(parent), m_settings(settings), m_form(new QFormLayout),
      m_language(new QComboBox(this)), m_device(new QComboBox(this)), m_threads(new QSpinBox(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_device->setObjectName(QStringLiteral("deviceCombo"));
    m_threads->setObjectName(QStringLiteral("threadsSpin"));
    for (const QString &code : LanguageManager::languageCodes())
        m_language->addItem(LanguageManager::nativeName(code), code);
    for (const char *device : {"auto", "cpu", "cuda"})
        m_device->addItem(QString(), QString::fromLatin1(device));
    m_threads->setRange(0, 1024);
    m_form->addRow(new QLabel(this), m_language);
    m_form->addRow(new QLabel(this), m_device);
    m_form->addRow(new QLabel(this), m_threads);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_language->setCurrentIndex(std::max(0, m_language->findData(settings.language())));
    m_device->setCurrentIndex(std::max(0, m_device->findData(settings.device())));
    m_threads->setValue(settings.threads());
    setMinimumWidth(380);
    retranslateUi();
}

void PreferencesDialog::accept()
{
    const QString language = m_language->currentData().toString();
    m_settings.setLanguage(language);
    m_settings.setDevice(m_device->currentData().toString());
    m_settings.setThreads(m_threads->value());
    m_settings.sync();
    if (!LanguageManager::apply(language))
        QMessageBox::warning(this, tr("Language"),
                             tr("The translation for %1 was not found; the interface stays in "
                                "English.")
                                 .arg(LanguageManager::nativeName(language)));
    QDialog::accept();
}

void PreferencesDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void PreferencesDialog::retranslateUi()
{
    setWindowTitle(tr("Preferences"));
    auto label = [this](QWidget *field, const QString &text) {
        if (auto *l = qobject_cast<QLabel *>(m_form->labelForField(field)))
            l->setText(text);
    };
    label(m_language, tr("Language:"));
    label(m_device, tr("Default device:"));
    label(m_threads, tr("CPU threads:"));
    m_device->setItemText(0, tr("Automatic (CUDA when available)"));
    m_device->setItemText(1, tr("CPU"));
    m_device->setItemText(2, tr("CUDA GPU"));
    m_threads->setSpecialValueText(
        tr("All cores (%1)").arg(std::max(1, QThread::idealThreadCount())));
}

} // namespace recforge::ui
