#pragma once

#include <QSortFilterProxyModel>

namespace recforge::ui {

// Sorts by DatasetTableModel::SortRole and keeps the rows where any column's SearchRole text
// contains the search text (case-insensitive). Columns without a SearchRole value are skipped,
// so formatting-heavy columns (time, numbers) cost nothing while searching.
class SearchProxyModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit SearchProxyModel(QObject *parent = nullptr);

    void setSearchText(const QString &text);
    QString searchText() const { return m_needle; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_needle;
};

} // namespace recforge::ui
