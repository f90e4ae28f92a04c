#include "splitparamswidget.h"

#include <algorithm>
#include <iterator>
#include <limits>

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTimeZone>

namespace recforge::ui {

namespace {
constexpr recforge::SplitKind kKinds[] = {
    recforge::SplitKind::LeaveOneOut, recforge::SplitKind::Temporal,
    recforge::SplitKind::RandomRatio, recforge::SplitKind::ColdUsers,
    recforge::SplitKind::ColdItems};

QDateTimeEdit *makeDateEdit(QWidget *parent)
{
    auto *edit = new QDateTimeEdit(parent);
    edit->setTimeSpec(Qt::UTC);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    edit->setCalendarPopup(true);
    edit->setDateTime(QDateTime(QDate(2024, 1, 1), QTime(0, 0), QTimeZone::utc()));
    return edit;
}

int64_t toSeconds(const QDateTimeEdit *edit)
{
    return edit->dateTime().toSecsSinceEpoch();
}
} // namespace

SplitParamsWidget::SplitParamsWidget(QWidget *parent)
    : QWidget(parent), m_form(new QFormLayout(this)), m_kind(new QComboBox(this)),
      m_name(new QLineEdit(this)), m_seed(new QSpinBox(this)),
      m_validRatio(new QDoubleSpinBox(this)), m_testRatio(new QDoubleSpinBox(this)),
      m_supportSize(new QSpinBox(this)), m_autoCutoffs(new QCheckBox(this)),
      m_validCutoff(makeDateEdit(this)), m_testCutoff(makeDateEdit(this)),
      m_itemCutoff(makeDateEdit(this)), m_help(new QLabel(this))
{
    m_kind->setObjectName(QStringLiteral("splitKindCombo"));
    m_name->setObjectName(QStringLiteral("splitNameEdit"));
    m_seed->setObjectName(QStringLiteral("splitSeedSpin"));
    for (int i = 0; i < int(std::size(kKinds)); ++i)
        m_kind->addItem(QString(), i);
    m_seed->setRange(0, std::numeric_limits<int>::max());
    for (QDoubleSpinBox *ratio : {m_validRatio, m_testRatio}) {
        ratio->setRange(0.0, 0.9);
        ratio->setSingleStep(0.05);
        ratio->setDecimals(2);
    }
    m_supportSize->setRange(0, 1000);
    m_autoCutoffs->setChecked(true);
    m_help->setWordWrap(true);
    m_help->setStyleSheet(QStringLiteral("color: #57606a;"));

    m_form->addRow(new QLabel(this), m_kind);
    m_form->addRow(new QLabel(this), m_help);
    m_form->addRow(new QLabel(this), m_name);
    m_form->addRow(new QLabel(this), m_seed);
    m_form->addRow(new QLabel(this), m_validRatio);
    m_form->addRow(new QLabel(this), m_testRatio);
    m_form->addRow(new QLabel(this), m_supportSize);
    m_form->addRow(new QLabel(this), m_autoCutoffs);
    m_form->addRow(new QLabel(this), m_validCutoff);
    m_form->addRow(new QLabel(this), m_testCutoff);
    m_form->addRow(new QLabel(this), m_itemCutoff);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        updateVisibility();
        retranslateUi();
    });
    connect(m_autoCutoffs, &QCheckBox::toggled, this, &SplitParamsWidget::updateVisibility);
    setParams(recforge::SplitParams{});
}

recforge::SplitParams SplitParamsWidget::params() const
{
    recforge::SplitParams p;
    p.kind = kKinds[m_kind->currentData().toInt()];
    p.name = m_name->text().trimmed().toStdString();
    p.seed = uint64_t(m_seed->value());
    p.validRatio = m_validRatio->value();
    p.testRatio = m_testRatio->value();
    p.supportSize = m_supportSize->value();
    if (!m_autoCutoffs->isChecked()) {
        if (p.kind == recforge::SplitKind::Temporal) {
            p.validCutoff = toSeconds(m_validCutoff);
            p.testCutoff = toSeconds(m_testCutoff);
        } else if (p.kind == recforge::SplitKind::ColdItems) {
            p.itemCutoff = toSeconds(m_itemCutoff);
        }
    }
    return p;
}

void SplitParamsWidget::setParams(const recforge::SplitParams &p)
{
    for (int i = 0; i < int(std::size(kKinds)); ++i)
        if (kKinds[i] == p.kind)
            m_kind->setCurrentIndex(i);
    m_name->setText(QString::fromStdString(p.name));
    m_seed->setValue(int(std::min<uint64_t>(p.seed, uint64_t(m_seed->maximum()))));
    m_validRatio->setValue(p.validRatio);
    m_testRatio->setValue(p.testRatio);
    m_supportSize->setValue(p.supportSize);
    const bool manual = p.validCutoff || p.testCutoff || p.itemCutoff;
    m_autoCutoffs->setChecked(!manual);
    if (p.validCutoff)
        m_validCutoff->setDateTime(QDateTime::fromSecsSinceEpoch(p.validCutoff, QTimeZone::utc()));
    if (p.testCutoff)
        m_testCutoff->setDateTime(QDateTime::fromSecsSinceEpoch(p.testCutoff, QTimeZone::utc()));
    if (p.itemCutoff)
        m_itemCutoff->setDateTime(QDateTime::fromSecsSinceEpoch(p.itemCutoff, QTimeZone::utc()));
    updateVisibility();
    retranslateUi();
}

QString SplitParamsWidget::kindName(recforge::SplitKind kind)
{
    switch (kind) {
    case recforge::SplitKind::LeaveOneOut:
        return tr("Leave one out");
    case recforge::SplitKind::Temporal:
        return tr("Temporal (by time cutoffs)");
    case recforge::SplitKind::RandomRatio:
        return tr("Random ratio (per user)");
    case recforge::SplitKind::ColdUsers:
        return tr("Cold users");
    case recforge::SplitKind::ColdItems:
        return tr("Cold items");
    }
    return {};
}

void SplitParamsWidget::updateVisibility()
{
    using K = recforge::SplitKind;
    const K kind = kKinds[std::max(0, m_kind->currentData().toInt())];
    const bool ratios = kind == K::RandomRatio || kind == K::ColdUsers;
    const bool cutoffs = kind == K::Temporal || kind == K::ColdItems;
    m_form->setRowVisible(m_seed, kind == K::RandomRatio || kind == K::ColdUsers);
    m_form->setRowVisible(m_validRatio, ratios);
    m_form->setRowVisible(m_testRatio, ratios);
    m_form->setRowVisible(m_supportSize, kind == K::ColdUsers);
    m_form->setRowVisible(m_autoCutoffs, cutoffs);
    const bool manual = !m_autoCutoffs->isChecked();
    m_form->setRowVisible(m_validCutoff, kind == K::Temporal && manual);
    m_form->setRowVisible(m_testCutoff, kind == K::Temporal && manual);
    m_form->setRowVisible(m_itemCutoff, kind == K::ColdItems && manual);
}

void SplitParamsWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void SplitParamsWidget::retranslateUi()
{
    using K = recforge::SplitKind;
    for (int i = 0; i < m_kind->count(); ++i)
        m_kind->setItemText(i, kindName(kKinds[i]));
    auto label = [this](QWidget *field, const QString &text) {
        if (auto *l = qobject_cast<QLabel *>(m_form->labelForField(field)))
            l->setText(text);
    };
    label(m_kind, tr("Split:"));
    label(m_name, tr("Name:"));
    label(m_seed, tr("Seed:"));
    label(m_validRatio, tr("Validation share:"));
    label(m_testRatio, tr("Test share:"));
    label(m_supportSize, tr("Support interactions:"));
    label(m_validCutoff, tr("Validation from:"));
    label(m_testCutoff, tr("Test from:"));
    label(m_itemCutoff, tr("Items new from:"));
    m_autoCutoffs->setText(tr("Automatic cutoffs (time quantiles)"));
    const K kind = kKinds[std::max(0, m_kind->currentData().toInt())];
    m_name->setPlaceholderText(QString::fromLatin1(recforge::splitKindName(kind)));
    switch (kind) {
    case K::LeaveOneOut:
        m_help->setText(tr("Per user in time order: the last interaction is the test target, the "
                           "second last the validation target, the rest trains."));
        break;
    case K::Temporal:
        m_help->setText(tr("Everything after the test cutoff is test, after the validation cutoff "
                           "validation. Automatic: the 80% and 90% time quantiles."));
        break;
    case K::RandomRatio:
        m_help->setText(tr("Per user, a seeded shuffle puts the given shares of interactions in "
                           "validation and test."));
        break;
    case K::ColdUsers:
        m_help->setText(tr("A seeded share of users is held out entirely; their first few "
                           "interactions are given as support at inference."));
        break;
    case K::ColdItems:
        m_help->setText(tr("Items first seen after the cutoff are cold: their interactions are "
                           "test only. Automatic: the 90% time quantile."));
        break;
    }
}

} // namespace recforge::ui
