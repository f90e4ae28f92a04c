#pragma once

#include <memory>
#include <vector>

#include <QAbstractTableModel>

#include "data/dataset.h"
#include "recommend/recommend.h"

namespace recforge::ui {

// One model's top-K list: rank, title, category, price, score and the explanation ("because you
// viewed A (0.82), B (0.61)"). Entries that the other model's list shares are highlighted.
// Qt::UserRole of any cell is the item index.
class RecommendationsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        RankColumn,
        ItemColumn,
        CategoryColumn,
        PriceColumn,
        ScoreColumn,
        BecauseColumn,
        ColumnCount
    };

    explicit RecommendationsModel(QObject *parent = nullptr);

    // `shared[k]` (may be empty) marks entry k as also recommended by the other model.
    void setResult(std::shared_ptr<const recforge::Dataset> dataset,
                   const recforge::RecommendResult &result, std::vector<bool> shared = {});
    void clear();
    const recforge::RecommendResult &result() const { return m_result; }
    bool isShared(int row) const;
    std::vector<int32_t> items() const;
    static QColor sharedColor();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QString because(const recforge::RecommendedItem &item) const;

    std::shared_ptr<const recforge::Dataset> m_dataset;
    recforge::RecommendResult m_result;
    std::vector<bool> m_shared;
};

} // namespace recforge::ui
