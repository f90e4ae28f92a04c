#include "importfilterspage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSpinBox>
#include <QTimeZone>
#include <QVBoxLayout>

#include "data/splitparamswidget.h"
#include "import/importwizard.h"
#include "store/project.h"

namespace recforge::ui {

namespace {
QDateTimeEdit *makeDateEdit(QWidget *parent, const QDate &date)
{
    auto *edit = new QDateTimeEdit(parent);
    edit->setTimeSpec(Qt::UTC);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    edit->setCalendarPopup(true);
    edit->setDateTime(QDateTime(date, QTime(0, 0), QTimeZone::utc()));
    edit->setEnabled(false);
    return edit;
}
} // namespace

ImportFiltersPage::ImportFiltersPage(ImportWizard *wizard)
    : QWizardPage(wizard), m_wizard(wizard), m_filterBox(new QGroupBox(this)),
      m_dedup(new QCheckBox(this)), m_minUserLabel(new QLabel(this)), m_minUser(new QSpinBox(this)),
      m_minItemLabel(new QLabel(this)), m_minItem(new QSpinBox(this)), m_kcore(new QCheckBox(this)),
      m_window(new QCheckBox(this)), m_from(makeDateEdit(this, QDate(2000, 1, 1))),
      m_to(makeDateEdit(this, QDate::currentDate().addDays(1))), m_splitBox(new QGroupBox(this)),
      m_split(new SplitParamsWidget(this)), m_datasetBox(new QGroupBox(this)),
      m_nameLabel(new QLabel(this)), m_name(new QLineEdit(this)), m_replace(new QCheckBox(this)),
      m_policyLabel(new QLabel(this)), m_policy(new QComboBox(this))
{
    m_dedup->setObjectName(QStringLiteral("dedupCheck"));
    m_minUser->setObjectName(QStringLiteral("minUserSpin"));
    m_minItem->setObjectName(QStringLiteral("minItemSpin"));
    m_kcore->setObjectName(QStringLiteral("kcoreCheck"));
    m_window->setObjectName(QStringLiteral("timeWindowCheck"));
    m_splitBox->setObjectName(QStringLiteral("splitBox"));
    m_name->setObjectName(QStringLiteral("datasetNameEdit"));
    m_replace->setObjectName(QStringLiteral("replaceCheck"));
    m_policy->setObjectName(QStringLiteral("errorPolicyCombo"));
    m_minUser->setRange(0, 1'000'000);
    m_minItem->setRange(0, 1'000'000);
    m_policy->addItem(QString(), int(recforge::ErrorPolicy::SkipAndReport));
    m_policy->addItem(QString(), int(recforge::ErrorPolicy::StopAtFirstError));
    m_splitBox->setCheckable(true);
    m_splitBox->setChecked(true);
    connect(m_window, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_window, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
    connect(m_name, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);

    auto *filters = new QGridLayout(m_filterBox);
    filters->addWidget(m_dedup, 0, 0, 1, 2);
    filters->addWidget(m_kcore, 0, 2, 1, 2);
    filters->addWidget(m_minUserLabel, 1, 0);
    filters->addWidget(m_minUser, 1, 1);
    filters->addWidget(m_minItemLabel, 1, 2);
    filters->addWidget(m_minItem, 1, 3);
    filters->addWidget(m_window, 2, 0);
    filters->addWidget(m_from, 2, 1);
    filters->addWidget(m_to, 2, 2);
    auto *splitLayout = new QVBoxLayout(m_splitBox);
    splitLayout->addWidget(m_split);
    auto *dataset = new QGridLayout(m_datasetBox);
    dataset->addWidget(m_nameLabel, 0, 0);
    dataset->addWidget(m_name, 0, 1);
    dataset->addWidget(m_replace, 0, 2);
    dataset->addWidget(m_policyLabel, 1, 0);
    dataset->addWidget(m_policy, 1, 1, 1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filterBox);
    layout->addWidget(m_splitBox);
    layout->addWidget(m_datasetBox);
    layout->addStretch(1);
    retranslateUi();
}

void ImportFiltersPage::initializePage()
{
    const recforge::ImportOptions &options = m_wizard->options();
    if (m_name->text().isEmpty() || !m_name->isModified())
        m_name->setText(QString::fromStdString(options.datasetName));
}

bool ImportFiltersPage::isComplete() const
{
    return !m_name->text().trimmed().isEmpty();
}

bool ImportFiltersPage::validatePage()
{
    ImportRequest &request = m_wizard->request();
    const QString name = m_name->text().trimmed();
    request.options.datasetName = name.toStdString();
    request.options.errorPolicy = recforge::ErrorPolicy(m_policy->currentData().toInt());
    request.replaceExisting = m_replace->isChecked();
    if (!request.replaceExisting && m_wizard->project() &&
        m_wizard->project()->findDataset(name.toStdString())) {
        QMessageBox::warning(this, tr("Name in use"),
                             tr("The project already has a dataset named \"%1\". Choose another "
                                "name or tick \"Replace\".")
                                 .arg(name));
        return false;
    }
    recforge::FilterParams filter;
    filter.dedup = m_dedup->isChecked();
    filter.minUserInteractions = m_minUser->value();
    filter.minItemInteractions = m_minItem->value();
    filter.kcore = m_kcore->isChecked();
    if (m_window->isChecked()) {
        filter.timeFrom = m_from->dateTime().toSecsSinceEpoch();
        filter.timeTo = m_to->dateTime().toSecsSinceEpoch();
        if (*filter.timeFrom >= *filter.timeTo) {
            QMessageBox::warning(this, tr("Time window"),
                                 tr("The start of the time window must be before its end."));
            return false;
        }
    }
    request.filter = filter;
    if (m_splitBox->isChecked())
        request.split = m_split->params();
    else
        request.split.reset();
    return true;
}

void ImportFiltersPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWizardPage::changeEvent(event);
}

void ImportFiltersPage::retranslateUi()
{
    setTitle(tr("Filters, split and name"));
    setSubTitle(tr("Clean the log, choose how to split it for evaluation, and name the dataset."));
    m_filterBox->setTitle(tr("Filters"));
    m_dedup->setText(tr("Remove duplicate rows"));
    m_kcore->setText(tr("Repeat until stable (k-core)"));
    m_minUserLabel->setText(tr("Min. interactions per user:"));
    m_minItemLabel->setText(tr("Min. interactions per item:"));
    m_window->setText(tr("Only between (UTC):"));
    m_splitBox->setTitle(tr("Make a split"));
    m_datasetBox->setTitle(tr("Dataset"));
    m_nameLabel->setText(tr("Name:"));
    m_replace->setText(tr("Replace a dataset with this name"));
    m_policyLabel->setText(tr("Bad rows:"));
    m_policy->setItemText(0, tr("Skip them and report them"));
    m_policy->setItemText(1, tr("Stop at the first bad row"));
}

} // namespace recforge::ui
