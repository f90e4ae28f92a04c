#include "newsplitdialog.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

#include "data/splitparamswidget.h"

namespace recforge::ui {

NewSplitDialog::NewSplitDialog(const QString &datasetName, QWidget *parent)
    : QDialog(parent), m_datasetName(datasetName), m_intro(new QLabel(this)),
      m_params(new SplitParamsWidget(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_params);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setMinimumWidth(460);
    retranslateUi();
}

recforge::SplitParams NewSplitDialog::params() const
{
    return m_params->params();
}

void NewSplitDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void NewSplitDialog::retranslateUi()
{
    setWindowTitle(tr("New split"));
    m_intro->setText(tr("New split of dataset \"%1\"").arg(m_datasetName));
}

} // namespace recforge::ui
