#include "itemstablemodel.h"

#include <QLocale>

namespace recforge::ui {

namespace {
QString joinPath(const std::vector<std::string> &path)
{
    QStringList parts;
    for (const std::string &part : path)
        parts << QString::fromStdString(part);
    return parts.join(QStringLiteral(" > "));
}
} // namespace

int ItemsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_dataset ? 0 : m_dataset->itemCount();
}

int ItemsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 6;
}

QVariant ItemsTableModel::data(const QModelIndex &index, int role) const
{
    if (!m_dataset || !index.isValid())
        return {};
    const auto row = size_t(index.row());
    static const recforge::ItemInfo kNoInfo;
    const recforge::ItemInfo &info =
        row < m_dataset->itemInfo.size() ? m_dataset->itemInfo[row] : kNoInfo;
    if (role == Qt::TextAlignmentRole)
        return index.column() == PriceColumn ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
                                             : QVariant();
    if (role == Qt::ToolTipRole && index.column() == DescriptionColumn)
        return QString::fromStdString(info.description);
    if (role != Qt::DisplayRole && role != SortRole && role != SearchRole)
        return {};
    switch (index.column()) {
    case IdColumn:
        return QString::fromStdString(m_dataset->items.id(int32_t(row)));
    case TitleColumn:
        return QString::fromStdString(info.title);
    case CategoryColumn:
        return joinPath(info.categoryPath);
    case BrandColumn:
        return QString::fromStdString(info.brand);
    case PriceColumn:
        if (role == SearchRole)
            return {};
        if (role == SortRole)
            return info.hasPrice() ? info.price : -1.0;
        return info.hasPrice() ? QLocale().toString(info.price, 'f', 2) : QString();
    case DescriptionColumn: {
        const QString text = QString::fromStdString(info.description);
        if (role == Qt::DisplayRole && text.size() > 160)
            return text.left(159) + QChar(0x2026);
        return text;
    }
    }
    return {};
}

QVariant ItemsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    switch (section) {
    case IdColumn:
        return tr("Item");
    case TitleColumn:
        return tr("Title");
    case CategoryColumn:
        return tr("Category");
    case BrandColumn:
        return tr("Brand");
    case PriceColumn:
        return tr("Price");
    case DescriptionColumn:
        return tr("Description");
    }
    return {};
}

} // namespace recforge::ui
