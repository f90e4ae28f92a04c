#include "metricscomparison.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include "charts/qcp.h"

#include "charts/metricbarchart.h"

namespace recforge::ui {

namespace {
QString runLabel(const recforge::RunSummary &run)
{
    return QStringLiteral("#%1 %2").arg(run.id).arg(QString::fromStdString(run.model));
}
} // namespace

MetricsComparison::MetricsComparison(QWidget *parent)
    : QWidget(parent), m_note(new QLabel(this)), m_table(new QTableWidget(this)),
      m_choiceLabel(new QLabel(this)), m_choice(new QComboBox(this)), m_chart(new QCustomPlot(this))
{
    m_table->setObjectName(QStringLiteral("metricsComparisonTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setVisible(false);
    m_table->setWordWrap(false);
    m_choice->setObjectName(QStringLiteral("comparisonChartChoice"));
    m_chart->setObjectName(QStringLiteral("comparisonChart"));
    m_note->setWordWrap(true);
    connect(m_choice, &QComboBox::currentIndexChanged, this, &MetricsComparison::updateChart);

    auto *chartBox = new QWidget(this);
    auto *chartLayout = new QVBoxLayout(chartBox);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    auto *choiceRow = new QHBoxLayout;
    choiceRow->addWidget(m_choiceLabel);
    choiceRow->addWidget(m_choice, 1);
    chartLayout->addLayout(choiceRow);
    chartLayout->addWidget(m_chart, 1);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_table);
    splitter->addWidget(chartBox);
    splitter->setSizes({520, 480});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_note);
    layout->addWidget(splitter, 1);
    retranslateUi();
    setRuns({});
}

std::vector<MetricsComparison::Row>
MetricsComparison::buildRows(const std::vector<recforge::RunSummary> &runs)
{
    std::vector<Row> rows;
    for (size_t r = 0; r < runs.size(); ++r) {
        for (const recforge::MetricRecord &m : runs[r].lastMetrics) {
            if (m.stage != "test" || m.group != "all")
                continue;
            Row *row = nullptr;
            for (Row &existing : rows)
                if (existing.protocolLabel == m.protocolLabel && existing.metric == m.name)
                    row = &existing;
            if (!row) {
                rows.push_back(
                    {m.protocolLabel, m.name,
                     std::vector<double>(runs.size(), std::numeric_limits<double>::quiet_NaN())});
                row = &rows.back();
            }
            row->values[r] = m.value;
        }
    }
    std::stable_sort(rows.begin(), rows.end(),
                     [](const Row &a, const Row &b) { return a.protocolLabel < b.protocolLabel; });
    return rows;
}

void MetricsComparison::setRuns(const std::vector<recforge::RunSummary> &runs)
{
    m_runs = runs;
    m_rows = buildRows(runs);
    fillTable();
    const QString keep = m_choice->currentData().toString();
    {
        const QSignalBlocker blocker(m_choice);
        m_choice->clear();
        for (size_t i = 0; i < m_rows.size(); ++i) {
            int present = 0;
            for (double v : m_rows[i].values)
                present += std::isfinite(v) ? 1 : 0;
            if (present == 0)
                continue;
            const QString key =
                QString::fromStdString(m_rows[i].metric + "|" + m_rows[i].protocolLabel);
            m_choice->addItem(tr("%1 — %2").arg(QString::fromStdString(m_rows[i].metric),
                                                QString::fromStdString(m_rows[i].protocolLabel)),
                              key);
            m_choice->setItemData(m_choice->count() - 1, int(i), Qt::UserRole + 1);
        }
        int index = m_choice->findData(keep);
        if (index < 0) // NDCG@10 under the first protocol by default
            for (int i = 0; i < m_choice->count() && index < 0; ++i)
                if (m_choice->itemData(i).toString().startsWith(QLatin1String("NDCG@10|")))
                    index = i;
        m_choice->setCurrentIndex(index < 0 ? 0 : index);
    }
    updateChart();
}

void MetricsComparison::fillTable()
{
    m_table->clear();
    m_table->setColumnCount(1 + int(m_runs.size()));
    QStringList headers{tr("Metric")};
    for (const recforge::RunSummary &run : m_runs)
        headers << runLabel(run);
    m_table->setHorizontalHeaderLabels(headers);
    for (int c = 1; c < m_table->columnCount(); ++c)
        m_table->horizontalHeaderItem(c)->setToolTip(
            QString::fromStdString(m_runs[size_t(c - 1)].name));
    m_table->setRowCount(0);
    std::string currentProtocol;
    bool first = true;
    for (const Row &row : m_rows) {
        if (first || row.protocolLabel != currentProtocol) {
            first = false;
            currentProtocol = row.protocolLabel;
            const int r = m_table->rowCount();
            m_table->insertRow(r);
            auto *header = new QTableWidgetItem(QString::fromStdString(row.protocolLabel));
            QFont bold = header->font();
            bold.setBold(true);
            header->setFont(bold);
            header->setBackground(QColor(238, 241, 244));
            m_table->setItem(r, 0, header);
            m_table->setSpan(r, 0, 1, m_table->columnCount());
        }
        const int r = m_table->rowCount();
        m_table->insertRow(r);
        auto *name = new QTableWidgetItem(QString::fromStdString(row.metric));
        name->setToolTip(QString::fromStdString(row.protocolLabel));
        m_table->setItem(r, 0, name);
        double best = -std::numeric_limits<double>::infinity();
        for (double v : row.values)
            if (std::isfinite(v))
                best = std::max(best, v);
        for (size_t c = 0; c < row.values.size(); ++c) {
            const double v = row.values[c];
            auto *item = new QTableWidgetItem(std::isfinite(v) ? QString::number(v, 'f', 4)
                                                               : QStringLiteral("—"));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            item->setToolTip(QString::fromStdString(row.protocolLabel));
            // AvgPop measures popularity bias: its largest value is not the best one.
            const bool higherIsBetter = row.metric.rfind("AvgPop", 0) != 0;
            if (higherIsBetter && std::isfinite(v) && v == best && row.values.size() > 1) {
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
            }
            m_table->setItem(r, int(c) + 1, item);
        }
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    for (int c = 1; c < m_table->columnCount(); ++c)
        m_table->horizontalHeader()->setSectionResizeMode(c, QHeaderView::Stretch);
}

void MetricsComparison::updateChart()
{
    m_chartedRuns.clear();
    const int index = m_choice->currentIndex();
    if (index < 0 || m_rows.empty()) {
        MetricBarChart::plot(m_chart, QString(), QString(), {}, {});
        return;
    }
    const Row &row = m_rows[size_t(m_choice->itemData(index, Qt::UserRole + 1).toInt())];
    QVector<double> values;
    for (size_t r = 0; r < row.values.size() && r < m_runs.size(); ++r) {
        if (!std::isfinite(row.values[r]))
            continue; // runs without a value under this protocol are left out, not zeroed
        m_chartedRuns << runLabel(m_runs[r]);
        values << row.values[r];
    }
    MetricBarChart::plot(m_chart, QString::fromStdString(row.metric),
                         QString::fromStdString(row.protocolLabel), m_chartedRuns, values);
}

void MetricsComparison::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void MetricsComparison::retranslateUi()
{
    m_note->setText(tr("Final test metrics of the selected runs. Each group is one protocol: only "
                       "numbers in the same group are comparable."));
    m_choiceLabel->setText(tr("Chart:"));
    if (m_table->columnCount() > 0)
        m_table->setHorizontalHeaderItem(0, new QTableWidgetItem(tr("Metric")));
}

} // namespace recforge::ui
