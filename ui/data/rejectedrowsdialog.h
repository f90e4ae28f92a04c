#pragma once

#include <memory>
#include <vector>

#include <QDialog>

#include "data/import/importoptions.h"

class QLabel;
class QPushButton;
class QTableView;

namespace recforge::ui {

class RejectedRowsModel;

// Shows the rows an import rejected (file, line, column, field, reason, text) and exports them
// to CSV. `totalRejected` may exceed the rows kept (the importer keeps the first N).
class RejectedRowsDialog : public QDialog {
    Q_OBJECT
public:
    RejectedRowsDialog(std::shared_ptr<const std::vector<recforge::RejectedRow>> rows,
                       int64_t totalRejected, QWidget *parent = nullptr);

    RejectedRowsModel *model() const { return m_model; }
    // Writes the CSV; shows a message box on failure. Returns success.
    bool exportTo(const QString &path);

    // All rejected rows kept in a report, across its files.
    static std::shared_ptr<const std::vector<recforge::RejectedRow>>
    collect(const recforge::ImportReport &report);

protected:
    void changeEvent(QEvent *event) override;

private:
    void exportCsv();
    void retranslateUi();

    RejectedRowsModel *m_model;
    int64_t m_total;
    QLabel *m_summary;
    QTableView *m_view;
    QPushButton *m_export;
    QPushButton *m_close;
};

} // namespace recforge::ui
