#pragma once

#include <array>
#include <memory>
#include <vector>

#include <QPointer>
#include <QWidget>

#include "recommend/recommend.h"
#include "recommend/runmodel.h"
#include "recommend/userhistory.h"
#include "recommend/userpicker.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QStringListModel;
class QTabWidget;
class QTableView;

namespace recforge {
class Project;
}

namespace recforge::ui {

class HistoryModel;
class ItemMapView;
class ItemView;
class JobManager;
class LoadRunModelJob;
class ProfileView;
class RecommendationsModel;

// The Recommendations workspace: pick one or two trained models (slot A, and B for side by
// side), open a user (by id, or a random / heavy / light / cold sample), see their history
// timeline and profile, their top-K from each model with filters and explanations (shared items
// highlighted), any item's details and most similar items, the item-embedding map, and edit the
// history (what-if) to re-score at once.
//
// Loading a model and scoring run as jobs (scoring is one scoreItems call per model; results of
// an outdated request are dropped). Profiles and similar items are cheap lookups done in place.
class RecommendationsPanel : public QWidget {
    Q_OBJECT
public:
    enum Slot { SlotA = 0, SlotB = 1 };
    enum Tab { HistoryTab, ProfileTab, ItemTab, ItemMapTab };

    explicit RecommendationsPanel(JobManager *jobs, QWidget *parent = nullptr);
    ~RecommendationsPanel() override;

    void setProject(std::shared_ptr<recforge::Project> project);
    // Lists the project's trained runs again (a job); slot A loads the newest when empty.
    void refreshRuns();
    // Loads run `runId` into a slot (a job). Slot B with runId 0 clears it. A model of another
    // dataset than slot A's is refused in slot B (issueReported).
    void selectRun(Slot slot, qint64 runId);

    // Opens a user; false (with issueReported) when no model is loaded or the id is unknown.
    bool openUser(const QString &externalId);
    bool openUserIndex(int user);
    bool sampleUser(recforge::UserSample kind);
    void openItem(int item);

    // What-if edits of the open user's history; each re-scores at once.
    bool removeHistoryRows(QList<int> rows);
    // `text`: an item id, or a completion "title [id]"; `event`: EventKinds code.
    bool addHistoryItem(const QString &text, int event = 0);
    void resetHistory();
    // Starts scoring the open user with the loaded models (no-op without a user or model A).
    void rescore();

    const std::vector<recforge::TrainedRun> &runs() const { return m_runs; }
    std::shared_ptr<recforge::RunModel> loadedModel(Slot slot) const { return m_models[slot]; }
    int currentUser() const { return m_user; }
    const recforge::UserHistory &history() const { return m_history; }
    bool historyEdited() const { return m_edited; }
    recforge::RecommendParams params() const;

    QComboBox *modelCombo(Slot slot) const { return m_modelCombo[slot]; }
    QLineEdit *userEdit() const { return m_userEdit; }
    QComboBox *categoryCombo() const { return m_category; }
    QDoubleSpinBox *minPriceSpin() const { return m_minPrice; }
    QDoubleSpinBox *maxPriceSpin() const { return m_maxPrice; }
    QComboBox *excludeCombo() const { return m_exclude; }
    QSpinBox *kSpin() const { return m_k; }
    QTableView *historyView() const { return m_historyView; }
    QTableView *topView(Slot slot) const { return m_topView[slot]; }
    RecommendationsModel *recommendations(Slot slot) const { return m_top[slot]; }
    QLabel *overlapLabel() const { return m_overlap; }
    ProfileView *profileView() const { return m_profile; }
    ItemView *itemView() const { return m_itemView; }
    ItemMapView *itemMap() const { return m_itemMap; }
    QTabWidget *tabs() const { return m_tabs; }

Q_SIGNALS:
    void runsListed();
    void modelLoaded(int slot);
    // New top-K lists are shown (after rescore()).
    void recommendationsUpdated();
    void issueReported(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void onModelLoaded(LoadRunModelJob *job);
    void fillRunCombos();
    void datasetChanged();
    void setUser(int user);
    void historyChanged();
    void showResults(const std::vector<recforge::RecommendResult> &results);
    void updateOverlapLabel();
    void updateUserInfo();
    const recforge::Dataset *dataset() const;
    void retranslateUi();

    JobManager *m_jobs;
    std::shared_ptr<recforge::Project> m_project;
    std::vector<recforge::TrainedRun> m_runs;
    std::array<std::shared_ptr<recforge::RunModel>, 2> m_models;
    std::array<QPointer<LoadRunModelJob>, 2> m_loading;
    std::shared_ptr<const recforge::Dataset> m_dataset; // slot A's
    int m_user = -1;
    recforge::UserHistory m_original;
    recforge::UserHistory m_history;
    bool m_edited = false;
    quint64 m_generation = 0;
    uint64_t m_sampleSeed = 1;
    std::array<double, 2> m_scoreMs{0, 0};

    std::array<QLabel *, 2> m_modelLabel;
    std::array<QComboBox *, 2> m_modelCombo;
    QPushButton *m_refresh;
    QLabel *m_userLabel;
    QLineEdit *m_userEdit;
    QPushButton *m_open;
    std::array<QPushButton *, 4> m_sample;
    QLabel *m_userInfo;
    QLabel *m_categoryLabel;
    QComboBox *m_category;
    QLabel *m_priceLabel;
    QDoubleSpinBox *m_minPrice;
    QDoubleSpinBox *m_maxPrice;
    QLabel *m_excludeLabel;
    QComboBox *m_exclude;
    QLabel *m_kLabel;
    QSpinBox *m_k;

    QTabWidget *m_tabs;
    HistoryModel *m_historyModel;
    QTableView *m_historyView;
    QPushButton *m_removeRows;
    QLineEdit *m_addEdit;
    QStringListModel *m_completions;
    QComboBox *m_addEvent;
    QPushButton *m_add;
    QPushButton *m_reset;
    QLabel *m_editedLabel;
    ProfileView *m_profile;
    ItemView *m_itemView;
    ItemMapView *m_itemMap;

    std::array<QLabel *, 2> m_topTitle;
    std::array<RecommendationsModel *, 2> m_top;
    std::array<QTableView *, 2> m_topView;
    std::array<QWidget *, 2> m_topBox;
    QLabel *m_overlap;
};

} // namespace recforge::ui
