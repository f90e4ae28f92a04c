#include "recommendationsmodel.h"

#include <QColor>
#include <QLocale>

#include "recommend/historymodel.h"

namespace recforge::ui {

RecommendationsModel::RecommendationsModel(QObject *parent) : QAbstractTableModel(parent) {}

void RecommendationsModel::setResult(std::shared_ptr<const recforge::Dataset> dataset,
                                     const recforge::RecommendResult &result,
                                     std::vector<bool> shared)
{
    beginResetModel();
    m_dataset = std::move(dataset);
    m_result = result;
    m_shared = std::move(shared);
    endResetModel();
}

void RecommendationsModel::clear()
{
    beginResetModel();
    m_result = {};
    m_shared.clear();
    endResetModel();
}

bool RecommendationsModel::isShared(int row) const
{
    return row >= 0 && size_t(row) < m_shared.size() && m_shared[size_t(row)];
}

std::vector<int32_t> RecommendationsModel::items() const
{
    std::vector<int32_t> out;
    for (const recforge::RecommendedItem &r : m_result.items)
        out.push_back(r.item);
    return out;
}

QColor RecommendationsModel::sharedColor()
{
    return QColor(255, 236, 153); // soft amber: readable under black text
}

int RecommendationsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_dataset ? 0 : int(m_result.items.size());
}

int RecommendationsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RecommendationsModel::because(const recforge::RecommendedItem &item) const
{
    QStringList parts;
    for (const recforge::Contribution &c : item.because)
        parts << tr("%1 (%2)").arg(itemTitle(*m_dataset, c.item),
                                   QLocale().toString(double(c.similarity), 'f', 2));
    return parts.join(QStringLiteral("; "));
}

QVariant RecommendationsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_dataset || size_t(index.row()) >= m_result.items.size())
        return {};
    const recforge::RecommendedItem &r = m_result.items[size_t(index.row())];
    switch (role) {
    case Qt::UserRole:
        return r.item;
    case Qt::BackgroundRole:
        return isShared(index.row()) ? QVariant(sharedColor()) : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == BecauseColumn && !r.because.empty())
            return tr("History items most similar to this one: %1").arg(because(r));
        return isShared(index.row()) ? tr("Also recommended by the other model") : QVariant();
    case Qt::TextAlignmentRole:
        if (index.column() == RankColumn || index.column() == PriceColumn ||
            index.column() == ScoreColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case RankColumn:
        return index.row() + 1;
    case ItemColumn:
        return itemTitle(*m_dataset, r.item);
    case CategoryColumn:
        return categoryText(*m_dataset, r.item);
    case PriceColumn:
        return priceText(*m_dataset, r.item);
    case ScoreColumn:
        return QLocale().toString(double(r.score), 'g', 4);
    case BecauseColumn:
        return because(r);
    }
    return {};
}

QVariant RecommendationsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return {};
    switch (section) {
    case RankColumn:
        return tr("#");
    case ItemColumn:
        return tr("Item");
    case CategoryColumn:
        return tr("Category");
    case PriceColumn:
        return tr("Price");
    case ScoreColumn:
        return tr("Score");
    case BecauseColumn:
        return tr("Because of");
    }
    return {};
}

} // namespace recforge::ui
