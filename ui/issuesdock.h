#pragma once

#include <QDockWidget>

class QListWidget;
class QPushButton;

namespace recforge::ui {

// Non-fatal problems (rejected rows, dropped users, failed jobs) collected in a dock instead of
// dialogs. Newest at the top, with the time they were reported.
class IssuesDock : public QDockWidget {
    Q_OBJECT
public:
    enum class Severity { Info, Warning, Error };

    explicit IssuesDock(QWidget *parent = nullptr);

    void addIssue(Severity severity, const QString &text);
    int count() const;
    QString issueText(int row) const;
    void clear();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QListWidget *m_list;
    QPushButton *m_clear;
};

} // namespace recforge::ui
