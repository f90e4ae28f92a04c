#pragma once

#include <QWidget>

#include "data/split.h"

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace recforge::ui {

// Form for SplitParams: the kind, then only the parameters that kind uses (ratios, cutoffs,
// support size), the seed and an optional name. Shared by the import wizard and "New split...".
class SplitParamsWidget : public QWidget {
    Q_OBJECT
public:
    explicit SplitParamsWidget(QWidget *parent = nullptr);

    recforge::SplitParams params() const;
    void setParams(const recforge::SplitParams &params);
    // Translated display name of a split kind.
    static QString kindName(recforge::SplitKind kind);

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateVisibility();
    void retranslateUi();

    QFormLayout *m_form;
    QComboBox *m_kind;
    QLineEdit *m_name;
    QSpinBox *m_seed;
    QDoubleSpinBox *m_validRatio;
    QDoubleSpinBox *m_testRatio;
    QSpinBox *m_supportSize;
    QCheckBox *m_autoCutoffs;
    QDateTimeEdit *m_validCutoff;
    QDateTimeEdit *m_testCutoff;
    QDateTimeEdit *m_itemCutoff;
    QLabel *m_help;
};

} // namespace recforge::ui
