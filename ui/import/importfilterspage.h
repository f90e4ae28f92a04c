#pragma once

#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QGroupBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace recforge::ui {

class ImportWizard;
class SplitParamsWidget;

// Page 5: cleaning (dedup, minimum interactions per user / item, k-core, time window), the split
// to store with the dataset, the dataset name and the error policy.
class ImportFiltersPage : public QWizardPage {
    Q_OBJECT
public:
    explicit ImportFiltersPage(ImportWizard *wizard);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    ImportWizard *m_wizard;
    QGroupBox *m_filterBox;
    QCheckBox *m_dedup;
    QLabel *m_minUserLabel;
    QSpinBox *m_minUser;
    QLabel *m_minItemLabel;
    QSpinBox *m_minItem;
    QCheckBox *m_kcore;
    QCheckBox *m_window;
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
    QGroupBox *m_splitBox;
    SplitParamsWidget *m_split;
    QGroupBox *m_datasetBox;
    QLabel *m_nameLabel;
    QLineEdit *m_name;
    QCheckBox *m_replace;
    QLabel *m_policyLabel;
    QComboBox *m_policy;
};

} // namespace recforge::ui
