#include "profileview.h"

#include <algorithm>

#include <QDateTime>
#include <QEvent>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QTimeZone>
#include <QVBoxLayout>

#include "charts/qcp.h"

#include "charts/chartstyle.h"

namespace recforge::ui {

namespace {

QString dateText(int64_t t)
{
    return QDateTime::fromSecsSinceEpoch(t, QTimeZone::utc())
        .toString(QStringLiteral("yyyy-MM-dd"));
}

QCustomPlot *makePlot(QWidget *parent, int height)
{
    auto *plot = new QCustomPlot(parent);
    plot->setMinimumHeight(height);
    plot->setMaximumHeight(height + 80);
    return plot;
}

} // namespace

ProfileView::ProfileView(QWidget *parent)
    : QWidget(parent), m_summary(new QLabel(this)), m_categories(makePlot(this, 170)),
      m_brands(makePlot(this, 170)), m_activity(makePlot(this, 150)),
      m_neighboursTitle(new QLabel(this)), m_neighbours(new QListWidget(this))
{
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_neighbours->setObjectName(QStringLiteral("nearestUsers"));
    m_neighbours->setMaximumHeight(120);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addWidget(m_categories);
    layout->addWidget(m_brands);
    layout->addWidget(m_activity);
    layout->addWidget(m_neighboursTitle);
    layout->addWidget(m_neighbours);
    layout->addStretch(1);
    connect(m_neighbours, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        Q_EMIT userActivated(item->data(Qt::UserRole).toInt());
    });
    retranslateUi();
    clear();
}

void ProfileView::clear()
{
    m_dataset.reset();
    m_profile = {};
    m_neighbourUsers.clear();
    retranslateUi();
}

void ProfileView::setProfile(std::shared_ptr<const recforge::Dataset> dataset,
                             const recforge::UserProfile &profile,
                             const recforge::Scored &neighbours)
{
    m_dataset = std::move(dataset);
    m_profile = profile;
    m_neighbourUsers = neighbours;
    retranslateUi();
}

void ProfileView::fillNeighbours()
{
    m_neighbours->clear();
    if (!m_dataset)
        return;
    for (const auto &[similarity, user] : m_neighbourUsers) {
        const QString id = QString::fromStdString(m_dataset->users.id(user));
        auto *item = new QListWidgetItem(
            tr("%1  (similarity %2)").arg(id, QLocale().toString(double(similarity), 'f', 2)),
            m_neighbours);
        item->setData(Qt::UserRole, user);
    }
}

void ProfileView::plotAffinity(QCustomPlot *plot, const QString &title,
                               const std::vector<recforge::Affinity> &entries, int colour)
{
    ChartStyle::reset(plot, title);
    plot->xAxis->setLabel(tr("share of weighted events (%)"));
    if (entries.empty()) {
        ChartStyle::showEmpty(plot, tr("No data"));
        plot->replot();
        return;
    }
    QVector<double> values;
    QVector<QString> labels;
    for (const recforge::Affinity &entry : entries) {
        values << 100.0 * entry.share;
        QString name = QString::fromStdString(entry.name);
        if (name == QLatin1String("(none)"))
            name = tr("(none)");
        else if (name == QLatin1String("other"))
            name = tr("other");
        labels << (name.size() > 22 ? name.left(21) + QChar(0x2026) : name);
    }
    plot->setMinimumHeight(std::max(150, 50 + 18 * int(values.size())));
    ChartStyle::horizontalBars(plot, labels, values, colour, 1.1);
}

void ProfileView::plotActivity()
{
    ChartStyle::reset(m_activity, tr("Activity per week"));
    m_activity->yAxis->setLabel(tr("events"));
    if (m_profile.perWeek.empty()) {
        ChartStyle::showEmpty(m_activity, tr("No data"));
        m_activity->replot();
        return;
    }
    QVector<double> keys, values;
    double maxValue = 0;
    for (const auto &[week, count] : m_profile.perWeek) {
        keys << double(week) + 3.5 * 86400; // bar centred on its week
        values << double(count);
        maxValue = std::max(maxValue, double(count));
    }
    auto ticker = QSharedPointer<QCPAxisTickerDateTime>(new QCPAxisTickerDateTime);
    ticker->setTimeZone(QTimeZone::utc());
    ticker->setDateTimeFormat(QStringLiteral("yyyy-MM-dd"));
    ticker->setTickCount(4);
    m_activity->xAxis->setTicker(ticker);
    auto *bars = new QCPBars(m_activity->xAxis, m_activity->yAxis);
    bars->setWidth(6 * 86400.0);
    bars->setPen(Qt::NoPen);
    bars->setBrush(ChartStyle::accent());
    bars->setData(keys, values, true);
    m_activity->xAxis->setRange(keys.front() - 7 * 86400.0, keys.back() + 7 * 86400.0);
    m_activity->yAxis->setRange(0, maxValue * 1.15);
    m_activity->replot();
}

void ProfileView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ProfileView::retranslateUi()
{
    m_neighboursTitle->setText(tr("Nearest users (user-based CF, double-click to open):"));
    fillNeighbours();
    const recforge::UserProfile &p = m_profile;
    if (!m_dataset || p.events == 0) {
        m_summary->setText(tr("No user open."));
    } else {
        QString price = tr("no prices known");
        if (p.price.count > 0) {
            const QLocale locale;
            price =
                (p.price.fromPurchases ? tr("bought %1 - %2 (median %3)")
                                       : tr("seen %1 - %2 (median %3)"))
                    .arg(locale.toString(p.price.min, 'f', 2), locale.toString(p.price.max, 'f', 2),
                         locale.toString(p.price.median, 'f', 2));
        }
        QStringList kinds;
        for (const auto &[name, count] : p.eventsByKind)
            kinds << QStringLiteral("%1 %2").arg(QString::fromStdString(name)).arg(count);
        m_summary->setText(tr("<b>%1 events</b> on %2 items, %3 to %4 (%5).<br>Price range: %6.")
                               .arg(p.events)
                               .arg(p.distinctItems)
                               .arg(dateText(p.firstTimestamp), dateText(p.lastTimestamp),
                                    kinds.join(QStringLiteral(", ")), price));
    }
    plotAffinity(m_categories, tr("Category affinity"), p.categories, 1);
    plotAffinity(m_brands, tr("Brand affinity"), p.brands, 3);
    plotActivity();
}

} // namespace recforge::ui
