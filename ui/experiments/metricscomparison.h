#pragma once

#include <string>
#include <vector>

#include <QWidget>

#include "store/runtypes.h"

class QComboBox;
class QCustomPlot;
class QLabel;
class QTableWidget;

namespace recforge::ui {

// Test metrics of the selected runs side by side. Rows are grouped by protocol label: a row holds
// one metric under one protocol, so every number in a row is comparable (the best is bold). The
// bar chart shows one such row. Values of different protocols are never put in one row or chart.
class MetricsComparison : public QWidget {
    Q_OBJECT
public:
    struct Row {
        std::string protocolLabel;
        std::string metric;
        std::vector<double> values; // per run; NaN = the run has no value under this protocol
    };

    explicit MetricsComparison(QWidget *parent = nullptr);

    void setRuns(const std::vector<recforge::RunSummary> &runs);
    const std::vector<Row> &rows() const { return m_rows; }
    QTableWidget *table() const { return m_table; }
    QComboBox *chartChoice() const { return m_choice; }
    QCustomPlot *chart() const { return m_chart; }
    // Run labels of the bars currently drawn.
    QStringList chartedRuns() const { return m_chartedRuns; }

    // Groups the runs' final test metrics (whole population) into rows of one protocol each.
    static std::vector<Row> buildRows(const std::vector<recforge::RunSummary> &runs);

protected:
    void changeEvent(QEvent *event) override;

private:
    void fillTable();
    void updateChart();
    void retranslateUi();

    std::vector<recforge::RunSummary> m_runs;
    std::vector<Row> m_rows;
    QStringList m_chartedRuns;
    QLabel *m_note;
    QTableWidget *m_table;
    QLabel *m_choiceLabel;
    QComboBox *m_choice;
    QCustomPlot *m_chart;
};

} // namespace recforge::ui
