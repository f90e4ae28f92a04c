#include "importpreviewpage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include "data/import/importer.h"
#include "import/importwizard.h"

namespace recforge::ui {

namespace {
constexpr char kDelimiters[] = {0, ',', '\t', ';', '|'};
constexpr recforge::TextEncoding kEncodings[] = {
    recforge::TextEncoding::Auto, recforge::TextEncoding::Utf8, recforge::TextEncoding::Gb18030};
} // namespace

ImportPreviewPage::ImportPreviewPage(ImportWizard *wizard)
    : QWizardPage(wizard), m_wizard(wizard), m_delimiterLabel(new QLabel(this)),
      m_delimiter(new QComboBox(this)), m_encodingLabel(new QLabel(this)),
      m_encoding(new QComboBox(this)), m_header(new QCheckBox(this)), m_info(new QLabel(this)),
      m_error(new QLabel(this)), m_table(new QTableWidget(this))
{
    m_delimiter->setObjectName(QStringLiteral("delimiterCombo"));
    m_encoding->setObjectName(QStringLiteral("encodingCombo"));
    m_header->setObjectName(QStringLiteral("headerCheck"));
    m_table->setObjectName(QStringLiteral("previewTable"));
    m_error->setObjectName(QStringLiteral("previewError"));
    for (int i = 0; i < int(std::size(kDelimiters)); ++i)
        m_delimiter->addItem(QString(), i);
    for (int i = 0; i < int(std::size(kEncodings)); ++i)
        m_encoding->addItem(QString(), i);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b42318;"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_info->setWordWrap(true);

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_delimiterLabel);
    controls->addWidget(m_delimiter);
    controls->addSpacing(12);
    controls->addWidget(m_encodingLabel);
    controls->addWidget(m_encoding);
    controls->addSpacing(12);
    controls->addWidget(m_header);
    controls->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_info);
    layout->addWidget(m_error);
    layout->addWidget(m_table, 1);

    connect(m_delimiter, &QComboBox::currentIndexChanged, this, &ImportPreviewPage::refresh);
    connect(m_encoding, &QComboBox::currentIndexChanged, this, &ImportPreviewPage::refresh);
    connect(m_header, &QCheckBox::toggled, this, [this] {
        m_headerTouched = true;
        refresh();
    });
    retranslateUi();
}

void ImportPreviewPage::initializePage()
{
    m_headerTouched = false;
    const QSignalBlocker b1(m_delimiter), b2(m_encoding);
    m_delimiter->setCurrentIndex(0);
    m_encoding->setCurrentIndex(0);
    refresh();
}

void ImportPreviewPage::refresh()
{
    recforge::ImportOptions options = m_wizard->options();
    options.delimiter = kDelimiters[std::max(0, m_delimiter->currentData().toInt())];
    options.encoding = kEncodings[std::max(0, m_encoding->currentData().toInt())];
    options.hasHeader = m_headerTouched ? std::optional<bool>(m_header->isChecked()) : std::nullopt;
    options.columns = {}; // let the preview suggest a mapping for these settings

    auto preview = recforge::previewFile(options, kPreviewRows);
    m_table->clear();
    m_table->setRowCount(0);
    m_table->setColumnCount(0);
    if (!preview) {
        m_ok = false;
        m_wizard->setPreview(std::nullopt);
        m_error->setText(
            tr("Cannot read the file: %1").arg(QString::fromStdString(preview.error().toString())));
        m_error->show();
        m_info->clear();
        Q_EMIT completeChanged();
        return;
    }
    m_ok = true;
    m_error->hide();
    m_error->clear();
    {
        const QSignalBlocker blocker(m_header);
        m_header->setChecked(preview->hasHeader);
    }
    m_delimiter->setEnabled(preview->format == recforge::ImportFormat::Delimited);
    m_header->setEnabled(preview->format == recforge::ImportFormat::Delimited);
    const int columns = int(preview->columnNames.size());
    m_table->setColumnCount(columns);
    QStringList headers;
    for (int c = 0; c < columns; ++c) {
        const QString type =
            c < int(preview->columnTypes.size())
                ? QString::fromLatin1(recforge::columnTypeName(preview->columnTypes[size_t(c)]))
                : QString();
        headers << QStringLiteral("%1\n(%2)")
                       .arg(QString::fromStdString(preview->columnNames[size_t(c)]), type);
    }
    m_table->setHorizontalHeaderLabels(headers);
    m_table->setRowCount(int(preview->rows.size()));
    for (int r = 0; r < int(preview->rows.size()); ++r) {
        const auto &row = preview->rows[size_t(r)];
        for (int c = 0; c < columns && c < int(row.size()); ++c)
            m_table->setItem(r, c, new QTableWidgetItem(QString::fromStdString(row[size_t(c)])));
    }
    m_table->resizeColumnsToContents();
    m_wizard->setPreview(std::move(*preview));
    updateInfo();
    Q_EMIT completeChanged();
}

void ImportPreviewPage::updateInfo()
{
    const auto &preview = m_wizard->preview();
    if (!preview) {
        m_info->clear();
        return;
    }
    QString delimiter;
    switch (preview->delimiter) {
    case ',':
        delimiter = tr("comma");
        break;
    case '\t':
        delimiter = tr("tab");
        break;
    case ';':
        delimiter = tr("semicolon");
        break;
    case '|':
        delimiter = tr("pipe");
        break;
    default:
        delimiter = QString(QLatin1Char(preview->delimiter));
    }
    const QString format = QString::fromLatin1(recforge::importFormatName(preview->format));
    const QString encoding = QString::fromStdString(preview->encodingName);
    if (preview->format == recforge::ImportFormat::Delimited)
        m_info->setText(
            tr("Read as %1, delimiter %2, encoding %3, %4.")
                .arg(format, delimiter, encoding,
                     preview->hasHeader ? tr("with a header row") : tr("without a header row")));
    else
        m_info->setText(tr("Read as %1, encoding %2.").arg(format, encoding));
}

bool ImportPreviewPage::isComplete() const
{
    return m_ok;
}

bool ImportPreviewPage::validatePage()
{
    const auto &preview = m_wizard->preview();
    if (!preview)
        return false;
    // Import exactly what the preview showed.
    recforge::ImportOptions &options = m_wizard->options();
    options.format = preview->format;
    options.encoding = preview->encoding;
    options.delimiter = preview->delimiter;
    options.hasHeader = preview->hasHeader;
    return true;
}

QString ImportPreviewPage::errorText() const
{
    return m_error->text();
}

void ImportPreviewPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWizardPage::changeEvent(event);
}

void ImportPreviewPage::retranslateUi()
{
    setTitle(tr("Preview"));
    setSubTitle(tr("The first %1 rows as they will be read. Adjust the settings if the columns "
                   "look wrong.")
                    .arg(kPreviewRows));
    m_delimiterLabel->setText(tr("Delimiter:"));
    const QStringList delimiters{tr("Automatic"), tr("Comma (,)"), tr("Tab"), tr("Semicolon (;)"),
                                 tr("Pipe (|)")};
    for (int i = 0; i < m_delimiter->count(); ++i)
        m_delimiter->setItemText(i, delimiters[i]);
    m_encodingLabel->setText(tr("Encoding:"));
    const QStringList encodings{tr("Automatic"), QStringLiteral("UTF-8"),
                                QStringLiteral("GB18030")};
    for (int i = 0; i < m_encoding->count(); ++i)
        m_encoding->setItemText(i, encodings[i]);
    m_header->setText(tr("First row is a header"));
    updateInfo();
}

} // namespace recforge::ui
