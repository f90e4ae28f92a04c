#pragma once

#include <QWidget>

#include "store/runtypes.h"

class QLabel;
class QPlainTextEdit;
class QTableWidget;

namespace recforge::ui {

// One run in full: a summary line (status, seed, device, code version, times, error), the
// resolved parameters as JSON, every metric with its protocol label, and the checkpoints with
// their sha256.
class RunDetailsView : public QWidget {
    Q_OBJECT
public:
    explicit RunDetailsView(QWidget *parent = nullptr);

    void setRun(const recforge::RunDetail &detail);
    void clear();

    QPlainTextEdit *paramsView() const { return m_params; }
    QTableWidget *metricsTable() const { return m_metrics; }
    QTableWidget *checkpointsTable() const { return m_checkpoints; }
    QString summaryText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QLabel *m_summary;
    QLabel *m_paramsTitle, *m_metricsTitle, *m_checkpointsTitle;
    QPlainTextEdit *m_params;
    QTableWidget *m_metrics;
    QTableWidget *m_checkpoints;
};

} // namespace recforge::ui
