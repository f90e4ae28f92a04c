#pragma once

#include <map>
#include <memory>

#include <QPointer>
#include <QWidget>

#include "data/import/importoptions.h"
#include "store/project.h"

class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;
class QTabWidget;

namespace recforge::ui {

class DatasetOverview;
class InteractionsTableModel;
class ItemsTableModel;
class JobManager;
class OpenDatasetJob;
class SplitsPanel;
class TableBrowser;
class UsersTableModel;

// The Data workspace: the project's datasets on the left; for the selected one an overview (stat
// cards + charts), browsable interactions / items / users tables and its splits. Selecting a
// dataset starts an OpenDatasetJob (load + computeStats); nothing heavy runs on the UI thread.
class DataPanel : public QWidget {
    Q_OBJECT
public:
    explicit DataPanel(JobManager *jobs, QWidget *parent = nullptr);

    void setProject(std::shared_ptr<recforge::Project> project);
    // Re-reads the dataset list; selects `selectId` when given, else keeps the selection or takes
    // the first dataset.
    void refreshDatasets(int64_t selectId = 0);
    int64_t currentDatasetId() const { return m_currentId; }
    int datasetCount() const;
    // The dataset shown (loaded), or null while loading / when none.
    std::shared_ptr<const recforge::Dataset> currentDataset() const { return m_dataset; }

    QListWidget *datasetList() const { return m_list; }
    DatasetOverview *overview() const { return m_overview; }
    TableBrowser *interactionsBrowser() const { return m_interactions; }
    TableBrowser *itemsBrowser() const { return m_items; }
    TableBrowser *usersBrowser() const { return m_users; }
    SplitsPanel *splitsPanel() const { return m_splits; }
    QTabWidget *tabs() const { return m_tabs; }

Q_SIGNALS:
    void importRequested();
    void generateRequested();
    void issueReported(const QString &text);
    void datasetLoaded(qint64 datasetId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void onSelectionChanged();
    void openDataset(int64_t id);
    void showRejectedRows();
    void retranslateUi();

    JobManager *m_jobs;
    std::shared_ptr<recforge::Project> m_project;
    std::map<int64_t, recforge::DatasetSummary> m_summaries;
    int64_t m_currentId = 0;
    std::shared_ptr<const recforge::Dataset> m_dataset;
    std::shared_ptr<const recforge::ImportReport> m_report;
    QPointer<OpenDatasetJob> m_loading;

    QLabel *m_listTitle;
    QListWidget *m_list;
    QPushButton *m_import;
    QPushButton *m_generate;
    QStackedWidget *m_stack;
    QLabel *m_emptyText;
    QPushButton *m_emptyImport;
    QPushButton *m_emptyGenerate;
    QTabWidget *m_tabs;
    DatasetOverview *m_overview;
    InteractionsTableModel *m_interactionsModel;
    ItemsTableModel *m_itemsModel;
    UsersTableModel *m_usersModel;
    TableBrowser *m_interactions;
    TableBrowser *m_items;
    TableBrowser *m_users;
    SplitsPanel *m_splits;
};

} // namespace recforge::ui
