#include "tablebrowser.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include "data/datasettablemodel.h"
#include "data/searchproxymodel.h"

namespace recforge::ui {

TableBrowser::TableBrowser(DatasetTableModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_proxy(new SearchProxyModel(this)),
      m_search(new QLineEdit(this)), m_count(new QLabel(this)), m_view(new QTableView(this)),
      m_debounce(new QTimer(this))
{
    model->setParent(this);
    m_proxy->setSourceModel(model);
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setClearButtonEnabled(true);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_debounce, &QTimer::timeout, this, &TableBrowser::applySearch);

    m_view->setModel(m_proxy);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setResizeContentsPrecision(100);
    m_view->horizontalHeader()->setStretchLastSection(true);
    // No sort until the user asks: sorting 200k rows on every dataset switch would stall the UI.
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);

    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] {
        m_view->resizeColumnsToContents();
        updateCount();
    });
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &TableBrowser::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &TableBrowser::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &TableBrowser::updateCount);

    auto *top = new QHBoxLayout;
    top->addWidget(m_search, 1);
    top->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    retranslateUi();
}

void TableBrowser::setSearchText(const QString &text)
{
    m_search->setText(text);
    m_debounce->stop();
    applySearch();
}

void TableBrowser::applySearch()
{
    m_proxy->setSearchText(m_search->text());
    updateCount();
}

void TableBrowser::updateCount()
{
    const QLocale locale;
    m_count->setText(
        tr("%1 of %2 rows")
            .arg(locale.toString(m_proxy->rowCount()), locale.toString(m_model->rowCount())));
}

void TableBrowser::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void TableBrowser::retranslateUi()
{
    m_search->setPlaceholderText(tr("Search ids, titles, text..."));
    m_model->retranslate();
    updateCount();
}

} // namespace recforge::ui
