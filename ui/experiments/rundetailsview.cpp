#include "rundetailsview.h"

#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

#include "experiments/runstablemodel.h"

namespace recforge::ui {

namespace {

QTableWidget *makeTable(int columns, QWidget *parent)
{
    auto *table = new QTableWidget(0, columns, parent);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->setVisible(false);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

QWidget *titled(QLabel *title, QWidget *body, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    layout->addWidget(title);
    layout->addWidget(body, 1);
    return box;
}

} // namespace

RunDetailsView::RunDetailsView(QWidget *parent)
    : QWidget(parent), m_summary(new QLabel(this)), m_paramsTitle(new QLabel(this)),
      m_metricsTitle(new QLabel(this)), m_checkpointsTitle(new QLabel(this)),
      m_params(new QPlainTextEdit(this)), m_metrics(makeTable(4, this)),
      m_checkpoints(makeTable(5, this))
{
    m_params->setObjectName(QStringLiteral("runParamsJson"));
    m_metrics->setObjectName(QStringLiteral("runMetricsTable"));
    m_checkpoints->setObjectName(QStringLiteral("runCheckpointsTable"));
    m_params->setReadOnly(true);
    m_params->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(titled(m_metricsTitle, m_metrics, this));
    right->addWidget(titled(m_checkpointsTitle, m_checkpoints, this));
    right->setSizes({300, 120});
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(titled(m_paramsTitle, m_params, this));
    splitter->addWidget(right);
    splitter->setSizes({380, 620});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(splitter, 1);
    retranslateUi();
}

void RunDetailsView::clear()
{
    m_summary->clear();
    m_params->clear();
    m_metrics->setRowCount(0);
    m_checkpoints->setRowCount(0);
}

QString RunDetailsView::summaryText() const
{
    return m_summary->text();
}

void RunDetailsView::setRun(const recforge::RunDetail &detail)
{
    const recforge::RunSummary &s = detail.summary;
    QString summary =
        tr("Run #%1 \"%2\": %3, model %4, seed %5, device %6, code %7, started %8")
            .arg(s.id)
            .arg(QString::fromStdString(s.name), RunsTableModel::statusText(s.status),
                 QString::fromStdString(s.model), QString::number(s.seed),
                 QString::fromStdString(s.device), QString::fromStdString(s.codeVersion),
                 QString::fromStdString(s.startedAt));
    if (!s.finishedAt.empty())
        summary += tr(", finished %1").arg(QString::fromStdString(s.finishedAt));
    if (!s.error.empty())
        summary += QStringLiteral("\n") + tr("Error: %1").arg(QString::fromStdString(s.error));
    m_summary->setText(summary);

    const auto params = nlohmann::json::parse(detail.paramsJson, nullptr, false);
    m_params->setPlainText(
        QString::fromStdString(params.is_discarded() ? detail.paramsJson : params.dump(2)));

    m_metrics->setRowCount(0);
    for (const recforge::MetricRecord &m : detail.metrics) {
        const int row = m_metrics->rowCount();
        m_metrics->insertRow(row);
        const QString group = m.group == "all"
                                  ? QString()
                                  : QStringLiteral(" [%1]").arg(QString::fromStdString(m.group));
        const QStringList cells{QString::fromStdString(m.name) + group,
                                QString::number(m.value, 'f', 4), QString::fromStdString(m.stage),
                                QString::fromStdString(m.protocolLabel)};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            if (c == 1)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            item->setToolTip(QString::fromStdString(m.protocolLabel));
            m_metrics->setItem(row, c, item);
        }
    }
    m_metrics->resizeColumnsToContents();

    m_checkpoints->setRowCount(0);
    const QLocale locale;
    for (const recforge::CheckpointInfo &c : detail.checkpoints) {
        const int row = m_checkpoints->rowCount();
        m_checkpoints->insertRow(row);
        const QStringList cells{QString::number(c.epoch) + (c.isBest ? tr(" (best)") : QString()),
                                QString::number(c.step), locale.formattedDataSize(c.bytes),
                                QString::fromStdString(c.path), QString::fromStdString(c.sha256)};
        for (int col = 0; col < cells.size(); ++col)
            m_checkpoints->setItem(row, col, new QTableWidgetItem(cells[col]));
    }
    m_checkpoints->resizeColumnsToContents();
}

void RunDetailsView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void RunDetailsView::retranslateUi()
{
    m_paramsTitle->setText(tr("Parameters (resolved)"));
    m_metricsTitle->setText(tr("Metrics"));
    m_checkpointsTitle->setText(tr("Checkpoints"));
    m_metrics->setHorizontalHeaderLabels({tr("Metric"), tr("Value"), tr("Stage"), tr("Protocol")});
    m_checkpoints->setHorizontalHeaderLabels(
        {tr("Epoch"), tr("Step"), tr("Size"), tr("Path"), tr("SHA-256")});
}

} // namespace recforge::ui
