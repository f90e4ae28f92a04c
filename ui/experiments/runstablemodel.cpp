#include "runstablemodel.h"

#include <algorithm>
#include <cmath>

#include <QColor>

namespace recforge::ui {

RunsTableModel::RunsTableModel(QObject *parent) : QAbstractTableModel(parent) {}

bool RunsTableModel::isKeyMetric(const recforge::MetricRecord &metric)
{
    return metric.stage == "test" && metric.group == "all" &&
           (metric.name == "NDCG@10" || metric.name == "HR@10");
}

void RunsTableModel::setRuns(std::vector<recforge::RunSummary> runs,
                             std::map<int64_t, QString> datasetNames)
{
    beginResetModel();
    m_runs = std::move(runs);
    m_datasetNames = std::move(datasetNames);
    m_metricColumns.clear();
    for (const recforge::RunSummary &run : m_runs)
        for (const recforge::MetricRecord &m : run.lastMetrics) {
            if (!isKeyMetric(m))
                continue;
            const bool known = std::any_of(
                m_metricColumns.begin(), m_metricColumns.end(), [&](const MetricColumn &c) {
                    return c.name == m.name && c.protocolLabel == m.protocolLabel;
                });
            if (!known)
                m_metricColumns.push_back({m.name, m.protocolLabel});
        }
    // Same protocol side by side, NDCG before HR.
    std::stable_sort(m_metricColumns.begin(), m_metricColumns.end(),
                     [](const MetricColumn &a, const MetricColumn &b) {
                         const std::string pa = shortProtocol(a.protocolLabel).toStdString();
                         const std::string pb = shortProtocol(b.protocolLabel).toStdString();
                         if (pa != pb)
                             return pa < pb;
                         return a.name > b.name;
                     });
    endResetModel();
}

const recforge::RunSummary *RunsTableModel::run(int row) const
{
    return row >= 0 && row < int(m_runs.size()) ? &m_runs[size_t(row)] : nullptr;
}

int RunsTableModel::rowOf(int64_t runId) const
{
    for (size_t i = 0; i < m_runs.size(); ++i)
        if (m_runs[i].id == runId)
            return int(i);
    return -1;
}

QString RunsTableModel::statusText(recforge::RunStatus status)
{
    switch (status) {
    case recforge::RunStatus::Running:
        return tr("running");
    case recforge::RunStatus::Finished:
        return tr("finished");
    case recforge::RunStatus::Failed:
        return tr("failed");
    case recforge::RunStatus::Cancelled:
        return tr("cancelled");
    case recforge::RunStatus::Interrupted:
        return tr("interrupted");
    }
    return {};
}

QColor RunsTableModel::statusColour(recforge::RunStatus status)
{
    switch (status) {
    case recforge::RunStatus::Running:
        return QColor(33, 113, 181);
    case recforge::RunStatus::Finished:
        return QColor(39, 140, 70);
    case recforge::RunStatus::Failed:
        return QColor(192, 57, 43);
    case recforge::RunStatus::Cancelled:
        return QColor(120, 120, 120);
    case recforge::RunStatus::Interrupted:
        return QColor(211, 120, 0);
    }
    return {};
}

QString RunsTableModel::shortProtocol(const std::string &label)
{
    QStringList parts = QString::fromStdString(label).split(QStringLiteral(", "));
    parts.removeIf([](const QString &p) {
        return p == QLatin1String("test") || p == QLatin1String("validation") ||
               p.startsWith(QLatin1String("K="));
    });
    return parts.join(QStringLiteral(", "));
}

QString RunsTableModel::protocolHeader(int metricColumn) const
{
    const auto partsOf = [](const MetricColumn &c) {
        return shortProtocol(c.protocolLabel).split(QStringLiteral(", "));
    };
    const QStringList parts = partsOf(m_metricColumns[size_t(metricColumn)]);
    QStringList distinct;
    for (const QString &part : parts) {
        bool everywhere = m_metricColumns.size() > 1;
        for (const MetricColumn &other : m_metricColumns)
            everywhere = everywhere && partsOf(other).contains(part);
        if (!everywhere)
            distinct << part;
    }
    // One protocol only: still say which candidates the numbers rank (the last part).
    if (distinct.isEmpty() && !parts.isEmpty())
        distinct << parts.back();
    return distinct.join(QStringLiteral(", "));
}

int RunsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int RunsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FixedColumns + int(m_metricColumns.size());
}

const recforge::MetricRecord *RunsTableModel::metricOf(const recforge::RunSummary &run,
                                                       const MetricColumn &column) const
{
    for (const recforge::MetricRecord &m : run.lastMetrics)
        if (isKeyMetric(m) && m.name == column.name && m.protocolLabel == column.protocolLabel)
            return &m;
    return nullptr;
}

QVariant RunsTableModel::data(const QModelIndex &index, int role) const
{
    const recforge::RunSummary *r = run(index.row());
    if (!r)
        return {};
    const int column = index.column();
    if (column >= FixedColumns) {
        const MetricColumn &mc = m_metricColumns[size_t(column - FixedColumns)];
        const recforge::MetricRecord *m = metricOf(*r, mc);
        if (role == Qt::DisplayRole)
            return m ? QVariant(QString::number(m->value, 'f', 4)) : QVariant();
        if (role == Qt::UserRole)
            return m ? QVariant(m->value) : QVariant();
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        if (role == Qt::ToolTipRole && m)
            return tr("%1 = %2 (%3)")
                .arg(QString::fromStdString(m->name), QString::number(m->value, 'f', 4),
                     QString::fromStdString(m->protocolLabel));
        return {};
    }
    if (role == Qt::DisplayRole || role == Qt::UserRole) {
        switch (column) {
        case IdColumn:
            return role == Qt::UserRole ? QVariant(qlonglong(r->id)) : QVariant(qlonglong(r->id));
        case NameColumn:
            return QString::fromStdString(r->name);
        case ModelColumn:
            return QString::fromStdString(r->model);
        case StatusColumn:
            return statusText(r->status);
        case DatasetColumn: {
            auto it = m_datasetNames.find(r->datasetId);
            return it != m_datasetNames.end()
                       ? it->second
                       : (r->datasetId ? QString::number(r->datasetId) : QString());
        }
        case CreatedColumn:
            // "2026-11-29T17:48:48.732Z" -> "2026-11-29 17:48:48" (UTC)
            return QString::fromStdString(r->createdAt.substr(0, 19))
                .replace(QLatin1Char('T'), QLatin1Char(' '));
        }
    }
    if (role == Qt::ForegroundRole && column == StatusColumn)
        return statusColour(r->status);
    if (role == Qt::ToolTipRole && column == StatusColumn) {
        if (r->status == recforge::RunStatus::Interrupted)
            return tr("The process running it stopped before it finished: %1")
                .arg(QString::fromStdString(r->error));
        if (!r->error.empty())
            return QString::fromStdString(r->error);
    }
    return {};
}

QVariant RunsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section >= FixedColumns && section < columnCount()) {
        const MetricColumn &mc = m_metricColumns[size_t(section - FixedColumns)];
        if (role == Qt::DisplayRole)
            return QStringLiteral("%1\n%2").arg(QString::fromStdString(mc.name),
                                                protocolHeader(section - FixedColumns));
        if (role == Qt::ToolTipRole)
            return tr("%1 under the protocol: %2")
                .arg(QString::fromStdString(mc.name), QString::fromStdString(mc.protocolLabel));
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn:
        return tr("ID");
    case NameColumn:
        return tr("Name");
    case ModelColumn:
        return tr("Model");
    case StatusColumn:
        return tr("Status");
    case DatasetColumn:
        return tr("Dataset");
    case CreatedColumn:
        return tr("Created");
    }
    return {};
}

} // namespace recforge::ui
