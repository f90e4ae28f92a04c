#pragma once

#include <memory>

#include <QAbstractTableModel>

#include "data/dataset.h"

namespace recforge::ui {

// Base of the read-only table models over a loaded Dataset. The dataset is shared, never copied:
// data() formats one cell on demand, so 200k rows cost nothing until they scroll into view.
class DatasetTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        SortRole = Qt::UserRole + 1, // numbers as numbers, text as text
        SearchRole,                  // the cell text when the column takes part in search
    };

    explicit DatasetTableModel(QObject *parent = nullptr);

    void setDataset(std::shared_ptr<const recforge::Dataset> dataset);
    const recforge::Dataset *dataset() const { return m_dataset.get(); }
    // Refreshes the header texts after a language switch.
    void retranslate();

protected:
    // Called inside begin/endResetModel when the dataset changes.
    virtual void datasetChanged() {}

    std::shared_ptr<const recforge::Dataset> m_dataset;
};

} // namespace recforge::ui
