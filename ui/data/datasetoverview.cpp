#include "datasetoverview.h"

#include <QDateTime>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QTimeZone>
#include <QVBoxLayout>

#include "charts/activitychart.h"
#include "charts/categorychart.h"
#include "charts/funnelchart.h"
#include "charts/popularitychart.h"
#include "charts/qcp.h"
#include "charts/userhistogramchart.h"
#include "data/statcard.h"

namespace recforge::ui {

namespace {
QString percent(double share)
{
    return QLocale().toString(share * 100.0, 'f', share > 0.999 || share < 0.001 ? 0 : 1) +
           QLatin1Char('%');
}

QString date(int64_t seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc())
        .toString(QStringLiteral("yyyy-MM-dd"));
}
} // namespace

DatasetOverview::DatasetOverview(QWidget *parent)
    : QWidget(parent), m_reportLabel(new QLabel(this)), m_rejectedButton(new QPushButton(this))
{
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);

    auto *cards = new QGridLayout;
    for (int i = 0; i < kCards; ++i) {
        m_cards[size_t(i)] = new StatCard(content);
        cards->addWidget(m_cards[size_t(i)], 0, i);
    }
    layout->addLayout(cards);

    auto *reportRow = new QHBoxLayout;
    m_reportLabel->setWordWrap(true);
    m_reportLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_rejectedButton->setObjectName(QStringLiteral("showRejectedButton"));
    connect(m_rejectedButton, &QPushButton::clicked, this, &DatasetOverview::rejectedRowsRequested);
    reportRow->addWidget(m_reportLabel, 1);
    reportRow->addWidget(m_rejectedButton);
    layout->addLayout(reportRow);

    auto *charts = new QGridLayout;
    for (int i = 0; i < kCharts; ++i) {
        auto *plot = new QCustomPlot(content);
        plot->setMinimumHeight(260);
        plot->setNoAntialiasingOnDrag(true);
        m_charts[size_t(i)] = plot;
    }
    charts->addWidget(m_charts[UserPlot], 0, 0);
    charts->addWidget(m_charts[PopularityPlot], 0, 1);
    charts->addWidget(m_charts[FunnelPlot], 1, 0);
    charts->addWidget(m_charts[CategoryPlot], 1, 1);
    charts->addWidget(m_charts[ActivityPlot], 2, 0, 1, 2);
    layout->addLayout(charts);
    layout->addStretch(1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    retranslateUi();
}

void DatasetOverview::setStats(std::shared_ptr<const recforge::DatasetStats> stats)
{
    m_stats = std::move(stats);
    updateCards();
    updateCharts();
}

void DatasetOverview::setImportReport(std::shared_ptr<const recforge::ImportReport> report,
                                      const QString &source)
{
    m_report = std::move(report);
    m_source = source;
    updateReport();
}

void DatasetOverview::clear()
{
    m_stats.reset();
    m_report.reset();
    m_source.clear();
    retranslateUi();
}

void DatasetOverview::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void DatasetOverview::retranslateUi()
{
    m_cards[UsersCard]->setTitle(tr("Users"));
    m_cards[ItemsCard]->setTitle(tr("Items"));
    m_cards[InteractionsCard]->setTitle(tr("Interactions"));
    m_cards[SparsityCard]->setTitle(tr("Sparsity"));
    m_cards[TimeCard]->setTitle(tr("Time range"));
    m_cards[CoverageCard]->setTitle(tr("Catalogue coverage"));
    m_rejectedButton->setText(tr("Show rejected rows..."));
    updateCards();
    updateReport();
    updateCharts();
}

void DatasetOverview::updateCards()
{
    if (!m_stats) {
        for (StatCard *card : m_cards) {
            card->setValue(QStringLiteral("–"));
            card->setDetail(QString());
        }
        return;
    }
    const recforge::DatasetStats &s = *m_stats;
    const QLocale locale;
    m_cards[UsersCard]->setValue(locale.toString(s.users));
    m_cards[UsersCard]->setDetail(
        tr("%1 interactions per user on average").arg(locale.toString(s.meanPerUser, 'f', 1)));
    m_cards[ItemsCard]->setValue(locale.toString(s.items));
    m_cards[ItemsCard]->setDetail(
        tr("%1 with interactions").arg(locale.toString(s.itemsWithInteractions)));
    m_cards[InteractionsCard]->setValue(locale.toString(qlonglong(s.interactions)));
    m_cards[InteractionsCard]->setDetail(
        tr("median %1 per user").arg(locale.toString(s.medianPerUser, 'g', 4)));
    m_cards[SparsityCard]->setValue(locale.toString(s.sparsity * 100.0, 'f', 3) + QLatin1Char('%'));
    m_cards[SparsityCard]->setDetail(tr("share of empty user-item cells"));
    if (s.interactions > 0) {
        // One date per line: both on one line do not fit a card's width.
        m_cards[TimeCard]->setValue(date(s.minTime) + QLatin1Char('\n') + date(s.maxTime));
        const qint64 days = (s.maxTime - s.minTime) / 86400 + 1;
        m_cards[TimeCard]->setDetail(tr("%n day(s)", nullptr, int(days)));
    } else {
        m_cards[TimeCard]->setValue(QStringLiteral("–"));
        m_cards[TimeCard]->setDetail(QString());
    }
    const auto &c = s.coverage;
    m_cards[CoverageCard]->setValue(percent(c.category));
    m_cards[CoverageCard]->setDetail(
        tr("of items have a category; title %1, brand %2, price %3, description %4")
            .arg(percent(c.title), percent(c.brand), percent(c.price), percent(c.description)));
}

void DatasetOverview::updateReport()
{
    int64_t read = 0, accepted = 0, rejected = 0;
    if (m_report) {
        for (const recforge::FileImportReport &file : m_report->files) {
            read += file.rowsRead;
            accepted += file.rowsAccepted;
        }
        rejected = m_report->totalRejected();
    }
    const QLocale locale;
    if (!m_report || m_report->files.empty()) {
        m_reportLabel->setText(m_source.isEmpty() ? QString() : tr("Source: %1").arg(m_source));
    } else {
        m_reportLabel->setText(tr("Source: %1. Rows read %2, accepted %3, rejected %4.")
                                   .arg(m_source, locale.toString(qlonglong(read)),
                                        locale.toString(qlonglong(accepted)),
                                        locale.toString(qlonglong(rejected))));
    }
    m_rejectedButton->setVisible(rejected > 0);
}

void DatasetOverview::updateCharts()
{
    static const recforge::DatasetStats kEmpty;
    const recforge::DatasetStats &s = m_stats ? *m_stats : kEmpty;
    UserHistogramChart::plot(m_charts[UserPlot], s.perUser);
    PopularityChart::plot(m_charts[PopularityPlot], s.itemPopularitySorted);
    FunnelChart::plot(m_charts[FunnelPlot], s.eventFunnel);
    CategoryChart::plot(m_charts[CategoryPlot], s.categoryMix);
    ActivityChart::plot(m_charts[ActivityPlot], s.activityPerDay);
}

} // namespace recforge::ui
