#pragma once

#include <QDialog>

#include "data/split.h"

class QDialogButtonBox;
class QLabel;

namespace recforge::ui {

class SplitParamsWidget;

// "New split...": asks for SplitParams for the selected dataset.
class NewSplitDialog : public QDialog {
    Q_OBJECT
public:
    explicit NewSplitDialog(const QString &datasetName, QWidget *parent = nullptr);

    recforge::SplitParams params() const;
    SplitParamsWidget *paramsWidget() const { return m_params; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QString m_datasetName;
    QLabel *m_intro;
    SplitParamsWidget *m_params;
    QDialogButtonBox *m_buttons;
};

} // namespace recforge::ui
