#include "rejectedrowsdialog.h"

#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include "appsettings.h"
#include "data/csvwriter.h"
#include "data/rejectedrowsmodel.h"

namespace recforge::ui {

RejectedRowsDialog::RejectedRowsDialog(
    std::shared_ptr<const std::vector<recforge::RejectedRow>> rows, int64_t totalRejected,
    QWidget *parent)
    : QDialog(parent), m_model(new RejectedRowsModel(std::move(rows), this)),
      m_total(totalRejected), m_summary(new QLabel(this)), m_view(new QTableView(this)),
      m_export(new QPushButton(this)), m_close(new QPushButton(this))
{
    m_view->setModel(m_model);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setVisible(false);
    m_view->horizontalHeader()->setResizeContentsPrecision(100);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->resizeColumnsToContents();
    m_export->setObjectName(QStringLiteral("exportCsvButton"));
    m_export->setEnabled(m_model->rowCount() > 0);
    connect(m_export, &QPushButton::clicked, this, &RejectedRowsDialog::exportCsv);
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_export);
    buttons->addStretch(1);
    buttons->addWidget(m_close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
    resize(900, 480);
    retranslateUi();
}

std::shared_ptr<const std::vector<recforge::RejectedRow>>
RejectedRowsDialog::collect(const recforge::ImportReport &report)
{
    auto rows = std::make_shared<std::vector<recforge::RejectedRow>>();
    for (const recforge::FileImportReport &file : report.files)
        rows->insert(rows->end(), file.rejected.begin(), file.rejected.end());
    return rows;
}

bool RejectedRowsDialog::exportTo(const QString &path)
{
    QString error;
    if (CsvWriter::writeRejectedRows(path, m_model->rows(), &error))
        return true;
    QMessageBox::warning(this, tr("Export failed"), tr("Could not write %1:\n%2").arg(path, error));
    return false;
}

void RejectedRowsDialog::exportCsv()
{
    AppSettings settings;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export rejected rows"),
        settings.lastDirectory() + QStringLiteral("/rejected.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    settings.setLastDirectory(QFileInfo(path).absolutePath());
    exportTo(path);
}

void RejectedRowsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void RejectedRowsDialog::retranslateUi()
{
    setWindowTitle(tr("Rejected rows"));
    const QLocale locale;
    const int kept = m_model->rowCount();
    if (m_total > kept)
        m_summary->setText(tr("%1 rows were rejected; the first %2 are listed.")
                               .arg(locale.toString(qlonglong(m_total)), locale.toString(kept)));
    else
        m_summary->setText(tr("%n row(s) were rejected.", nullptr, kept));
    m_export->setText(tr("Export CSV..."));
    m_close->setText(tr("Close"));
    m_model->retranslate();
}

} // namespace recforge::ui
