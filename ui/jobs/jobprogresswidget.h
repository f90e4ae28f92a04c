#pragma once

#include <QPointer>
#include <QWidget>

#include "common/progress.h"

class QLabel;
class QProgressBar;
class QPushButton;

namespace recforge::ui {

class Job;
class JobManager;

// Progress bar with stage text, ETA ("about 12 s left") and a Cancel button for one job.
// With a manager it follows the newest active job and hides itself when none runs; with track()
// it follows one job and stays visible after it ends.
class JobProgressWidget : public QWidget {
    Q_OBJECT
public:
    explicit JobProgressWidget(QWidget *parent = nullptr);

    void setManager(JobManager *manager);
    void track(Job *job);
    // With a manager: never follow `job` (another visible widget shows its progress); null = none.
    void setShownElsewhere(Job *job);
    Job *trackedJob() const { return m_job; }

    // "about 12 s left", "about 3 min left", "about 2 h left"; empty for unknown (< 0).
    static QString formatEta(double seconds);
    QString stageText() const;
    int value() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void follow(Job *job);
    void followNewest();
    void showProgress(const recforge::Progress &progress);
    void showFinished(const QString &text);
    void retranslateUi();

    QPointer<JobManager> m_manager;
    QPointer<Job> m_job;
    QPointer<Job> m_shownElsewhere;
    bool m_autoHide = false;
    QLabel *m_stage;
    QProgressBar *m_bar;
    QLabel *m_eta;
    QPushButton *m_cancel;
};

} // namespace recforge::ui
