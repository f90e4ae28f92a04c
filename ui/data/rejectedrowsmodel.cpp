#include "rejectedrowsmodel.h"

#include <QFileInfo>

namespace recforge::ui {

RejectedRowsModel::RejectedRowsModel(std::shared_ptr<const std::vector<recforge::RejectedRow>> rows,
                                     QObject *parent)
    : QAbstractTableModel(parent), m_rows(std::move(rows))
{
    if (!m_rows)
        m_rows = std::make_shared<const std::vector<recforge::RejectedRow>>();
}

int RejectedRowsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows->size());
}

int RejectedRowsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : kColumns;
}

QString RejectedRowsModel::cellText(const recforge::RejectedRow &row, int column)
{
    switch (column) {
    case FileColumn:
        return QString::fromStdString(row.file);
    case LineColumn:
        return row.line > 0 ? QString::number(row.line) : QString();
    case ColumnColumn:
        return row.column > 0 ? QString::number(row.column) : QString();
    case FieldColumn:
        return QString::fromStdString(row.field);
    case ReasonColumn:
        return QString::fromStdString(row.reason);
    case TextColumn:
        return QString::fromStdString(row.text);
    }
    return {};
}

QVariant RejectedRowsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const recforge::RejectedRow &row = (*m_rows)[size_t(index.row())];
    if (role == Qt::DisplayRole) {
        if (index.column() == FileColumn) // the full path is in the tooltip
            return QFileInfo(QString::fromStdString(row.file)).fileName();
        return cellText(row, index.column());
    }
    if (role == Qt::ToolTipRole)
        return cellText(row, index.column());
    if (role == Qt::TextAlignmentRole &&
        (index.column() == LineColumn || index.column() == ColumnColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant RejectedRowsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return {};
    switch (section) {
    case FileColumn:
        return tr("File");
    case LineColumn:
        return tr("Line");
    case ColumnColumn:
        return tr("Column");
    case FieldColumn:
        return tr("Field");
    case ReasonColumn:
        return tr("Reason");
    case TextColumn:
        return tr("Text");
    }
    return {};
}

void RejectedRowsModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, kColumns - 1);
}

} // namespace recforge::ui
