#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace recforge::ui {

class DatasetTableModel;
class SearchProxyModel;

// A searchable, sortable table over one DatasetTableModel: search field (applied 250 ms after the
// last key stroke), "shown of total" count, and a view tuned for hundreds of thousands of rows
// (fixed row height, column widths measured on the first rows only, no initial sort).
class TableBrowser : public QWidget {
    Q_OBJECT
public:
    explicit TableBrowser(DatasetTableModel *model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    SearchProxyModel *proxy() const { return m_proxy; }
    DatasetTableModel *model() const { return m_model; }
    // Applies the search now (tests; the field applies it after a short pause).
    void setSearchText(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void applySearch();
    void updateCount();
    void retranslateUi();

    DatasetTableModel *m_model;
    SearchProxyModel *m_proxy;
    QLineEdit *m_search;
    QLabel *m_count;
    QTableView *m_view;
    QTimer *m_debounce;
};

} // namespace recforge::ui
