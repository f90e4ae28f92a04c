#pragma once

#include <array>
#include <memory>

#include <QWidget>

#include "data/import/importoptions.h"
#include "data/stats.h"

class QCustomPlot;
class QLabel;
class QPushButton;

namespace recforge::ui {

class StatCard;

// The Data workspace's overview of one dataset: stat cards, the import summary and five charts
// (interactions per user, item popularity, event funnel, category mix, activity over time).
// It only displays DatasetStats computed by a job; it never computes them itself.
class DatasetOverview : public QWidget {
    Q_OBJECT
public:
    enum Card { UsersCard, ItemsCard, InteractionsCard, SparsityCard, TimeCard, CoverageCard };
    enum Chart { UserPlot, PopularityPlot, FunnelPlot, CategoryPlot, ActivityPlot };
    static constexpr int kCards = 6;
    static constexpr int kCharts = 5;

    explicit DatasetOverview(QWidget *parent = nullptr);

    void setStats(std::shared_ptr<const recforge::DatasetStats> stats);
    // The import summary line; rows rejected enable "Show rejected rows...".
    void setImportReport(std::shared_ptr<const recforge::ImportReport> report,
                         const QString &source);
    void clear();

    StatCard *card(Card card) const { return m_cards[size_t(card)]; }
    QCustomPlot *chart(Chart chart) const { return m_charts[size_t(chart)]; }
    const recforge::DatasetStats *stats() const { return m_stats.get(); }

Q_SIGNALS:
    void rejectedRowsRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateCards();
    void updateReport();
    void updateCharts();

    std::shared_ptr<const recforge::DatasetStats> m_stats;
    std::shared_ptr<const recforge::ImportReport> m_report;
    QString m_source;
    std::array<StatCard *, kCards> m_cards{};
    std::array<QCustomPlot *, kCharts> m_charts{};
    QLabel *m_reportLabel;
    QPushButton *m_rejectedButton;
};

} // namespace recforge::ui
