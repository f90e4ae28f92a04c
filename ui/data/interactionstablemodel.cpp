#include "interactionstablemodel.h"

#include <QDateTime>
#include <QTimeZone>

#include "charts/funnelchart.h"

namespace recforge::ui {

int InteractionsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_dataset ? 0 : int(m_dataset->interactions.size());
}

int InteractionsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 6;
}

QVariant InteractionsTableModel::data(const QModelIndex &index, int role) const
{
    if (!m_dataset || !index.isValid())
        return {};
    if (role != Qt::DisplayRole && role != SortRole && role != SearchRole &&
        role != Qt::TextAlignmentRole)
        return {};
    const auto row = size_t(index.row());
    const recforge::Interactions &log = m_dataset->interactions;
    const int32_t item = log.item[row];
    switch (index.column()) {
    case UserColumn:
        if (role == Qt::TextAlignmentRole)
            return {};
        return QString::fromStdString(m_dataset->users.id(log.user[row]));
    case ItemColumn:
        if (role == Qt::TextAlignmentRole)
            return {};
        return QString::fromStdString(m_dataset->items.id(item));
    case TitleColumn:
        if (role == Qt::TextAlignmentRole || size_t(item) >= m_dataset->itemInfo.size())
            return {};
        return QString::fromStdString(m_dataset->itemInfo[size_t(item)].title);
    case TimeColumn:
        if (role == SortRole)
            return qlonglong(log.timestamp[row]);
        if (role == Qt::DisplayRole)
            return QDateTime::fromSecsSinceEpoch(log.timestamp[row], QTimeZone::utc())
                .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        return {};
    case EventColumn:
        if (role == Qt::TextAlignmentRole)
            return {};
        return FunnelChart::eventName(m_dataset->eventKinds.name(log.event[row]));
    case ValueColumn:
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        if (role == SearchRole)
            return {};
        if (role == SortRole)
            return double(log.value[row]);
        return QString::number(double(log.value[row]), 'g', 6);
    }
    return {};
}

QVariant InteractionsTableModel::headerData(int section, Qt::Orientation orientation,
                                            int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    switch (section) {
    case UserColumn:
        return tr("User");
    case ItemColumn:
        return tr("Item");
    case TitleColumn:
        return tr("Title");
    case TimeColumn:
        return tr("Time (UTC)");
    case EventColumn:
        return tr("Event");
    case ValueColumn:
        return tr("Value");
    }
    return {};
}

} // namespace recforge::ui
