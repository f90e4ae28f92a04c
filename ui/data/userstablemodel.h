#pragma once

#include <string>
#include <vector>

#include "data/datasettablemodel.h"

namespace recforge::ui {

// Users: id plus one column per attribute name found in the dataset (first-seen order).
class UsersTableModel : public DatasetTableModel {
    Q_OBJECT
public:
    using DatasetTableModel::DatasetTableModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    void datasetChanged() override;

private:
    std::vector<std::string> m_attributeNames;
};

} // namespace recforge::ui
