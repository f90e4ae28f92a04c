#pragma once

#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QLabel;
class QTableWidget;

namespace recforge::ui {

class ImportWizard;

// Page 2: the first 50 rows as the importer reads them. Changing delimiter, encoding or header
// re-runs previewFile() (it reads only the head of the file, so it stays interactive).
// Errors (bad encoding, unreadable file) are shown with their file:line:column.
class ImportPreviewPage : public QWizardPage {
    Q_OBJECT
public:
    static constexpr int kPreviewRows = 50;

    explicit ImportPreviewPage(ImportWizard *wizard);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    QTableWidget *table() const { return m_table; }
    QString errorText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void retranslateUi();
    void updateInfo();

    ImportWizard *m_wizard;
    bool m_ok = false;
    bool m_headerTouched = false;
    QLabel *m_delimiterLabel;
    QComboBox *m_delimiter;
    QLabel *m_encodingLabel;
    QComboBox *m_encoding;
    QCheckBox *m_header;
    QLabel *m_info;
    QLabel *m_error;
    QTableWidget *m_table;
};

} // namespace recforge::ui
