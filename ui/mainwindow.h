#pragma once

#include <memory>

#include <QMainWindow>
#include <QPointer>

#include "appsettings.h"
#include "data/generator.h"

class QAction;
class QListWidget;
class QMenu;
class QStackedWidget;

namespace recforge {
class Project;
}

namespace recforge::ui {

class DataPanel;
class DistillPanel;
class ExperimentsPanel;
class ImportWizard;
class IssuesDock;
class JobManager;
class JobProgressWidget;
class ModelsPanel;
class PipelineView;
class RecommendationsPanel;
class TrainingPanel;

// The application shell: a workspace sidebar with a stack of workspace panels (Data, Models,
// Training, Pipeline, Distillation, Experiments, Recommend), the menus, a status bar with the job
// progress, and the issues dock. It owns the open Project (shared with jobs) and the JobManager;
// closing it stops and joins every job.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens (create=true: creates) a project. On failure the current project stays open,
    // `error` gets the reason and false is returned (no dialog: callers decide).
    bool openProject(const QString &path, bool create = true, QString *error = nullptr);
    // Starts generating the demo shop when the open project has no dataset. Returns whether a
    // job was started.
    bool ensureDemoDataset();
    // <AppDataLocation>/demo.recforge
    static QString demoProjectPath();

    std::shared_ptr<recforge::Project> project() const { return m_project; }
    QString projectPath() const;
    JobManager *jobs() const { return m_jobs; }
    DataPanel *dataPanel() const { return m_dataPanel; }
    ModelsPanel *modelsPanel() const { return m_modelsPanel; }
    TrainingPanel *trainingPanel() const { return m_trainingPanel; }
    ExperimentsPanel *experimentsPanel() const { return m_experimentsPanel; }
    RecommendationsPanel *recommendationsPanel() const { return m_recommendationsPanel; }
    DistillPanel *distillPanel() const { return m_distillPanel; }
    PipelineView *pipelineView() const { return m_pipelineView; }
    // Index of each workspace in the sidebar and the stack.
    enum Workspace {
        DataWorkspace,
        ModelsWorkspace,
        TrainingWorkspace,
        PipelineWorkspace,
        DistillationWorkspace,
        ExperimentsWorkspace,
        RecommendationsWorkspace
    };
    void showWorkspace(Workspace workspace);
    IssuesDock *issues() const { return m_issues; }
    JobProgressWidget *progressWidget() const { return m_progress; }
    ImportWizard *importWizard() const;

    // File > Import data...: opens the wizard, with `path` preset when given.
    void importData(const QString &path = QString());
    void generateDemoShop(const recforge::ShopParams &params);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createMenus();
    void retranslateUi();
    void updateTitle();
    void updateRecentMenu();
    void newProject();
    void openProjectDialog();
    void openProjectInteractive(const QString &path, bool create);
    void showGenerateDialog();
    void showPreferences();
    void showAbout();
    void stopJobs();

    AppSettings m_settings;
    std::shared_ptr<recforge::Project> m_project;
    JobManager *m_jobs;
    QListWidget *m_sidebar;
    QStackedWidget *m_stack;
    DataPanel *m_dataPanel;
    ModelsPanel *m_modelsPanel;
    TrainingPanel *m_trainingPanel;
    ExperimentsPanel *m_experimentsPanel;
    RecommendationsPanel *m_recommendationsPanel;
    PipelineView *m_pipelineView;
    DistillPanel *m_distillPanel;
    IssuesDock *m_issues;
    JobProgressWidget *m_progress;
    QPointer<ImportWizard> m_wizard;

    QMenu *m_fileMenu = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_settingsMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QAction *m_newAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_generateAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_preferencesAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_clearRecentAction = nullptr;
};

} // namespace recforge::ui
