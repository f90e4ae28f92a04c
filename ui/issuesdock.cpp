#include "issuesdock.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QListWidget>
#include <QPushButton>
#include <QStyle>
#include <QTime>
#include <QVBoxLayout>

namespace recforge::ui {

IssuesDock::IssuesDock(QWidget *parent)
    : QDockWidget(parent), m_list(new QListWidget(this)), m_clear(new QPushButton(this))
{
    setObjectName(QStringLiteral("issuesDock"));
    m_list->setObjectName(QStringLiteral("issuesList"));
    m_list->setWordWrap(true);
    m_list->setAlternatingRowColors(true);
    connect(m_clear, &QPushButton::clicked, this, &IssuesDock::clear);
    auto *content = new QWidget(this);
    // The button sits beside the list so the dock stays low.
    auto *layout = new QHBoxLayout(content);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_list, 1);
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_clear);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    setWidget(content);
    retranslateUi();
}

void IssuesDock::addIssue(Severity severity, const QString &text)
{
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
    if (severity == Severity::Warning)
        icon = QStyle::SP_MessageBoxWarning;
    else if (severity == Severity::Error)
        icon = QStyle::SP_MessageBoxCritical;
    auto *item = new QListWidgetItem(style()->standardIcon(icon),
                                     QTime::currentTime().toString(QStringLiteral("HH:mm:ss")) +
                                         QStringLiteral("  ") + text);
    item->setData(Qt::UserRole, text);
    item->setToolTip(text);
    m_list->insertItem(0, item);
    // Keep the dock bounded: a bad file can produce many issues.
    while (m_list->count() > 500)
        delete m_list->takeItem(m_list->count() - 1);
}

int IssuesDock::count() const
{
    return m_list->count();
}

QString IssuesDock::issueText(int row) const
{
    const QListWidgetItem *item = m_list->item(row);
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void IssuesDock::clear()
{
    m_list->clear();
}

void IssuesDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDockWidget::changeEvent(event);
}

void IssuesDock::retranslateUi()
{
    setWindowTitle(tr("Issues"));
    m_clear->setText(tr("Clear"));
}

} // namespace recforge::ui
