#include "searchproxymodel.h"

#include "data/datasettablemodel.h"

namespace recforge::ui {

SearchProxyModel::SearchProxyModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(DatasetTableModel::SortRole);
    setDynamicSortFilter(false); // the data never changes under a view; re-sorting is wasted work
}

void SearchProxyModel::setSearchText(const QString &text)
{
    const QString needle = text.trimmed();
    if (needle == m_needle)
        return;
    m_needle = needle;
    invalidateFilter();
}

bool SearchProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_needle.isEmpty())
        return true;
    const QAbstractItemModel *model = sourceModel();
    const int columns = model->columnCount(sourceParent);
    for (int column = 0; column < columns; ++column) {
        const QVariant value =
            model->index(sourceRow, column, sourceParent).data(DatasetTableModel::SearchRole);
        if (value.isValid() && value.toString().contains(m_needle, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace recforge::ui
