// RecommendationsPanel: the open user, what-if edits, scoring and the lists (the construction
// and model loading are in recommendationspanel.cpp).

#include "recommendationspanel.h"

#include <algorithm>
#include <set>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStringListModel>
#include <QTabWidget>
#include <QTableView>

#include "jobs/jobmanager.h"
#include "recommend/historymodel.h"
#include "recommend/itemmapview.h"
#include "recommend/itemview.h"
#include "recommend/profileview.h"
#include "recommend/recommendationsmodel.h"
#include "recommend/recommendjobs.h"
#include "recommend/userprofile.h"

namespace recforge::ui {

const recforge::Dataset *RecommendationsPanel::dataset() const
{
    return m_dataset.get();
}

void RecommendationsPanel::datasetChanged()
{
    m_user = -1;
    m_original = {};
    m_history = {};
    m_edited = false;
    ++m_generation; // results in flight belong to the old dataset
    m_historyModel->setHistory(m_dataset, m_history);
    m_profile->clear();
    m_itemView->clear();
    for (RecommendationsModel *top : m_top)
        top->clear();
    updateUserInfo();
    {
        const QSignalBlocker block(m_category);
        m_category->clear();
        m_category->addItem(tr("All categories"), QStringList());
        if (m_dataset) {
            // Every category subtree: each prefix of every path, sorted.
            std::set<std::vector<std::string>> paths;
            for (const recforge::ItemInfo &info : m_dataset->itemInfo)
                for (size_t n = 1; n <= info.categoryPath.size(); ++n)
                    paths.emplace(info.categoryPath.begin(),
                                  info.categoryPath.begin() + std::ptrdiff_t(n));
            for (const auto &path : paths) {
                QStringList parts;
                for (const std::string &p : path)
                    parts << QString::fromStdString(p);
                m_category->addItem(QString(int(path.size() - 1) * 3, QLatin1Char(' ')) +
                                        parts.join(QStringLiteral(" / ")),
                                    parts);
            }
        }
    }
    {
        const QSignalBlocker block(m_addEvent);
        m_addEvent->clear();
        if (m_dataset)
            for (size_t code = 0; code < m_dataset->eventKinds.size(); ++code)
                m_addEvent->addItem(
                    QString::fromStdString(m_dataset->eventKinds.name(uint16_t(code))), int(code));
    }
    QStringList completions;
    if (m_dataset) {
        completions.reserve(m_dataset->itemCount());
        for (int32_t i = 0; i < m_dataset->itemCount(); ++i)
            completions << QStringLiteral("%1 [%2]").arg(
                itemTitle(*m_dataset, i), QString::fromStdString(m_dataset->items.id(i)));
    }
    m_completions->setStringList(completions);
    const bool ready = m_dataset != nullptr;
    for (QWidget *w : std::initializer_list<QWidget *>{m_userEdit, m_open, m_addEdit, m_add})
        w->setEnabled(ready);
    for (QPushButton *b : m_sample)
        b->setEnabled(ready);
    updateOverlapLabel();
}

bool RecommendationsPanel::openUser(const QString &externalId)
{
    if (!m_dataset) {
        Q_EMIT issueReported(tr("Load a model before opening a user."));
        return false;
    }
    auto user = recforge::findUser(*m_dataset, externalId.trimmed().toStdString());
    if (!user) {
        Q_EMIT issueReported(
            tr("No user with id \"%1\" in dataset \"%2\".")
                .arg(externalId.trimmed(), QString::fromStdString(m_dataset->name)));
        return false;
    }
    setUser(*user);
    return true;
}

bool RecommendationsPanel::openUserIndex(int user)
{
    if (!m_dataset || user < 0 || user >= m_dataset->userCount())
        return false;
    setUser(user);
    return true;
}

bool RecommendationsPanel::sampleUser(recforge::UserSample kind)
{
    if (!m_dataset || !m_models[SlotA]) {
        Q_EMIT issueReported(tr("Load a model before opening a user."));
        return false;
    }
    auto users =
        recforge::sampleUsers(*m_dataset, kind, 1, m_sampleSeed++, m_models[SlotA]->split.get());
    if (!users) {
        Q_EMIT issueReported(
            tr("No user to open: %1").arg(QString::fromStdString(users.error().message)));
        return false;
    }
    setUser(users->front());
    return true;
}

void RecommendationsPanel::setUser(int user)
{
    m_user = user;
    m_original = recforge::UserHistory::ofUser(*m_dataset, *m_models[SlotA]->sequences, user);
    m_history = m_original;
    m_edited = false;
    const QString id = QString::fromStdString(m_dataset->users.id(user));
    m_userEdit->setText(id);
    updateUserInfo();
    historyChanged();
    m_tabs->setCurrentIndex(m_tabs->currentIndex() == ItemTab ||
                                    m_tabs->currentIndex() == ItemMapTab
                                ? HistoryTab
                                : m_tabs->currentIndex());
}

void RecommendationsPanel::historyChanged()
{
    m_historyModel->setHistory(m_dataset, m_history);
    m_historyView->scrollToBottom(); // the latest events matter most
    const auto &matrix = m_models[SlotA]->cooccurrence->interactions();
    m_profile->setProfile(m_dataset, recforge::buildUserProfile(*m_dataset, m_history),
                          recforge::nearestUsers(matrix, m_history.items, 10, m_user));
    m_editedLabel->setText(m_edited ? tr("Edited history: the lists show the what-if profile.")
                                    : tr("Double-click a row to open its item."));
    m_reset->setEnabled(m_edited);
    rescore();
}

bool RecommendationsPanel::removeHistoryRows(QList<int> rows)
{
    if (m_user < 0 || rows.isEmpty())
        return false;
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    bool removed = false;
    for (int row : rows)
        removed = m_history.remove(size_t(row)) || removed;
    if (!removed)
        return false;
    m_edited = true;
    historyChanged();
    return true;
}

bool RecommendationsPanel::addHistoryItem(const QString &text, int event)
{
    if (m_user < 0 || !m_dataset)
        return false;
    QString id = text.trimmed();
    // A completion "title [id]": the id is in the last brackets.
    static const QRegularExpression bracketed(QStringLiteral("\\[([^\\[\\]]+)\\]\\s*$"));
    const auto match = bracketed.match(id);
    std::optional<int32_t> item = m_dataset->items.find(id.toStdString());
    if (!item && match.hasMatch())
        item = m_dataset->items.find(match.captured(1).toStdString());
    if (!item) {
        // A unique exact title also works.
        for (int32_t i = 0; i < m_dataset->itemCount() && !item; ++i)
            if (itemTitle(*m_dataset, i).compare(id, Qt::CaseInsensitive) == 0)
                item = i;
    }
    if (!item) {
        Q_EMIT issueReported(tr("No item \"%1\" in the catalogue.").arg(id));
        return false;
    }
    const int64_t last = m_history.timestamps.empty() ? 0 : m_history.timestamps.back() + 1;
    const uint16_t code =
        event >= 0 && size_t(event) < m_dataset->eventKinds.size() ? uint16_t(event) : uint16_t(0);
    m_history.add(*item, last, code);
    m_edited = true;
    historyChanged();
    return true;
}

void RecommendationsPanel::resetHistory()
{
    if (m_user < 0)
        return;
    m_history = m_original;
    m_edited = false;
    historyChanged();
}

recforge::RecommendParams RecommendationsPanel::params() const
{
    recforge::RecommendParams p;
    p.k = m_k->value();
    p.explainTop = 3;
    for (const QString &part : m_category->currentData().toStringList())
        p.filters.category.push_back(part.toStdString());
    if (m_minPrice->value() > 0)
        p.filters.minPrice = m_minPrice->value();
    if (m_maxPrice->value() > 0)
        p.filters.maxPrice = m_maxPrice->value();
    p.filters.exclude = recforge::ExcludeHistory(std::clamp(m_exclude->currentIndex(), 0, 2));
    return p;
}

void RecommendationsPanel::rescore()
{
    if (m_user < 0 || !m_models[SlotA])
        return;
    std::vector<std::shared_ptr<recforge::RunModel>> models{m_models[SlotA]};
    if (m_models[SlotB])
        models.push_back(m_models[SlotB]);
    recforge::UserHistory history = m_history;
    // An edited history is a made-up user: models with per-user state (BPR-MF's user vectors)
    // must fold it in from the rows instead of answering with the stored user.
    if (m_edited)
        history.user = -1;
    auto *job = new RecommendJob(std::move(models), std::move(history), params(), ++m_generation);
    connect(job, &Job::succeeded, this, [this, job] {
        if (job->generation() == m_generation)
            showResults(job->results());
    });
    connect(job, &Job::failed, this, [this](const QString &message) {
        Q_EMIT issueReported(tr("Scoring failed: %1").arg(message));
    });
    m_jobs->start(job);
}

void RecommendationsPanel::showResults(const std::vector<recforge::RecommendResult> &results)
{
    const bool sideBySide = results.size() > 1 && m_models[SlotB];
    std::vector<int32_t> a, b;
    for (const auto &r : results[0].items)
        a.push_back(r.item);
    if (sideBySide)
        for (const auto &r : results[1].items)
            b.push_back(r.item);
    const recforge::ListOverlap overlap = recforge::compareLists(a, b);
    m_top[SlotA]->setResult(m_dataset, results[0], sideBySide ? overlap.inB : std::vector<bool>{});
    m_scoreMs[SlotA] = results[0].scoreMilliseconds;
    if (sideBySide) {
        m_top[SlotB]->setResult(m_dataset, results[1], overlap.inA);
        m_scoreMs[SlotB] = results[1].scoreMilliseconds;
    } else {
        m_top[SlotB]->clear();
    }
    m_topBox[SlotB]->setVisible(sideBySide);
    m_itemMap->setMarked(a, m_itemView->item());
    updateOverlapLabel();
    Q_EMIT recommendationsUpdated();
}

void RecommendationsPanel::updateUserInfo()
{
    if (m_dataset && m_user >= 0)
        m_userInfo->setText(tr("User %1: %2 events.")
                                .arg(QString::fromStdString(m_dataset->users.id(m_user)))
                                .arg(m_original.size()));
    else if (m_dataset)
        m_userInfo->setText(tr("Dataset \"%1\": %2 users, %3 items.")
                                .arg(QString::fromStdString(m_dataset->name))
                                .arg(m_dataset->userCount())
                                .arg(m_dataset->itemCount()));
    else
        m_userInfo->setText(tr("Train a model first (Models workspace), then pick it here."));
}

void RecommendationsPanel::updateOverlapLabel()
{
    for (int s = 0; s < 2; ++s) {
        const auto &m = m_models[s];
        m_topTitle[s]->setText(m ? tr("<b>%1</b> %2 - %3 of %4 candidates, scored in %5 ms")
                                       .arg(s == SlotA ? tr("A") : tr("B"),
                                            QString::fromStdString(m->run.name).toHtmlEscaped())
                                       .arg(m_top[s]->rowCount())
                                       .arg(m_top[s]->result().candidates)
                                       .arg(QLocale().toString(m_scoreMs[s], 'f', 1))
                                 : tr("No model loaded."));
    }
    if (!m_models[SlotA] || m_user < 0) {
        m_overlap->setText(tr("Open a user to see their recommendations."));
        return;
    }
    if (!m_models[SlotB] || m_top[SlotB]->rowCount() == 0) {
        m_overlap->setText(tr("Pick model B to compare two lists side by side."));
        return;
    }
    const recforge::ListOverlap o =
        recforge::compareLists(m_top[SlotA]->items(), m_top[SlotB]->items());
    m_overlap->setText(tr("<span style=\"background:%1\">&nbsp;Shared&nbsp;</span> items: %2 of "
                          "%3 (Jaccard %4).")
                           .arg(RecommendationsModel::sharedColor().name())
                           .arg(o.common.size())
                           .arg(m_top[SlotA]->rowCount())
                           .arg(QLocale().toString(o.jaccard, 'f', 2)));
}

void RecommendationsPanel::openItem(int item)
{
    if (!m_models[SlotA] || item < 0 || item >= m_dataset->itemCount())
        return;
    m_itemView->setItem(m_models[SlotA], item);
    m_itemMap->setMarked(m_top[SlotA]->items(), item);
    m_tabs->setCurrentIndex(ItemTab);
}

} // namespace recforge::ui
