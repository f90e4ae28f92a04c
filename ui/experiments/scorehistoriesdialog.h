#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLineEdit;
class QSpinBox;

namespace recforge::ui {

// Asks for an exported model (folder or .ckpt), a histories file and the CSV to write; OK stays
// disabled until all three are given.
class ScoreHistoriesDialog : public QDialog {
    Q_OBJECT
public:
    explicit ScoreHistoriesDialog(QWidget *parent = nullptr);

    QString modelPath() const;
    QString historiesPath() const;
    QString outputPath() const;
    int k() const;

private:
    void updateOk();

    QLineEdit *m_model, *m_histories, *m_output;
    QSpinBox *m_k;
    QDialogButtonBox *m_buttons;
};

} // namespace recforge::ui
