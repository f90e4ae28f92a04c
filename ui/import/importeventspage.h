#pragma once

#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QLabel;
class QTableWidget;

namespace recforge::ui {

class ImportWizard;

// Page 4: each distinct raw event string ("pv", "buy") -> event kind and weight. Without an event
// column: the one kind every row gets.
class ImportEventsPage : public QWizardPage {
    Q_OBJECT
public:
    explicit ImportEventsPage(ImportWizard *wizard);

    void initializePage() override;
    bool validatePage() override;
    QTableWidget *table() const { return m_table; }

protected:
    void changeEvent(QEvent *event) override;

private:
    static QStringList kindCodes();
    static QString kindLabel(const QString &code);
    void retranslateUi();

    ImportWizard *m_wizard;
    QLabel *m_intro;
    QTableWidget *m_table;
    QCheckBox *m_keepUnknown;
    QLabel *m_defaultLabel;
    QComboBox *m_defaultEvent;
};

} // namespace recforge::ui
