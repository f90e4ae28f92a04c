#include "importeventspage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include "charts/funnelchart.h"
#include "data/import/fieldparsers.h"
#include "import/importwizard.h"

namespace recforge::ui {

namespace {
enum Column { RawColumn, KindColumn, WeightColumn };
}

ImportEventsPage::ImportEventsPage(ImportWizard *wizard)
    : QWizardPage(wizard), m_wizard(wizard), m_intro(new QLabel(this)),
      m_table(new QTableWidget(0, 3, this)), m_keepUnknown(new QCheckBox(this)),
      m_defaultLabel(new QLabel(this)), m_defaultEvent(new QComboBox(this))
{
    m_table->setObjectName(QStringLiteral("eventTable"));
    m_defaultEvent->setObjectName(QStringLiteral("defaultEventCombo"));
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(RawColumn, 220);
    m_table->setColumnWidth(KindColumn, 220);
    m_keepUnknown->setChecked(true);
    m_intro->setWordWrap(true);
    for (const QString &code : kindCodes())
        m_defaultEvent->addItem(QString(), code);

    auto *defaults = new QHBoxLayout;
    defaults->addWidget(m_defaultLabel);
    defaults->addWidget(m_defaultEvent);
    defaults->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_keepUnknown);
    layout->addLayout(defaults);
    retranslateUi();
}

QStringList ImportEventsPage::kindCodes()
{
    return {QStringLiteral("view"), QStringLiteral("click"), QStringLiteral("cart"),
            QStringLiteral("purchase"), QStringLiteral("rating")};
}

QString ImportEventsPage::kindLabel(const QString &code)
{
    return FunnelChart::eventName(code.toStdString());
}

void ImportEventsPage::initializePage()
{
    const std::vector<std::string> &events = m_wizard->distinctEvents();
    const bool hasColumn = !m_wizard->options().columns.event.empty();
    m_table->setVisible(hasColumn);
    m_keepUnknown->setVisible(hasColumn);
    m_defaultLabel->setVisible(!hasColumn);
    m_defaultEvent->setVisible(!hasColumn);
    m_table->setRowCount(0);
    if (!hasColumn) {
        m_defaultEvent->setCurrentIndex(std::max(
            0, m_defaultEvent->findData(QString::fromStdString(m_wizard->options().defaultEvent))));
        retranslateUi();
        return;
    }
    const recforge::EventMapping &mapping = m_wizard->options().events;
    m_table->setRowCount(int(events.size()));
    for (int row = 0; row < int(events.size()); ++row) {
        const std::string &raw = events[size_t(row)];
        const std::string lowered = recforge::toLowerAscii(recforge::trimSpaces(raw));
        QString kind = QString::fromStdString(lowered);
        float weight = 1.0f;
        if (auto rule = mapping.rules.find(raw); rule != mapping.rules.end()) {
            kind = QString::fromStdString(rule->second.kind);
            weight = rule->second.weight;
        } else if (auto builtin = recforge::EventResolver::builtinKind(lowered); !builtin.empty()) {
            kind = QString::fromStdString(std::string(builtin));
        }
        auto *rawItem = new QTableWidgetItem(QString::fromStdString(raw));
        rawItem->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        m_table->setItem(row, RawColumn, rawItem);
        // Editable: a custom kind name can be typed.
        auto *combo = new QComboBox(m_table);
        combo->setEditable(true);
        for (const QString &code : kindCodes())
            combo->addItem(kindLabel(code), code);
        const int index = combo->findData(kind);
        if (index >= 0)
            combo->setCurrentIndex(index);
        else
            combo->setEditText(kind);
        m_table->setCellWidget(row, KindColumn, combo);
        auto *spin = new QDoubleSpinBox(m_table);
        spin->setRange(0.0, 1000.0);
        spin->setDecimals(2);
        spin->setValue(weight);
        m_table->setCellWidget(row, WeightColumn, spin);
    }
    retranslateUi();
}

bool ImportEventsPage::validatePage()
{
    recforge::ImportOptions &options = m_wizard->options();
    options.defaultEvent = m_defaultEvent->currentData().toString().toStdString();
    if (options.columns.event.empty())
        return true;
    recforge::EventMapping mapping = recforge::EventMapping::defaults();
    mapping.keepUnknownAsCustom = m_keepUnknown->isChecked();
    for (int row = 0; row < m_table->rowCount(); ++row) {
        auto *combo = qobject_cast<QComboBox *>(m_table->cellWidget(row, KindColumn));
        auto *spin = qobject_cast<QDoubleSpinBox *>(m_table->cellWidget(row, WeightColumn));
        if (!combo || !spin)
            continue;
        // The item data holds the code of a built-in kind; typed text is a custom kind.
        QString kind = combo->currentText().trimmed();
        const int index = combo->findText(kind);
        if (index >= 0)
            kind = combo->itemData(index).toString();
        if (kind.isEmpty())
            continue;
        mapping.rules[m_table->item(row, RawColumn)->text().toStdString()] = {
            kind.toLower().toStdString(), float(spin->value())};
    }
    options.events = std::move(mapping);
    return true;
}

void ImportEventsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWizardPage::changeEvent(event);
}

void ImportEventsPage::retranslateUi()
{
    setTitle(tr("Events"));
    setSubTitle(tr("Map each raw event to a kind and a weight (used by weighted objectives)."));
    const bool hasColumn = m_table->isVisibleTo(this);
    m_intro->setText(hasColumn
                         ? tr("Distinct events found in the preview. Type a name to keep an event "
                              "as a custom kind.")
                         : tr("No event column is mapped."));
    m_table->setHorizontalHeaderLabels({tr("Raw event"), tr("Kind"), tr("Weight")});
    m_keepUnknown->setText(tr("Keep events not listed here as custom kinds (otherwise reject "
                              "those rows)"));
    m_defaultLabel->setText(tr("Every row is a:"));
    const QStringList codes = kindCodes();
    for (int i = 0; i < m_defaultEvent->count(); ++i)
        m_defaultEvent->setItemText(i, kindLabel(codes[i]));
}

} // namespace recforge::ui
