#include "itemview.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

#include "recommend/historymodel.h"

namespace recforge::ui {

namespace {

QTableWidget *makeTable(QWidget *parent, const QString &name)
{
    auto *table = new QTableWidget(0, 3, parent);
    table->setObjectName(name);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->setVisible(false);
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    return table;
}

} // namespace

ItemView::ItemView(QWidget *parent)
    : QWidget(parent), m_details(new QLabel(this)), m_cfTitle(new QLabel(this)),
      m_cf(makeTable(this, QStringLiteral("similarByCf"))), m_embeddingTitle(new QLabel(this)),
      m_embedding(makeTable(this, QStringLiteral("similarByEmbedding")))
{
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_details);
    layout->addWidget(m_cfTitle);
    layout->addWidget(m_cf, 1);
    layout->addWidget(m_embeddingTitle);
    layout->addWidget(m_embedding, 1);
    for (QTableWidget *table : {m_cf, m_embedding})
        connect(table, &QTableWidget::cellDoubleClicked, this, [this, table](int row, int) {
            if (auto *cell = table->item(row, 0))
                Q_EMIT itemActivated(cell->data(Qt::UserRole).toInt());
        });
    retranslateUi();
}

void ItemView::clear()
{
    m_model.reset();
    m_item = -1;
    m_cf->setRowCount(0);
    m_embedding->setRowCount(0);
    retranslateUi();
}

void ItemView::setItem(std::shared_ptr<recforge::RunModel> model, int item)
{
    m_model = std::move(model);
    m_item = m_model && item >= 0 && item < m_model->dataset->itemCount() ? item : -1;
    if (m_item < 0) {
        clear();
        return;
    }
    fill(m_cf, m_model->cooccurrence->mostSimilar(m_item, kSimilar));
    fill(m_embedding, m_model->embedding ? m_model->embedding->mostSimilar(m_item, kSimilar)
                                         : recforge::Scored{});
    retranslateUi();
}

void ItemView::fill(QTableWidget *table, const recforge::Scored &similar)
{
    const recforge::Dataset &d = *m_model->dataset;
    table->setRowCount(int(similar.size()));
    for (int r = 0; r < int(similar.size()); ++r) {
        const auto &[score, item] = similar[size_t(r)];
        auto *title = new QTableWidgetItem(itemTitle(d, item));
        title->setData(Qt::UserRole, item);
        title->setToolTip(categoryText(d, item));
        table->setItem(r, 0, title);
        table->setItem(r, 1, new QTableWidgetItem(priceText(d, item)));
        table->setItem(r, 2, new QTableWidgetItem(QLocale().toString(double(score), 'f', 3)));
    }
}

void ItemView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ItemView::retranslateUi()
{
    for (QTableWidget *table : {m_cf, m_embedding})
        table->setHorizontalHeaderLabels({tr("Item"), tr("Price"), tr("Similarity")});
    m_cfTitle->setText(tr("Most similar by item-based CF (co-occurrence cosine):"));
    if (m_model && !m_model->embedding)
        m_embeddingTitle->setText(tr("Most similar by embeddings: this model has no item "
                                     "embeddings."));
    else
        m_embeddingTitle->setText(tr("Most similar by item embeddings (cosine):"));
    if (m_item < 0 || !m_model) {
        m_details->setText(tr("Click an item in a list, the history or the item map."));
        return;
    }
    const recforge::Dataset &d = *m_model->dataset;
    const recforge::ItemInfo &info = d.itemInfo[size_t(m_item)];
    QString text = tr("<b>%1</b><br>Id: %2<br>Category: %3<br>Brand: %4<br>Price: %5")
                       .arg(itemTitle(d, m_item).toHtmlEscaped(),
                            QString::fromStdString(d.items.id(m_item)).toHtmlEscaped(),
                            categoryText(d, m_item).toHtmlEscaped(),
                            QString::fromStdString(info.brand).toHtmlEscaped(),
                            info.hasPrice() ? priceText(d, m_item) : tr("unknown"));
    if (!info.description.empty()) {
        QString description = QString::fromStdString(info.description);
        if (description.size() > 240)
            description = description.left(239) + QChar(0x2026);
        text += QStringLiteral("<br><i>%1</i>").arg(description.toHtmlEscaped());
    }
    m_details->setText(text);
}

} // namespace recforge::ui
