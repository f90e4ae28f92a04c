#pragma once

#include <memory>

#include <QWidget>

namespace recforge {
class Project;
struct Dataset;
} // namespace recforge

class QLabel;
class QPushButton;
class QTableWidget;

namespace recforge::ui {

class JobManager;

// The stored splits of the selected dataset (kind, seed, counts per role) and "New split...",
// which runs makeSplit + saveSplit as a job.
class SplitsPanel : public QWidget {
    Q_OBJECT
public:
    SplitsPanel(JobManager *jobs, QWidget *parent = nullptr);

    void setProject(std::shared_ptr<recforge::Project> project);
    // The dataset the splits belong to; `dataset` (loaded) is needed to make new splits.
    void setDataset(int64_t datasetId, const QString &name,
                    std::shared_ptr<const recforge::Dataset> dataset);
    void refresh();
    QTableWidget *table() const { return m_table; }

Q_SIGNALS:
    void issueReported(const QString &text);
    void splitCreated(qint64 splitId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void newSplit();
    void retranslateUi();

    JobManager *m_jobs;
    std::shared_ptr<recforge::Project> m_project;
    std::shared_ptr<const recforge::Dataset> m_dataset;
    int64_t m_datasetId = 0;
    QString m_datasetName;
    QLabel *m_intro;
    QTableWidget *m_table;
    QPushButton *m_new;
};

} // namespace recforge::ui
