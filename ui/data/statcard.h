#pragma once

#include <QFrame>

class QLabel;

namespace recforge::ui {

// A small card with a caption, a big value and a detail line ("Users / 5,000 / 12.3 per user").
class StatCard : public QFrame {
    Q_OBJECT
public:
    explicit StatCard(QWidget *parent = nullptr);

    void setTitle(const QString &title);
    void setValue(const QString &value);
    void setDetail(const QString &detail);
    QString title() const;
    QString value() const;
    QString detail() const;

private:
    QLabel *m_title;
    QLabel *m_value;
    QLabel *m_detail;
};

} // namespace recforge::ui
