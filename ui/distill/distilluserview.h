#pragma once

#include <array>
#include <memory>

#include <QPointer>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace recforge {
struct RunModel;
}

namespace recforge::ui {

class JobManager;
class LoadRunModelJob;

// One user's top-K from the teacher and from the student side by side: items in both lists are
// highlighted, and the user's Jaccard@K is written above them. The two models are loaded on
// demand (Load models: two LoadRunModelJobs, the student reusing the teacher's dataset); each
// user change starts one RecommendJob scoring both. Seen items are excluded, as in the stored
// comparison; the history is everything the dataset knows about the user, so the overlap can
// differ a little from the stored per-user value (which uses the test-stage history).
class DistillUserView : public QWidget {
    Q_OBJECT
public:
    enum Slot { TeacherSlot = 0, StudentSlot = 1 };

    explicit DistillUserView(JobManager *jobs, QWidget *parent = nullptr);
    ~DistillUserView() override;

    // Forgets loaded models when the runs change.
    void setRuns(const QString &projectPath, qint64 teacherRunId, qint64 studentRunId, int k);
    void loadModels();
    bool hasModels() const { return m_models[TeacherSlot] && m_models[StudentSlot]; }
    // Scores dataset user index `user` with both models (through a job).
    void showUser(int user);

    QSpinBox *userBox() const { return m_user; }
    QListWidget *list(Slot slot) const { return m_lists[slot]; }
    QLabel *jaccardLabel() const { return m_jaccard; }
    // Jaccard of the two lists shown (NaN before the first user).
    double shownJaccard() const { return m_shownJaccard; }

Q_SIGNALS:
    void modelsReady();
    void userShown(int user);

protected:
    void changeEvent(QEvent *event) override;

private:
    void loadSlot(Slot slot);
    void onModelLoaded(LoadRunModelJob *job);
    void updateState();
    void retranslateUi();

    JobManager *m_jobs;
    QString m_projectPath;
    std::array<qint64, 2> m_runIds{0, 0};
    int m_k = 10;
    std::array<std::shared_ptr<recforge::RunModel>, 2> m_models;
    QPointer<LoadRunModelJob> m_loading;
    quint64 m_generation = 0;
    int m_shownUser = -1;
    double m_shownJaccard;

    QPushButton *m_load;
    QLabel *m_userLabel;
    QSpinBox *m_user;
    QLabel *m_userId;
    QLabel *m_state;
    QLabel *m_jaccard;
    std::array<QLabel *, 2> m_titles;
    std::array<QListWidget *, 2> m_lists;
};

} // namespace recforge::ui
