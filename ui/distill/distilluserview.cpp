#include "distilluserview.h"

#include <cmath>
#include <set>

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "eval/modelcomparison.h"
#include "jobs/jobmanager.h"
#include "recommend/recommendjobs.h"

namespace recforge::ui {

namespace {
const QColor kShared(198, 239, 206); // items both models recommend
} // namespace

DistillUserView::DistillUserView(JobManager *jobs, QWidget *parent)
    : QWidget(parent), m_jobs(jobs), m_shownJaccard(std::nan("")), m_load(new QPushButton(this)),
      m_userLabel(new QLabel(this)), m_user(new QSpinBox(this)), m_userId(new QLabel(this)),
      m_state(new QLabel(this)),
      m_jaccard(new QLabel(this)), m_titles{new QLabel(this), new QLabel(this)},
      m_lists{new QListWidget(this), new QListWidget(this)}
{
    m_load->setObjectName(QStringLiteral("loadDistilModelsButton"));
    m_user->setObjectName(QStringLiteral("distilUserBox"));
    m_lists[TeacherSlot]->setObjectName(QStringLiteral("teacherTopK"));
    m_lists[StudentSlot]->setObjectName(QStringLiteral("studentTopK"));
    m_jaccard->setObjectName(QStringLiteral("userJaccardLabel"));
    QFont bold = m_jaccard->font();
    bold.setBold(true);
    m_jaccard->setFont(bold);
    m_state->setStyleSheet(QStringLiteral("color: #666;"));
    m_user->setKeyboardTracking(false);
    connect(m_load, &QPushButton::clicked, this, &DistillUserView::loadModels);
    connect(m_user, &QSpinBox::valueChanged, this, &DistillUserView::showUser);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_load);
    bar->addSpacing(12);
    bar->addWidget(m_userLabel);
    bar->addWidget(m_user);
    bar->addWidget(m_userId);
    bar->addSpacing(12);
    bar->addWidget(m_jaccard);
    bar->addStretch(1);
    bar->addWidget(m_state);
    auto *grid = new QGridLayout;
    for (int s = 0; s < 2; ++s) {
        grid->addWidget(m_titles[s], 0, s);
        grid->addWidget(m_lists[s], 1, s);
        m_lists[s]->setAlternatingRowColors(false);
    }
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addLayout(grid, 1);
    retranslateUi();
    updateState();
}

DistillUserView::~DistillUserView()
{
    if (m_loading)
        m_loading->requestStop();
}

void DistillUserView::setRuns(const QString &projectPath, qint64 teacherRunId, qint64 studentRunId,
                              int k)
{
    if (m_projectPath == projectPath && m_runIds[TeacherSlot] == teacherRunId &&
        m_runIds[StudentSlot] == studentRunId && m_k == k)
        return;
    if (m_loading)
        m_loading->requestStop();
    m_projectPath = projectPath;
    m_runIds = {teacherRunId, studentRunId};
    m_k = std::max(1, k);
    m_models = {};
    m_shownUser = -1;
    m_shownJaccard = std::nan("");
    ++m_generation;
    for (QListWidget *list : m_lists)
        list->clear();
    m_jaccard->clear();
    m_userId->clear();
    retranslateUi();
    updateState();
}

void DistillUserView::loadModels()
{
    if (m_loading || m_projectPath.isEmpty() || m_runIds[TeacherSlot] <= 0 ||
        m_runIds[StudentSlot] <= 0)
        return;
    loadSlot(m_models[TeacherSlot] ? StudentSlot : TeacherSlot);
}

void DistillUserView::loadSlot(Slot slot)
{
    recforge::LoadRunParams params;
    params.projectPath = m_projectPath.toStdString();
    params.runId = m_runIds[slot];
    // The student trained on the teacher's dataset: reuse it instead of loading it twice.
    if (slot == StudentSlot && m_models[TeacherSlot]) {
        params.knownDataset = m_models[TeacherSlot]->dataset;
        params.knownSequences = m_models[TeacherSlot]->sequences;
        params.knownDatasetId = m_models[TeacherSlot]->run.datasetId;
    }
    auto *job = new LoadRunModelJob(std::move(params), slot);
    m_loading = job;
    connect(job, &Job::succeeded, this, [this, job] { onModelLoaded(job); });
    connect(job, &Job::finished, this, [this, job] {
        if (m_loading == job)
            m_loading = nullptr;
        updateState();
    });
    m_jobs->start(job);
    updateState();
}

void DistillUserView::onModelLoaded(LoadRunModelJob *job)
{
    const int slot = job->slot();
    if (job->runId() != m_runIds[slot])
        return; // the runs changed meanwhile
    m_models[slot] = job->model();
    m_loading = nullptr;
    if (!m_models[StudentSlot]) {
        loadSlot(StudentSlot);
        return;
    }
    m_user->setRange(0, std::max(0, m_models[TeacherSlot]->dataset->userCount() - 1));
    updateState();
    Q_EMIT modelsReady();
    showUser(m_user->value());
}

void DistillUserView::showUser(int user)
{
    if (!hasModels())
        return;
    const auto &dataset = *m_models[TeacherSlot]->dataset;
    if (user < 0 || user >= dataset.userCount())
        return;
    m_userId->setText(tr("id %1").arg(QString::fromStdString(dataset.users.id(user))));
    recforge::RecommendParams params;
    params.k = m_k;
    params.explainTop = 0;
    params.filters.exclude = recforge::ExcludeHistory::Seen;
    auto history =
        recforge::UserHistory::ofUser(dataset, *m_models[TeacherSlot]->sequences, int32_t(user));
    auto *job = new RecommendJob({m_models[TeacherSlot], m_models[StudentSlot]}, std::move(history),
                                 params, ++m_generation);
    connect(job, &Job::succeeded, this, [this, job, user] {
        if (job->generation() != m_generation || job->results().size() != 2)
            return;
        const auto &dataset = *m_models[TeacherSlot]->dataset;
        std::array<std::vector<int64_t>, 2> ids;
        for (int s = 0; s < 2; ++s)
            for (const recforge::RecommendedItem &r : job->results()[size_t(s)].items)
                ids[size_t(s)].push_back(r.item);
        const std::set<int64_t> teacher(ids[0].begin(), ids[0].end());
        const std::set<int64_t> student(ids[1].begin(), ids[1].end());
        for (int s = 0; s < 2; ++s) {
            QListWidget *list = m_lists[size_t(s)];
            list->clear();
            const std::set<int64_t> &other = s == 0 ? student : teacher;
            int rank = 1;
            for (const recforge::RecommendedItem &r : job->results()[size_t(s)].items) {
                const auto &info = dataset.itemInfo.size() > size_t(r.item)
                                       ? dataset.itemInfo[size_t(r.item)]
                                       : recforge::ItemInfo{};
                const QString id = QString::fromStdString(dataset.items.id(r.item));
                const QString title = QString::fromStdString(info.title);
                auto *row = new QListWidgetItem(title.isEmpty()
                                                    ? tr("%1. %2").arg(rank).arg(id)
                                                    : tr("%1. %2 — %3").arg(rank).arg(id, title),
                                                list);
                row->setData(Qt::UserRole, r.item);
                if (other.count(r.item)) {
                    row->setBackground(kShared);
                    row->setToolTip(tr("Both models recommend this item"));
                }
                ++rank;
            }
        }
        m_shownUser = user;
        m_shownJaccard = recforge::jaccard(ids[0], ids[1]);
        m_jaccard->setText(
            tr("Jaccard@%1: %2").arg(m_k).arg(QString::number(m_shownJaccard, 'f', 2)));
        Q_EMIT userShown(user);
    });
    m_jobs->start(job);
}

void DistillUserView::updateState()
{
    const bool runs = m_runIds[TeacherSlot] > 0 && m_runIds[StudentSlot] > 0;
    m_load->setEnabled(runs && !m_loading && !hasModels());
    m_user->setEnabled(hasModels());
    if (m_loading)
        m_state->setText(
            tr("Loading the %1's model…")
                .arg(m_loading->slot() == TeacherSlot ? tr("teacher") : tr("student")));
    else if (hasModels())
        m_state->setText(tr("Highlighted: items in both lists"));
    else if (runs)
        m_state->setText(tr("Load both models to compare their lists per user"));
    else
        m_state->clear();
}

void DistillUserView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void DistillUserView::retranslateUi()
{
    m_load->setText(tr("Load models"));
    m_load->setToolTip(tr("Load the teacher's and the student's models (in the background)"));
    m_userLabel->setText(tr("User:"));
    m_user->setToolTip(tr("Index of the user in the dataset"));
    m_titles[TeacherSlot]->setText(
        tr("Teacher (run %1): top %2").arg(m_runIds[TeacherSlot]).arg(m_k));
    m_titles[StudentSlot]->setText(
        tr("Student (run %1): top %2").arg(m_runIds[StudentSlot]).arg(m_k));
    if (m_shownUser >= 0)
        m_jaccard->setText(
            tr("Jaccard@%1: %2").arg(m_k).arg(QString::number(m_shownJaccard, 'f', 2)));
    updateState();
}

} // namespace recforge::ui
