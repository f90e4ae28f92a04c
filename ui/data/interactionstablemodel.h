#pragma once

#include "data/datasettablemodel.h"

namespace recforge::ui {

// Interactions: user id, item id, item title, time (UTC), event, value.
class InteractionsTableModel : public DatasetTableModel {
    Q_OBJECT
public:
    enum Column { UserColumn, ItemColumn, TitleColumn, TimeColumn, EventColumn, ValueColumn };

    using DatasetTableModel::DatasetTableModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
};

} // namespace recforge::ui
