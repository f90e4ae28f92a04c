#pragma once

#include <QWizardPage>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace recforge::ui {

class ImportWizard;

// Page 1: the interactions file (typed, browsed or dropped), its format, and optional catalogue
// and user files.
class ImportFilePage : public QWizardPage {
    Q_OBJECT
public:
    explicit ImportFilePage(ImportWizard *wizard);

    void setPath(const QString &path);
    bool isComplete() const override;
    bool validatePage() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void browse(QLineEdit *edit, const QString &title);
    void retranslateUi();

    ImportWizard *m_wizard;
    QLabel *m_pathLabel;
    QLineEdit *m_path;
    QPushButton *m_browse;
    QLabel *m_formatLabel;
    QComboBox *m_format;
    QLabel *m_itemsLabel;
    QLineEdit *m_itemsPath;
    QPushButton *m_browseItems;
    QLabel *m_usersLabel;
    QLineEdit *m_usersPath;
    QPushButton *m_browseUsers;
    QLabel *m_hint;
};

} // namespace recforge::ui
