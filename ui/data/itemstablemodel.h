#pragma once

#include "data/datasettablemodel.h"

namespace recforge::ui {

// Item catalogue: id, title, category path, brand, price, description.
class ItemsTableModel : public DatasetTableModel {
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        TitleColumn,
        CategoryColumn,
        BrandColumn,
        PriceColumn,
        DescriptionColumn
    };

    using DatasetTableModel::DatasetTableModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
};

} // namespace recforge::ui
