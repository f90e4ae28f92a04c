#include "statcard.h"

#include <QLabel>
#include <QVBoxLayout>

namespace recforge::ui {

StatCard::StatCard(QWidget *parent)
    : QFrame(parent), m_title(new QLabel(this)), m_value(new QLabel(this)),
      m_detail(new QLabel(this))
{
    setFrameShape(QFrame::StyledPanel);
    setObjectName(QStringLiteral("statCard"));
    setStyleSheet(QStringLiteral("#statCard { background: white; border: 1px solid #d0d7de; "
                                 "border-radius: 6px; }"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setSpacing(2);
    m_title->setStyleSheet(QStringLiteral("color: #57606a;"));
    QFont valueFont = m_value->font();
    valueFont.setPointSizeF(valueFont.pointSizeF() * 1.6);
    valueFont.setBold(true);
    m_value->setFont(valueFont);
    m_value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_value->setWordWrap(true); // a date range breaks at its dash instead of being clipped
    m_detail->setStyleSheet(QStringLiteral("color: #57606a;"));
    m_detail->setWordWrap(true);
    layout->addWidget(m_title);
    layout->addWidget(m_value);
    layout->addWidget(m_detail);
    layout->addStretch(1);
    setMinimumWidth(150);
}

void StatCard::setTitle(const QString &title)
{
    m_title->setText(title);
}

void StatCard::setValue(const QString &value)
{
    m_value->setText(value);
}

void StatCard::setDetail(const QString &detail)
{
    m_detail->setText(detail);
}

QString StatCard::title() const
{
    return m_title->text();
}

QString StatCard::value() const
{
    return m_value->text();
}

QString StatCard::detail() const
{
    return m_detail->text();
}

} // namespace recforge::ui
