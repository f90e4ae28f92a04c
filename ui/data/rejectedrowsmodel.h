#pragma once

#include <memory>
#include <vector>

#include <QAbstractTableModel>

#include "data/import/importoptions.h"

namespace recforge::ui {

// Rejected import rows: file, line, column, field, reason, text.
class RejectedRowsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { FileColumn, LineColumn, ColumnColumn, FieldColumn, ReasonColumn, TextColumn };
    static constexpr int kColumns = 6;

    explicit RejectedRowsModel(std::shared_ptr<const std::vector<recforge::RejectedRow>> rows,
                               QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void retranslate();

    const std::vector<recforge::RejectedRow> &rows() const { return *m_rows; }
    // The cell text as shown (and exported).
    static QString cellText(const recforge::RejectedRow &row, int column);

private:
    std::shared_ptr<const std::vector<recforge::RejectedRow>> m_rows;
};

} // namespace recforge::ui
