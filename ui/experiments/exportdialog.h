#pragma once

#include <QDialog>
#include <QMap>

#include "io/modelexport.h"

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace recforge::ui {

// Where and what to export for one run: a folder, the formats (every one by default), the top-K
// length (exact, or approximate from an HNSW index) and the HTML report. OK stays disabled until a
// folder is given.
class ExportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ExportDialog(qint64 runId, const QString &suggestedDir, QWidget *parent = nullptr);

    recforge::ExportOptions options() const;
    void setDirectory(const QString &dir);
    QCheckBox *formatBox(recforge::ExportFormat format) const { return m_formats.value(format); }

private:
    void browse();
    void updateOk();

    QLineEdit *m_dir;
    QMap<recforge::ExportFormat, QCheckBox *> m_formats;
    QCheckBox *m_report;
    QCheckBox *m_approximate;
    QSpinBox *m_k;
    QDialogButtonBox *m_buttons;
};

} // namespace recforge::ui
