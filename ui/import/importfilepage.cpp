#include "importfilepage.h"

#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

#include "appsettings.h"
#include "import/importwizard.h"

namespace recforge::ui {

namespace {
constexpr recforge::ImportFormat kFormats[] = {
    recforge::ImportFormat::Auto,      recforge::ImportFormat::Delimited,
    recforge::ImportFormat::JsonLines, recforge::ImportFormat::Sequence,
    recforge::ImportFormat::MovieLens, recforge::ImportFormat::RecBole};
}

ImportFilePage::ImportFilePage(ImportWizard *wizard)
    : QWizardPage(wizard), m_wizard(wizard), m_pathLabel(new QLabel(this)),
      m_path(new QLineEdit(this)), m_browse(new QPushButton(this)), m_formatLabel(new QLabel(this)),
      m_format(new QComboBox(this)), m_itemsLabel(new QLabel(this)),
      m_itemsPath(new QLineEdit(this)), m_browseItems(new QPushButton(this)),
      m_usersLabel(new QLabel(this)), m_usersPath(new QLineEdit(this)),
      m_browseUsers(new QPushButton(this)), m_hint(new QLabel(this))
{
    m_path->setObjectName(QStringLiteral("pathEdit"));
    m_format->setObjectName(QStringLiteral("formatCombo"));
    m_itemsPath->setObjectName(QStringLiteral("itemsPathEdit"));
    m_usersPath->setObjectName(QStringLiteral("usersPathEdit"));
    for (int i = 0; i < int(std::size(kFormats)); ++i)
        m_format->addItem(QString(), i);
    m_hint->setWordWrap(true);
    m_hint->setStyleSheet(QStringLiteral("color: #57606a;"));

    auto *grid = new QGridLayout(this);
    grid->addWidget(m_pathLabel, 0, 0);
    grid->addWidget(m_path, 0, 1);
    grid->addWidget(m_browse, 0, 2);
    grid->addWidget(m_formatLabel, 1, 0);
    grid->addWidget(m_format, 1, 1);
    grid->addWidget(m_itemsLabel, 2, 0);
    grid->addWidget(m_itemsPath, 2, 1);
    grid->addWidget(m_browseItems, 2, 2);
    grid->addWidget(m_usersLabel, 3, 0);
    grid->addWidget(m_usersPath, 3, 1);
    grid->addWidget(m_browseUsers, 3, 2);
    grid->addWidget(m_hint, 4, 0, 1, 3);
    grid->setRowStretch(5, 1);

    connect(m_path, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
    connect(m_browse, &QPushButton::clicked, this,
            [this] { browse(m_path, tr("Interactions file")); });
    connect(m_browseItems, &QPushButton::clicked, this,
            [this] { browse(m_itemsPath, tr("Item catalogue file")); });
    connect(m_browseUsers, &QPushButton::clicked, this,
            [this] { browse(m_usersPath, tr("User attributes file")); });
    retranslateUi();
}

void ImportFilePage::setPath(const QString &path)
{
    m_path->setText(path);
}

bool ImportFilePage::isComplete() const
{
    return QFileInfo(m_path->text().trimmed()).isFile();
}

bool ImportFilePage::validatePage()
{
    recforge::ImportOptions &options = m_wizard->options();
    const std::string path = m_path->text().trimmed().toStdString();
    if (path != options.path) {
        // A new file: forget what was sniffed or mapped for the previous one.
        const recforge::ImportOptions fresh;
        options = fresh;
        options.path = path;
        options.datasetName = QFileInfo(m_path->text().trimmed()).completeBaseName().toStdString();
    }
    options.format = kFormats[m_format->currentData().toInt()];
    options.itemsPath = m_itemsPath->text().trimmed().toStdString();
    options.usersPath = m_usersPath->text().trimmed().toStdString();
    return true;
}

void ImportFilePage::browse(QLineEdit *edit, const QString &title)
{
    AppSettings settings;
    const QString path = QFileDialog::getOpenFileName(
        this, title, settings.lastDirectory(),
        tr("Data files (*.csv *.tsv *.txt *.dat *.data *.jsonl *.json *.inter *.item *.user);;"
           "All files (*)"));
    if (path.isEmpty())
        return;
    settings.setLastDirectory(QFileInfo(path).absolutePath());
    edit->setText(path);
}

void ImportFilePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWizardPage::changeEvent(event);
}

void ImportFilePage::retranslateUi()
{
    setTitle(tr("Choose the data"));
    setSubTitle(tr("The interaction log is required; a catalogue and user attributes are "
                   "optional."));
    m_pathLabel->setText(tr("Interactions:"));
    m_browse->setText(tr("Browse..."));
    m_formatLabel->setText(tr("Format:"));
    const QStringList formats{tr("Automatic"),  tr("Delimited text (CSV, TSV, ...)"),
                              tr("JSON Lines"), tr("Sequences (user item1 item2 ...)"),
                              tr("MovieLens"),  tr("RecBole atomic files")};
    for (int i = 0; i < m_format->count(); ++i)
        m_format->setItemText(i, formats[i]);
    m_itemsLabel->setText(tr("Items (optional):"));
    m_browseItems->setText(tr("Browse..."));
    m_usersLabel->setText(tr("Users (optional):"));
    m_browseUsers->setText(tr("Browse..."));
    m_path->setPlaceholderText(tr("Path of a CSV, TSV, JSON Lines, MovieLens or RecBole file"));
    m_hint->setText(tr("Tip: you can drop a file onto this window."));
}

} // namespace recforge::ui
