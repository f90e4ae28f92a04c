#include "scorehistoriesdialog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace recforge::ui {

namespace {

// A line edit with a "Browse…" button beside it.
QHBoxLayout *withBrowse(QLineEdit *edit, QPushButton *browse)
{
    auto *row = new QHBoxLayout;
    row->addWidget(edit, 1);
    row->addWidget(browse);
    return row;
}

} // namespace

ScoreHistoriesDialog::ScoreHistoriesDialog(QWidget *parent)
    : QDialog(parent), m_model(new QLineEdit(this)), m_histories(new QLineEdit(this)),
      m_output(new QLineEdit(this)), m_k(new QSpinBox(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Score user histories with an exported model"));
    m_model->setPlaceholderText(tr("export folder or .ckpt file"));
    m_histories->setPlaceholderText(tr("CSV (user,item) or \"user item1 item2 …\" lines"));
    m_k->setRange(1, 1000);
    m_k->setValue(10);
    auto *modelFolder = new QPushButton(tr("Folder…"), this);
    auto *modelFile = new QPushButton(tr("Checkpoint…"), this);
    auto *historiesBrowse = new QPushButton(tr("Browse…"), this);
    auto *outputBrowse = new QPushButton(tr("Browse…"), this);
    auto *modelRow = withBrowse(m_model, modelFolder);
    modelRow->addWidget(modelFile);

    auto *form = new QFormLayout;
    form->addRow(tr("Model"), modelRow);
    form->addRow(tr("Histories"), withBrowse(m_histories, historiesBrowse));
    form->addRow(tr("Write to"), withBrowse(m_output, outputBrowse));
    form->addRow(tr("Top-K length"), m_k);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    resize(640, sizeHint().height());

    connect(modelFolder, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Export folder"));
        if (!dir.isEmpty())
            m_model->setText(dir);
    });
    connect(modelFile, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("RecForge checkpoint"), {},
                                                          tr("Checkpoints (*.ckpt)"));
        if (!file.isEmpty())
            m_model->setText(file);
    });
    connect(historiesBrowse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("User histories"));
        if (!file.isEmpty()) {
            m_histories->setText(file);
            if (m_output->text().isEmpty())
                m_output->setText(QFileInfo(file).absolutePath() +
                                  QStringLiteral("/recommendations.csv"));
        }
    });
    connect(outputBrowse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Recommendations CSV"),
                                                          m_output->text(), tr("CSV (*.csv)"));
        if (!file.isEmpty())
            m_output->setText(file);
    });
    for (QLineEdit *edit : {m_model, m_histories, m_output})
        connect(edit, &QLineEdit::textChanged, this, &ScoreHistoriesDialog::updateOk);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateOk();
}

QString ScoreHistoriesDialog::modelPath() const
{
    return m_model->text().trimmed();
}

QString ScoreHistoriesDialog::historiesPath() const
{
    return m_histories->text().trimmed();
}

QString ScoreHistoriesDialog::outputPath() const
{
    return m_output->text().trimmed();
}

int ScoreHistoriesDialog::k() const
{
    return m_k->value();
}

void ScoreHistoriesDialog::updateOk()
{
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!modelPath().isEmpty() && !historiesPath().isEmpty() &&
                     !outputPath().isEmpty());
}

} // namespace recforge::ui
