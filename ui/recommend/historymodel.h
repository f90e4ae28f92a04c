#pragma once

#include <memory>

#include <QAbstractTableModel>

#include "data/dataset.h"
#include "recommend/userhistory.h"

namespace recforge::ui {

// A user's (possibly edited) history as a timeline table: time (UTC), item title, category path,
// event kind, price. Rows added by a what-if edit are shown in italics. Qt::UserRole of any cell
// is the item index.
class HistoryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TimeColumn, ItemColumn, CategoryColumn, EventColumn, PriceColumn, ColumnCount };

    explicit HistoryModel(QObject *parent = nullptr);

    void setHistory(std::shared_ptr<const recforge::Dataset> dataset,
                    const recforge::UserHistory &history);
    const recforge::UserHistory &history() const { return m_history; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::shared_ptr<const recforge::Dataset> m_dataset;
    recforge::UserHistory m_history;
};

// Shared text helpers of the workspace.
QString itemTitle(const recforge::Dataset &dataset, int32_t item);
QString categoryText(const recforge::Dataset &dataset, int32_t item);
QString priceText(const recforge::Dataset &dataset, int32_t item);

} // namespace recforge::ui
