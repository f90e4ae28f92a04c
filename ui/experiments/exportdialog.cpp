#include "exportdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace recforge::ui {

ExportDialog::ExportDialog(qint64 runId, const QString &suggestedDir, QWidget *parent)
    : QDialog(parent), m_dir(new QLineEdit(suggestedDir, this)), m_report(new QCheckBox(this)),
      m_approximate(new QCheckBox(this)), m_k(new QSpinBox(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Export run #%1").arg(runId));
    m_dir->setObjectName(QStringLiteral("exportDirEdit"));
    auto *browse = new QPushButton(tr("Browse…"), this);
    auto *dirRow = new QHBoxLayout;
    dirRow->addWidget(m_dir, 1);
    dirRow->addWidget(browse);

    const std::pair<recforge::ExportFormat, QString> formats[] = {
        {recforge::ExportFormat::Safetensors, tr("safetensors weights + config.json")},
        {recforge::ExportFormat::TorchScript, tr("TorchScript (torch.jit.load in Python)")},
        {recforge::ExportFormat::Checkpoint, tr("RecForge checkpoint")},
        {recforge::ExportFormat::Embeddings, tr("Item and user embeddings (CSV and .npy)")},
        {recforge::ExportFormat::TopK, tr("Top-K lists of every user (CSV)")},
    };
    auto *formatBoxes = new QVBoxLayout;
    for (const auto &[format, text] : formats) {
        auto *box = new QCheckBox(text, this);
        box->setChecked(true);
        box->setObjectName(QStringLiteral("format_") +
                           QString::fromLatin1(exportFormatName(format)));
        m_formats.insert(format, box);
        formatBoxes->addWidget(box);
    }
    m_report->setText(tr("Experiment report (HTML with curves and metrics)"));
    m_report->setChecked(true);
    formatBoxes->addWidget(m_report);
    m_k->setRange(1, 1000);
    m_k->setValue(10);
    m_approximate->setObjectName(QStringLiteral("approximateTopK"));
    m_approximate->setText(tr("Approximate top-K from an HNSW index (large catalogues)"));
    m_approximate->setToolTip(
        tr("Searches an index over the item embeddings instead of scoring every item. Needs an "
           "embedding model (BPR, SASRec, BERT4Rec); recall@K against exact top-K is measured on "
           "1000 users and written to config.json."));

    auto *form = new QFormLayout;
    form->addRow(tr("Folder"), dirRow);
    form->addRow(tr("Files"), formatBoxes);
    form->addRow(tr("Top-K length"), m_k);
    form->addRow(QString(), m_approximate);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_buttons);

    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_dir, &QLineEdit::textChanged, this, &ExportDialog::updateOk);
    for (QCheckBox *box : std::as_const(m_formats))
        connect(box, &QCheckBox::toggled, this, &ExportDialog::updateOk);
    connect(m_report, &QCheckBox::toggled, this, &ExportDialog::updateOk);
    connect(m_formats.value(recforge::ExportFormat::TopK), &QCheckBox::toggled, m_approximate,
            &QCheckBox::setEnabled);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateOk();
}

recforge::ExportOptions ExportDialog::options() const
{
    recforge::ExportOptions o;
    o.dir = m_dir->text().trimmed().toStdString();
    for (auto it = m_formats.cbegin(); it != m_formats.cend(); ++it)
        if (it.value()->isChecked())
            o.formats.insert(it.key());
    o.k = m_k->value();
    o.report = m_report->isChecked();
    o.approximateTopK = m_approximate->isEnabled() && m_approximate->isChecked();
    return o;
}

void ExportDialog::setDirectory(const QString &dir)
{
    m_dir->setText(dir);
}

void ExportDialog::browse()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Export folder"), m_dir->text());
    if (!dir.isEmpty())
        m_dir->setText(dir);
}

void ExportDialog::updateOk()
{
    bool anyFormat = false;
    for (QCheckBox *box : std::as_const(m_formats))
        anyFormat = anyFormat || box->isChecked();
    // An empty format set would mean "everything": at least one box must be ticked.
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!m_dir->text().trimmed().isEmpty() && anyFormat);
}

} // namespace recforge::ui
