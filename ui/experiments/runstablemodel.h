#pragma once

#include <map>
#include <vector>

#include <QAbstractTableModel>

#include "store/runtypes.h"

namespace recforge::ui {

// The experiment store's runs as a table: id, name, model, status (coloured; interrupted runs say
// so), dataset, created, then one column per key test metric AND protocol label, so numbers of
// different protocols never share a column. The column header names the metric and the protocol;
// its tooltip carries the full label.
class RunsTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        NameColumn,
        ModelColumn,
        StatusColumn,
        DatasetColumn,
        CreatedColumn,
        FixedColumns
    };
    // One metric column.
    struct MetricColumn {
        std::string name;          // "NDCG@10"
        std::string protocolLabel; // "leave-one-out/seed42, full ranking, test, K=10"
    };

    explicit RunsTableModel(QObject *parent = nullptr);

    void setRuns(std::vector<recforge::RunSummary> runs, std::map<int64_t, QString> datasetNames);
    const std::vector<recforge::RunSummary> &runs() const { return m_runs; }
    const recforge::RunSummary *run(int row) const;
    int rowOf(int64_t runId) const;
    const std::vector<MetricColumn> &metricColumns() const { return m_metricColumns; }

    // The metrics shown as columns (test stage, whole population).
    static bool isKeyMetric(const recforge::MetricRecord &metric);
    static QString statusText(recforge::RunStatus status);
    static QColor statusColour(recforge::RunStatus status);
    // "leave-one-out/seed42, full ranking" from "..., test, K=10".
    static QString shortProtocol(const std::string &label);
    // The header's second line: the parts of the column's protocol that differ between the
    // metric columns ("full ranking", "uni-99"); dataset and split show only when they differ.
    QString protocolHeader(int metricColumn) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    const recforge::MetricRecord *metricOf(const recforge::RunSummary &run,
                                           const MetricColumn &column) const;

    std::vector<recforge::RunSummary> m_runs;
    std::map<int64_t, QString> m_datasetNames;
    std::vector<MetricColumn> m_metricColumns;
};

} // namespace recforge::ui
