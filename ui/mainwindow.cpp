#include "mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>

#include "data/datapanel.h"
#include "data/generateshopdialog.h"
#include "distill/distillpanel.h"
#include "experiments/experimentspanel.h"
#include "import/importwizard.h"
#include "issuesdock.h"
#include "jobs/generateshopjob.h"
#include "jobs/job.h"
#include "jobs/jobmanager.h"
#include "jobs/jobprogresswidget.h"
#include "models/modelspanel.h"
#include "pipeline/pipelineview.h"
#include "preferencesdialog.h"
#include "recforge/version.h"
#include "recommend/recommendationspanel.h"
#include "store/project.h"
#include "training/trainingpanel.h"

namespace recforge::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_jobs(new JobManager(this)), m_sidebar(new QListWidget(this)),
      m_stack(new QStackedWidget(this)), m_dataPanel(new DataPanel(m_jobs, this)),
      m_modelsPanel(new ModelsPanel(this)), m_trainingPanel(new TrainingPanel(m_jobs, this)),
      m_experimentsPanel(new ExperimentsPanel(m_jobs, this)),
      m_recommendationsPanel(new RecommendationsPanel(m_jobs, this)),
      m_pipelineView(new PipelineView(m_jobs, this)),
      m_distillPanel(new DistillPanel(m_jobs, this)), m_issues(new IssuesDock(this)),
      m_progress(new JobProgressWidget(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);

    // Workspace sidebar: one entry per workspace panel in the stack.
    m_sidebar->setObjectName(QStringLiteral("workspaceSidebar"));
    m_sidebar->setViewMode(QListView::IconMode);
    m_sidebar->setMovement(QListView::Static);
    m_sidebar->setFlow(QListView::TopToBottom);
    m_sidebar->setWrapping(false); // one column of workspaces, never a horizontal scroll bar
    m_sidebar->setIconSize(QSize(32, 32));
    m_sidebar->setGridSize(QSize(84, 64));
    m_sidebar->setFixedWidth(92);
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setStyleSheet(QStringLiteral("QListWidget { background: #eef1f4; }"));
    m_sidebar->addItem(
        new QListWidgetItem(style()->standardIcon(QStyle::SP_DriveHDIcon), QString()));
    m_stack->addWidget(m_dataPanel);
    m_sidebar->addItem(
        new QListWidgetItem(style()->standardIcon(QStyle::SP_FileDialogDetailedView), QString()));
    m_stack->addWidget(m_modelsPanel);
    m_sidebar->addItem(new QListWidgetItem(style()->standardIcon(QStyle::SP_MediaPlay), QString()));
    m_stack->addWidget(m_trainingPanel);
    m_sidebar->addItem(
        new QListWidgetItem(style()->standardIcon(QStyle::SP_ArrowForward), QString()));
    m_stack->addWidget(m_pipelineView);
    m_sidebar->addItem(new QListWidgetItem(style()->standardIcon(QStyle::SP_ArrowDown), QString()));
    m_stack->addWidget(m_distillPanel);
    m_sidebar->addItem(
        new QListWidgetItem(style()->standardIcon(QStyle::SP_FileDialogContentsView), QString()));
    m_stack->addWidget(m_experimentsPanel);
    m_sidebar->addItem(
        new QListWidgetItem(style()->standardIcon(QStyle::SP_DialogYesButton), QString()));
    m_stack->addWidget(m_recommendationsPanel);
    connect(m_sidebar, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    m_sidebar->setCurrentRow(0);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_sidebar);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    addDockWidget(Qt::BottomDockWidgetArea, m_issues);
    resizeDocks({m_issues}, {90}, Qt::Vertical);
    m_progress->setManager(m_jobs);
    m_progress->setMaximumWidth(560);
    statusBar()->addPermanentWidget(m_progress);

    connect(m_dataPanel, &DataPanel::importRequested, this, [this] { importData(); });
    connect(m_dataPanel, &DataPanel::generateRequested, this, &MainWindow::showGenerateDialog);
    connect(m_dataPanel, &DataPanel::issueReported, this, [this](const QString &text) {
        m_issues->addIssue(IssuesDock::Severity::Warning, text);
    });
    connect(m_modelsPanel, &ModelsPanel::trainRequested, this,
            [this](const recforge::TrainRunConfig &config) {
                m_trainingPanel->enqueue(config);
                showWorkspace(TrainingWorkspace);
            });
    connect(m_trainingPanel, &TrainingPanel::runEnded, m_experimentsPanel,
            &ExperimentsPanel::refresh);
    connect(m_trainingPanel, &TrainingPanel::runEnded, m_recommendationsPanel,
            &RecommendationsPanel::refreshRuns);
    connect(m_trainingPanel, &TrainingPanel::runEnded, m_distillPanel, &DistillPanel::refresh);
    // Each stage of a pipeline is a stored run: the run lists follow.
    connect(m_pipelineView, &PipelineView::runEnded, m_experimentsPanel,
            &ExperimentsPanel::refresh);
    connect(m_pipelineView, &PipelineView::runEnded, m_recommendationsPanel,
            &RecommendationsPanel::refreshRuns);
    connect(m_pipelineView, &PipelineView::runEnded, m_distillPanel, &DistillPanel::refresh);
    // One progress bar per job on screen: the status bar skips the run the Training panel shows.
    const auto syncStatusProgress = [this] {
        m_progress->setShownElsewhere(
            m_stack->currentWidget() == m_trainingPanel ? m_trainingPanel->liveJob() : nullptr);
    };
    connect(m_trainingPanel, &TrainingPanel::liveJobChanged, this, syncStatusProgress);
    connect(m_experimentsPanel, &ExperimentsPanel::resumeRequested, this,
            [this](qint64 runId, const QString &runName) {
                recforge::TrainRunConfig config;
                config.resumeRunId = runId;
                config.runName = tr("%1 (resumed)").arg(runName).toStdString();
                m_trainingPanel->enqueue(config);
                showWorkspace(TrainingWorkspace);
            });
    connect(m_experimentsPanel, &ExperimentsPanel::historiesScored, this,
            [this](const QString &csv, int users) {
                m_issues->addIssue(
                    IssuesDock::Severity::Info,
                    tr("Wrote the top-K lists of %n user(s) to %1", nullptr, users).arg(csv));
            });
    connect(m_experimentsPanel, &ExperimentsPanel::exported, this,
            [this](const QString &dir, int files) {
                m_issues->addIssue(IssuesDock::Severity::Info,
                                   tr("Exported %n file(s) to %1", nullptr, files).arg(dir));
            });
    connect(m_stack, &QStackedWidget::currentChanged, this, syncStatusProgress);
    const auto warn = [this](const QString &text) {
        m_issues->addIssue(IssuesDock::Severity::Warning, text);
    };
    connect(m_trainingPanel, &TrainingPanel::issueReported, this, warn);
    connect(m_experimentsPanel, &ExperimentsPanel::issueReported, this, warn);
    connect(m_recommendationsPanel, &RecommendationsPanel::issueReported, this, warn);
    connect(m_distillPanel, &DistillPanel::issueReported, this, warn);
    connect(m_pipelineView, &PipelineView::issueReported, this, warn);
    // Every job failure lands in the issues dock, whoever started the job.
    connect(m_jobs, &JobManager::jobStarted, this, [this](Job *job) {
        connect(job, &Job::failed, this, [this, job](const QString &message) {
            m_issues->addIssue(IssuesDock::Severity::Error,
                               tr("%1 failed: %2").arg(job->title(), message));
        });
        connect(job, &Job::messageReported, this, [this](const QString &message) {
            m_issues->addIssue(IssuesDock::Severity::Info, message);
        });
    });

    createActions();
    createMenus();
    retranslateUi();
    if (!restoreGeometry(m_settings.mainWindowGeometry()))
        resize(1360, 860);
    restoreState(m_settings.mainWindowState());
    updateTitle();
}

MainWindow::~MainWindow()
{
    stopJobs();
}

QString MainWindow::demoProjectPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("demo.recforge"));
}

ImportWizard *MainWindow::importWizard() const
{
    return m_wizard.data();
}

QString MainWindow::projectPath() const
{
    return m_project ? QString::fromStdString(m_project->path()) : QString();
}

bool MainWindow::openProject(const QString &path, bool create, QString *error)
{
    const QFileInfo info(path);
    if (create)
        QDir().mkpath(info.absolutePath());
    auto opened = recforge::Project::open(info.absoluteFilePath().toStdString(), create);
    if (!opened) {
        const QString message = QString::fromStdString(opened.error().toString());
        m_issues->addIssue(IssuesDock::Severity::Error,
                           tr("Could not open project %1: %2").arg(path, message));
        if (error)
            *error = message;
        return false;
    }
    // Jobs hold the old project; let them finish before it goes away with them.
    stopJobs();
    m_project = std::shared_ptr<recforge::Project>(std::move(*opened));
    m_settings.setLastProject(info.absoluteFilePath());
    m_settings.addRecentProject(info.absoluteFilePath());
    updateRecentMenu();
    m_dataPanel->setProject(m_project);
    m_modelsPanel->setProject(m_project);
    m_trainingPanel->setProject(m_project);
    m_experimentsPanel->setProject(m_project);
    m_recommendationsPanel->setProject(m_project);
    m_pipelineView->setProject(m_project);
    m_distillPanel->setProject(m_project);
    updateTitle();
    return true;
}

bool MainWindow::ensureDemoDataset()
{
    if (!m_project || m_dataPanel->datasetCount() > 0)
        return false;
    generateDemoShop(recforge::ShopParams{});
    return true;
}

void MainWindow::generateDemoShop(const recforge::ShopParams &params)
{
    if (!m_project)
        return;
    auto *job = new GenerateShopJob(m_project, params);
    connect(job, &Job::succeeded, this, [this, job] {
        m_dataPanel->refreshDatasets(job->datasetId());
        m_issues->addIssue(
            IssuesDock::Severity::Info,
            tr("Generated the demo shop \"%1\".").arg(QString::fromStdString(job->params().name)));
    });
    m_jobs->start(job);
}

void MainWindow::importData(const QString &path)
{
    if (!m_project)
        return;
    if (m_wizard) {
        m_wizard->raise();
        m_wizard->activateWindow();
        if (!path.isEmpty())
            m_wizard->setFilePath(path);
        return;
    }
    auto *wizard = new ImportWizard(m_project, m_jobs, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &ImportWizard::datasetImported, this,
            [this](qint64 id) { m_dataPanel->refreshDatasets(id); });
    connect(wizard, &ImportWizard::issueReported, this, [this](const QString &text) {
        m_issues->addIssue(IssuesDock::Severity::Warning, text);
    });
    if (!path.isEmpty())
        wizard->setFilePath(path);
    m_wizard = wizard;
    wizard->show();
}

void MainWindow::showWorkspace(Workspace workspace)
{
    m_sidebar->setCurrentRow(int(workspace));
}

void MainWindow::stopJobs()
{
    m_jobs->requestStopAll();
    m_jobs->waitForAll();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Orderly shutdown: every job is asked to stop and joined before the window goes away.
    stopJobs();
    m_settings.setMainWindowGeometry(saveGeometry());
    m_settings.setMainWindowState(saveState());
    m_settings.sync();
    event->accept();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!ImportWizard::droppedFile(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString path = ImportWizard::droppedFile(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    if (path.endsWith(QLatin1String(".recforge"), Qt::CaseInsensitive))
        openProjectInteractive(path, false);
    else
        importData(path);
}

void MainWindow::createActions()
{
    m_newAction = new QAction(this);
    m_newAction->setShortcut(QKeySequence::New);
    connect(m_newAction, &QAction::triggered, this, &MainWindow::newProject);
    m_openAction = new QAction(this);
    m_openAction->setShortcut(QKeySequence::Open);
    connect(m_openAction, &QAction::triggered, this, &MainWindow::openProjectDialog);
    m_importAction = new QAction(this);
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    connect(m_importAction, &QAction::triggered, this, [this] { importData(); });
    m_generateAction = new QAction(this);
    connect(m_generateAction, &QAction::triggered, this, &MainWindow::showGenerateDialog);
    m_quitAction = new QAction(this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);
    m_preferencesAction = new QAction(this);
    m_preferencesAction->setMenuRole(QAction::PreferencesRole);
    connect(m_preferencesAction, &QAction::triggered, this, &MainWindow::showPreferences);
    m_aboutAction = new QAction(this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    m_clearRecentAction = new QAction(this);
    connect(m_clearRecentAction, &QAction::triggered, this, [this] {
        m_settings.clearRecentProjects();
        updateRecentMenu();
    });
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(m_newAction);
    m_fileMenu->addAction(m_openAction);
    m_recentMenu = m_fileMenu->addMenu(QString());
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_importAction);
    m_fileMenu->addAction(m_generateAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);
    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->addAction(m_issues->toggleViewAction());
    m_settingsMenu = menuBar()->addMenu(QString());
    m_settingsMenu->addAction(m_preferencesAction);
    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->addAction(m_aboutAction);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList recent = m_settings.recentProjects();
    for (const QString &path : recent) {
        QAction *action = m_recentMenu->addAction(QFileInfo(path).fileName());
        action->setToolTip(path);
        action->setStatusTip(path);
        connect(action, &QAction::triggered, this,
                [this, path] { openProjectInteractive(path, false); });
    }
    if (!recent.isEmpty())
        m_recentMenu->addSeparator();
    m_recentMenu->addAction(m_clearRecentAction);
    m_clearRecentAction->setEnabled(!recent.isEmpty());
}

void MainWindow::newProject()
{
    QString path = QFileDialog::getSaveFileName(this, tr("New project"), m_settings.lastDirectory(),
                                                tr("RecForge projects (*.recforge)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".recforge")))
        path += QLatin1String(".recforge");
    m_settings.setLastDirectory(QFileInfo(path).absolutePath());
    openProjectInteractive(path, true);
}

void MainWindow::openProjectDialog()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open project"), m_settings.lastDirectory(), tr("RecForge projects (*.recforge)"));
    if (path.isEmpty())
        return;
    m_settings.setLastDirectory(QFileInfo(path).absolutePath());
    openProjectInteractive(path, false);
}

void MainWindow::openProjectInteractive(const QString &path, bool create)
{
    QString error;
    if (!openProject(path, create, &error))
        QMessageBox::warning(this, tr("Open project"),
                             tr("Could not open %1:\n%2").arg(path, error));
}

void MainWindow::showGenerateDialog()
{
    if (!m_project)
        return;
    GenerateShopDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted)
        generateDemoShop(dialog.params());
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(m_settings, this);
    dialog.exec();
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About RecForge"),
        tr("<h3>RecForge %1</h3><p>A workbench for e-commerce recommender experiments: import "
           "interaction logs and catalogues, pretrain, fine-tune and distil sequence models, tune "
           "them and inspect their recommendations.</p><p>Build %2, Qt %3.</p>")
            .arg(QString::fromLatin1(recforge::kVersion), QString::fromLatin1(recforge::kGitCommit),
                 QString::fromLatin1(qVersion())));
}

void MainWindow::updateTitle()
{
    if (m_project) {
        const QString path = projectPath();
        setWindowFilePath(path);
        setWindowTitle(tr("%1 — RecForge").arg(QFileInfo(path).fileName()));
    } else {
        setWindowTitle(tr("RecForge"));
    }
}

void MainWindow::retranslateUi()
{
    m_fileMenu->setTitle(tr("&File"));
    m_recentMenu->setTitle(tr("Open &Recent"));
    m_viewMenu->setTitle(tr("&View"));
    m_settingsMenu->setTitle(tr("&Settings"));
    m_helpMenu->setTitle(tr("&Help"));
    m_newAction->setText(tr("&New Project..."));
    m_openAction->setText(tr("&Open Project..."));
    m_importAction->setText(tr("&Import Data..."));
    m_generateAction->setText(tr("&Generate Demo Shop..."));
    m_quitAction->setText(tr("&Quit"));
    m_preferencesAction->setText(tr("&Preferences..."));
    m_aboutAction->setText(tr("&About RecForge"));
    m_clearRecentAction->setText(tr("Clear List"));
    m_sidebar->item(0)->setText(tr("Data"));
    m_sidebar->item(0)->setToolTip(tr("Datasets: import, overview, tables and splits"));
    m_sidebar->item(ModelsWorkspace)->setText(tr("Models"));
    m_sidebar->item(ModelsWorkspace)
        ->setToolTip(tr("Registered models: parameters, presets and the Train button"));
    m_sidebar->item(TrainingWorkspace)->setText(tr("Training"));
    m_sidebar->item(TrainingWorkspace)
        ->setToolTip(tr("Training queue, live loss and validation curves"));
    m_sidebar->item(PipelineWorkspace)->setText(tr("Pipeline"));
    m_sidebar->item(PipelineWorkspace)
        ->setToolTip(tr("Pretrain, fine-tune and distil in one chain: stage parameters, status "
                        "and live curves"));
    m_sidebar->item(DistillationWorkspace)->setText(tr("Distillation"));
    m_sidebar->item(DistillationWorkspace)
        ->setToolTip(tr("Teacher versus student of a distillation run: size, speed, quality, "
                        "curves and top-K overlap"));
    m_sidebar->item(ExperimentsWorkspace)->setText(tr("Experiments"));
    m_sidebar->item(ExperimentsWorkspace)
        ->setToolTip(tr("Stored runs: compare curves and metrics, details, delete"));
    m_sidebar->item(RecommendationsWorkspace)->setText(tr("Recommend"));
    m_sidebar->item(RecommendationsWorkspace)
        ->setToolTip(tr("Per-user recommendations: profiles, explanations, two models side by "
                        "side, item map, what-if"));
    updateTitle();
}

} // namespace recforge::ui
