#include "datasettablemodel.h"

namespace recforge::ui {

DatasetTableModel::DatasetTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void DatasetTableModel::setDataset(std::shared_ptr<const recforge::Dataset> dataset)
{
    beginResetModel();
    m_dataset = std::move(dataset);
    datasetChanged();
    endResetModel();
}

void DatasetTableModel::retranslate()
{
    const int columns = columnCount();
    if (columns > 0)
        Q_EMIT headerDataChanged(Qt::Horizontal, 0, columns - 1);
}

} // namespace recforge::ui
