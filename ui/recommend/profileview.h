#pragma once

#include <memory>
#include <vector>

#include <QWidget>

#include "data/dataset.h"
#include "recommend/similarity.h"
#include "recommend/userprofile.h"

class QCustomPlot;
class QLabel;
class QListWidget;

namespace recforge::ui {

// A user's profile: summary line (events, items, first / last activity, price range), category
// and brand affinity bars (event-weighted), weekly activity, and the nearest users (user-CF
// cosine) - double-click one to open it.
class ProfileView : public QWidget {
    Q_OBJECT
public:
    explicit ProfileView(QWidget *parent = nullptr);

    // `neighbours`: (similarity, user index), best first.
    void setProfile(std::shared_ptr<const recforge::Dataset> dataset,
                    const recforge::UserProfile &profile, const recforge::Scored &neighbours);
    void clear();

    QCustomPlot *categoryPlot() const { return m_categories; }
    QCustomPlot *brandPlot() const { return m_brands; }
    QCustomPlot *activityPlot() const { return m_activity; }
    QListWidget *neighbourList() const { return m_neighbours; }
    QLabel *summaryLabel() const { return m_summary; }

Q_SIGNALS:
    void userActivated(int user);

protected:
    void changeEvent(QEvent *event) override;

private:
    void plotAffinity(QCustomPlot *plot, const QString &title,
                      const std::vector<recforge::Affinity> &entries, int colour);
    void plotActivity();
    void fillNeighbours();
    void retranslateUi();

    std::shared_ptr<const recforge::Dataset> m_dataset;
    recforge::UserProfile m_profile;
    recforge::Scored m_neighbourUsers;
    QLabel *m_summary;
    QCustomPlot *m_categories;
    QCustomPlot *m_brands;
    QCustomPlot *m_activity;
    QLabel *m_neighboursTitle;
    QListWidget *m_neighbours;
};

} // namespace recforge::ui
