#pragma once

#include <memory>

#include <QWidget>

#include "recommend/runmodel.h"

class QLabel;
class QTableWidget;

namespace recforge::ui {

// One item: catalogue details and its most similar items, by item-based CF (co-occurrence cosine
// over the fit rows) and by the model's item embeddings (when it has any). Double-click a
// similar item to open it.
class ItemView : public QWidget {
    Q_OBJECT
public:
    static constexpr int kSimilar = 10;

    explicit ItemView(QWidget *parent = nullptr);

    void setItem(std::shared_ptr<recforge::RunModel> model, int item);
    void clear();
    int item() const { return m_item; }
    QLabel *detailsLabel() const { return m_details; }
    QTableWidget *cfTable() const { return m_cf; }
    QTableWidget *embeddingTable() const { return m_embedding; }

Q_SIGNALS:
    void itemActivated(int item);

protected:
    void changeEvent(QEvent *event) override;

private:
    void fill(QTableWidget *table, const recforge::Scored &similar);
    void retranslateUi();

    std::shared_ptr<recforge::RunModel> m_model;
    int m_item = -1;
    QLabel *m_details;
    QLabel *m_cfTitle;
    QTableWidget *m_cf;
    QLabel *m_embeddingTitle;
    QTableWidget *m_embedding;
};

} // namespace recforge::ui
