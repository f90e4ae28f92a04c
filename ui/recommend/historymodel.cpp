#include "historymodel.h"

#include <QDateTime>
#include <QFont>
#include <QLocale>
#include <QTimeZone>

namespace recforge::ui {

QString itemTitle(const recforge::Dataset &dataset, int32_t item)
{
    if (item < 0 || item >= dataset.itemCount())
        return QString();
    const std::string &title = size_t(item) < dataset.itemInfo.size()
                                   ? dataset.itemInfo[size_t(item)].title
                                   : std::string();
    // Items without a catalogue title are shown by their external id.
    return QString::fromStdString(title.empty() ? dataset.items.id(item) : title);
}

QString categoryText(const recforge::Dataset &dataset, int32_t item)
{
    if (item < 0 || size_t(item) >= dataset.itemInfo.size())
        return QString();
    QStringList parts;
    for (const std::string &p : dataset.itemInfo[size_t(item)].categoryPath)
        parts << QString::fromStdString(p);
    return parts.join(QStringLiteral(" / "));
}

QString priceText(const recforge::Dataset &dataset, int32_t item)
{
    if (item < 0 || size_t(item) >= dataset.itemInfo.size() ||
        !dataset.itemInfo[size_t(item)].hasPrice())
        return QString();
    return QLocale().toString(dataset.itemInfo[size_t(item)].price, 'f', 2);
}

HistoryModel::HistoryModel(QObject *parent) : QAbstractTableModel(parent) {}

void HistoryModel::setHistory(std::shared_ptr<const recforge::Dataset> dataset,
                              const recforge::UserHistory &history)
{
    beginResetModel();
    m_dataset = std::move(dataset);
    m_history = history;
    endResetModel();
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_dataset ? 0 : int(m_history.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_dataset || size_t(index.row()) >= m_history.size())
        return {};
    const size_t row = size_t(index.row());
    const int32_t item = m_history.items[row];
    if (role == Qt::UserRole)
        return item;
    if (role == Qt::FontRole && m_history.rows[row] < 0) {
        QFont font;
        font.setItalic(true);
        return font;
    }
    if (role == Qt::TextAlignmentRole && index.column() == PriceColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && m_history.rows[row] < 0)
        return tr("Added by a what-if edit");
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return QDateTime::fromSecsSinceEpoch(m_history.timestamps[row], QTimeZone::utc())
            .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    case ItemColumn:
        return itemTitle(*m_dataset, item);
    case CategoryColumn:
        return categoryText(*m_dataset, item);
    case EventColumn: {
        const uint16_t ev = m_history.events[row];
        return ev < m_dataset->eventKinds.size()
                   ? QString::fromStdString(m_dataset->eventKinds.name(ev))
                   : QString::number(ev);
    }
    case PriceColumn:
        return priceText(*m_dataset, item);
    }
    return {};
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    switch (section) {
    case TimeColumn:
        return tr("Time (UTC)");
    case ItemColumn:
        return tr("Item");
    case CategoryColumn:
        return tr("Category");
    case EventColumn:
        return tr("Event");
    case PriceColumn:
        return tr("Price");
    }
    return {};
}

} // namespace recforge::ui
