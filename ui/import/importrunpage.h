#pragma once

#include <memory>
#include <vector>

#include <QPointer>
#include <QWizardPage>

#include "data/import/importoptions.h"

class QLabel;
class QPushButton;

namespace recforge::ui {

class ImportJob;
class ImportWizard;
class JobProgressWidget;

// Page 6: runs the import as a background job (progress, ETA, Cancel), then shows the summary
// (rows read / accepted / rejected, the dataset after filtering, the split) and offers the
// rejected rows. A failure shows the core error (file:line:column); nothing is saved then.
class ImportRunPage : public QWizardPage {
    Q_OBJECT
public:
    explicit ImportRunPage(ImportWizard *wizard);

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

    // Requests stop of a running import (wizard cancelled / Back).
    void stop();
    bool isRunning() const;
    bool succeeded() const { return m_succeeded; }
    QString summaryText() const;
    QString errorText() const;
    int64_t rejectedCount() const { return m_rejectedTotal; }
    void showRejectedRows();

protected:
    void changeEvent(QEvent *event) override;

private:
    void onSucceeded(ImportJob *job);
    void onFailed(const QString &message);
    void onCancelled();
    void retranslateUi();

    ImportWizard *m_wizard;
    QPointer<ImportJob> m_job;
    bool m_succeeded = false;
    int64_t m_rejectedTotal = 0;
    std::shared_ptr<const std::vector<recforge::RejectedRow>> m_rejected;
    QLabel *m_intro;
    JobProgressWidget *m_progress;
    QLabel *m_summary;
    QLabel *m_error;
    QPushButton *m_showRejected;
};

} // namespace recforge::ui
