#include "recommendationspanel.h"

#include <QComboBox>
#include <QCompleter>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStringListModel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include "jobs/jobmanager.h"
#include "recommend/historymodel.h"
#include "recommend/itemmapview.h"
#include "recommend/itemview.h"
#include "recommend/profileview.h"
#include "recommend/recommendationsmodel.h"
#include "recommend/recommendjobs.h"
#include "store/project.h"

namespace recforge::ui {

namespace {

QTableView *makeTable(QWidget *parent, QAbstractItemModel *model, const QString &name)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(false); // the overlap highlight is the only row colour
    view->setWordWrap(false);
    view->verticalHeader()->setVisible(false);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setHighlightSections(false);
    return view;
}

} // namespace

RecommendationsPanel::RecommendationsPanel(JobManager *jobs, QWidget *parent)
    : QWidget(parent), m_jobs(jobs)
{
    setObjectName(QStringLiteral("recommendationsPanel"));
    // --- models row ---
    for (int s = 0; s < 2; ++s) {
        m_modelLabel[s] = new QLabel(this);
        m_modelCombo[s] = new QComboBox(this);
        m_modelCombo[s]->setObjectName(s == 0 ? QStringLiteral("modelA")
                                              : QStringLiteral("modelB"));
        m_modelCombo[s]->setMinimumContentsLength(24);
        m_modelCombo[s]->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        connect(m_modelCombo[s], &QComboBox::activated, this, [this, s](int index) {
            selectRun(Slot(s), m_modelCombo[s]->itemData(index).toLongLong());
        });
    }
    m_refresh = new QPushButton(this);
    connect(m_refresh, &QPushButton::clicked, this, &RecommendationsPanel::refreshRuns);

    // --- user row ---
    m_userLabel = new QLabel(this);
    m_userEdit = new QLineEdit(this);
    m_userEdit->setObjectName(QStringLiteral("userId"));
    m_userEdit->setMaximumWidth(160);
    m_open = new QPushButton(this);
    connect(m_userEdit, &QLineEdit::returnPressed, this, [this] { openUser(m_userEdit->text()); });
    connect(m_open, &QPushButton::clicked, this, [this] { openUser(m_userEdit->text()); });
    const recforge::UserSample kinds[] = {recforge::UserSample::Random, recforge::UserSample::Heavy,
                                          recforge::UserSample::Light, recforge::UserSample::Cold};
    for (int i = 0; i < 4; ++i) {
        m_sample[size_t(i)] = new QPushButton(this);
        const recforge::UserSample kind = kinds[i];
        connect(m_sample[size_t(i)], &QPushButton::clicked, this,
                [this, kind] { sampleUser(kind); });
    }
    m_userInfo = new QLabel(this);
    m_userInfo->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // --- filters row ---
    m_categoryLabel = new QLabel(this);
    m_category = new QComboBox(this);
    m_category->setObjectName(QStringLiteral("categoryFilter"));
    m_category->setMinimumContentsLength(18);
    m_category->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_priceLabel = new QLabel(this);
    m_minPrice = new QDoubleSpinBox(this);
    m_maxPrice = new QDoubleSpinBox(this);
    for (QDoubleSpinBox *spin : {m_minPrice, m_maxPrice}) {
        spin->setRange(0, 1e7);
        spin->setDecimals(2);
        spin->setValue(0);
        spin->setKeyboardTracking(false);
        connect(spin, &QDoubleSpinBox::valueChanged, this, &RecommendationsPanel::rescore);
    }
    m_excludeLabel = new QLabel(this);
    m_exclude = new QComboBox(this);
    m_exclude->setObjectName(QStringLiteral("excludeFilter"));
    m_exclude->addItems({QString(), QString(), QString()});
    m_exclude->setCurrentIndex(int(recforge::ExcludeHistory::Seen));
    m_kLabel = new QLabel(this);
    m_k = new QSpinBox(this);
    m_k->setRange(1, 200);
    m_k->setValue(10);
    m_k->setKeyboardTracking(false);
    connect(m_category, &QComboBox::currentIndexChanged, this, &RecommendationsPanel::rescore);
    connect(m_exclude, &QComboBox::currentIndexChanged, this, &RecommendationsPanel::rescore);
    connect(m_k, &QSpinBox::valueChanged, this, &RecommendationsPanel::rescore);

    // --- left tabs: history (what-if), profile, item, item map ---
    m_tabs = new QTabWidget(this);
    m_historyModel = new HistoryModel(this);
    auto *historyPage = new QWidget(this);
    m_historyView = makeTable(historyPage, m_historyModel, QStringLiteral("historyTable"));
    m_historyView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    // Short columns fit their contents; the title takes the rest.
    QHeaderView *historyHeader = m_historyView->horizontalHeader();
    historyHeader->setStretchLastSection(false);
    historyHeader->setSectionResizeMode(QHeaderView::ResizeToContents);
    historyHeader->setSectionResizeMode(HistoryModel::ItemColumn, QHeaderView::Stretch);
    historyHeader->setSectionResizeMode(HistoryModel::CategoryColumn, QHeaderView::Interactive);
    m_historyView->setColumnWidth(HistoryModel::CategoryColumn, 150);
    m_removeRows = new QPushButton(historyPage);
    m_addEdit = new QLineEdit(historyPage);
    m_addEdit->setObjectName(QStringLiteral("addItem"));
    m_completions = new QStringListModel(this);
    auto *completer = new QCompleter(m_completions, this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setMaxVisibleItems(12);
    m_addEdit->setCompleter(completer);
    m_addEvent = new QComboBox(historyPage);
    m_add = new QPushButton(historyPage);
    m_reset = new QPushButton(historyPage);
    m_editedLabel = new QLabel(historyPage);
    connect(m_removeRows, &QPushButton::clicked, this, [this] {
        QList<int> rows;
        for (const QModelIndex &index : m_historyView->selectionModel()->selectedRows())
            rows << index.row();
        removeHistoryRows(rows);
    });
    const auto add = [this] {
        if (addHistoryItem(m_addEdit->text(), m_addEvent->currentData().toInt()))
            m_addEdit->clear();
    };
    connect(m_add, &QPushButton::clicked, this, add);
    connect(m_addEdit, &QLineEdit::returnPressed, this, add);
    connect(m_reset, &QPushButton::clicked, this, &RecommendationsPanel::resetHistory);
    connect(m_historyView, &QTableView::doubleClicked, this,
            [this](const QModelIndex &index) { openItem(index.data(Qt::UserRole).toInt()); });
    auto *editBar = new QHBoxLayout;
    editBar->addWidget(m_removeRows);
    editBar->addWidget(m_addEdit, 1);
    editBar->addWidget(m_addEvent);
    editBar->addWidget(m_add);
    editBar->addWidget(m_reset);
    auto *historyLayout = new QVBoxLayout(historyPage);
    historyLayout->setContentsMargins(4, 4, 4, 4);
    historyLayout->addWidget(m_historyView, 1);
    historyLayout->addLayout(editBar);
    historyLayout->addWidget(m_editedLabel);
    m_profile = new ProfileView(this);
    m_itemView = new ItemView(this);
    m_itemMap = new ItemMapView(this);
    m_tabs->addTab(historyPage, QString());
    m_tabs->addTab(m_profile, QString());
    m_tabs->addTab(m_itemView, QString());
    m_tabs->addTab(m_itemMap, QString());
    connect(m_profile, &ProfileView::userActivated, this, &RecommendationsPanel::openUserIndex);
    connect(m_itemView, &ItemView::itemActivated, this, &RecommendationsPanel::openItem);
    connect(m_itemMap, &ItemMapView::itemClicked, this, &RecommendationsPanel::openItem);

    // --- right: the top-K lists of A and B, one above the other so the explanations stay
    // readable at full width ---
    auto *lists = new QSplitter(Qt::Vertical, this);
    for (int s = 0; s < 2; ++s) {
        m_top[s] = new RecommendationsModel(this);
        m_topBox[s] = new QWidget(lists);
        m_topTitle[s] = new QLabel(m_topBox[s]);
        m_topTitle[s]->setWordWrap(true);
        m_topView[s] = makeTable(m_topBox[s], m_top[s],
                                 s == 0 ? QStringLiteral("topA") : QStringLiteral("topB"));
        QHeaderView *header = m_topView[s]->horizontalHeader();
        header->setSectionResizeMode(QHeaderView::Interactive);
        for (int column :
             {int(RecommendationsModel::RankColumn), int(RecommendationsModel::PriceColumn),
              int(RecommendationsModel::ScoreColumn)})
            header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
        m_topView[s]->setColumnWidth(RecommendationsModel::ItemColumn, 200);
        m_topView[s]->setColumnWidth(RecommendationsModel::CategoryColumn, 170);
        connect(m_topView[s], &QTableView::clicked, this,
                [this](const QModelIndex &index) { openItem(index.data(Qt::UserRole).toInt()); });
        auto *box = new QVBoxLayout(m_topBox[s]);
        box->setContentsMargins(2, 0, 2, 0);
        box->addWidget(m_topTitle[s]);
        box->addWidget(m_topView[s], 1);
        lists->addWidget(m_topBox[s]);
    }
    m_topBox[SlotB]->setVisible(false);
    m_overlap = new QLabel(this);
    m_overlap->setObjectName(QStringLiteral("overlapLabel"));
    m_overlap->setWordWrap(true);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_overlap);
    rightLayout->addWidget(lists, 1);

    auto *main = new QSplitter(Qt::Horizontal, this);
    main->addWidget(m_tabs);
    main->addWidget(right);
    main->setStretchFactor(0, 4);
    main->setStretchFactor(1, 6);
    main->setSizes({600, 800});

    auto *controls = new QGridLayout;
    controls->setHorizontalSpacing(6);
    auto *modelsRow = new QHBoxLayout;
    for (int s = 0; s < 2; ++s) {
        modelsRow->addWidget(m_modelLabel[s]);
        modelsRow->addWidget(m_modelCombo[s], 1);
    }
    modelsRow->addWidget(m_refresh);
    auto *userRow = new QHBoxLayout;
    userRow->addWidget(m_userLabel);
    userRow->addWidget(m_userEdit);
    userRow->addWidget(m_open);
    for (QPushButton *b : m_sample)
        userRow->addWidget(b);
    userRow->addWidget(m_userInfo, 1);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_categoryLabel);
    filterRow->addWidget(m_category, 1);
    filterRow->addWidget(m_priceLabel);
    filterRow->addWidget(m_minPrice);
    filterRow->addWidget(m_maxPrice);
    filterRow->addWidget(m_excludeLabel);
    filterRow->addWidget(m_exclude);
    filterRow->addWidget(m_kLabel);
    filterRow->addWidget(m_k);
    controls->addLayout(modelsRow, 0, 0);
    controls->addLayout(userRow, 1, 0);
    controls->addLayout(filterRow, 2, 0);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(controls);
    layout->addWidget(main, 1);

    retranslateUi();
    datasetChanged();
}

RecommendationsPanel::~RecommendationsPanel()
{
    for (const auto &job : m_loading)
        if (job)
            job->requestStop();
}

void RecommendationsPanel::setProject(std::shared_ptr<recforge::Project> project)
{
    m_project = std::move(project);
    for (auto &job : m_loading)
        if (job)
            job->requestStop();
    m_models = {};
    m_runs.clear();
    datasetChanged();
    refreshRuns();
}

void RecommendationsPanel::refreshRuns()
{
    if (!m_project)
        return;
    auto *job = new ListTrainedRunsJob(QString::fromStdString(m_project->path()));
    connect(job, &Job::succeeded, this, [this, job] {
        m_runs = job->runs();
        fillRunCombos();
        Q_EMIT runsListed();
        if (!m_models[SlotA] && !m_loading[SlotA] && !m_runs.empty())
            selectRun(SlotA, m_runs.front().runId);
    });
    m_jobs->start(job);
}

void RecommendationsPanel::fillRunCombos()
{
    for (int s = 0; s < 2; ++s) {
        QComboBox *combo = m_modelCombo[s];
        const QSignalBlocker block(combo);
        combo->clear();
        if (s == SlotB)
            combo->addItem(tr("(none)"), qint64(0));
        for (const recforge::TrainedRun &run : m_runs)
            combo->addItem(tr("#%1 %2").arg(run.runId).arg(QString::fromStdString(run.name)),
                           qint64(run.runId));
        const qint64 current = m_models[s] ? m_models[s]->run.runId : 0;
        const qint64 pending = m_loading[s] ? m_loading[s]->runId() : current;
        const int index = combo->findData(pending);
        combo->setCurrentIndex(index >= 0 ? index : 0);
    }
    m_modelCombo[SlotB]->setEnabled(m_models[SlotA] != nullptr);
}

void RecommendationsPanel::selectRun(Slot slot, qint64 runId)
{
    if (!m_project)
        return;
    if (m_loading[slot])
        m_loading[slot]->requestStop();
    m_loading[slot] = nullptr;
    if (slot == SlotB && runId == 0) {
        m_models[SlotB].reset();
        fillRunCombos();
        rescore();
        return;
    }
    recforge::LoadRunParams params;
    params.projectPath = m_project->path();
    params.runId = runId;
    // Reuse a dataset already in memory (either slot).
    for (const auto &m : m_models)
        if (m) {
            params.knownDataset = m->dataset;
            params.knownSequences = m->sequences;
            params.knownDatasetId = m->run.datasetId;
        }
    auto *job = new LoadRunModelJob(params, slot);
    m_loading[slot] = job;
    connect(job, &Job::succeeded, this, [this, job] { onModelLoaded(job); });
    connect(job, &Job::failed, this, [this, job](const QString &message) {
        if (m_loading[job->slot()] == job)
            Q_EMIT issueReported(
                tr("Could not load the model of run %1: %2").arg(job->runId()).arg(message));
        fillRunCombos();
    });
    const int index = m_modelCombo[slot]->findData(runId);
    if (index >= 0)
        m_modelCombo[slot]->setCurrentIndex(index);
    m_jobs->start(job);
}

void RecommendationsPanel::onModelLoaded(LoadRunModelJob *job)
{
    const int slot = job->slot();
    if (m_loading[slot] != job)
        return; // superseded by a newer choice
    m_loading[slot] = nullptr;
    std::shared_ptr<recforge::RunModel> model = job->model();
    if (slot == SlotB && m_models[SlotA] &&
        m_models[SlotA]->run.datasetId != model->run.datasetId) {
        Q_EMIT issueReported(tr("Run %1 was trained on another dataset than model A: side by side "
                                "needs both models on the same items.")
                                 .arg(model->run.runId));
        fillRunCombos();
        return;
    }
    m_models[slot] = model;
    if (slot == SlotA) {
        if (m_models[SlotB] && m_models[SlotB]->run.datasetId != model->run.datasetId)
            m_models[SlotB].reset();
        m_itemMap->setModel(model);
        if (m_dataset != model->dataset) {
            // Keep the open user when the new dataset knows them.
            const QString userId = m_dataset && m_user >= 0
                                       ? QString::fromStdString(m_dataset->users.id(m_user))
                                       : QString();
            m_dataset = model->dataset;
            datasetChanged();
            if (!userId.isEmpty())
                if (auto u = m_dataset->users.find(userId.toStdString()))
                    setUser(*u);
        } else if (m_itemView->item() >= 0) {
            m_itemView->setItem(model, m_itemView->item());
        }
        if (m_user >= 0)
            historyChanged(); // nearest users come from slot A's fit rows
    }
    fillRunCombos();
    Q_EMIT modelLoaded(slot);
    rescore();
}

void RecommendationsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void RecommendationsPanel::retranslateUi()
{
    m_modelLabel[SlotA]->setText(tr("Model A:"));
    m_modelLabel[SlotB]->setText(tr("Model B:"));
    m_modelCombo[SlotB]->setToolTip(tr("A second model for side by side lists"));
    if (m_modelCombo[SlotB]->count() > 0)
        m_modelCombo[SlotB]->setItemText(0, tr("(none)"));
    m_refresh->setText(tr("Refresh"));
    m_refresh->setToolTip(tr("List the project's trained runs again"));
    m_userLabel->setText(tr("User:"));
    m_userEdit->setPlaceholderText(tr("user id"));
    m_open->setText(tr("Open"));
    m_sample[0]->setText(tr("Random"));
    m_sample[0]->setToolTip(tr("Any user, at random"));
    m_sample[1]->setText(tr("Heavy"));
    m_sample[1]->setToolTip(tr("A user from the top decile of activity"));
    m_sample[2]->setText(tr("Light"));
    m_sample[2]->setToolTip(tr("A user with 1 to 3 events"));
    m_sample[3]->setText(tr("Cold"));
    m_sample[3]->setToolTip(tr("A user held out by a cold-user split, or without training rows"));
    m_categoryLabel->setText(tr("Category:"));
    m_priceLabel->setText(tr("Price:"));
    m_minPrice->setSpecialValueText(tr("min: any"));
    m_maxPrice->setSpecialValueText(tr("max: any"));
    m_minPrice->setToolTip(tr("Lowest price (any = no bound; a bound drops unpriced items)"));
    m_maxPrice->setToolTip(tr("Highest price (any = no bound; a bound drops unpriced items)"));
    m_excludeLabel->setText(tr("Exclude:"));
    m_exclude->setItemText(int(recforge::ExcludeHistory::None), tr("nothing"));
    m_exclude->setItemText(int(recforge::ExcludeHistory::Bought), tr("bought items"));
    m_exclude->setItemText(int(recforge::ExcludeHistory::Seen), tr("every seen item"));
    m_kLabel->setText(tr("K:"));
    if (m_category->count() > 0)
        m_category->setItemText(0, tr("All categories"));
    m_tabs->setTabText(HistoryTab, tr("History"));
    m_tabs->setTabText(ProfileTab, tr("Profile"));
    m_tabs->setTabText(ItemTab, tr("Item"));
    m_tabs->setTabText(ItemMapTab, tr("Item map"));
    m_removeRows->setText(tr("Remove selected"));
    m_removeRows->setToolTip(tr("What if: drop the selected rows from the history"));
    m_addEdit->setPlaceholderText(tr("What if: add an item (id or title)..."));
    m_add->setText(tr("Add"));
    m_reset->setText(tr("Reset"));
    m_reset->setToolTip(tr("Back to the user's real history"));
    m_addEvent->setToolTip(tr("Event of the added row"));
    m_editedLabel->setText(m_edited ? tr("Edited history: the lists show the what-if profile.")
                                    : tr("Double-click a row to open its item."));
    updateOverlapLabel();
    updateUserInfo();
}

} // namespace recforge::ui
