// DistillPanel: the figures table and the bar charts of one comparison.

#include <cmath>

#include <QTableWidget>

#include "charts/qcp.h"

#include "charts/chartstyle.h"
#include "charts/groupedbarchart.h"
#include "distill/distillpanel.h"
#include "distill/distillsummary.h"

namespace recforge::ui {

namespace {

double orNaN(double value, bool known)
{
    return known && std::isfinite(value) ? value : std::nan("");
}

double megabytes(int64_t bytes)
{
    return bytes > 0 ? double(bytes) / (1024.0 * 1024.0) : std::nan("");
}

QString number(double value, int precision)
{
    return std::isfinite(value) ? QLocale().toString(value, 'f', precision) : QStringLiteral("–");
}

} // namespace

void DistillPanel::fillFigures()
{
    const auto models = DistillSummary::models(m_comparison);
    const QStringList metrics = DistillSummary::metricNames(m_comparison);
    QStringList rows{tr("Model"),
                     tr("Run"),
                     tr("Parameters"),
                     tr("Size on disk (MB)"),
                     tr("Latency p50 (ms)"),
                     tr("Latency p99 (ms)"),
                     tr("Users per second")};
    rows << metrics;
    rows << tr("Mean Jaccard@%1 with the teacher").arg(m_comparison.jaccard.k);
    m_figures->clear();
    m_figures->setColumnCount(int(models.size()));
    m_figures->setRowCount(int(rows.size()));
    m_figures->setHorizontalHeaderLabels(DistillSummary::modelNames(m_comparison));
    m_figures->setVerticalHeaderLabels(rows);
    for (int c = 0; c < int(models.size()); ++c) {
        const recforge::ModelFigures &f = *models[size_t(c)];
        QStringList cells{QString::fromStdString(f.model),
                          f.runId > 0 ? QString::number(f.runId) : QStringLiteral("–"),
                          f.parameters > 0 ? QLocale().toString(qlonglong(f.parameters))
                                           : QStringLiteral("–"),
                          number(megabytes(f.bytesOnDisk), 2),
                          number(f.latencyP50Ms, 2),
                          number(f.latencyP99Ms, 2),
                          number(f.usersPerSecond, 0)};
        for (const QString &metric : metrics)
            cells << number(f.metric(metric.toStdString()), 4);
        const double jaccard = c == 0   ? 1.0
                               : c == 1 ? m_comparison.jaccard.mean
                                        : m_comparison.baselineJaccard.mean;
        cells << number(jaccard, 3);
        for (int r = 0; r < cells.size(); ++r) {
            auto *item = new QTableWidgetItem(cells[r]);
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_figures->setItem(r, c, item);
        }
    }
}

void DistillPanel::plotQuality()
{
    const QStringList metrics =
        m_hasComparison ? DistillSummary::metricNames(m_comparison) : QStringList();
    QVector<QVector<double>> values;
    for (const recforge::ModelFigures *f : DistillSummary::models(m_comparison)) {
        QVector<double> row;
        for (const QString &metric : metrics)
            row << f->metric(metric.toStdString());
        values << row;
    }
    GroupedBarChart::plot(m_quality, tr("Quality of teacher and student"),
                          m_hasComparison ? QString::fromStdString(m_comparison.protocol.label())
                                          : QString(),
                          metrics, DistillSummary::modelNames(m_comparison), values, 4);
}

void DistillPanel::plotSizeAndSpeed()
{
    const auto models = DistillSummary::models(m_comparison);
    const QStringList names = DistillSummary::modelNames(m_comparison);
    QVector<QVector<double>> parameters, disk, latency, throughput;
    for (const recforge::ModelFigures *f : models) {
        parameters << QVector<double>{orNaN(double(f->parameters) / 1e6, f->parameters > 0)};
        disk << QVector<double>{megabytes(f->bytesOnDisk)};
        latency << QVector<double>{f->latencyP50Ms, f->latencyP99Ms};
        throughput << QVector<double>{f->usersPerSecond};
    }
    const bool on = m_hasComparison;
    GroupedBarChart::plot(m_parameters, tr("Parameters (millions)"), QString(),
                          on ? QStringList{tr("parameters")} : QStringList(), names, parameters, 3);
    GroupedBarChart::plot(m_disk, tr("Checkpoint size (MB)"), QString(),
                          on ? QStringList{tr("on disk")} : QStringList(), names, disk, 2);
    GroupedBarChart::plot(m_latency, tr("Latency of one user (ms)"),
                          on ? tr("%1, %2 timed requests")
                                   .arg(QString::fromStdString(m_comparison.device))
                                   .arg(m_comparison.latencyUsers)
                             : QString(),
                          on ? QStringList{tr("p50"), tr("p99")} : QStringList(), names, latency,
                          2);
    GroupedBarChart::plot(m_throughput, tr("Throughput (users per second)"),
                          on ? tr("batches of %1 users").arg(m_comparison.batchSize) : QString(),
                          on ? QStringList{tr("batched")} : QStringList(), names, throughput, 0);
}

void DistillPanel::plotOverlap()
{
    QStringList bins;
    QVector<QVector<double>> values;
    QStringList series;
    const recforge::OverlapStats &j = m_comparison.jaccard;
    if (m_hasComparison && !j.histogram.empty()) {
        for (size_t b = 0; b < j.histogram.size(); ++b)
            bins << (b + 1 == j.histogram.size()
                         ? QStringLiteral("1")
                         : QStringLiteral("%1–%2").arg(QString::number(b / 10.0, 'f', 1),
                                                       QString::number((b + 1) / 10.0, 'f', 1)));
        series << tr("Student");
        QVector<double> row;
        for (int64_t users : j.histogram)
            row << double(users);
        values << row;
        if (m_comparison.hasBaseline && !m_comparison.baselineJaccard.histogram.empty()) {
            series << tr("Student alone");
            QVector<double> alone;
            for (int64_t users : m_comparison.baselineJaccard.histogram)
                alone << double(users);
            values << alone;
        }
    }
    GroupedBarChart::plot(m_overlap,
                          tr("Users by Jaccard@%1 of their top-%1 with the teacher's").arg(j.k),
                          m_hasComparison ? tr("%1 users; mean %2, p10 %3, median %4, p90 %5")
                                                .arg(j.users)
                                                .arg(number(j.mean, 3), number(j.p10, 3),
                                                     number(j.p50, 3), number(j.p90, 3))
                                          : QString(),
                          bins, series, values, 0);
    // The first series is the student (colour 1, as in the other charts), not the teacher.
    if (auto *bars = m_overlap->plottableCount() > 0
                         ? qobject_cast<QCPBars *>(m_overlap->plottable(0))
                         : nullptr) {
        bars->setBrush(ChartStyle::barColor(1));
        if (m_overlap->plottableCount() > 1)
            if (auto *alone = qobject_cast<QCPBars *>(m_overlap->plottable(1)))
                alone->setBrush(ChartStyle::barColor(2));
        m_overlap->replot();
    }
}

} // namespace recforge::ui
