#include "generateshopdialog.h"

#include <limits>

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace recforge::ui {

GenerateShopDialog::GenerateShopDialog(QWidget *parent)
    : QDialog(parent), m_form(new QFormLayout), m_intro(new QLabel(this)),
      m_users(new QSpinBox(this)), m_items(new QSpinBox(this)), m_events(new QSpinBox(this)),
      m_seed(new QSpinBox(this)), m_name(new QLineEdit(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    m_users->setRange(1, 10'000'000);
    m_items->setRange(1, 10'000'000);
    m_events->setRange(0, 500'000'000);
    m_seed->setRange(0, std::numeric_limits<int>::max());
    for (QSpinBox *spin : {m_users, m_items, m_events}) {
        spin->setGroupSeparatorShown(true);
        spin->setSingleStep(1000);
    }
    m_users->setObjectName(QStringLiteral("usersSpin"));
    m_items->setObjectName(QStringLiteral("itemsSpin"));
    m_events->setObjectName(QStringLiteral("eventsSpin"));
    m_seed->setObjectName(QStringLiteral("seedSpin"));
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_intro->setWordWrap(true);
    m_form->addRow(new QLabel(this), m_users);
    m_form->addRow(new QLabel(this), m_items);
    m_form->addRow(new QLabel(this), m_events);
    m_form->addRow(new QLabel(this), m_seed);
    m_form->addRow(new QLabel(this), m_name);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(m_form);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!text.trimmed().isEmpty());
    });
    setParams(recforge::ShopParams{});
    retranslateUi();
}

recforge::ShopParams GenerateShopDialog::params() const
{
    recforge::ShopParams p;
    p.users = m_users->value();
    p.items = m_items->value();
    p.events = m_events->value();
    p.seed = uint64_t(m_seed->value());
    p.name = m_name->text().trimmed().toStdString();
    return p;
}

void GenerateShopDialog::setParams(const recforge::ShopParams &p)
{
    m_users->setValue(p.users);
    m_items->setValue(p.items);
    m_events->setValue(int(std::min<int64_t>(p.events, m_events->maximum())));
    m_seed->setValue(int(std::min<uint64_t>(p.seed, uint64_t(m_seed->maximum()))));
    m_name->setText(QString::fromStdString(p.name));
}

void GenerateShopDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void GenerateShopDialog::retranslateUi()
{
    setWindowTitle(tr("Generate demo shop"));
    m_intro->setText(tr("Generates a synthetic shop (catalogue in English and Chinese, users, "
                        "view/click/cart/purchase sessions). A dataset with the same name is "
                        "replaced."));
    auto label = [this](QWidget *field, const QString &text) {
        if (auto *l = qobject_cast<QLabel *>(m_form->labelForField(field)))
            l->setText(text);
    };
    label(m_users, tr("Users:"));
    label(m_items, tr("Items:"));
    label(m_events, tr("Events (about):"));
    label(m_seed, tr("Seed:"));
    label(m_name, tr("Dataset name:"));
}

} // namespace recforge::ui
