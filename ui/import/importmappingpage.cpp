#include "importmappingpage.h"

#include <set>

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

#include "data/import/importer.h"
#include "import/importwizard.h"

namespace recforge::ui {

namespace {
constexpr recforge::TimestampFormat kTimeFormats[] = {
    recforge::TimestampFormat::Auto, recforge::TimestampFormat::UnixSeconds,
    recforge::TimestampFormat::UnixMillis, recforge::TimestampFormat::Iso8601,
    recforge::TimestampFormat::Custom};

// The reference InteractionColumns uses: the header name, or "#i" without a header.
QString columnRef(const recforge::ImportPreview &preview, size_t index)
{
    if (preview.hasHeader)
        return QString::fromStdString(preview.columnNames[index]);
    return QStringLiteral("#%1").arg(index);
}
} // namespace

ImportMappingPage::ImportMappingPage(ImportWizard *wizard)
    : QWizardPage(wizard), m_wizard(wizard), m_form(new QFormLayout(this)),
      m_timeFormat(new QComboBox(this)), m_pattern(new QLineEdit(this)), m_note(new QLabel(this))
{
    const char *names[] = {"userColumnCombo", "itemColumnCombo", "timeColumnCombo",
                           "eventColumnCombo", "valueColumnCombo"};
    for (int i = 0; i < kFields; ++i) {
        auto *combo = new QComboBox(this);
        combo->setObjectName(QLatin1String(names[i]));
        combo->setMinimumContentsLength(24);
        connect(combo, &QComboBox::currentIndexChanged, this, &QWizardPage::completeChanged);
        m_combos[size_t(i)] = combo;
        m_form->addRow(new QLabel(this), combo);
    }
    m_timeFormat->setObjectName(QStringLiteral("timestampFormatCombo"));
    for (int i = 0; i < int(std::size(kTimeFormats)); ++i)
        m_timeFormat->addItem(QString(), i);
    m_pattern->setObjectName(QStringLiteral("timestampPatternEdit"));
    m_pattern->setEnabled(false);
    connect(m_timeFormat, &QComboBox::currentIndexChanged, this, [this] {
        m_pattern->setEnabled(kTimeFormats[m_timeFormat->currentData().toInt()] ==
                              recforge::TimestampFormat::Custom);
    });
    m_form->addRow(new QLabel(this), m_timeFormat);
    m_form->addRow(new QLabel(this), m_pattern);
    m_note->setWordWrap(true);
    m_note->setStyleSheet(QStringLiteral("color: #57606a;"));
    m_form->addRow(m_note);
    retranslateUi();
}

void ImportMappingPage::initializePage()
{
    const auto &preview = m_wizard->preview();
    if (!preview)
        return;
    const recforge::InteractionColumns &suggested = preview->suggested;
    const std::string *choice[] = {&suggested.user, &suggested.item, &suggested.timestamp,
                                   &suggested.event, &suggested.value};
    for (int f = 0; f < kFields; ++f) {
        QComboBox *combo = m_combos[size_t(f)];
        const QSignalBlocker blocker(combo);
        combo->clear();
        combo->addItem(tr("(not mapped)"), QString());
        for (size_t c = 0; c < preview->columnNames.size(); ++c) {
            const QString type =
                c < preview->columnTypes.size()
                    ? QString::fromLatin1(recforge::columnTypeName(preview->columnTypes[c]))
                    : QString();
            combo->addItem(tr("%1 (%2)").arg(QString::fromStdString(preview->columnNames[c]), type),
                           columnRef(*preview, c));
        }
        const int index = combo->findData(QString::fromStdString(*choice[f]));
        combo->setCurrentIndex(std::max(0, index));
    }
    Q_EMIT completeChanged();
}

bool ImportMappingPage::isComplete() const
{
    const QString user = m_combos[UserField]->currentData().toString();
    const QString item = m_combos[ItemField]->currentData().toString();
    return !user.isEmpty() && !item.isEmpty() && user != item;
}

bool ImportMappingPage::validatePage()
{
    recforge::ImportOptions &options = m_wizard->options();
    auto ref = [this](Field f) {
        return m_combos[size_t(f)]->currentData().toString().toStdString();
    };
    options.columns.user = ref(UserField);
    options.columns.item = ref(ItemField);
    options.columns.timestamp = ref(TimeField);
    options.columns.event = ref(EventField);
    options.columns.value = ref(ValueField);
    options.timestampFormat = kTimeFormats[m_timeFormat->currentData().toInt()];
    options.timestampPattern = m_pattern->text().toStdString();
    collectDistinctEvents();
    return true;
}

void ImportMappingPage::collectDistinctEvents()
{
    std::vector<std::string> &events = m_wizard->distinctEvents();
    events.clear();
    const auto &preview = m_wizard->preview();
    const std::string &column = m_wizard->options().columns.event;
    if (!preview || column.empty())
        return;
    if (column == preview->suggested.event && !preview->distinctEvents.empty()) {
        events = preview->distinctEvents;
        return;
    }
    // Another column than the suggested one: ask the preview for that column's values.
    auto again = recforge::previewFile(m_wizard->options(), 50);
    if (again && again->suggested.event == column && !again->distinctEvents.empty()) {
        events = again->distinctEvents;
        return;
    }
    // Fall back to the values in the preview rows.
    const int index = m_combos[EventField]->currentIndex() - 1;
    std::set<std::string> seen;
    for (const auto &row : preview->rows)
        if (index >= 0 && size_t(index) < row.size() && seen.insert(row[size_t(index)]).second)
            events.push_back(row[size_t(index)]);
}

void ImportMappingPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWizardPage::changeEvent(event);
}

void ImportMappingPage::retranslateUi()
{
    setTitle(tr("Columns"));
    setSubTitle(tr("Map the file's columns to users, items, time, event and value. User and item "
                   "are required."));
    const QStringList labels{tr("User:"), tr("Item:"), tr("Timestamp:"), tr("Event:"),
                             tr("Value / rating:")};
    for (int f = 0; f < kFields; ++f) {
        if (auto *label = qobject_cast<QLabel *>(m_form->labelForField(m_combos[size_t(f)])))
            label->setText(labels[f]);
        if (m_combos[size_t(f)]->count() > 0)
            m_combos[size_t(f)]->setItemText(0, tr("(not mapped)"));
    }
    if (auto *label = qobject_cast<QLabel *>(m_form->labelForField(m_timeFormat)))
        label->setText(tr("Timestamp format:"));
    if (auto *label = qobject_cast<QLabel *>(m_form->labelForField(m_pattern)))
        label->setText(tr("Custom pattern:"));
    const QStringList formats{tr("Automatic"), tr("Unix seconds"), tr("Unix milliseconds"),
                              tr("ISO 8601 date/time"), tr("Custom pattern")};
    for (int i = 0; i < m_timeFormat->count(); ++i)
        m_timeFormat->setItemText(i, formats[i]);
    m_pattern->setPlaceholderText(tr("e.g. %d/%m/%Y %H:%M"));
    m_note->setText(tr("Without a timestamp the row order is the time. Without an event column "
                       "every row gets the default event chosen on the next page."));
}

} // namespace recforge::ui
