#pragma once

#include <array>

#include <QWizardPage>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace recforge::ui {

class ImportWizard;

// Page 3: which column is the user, item, timestamp, event and value; preselected from the
// preview's suggestion, each column listed with its inferred type. Plus the timestamp format.
class ImportMappingPage : public QWizardPage {
    Q_OBJECT
public:
    enum Field { UserField, ItemField, TimeField, EventField, ValueField };
    static constexpr int kFields = 5;

    explicit ImportMappingPage(ImportWizard *wizard);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    QComboBox *combo(Field field) const { return m_combos[size_t(field)]; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void collectDistinctEvents();
    void retranslateUi();

    ImportWizard *m_wizard;
    QFormLayout *m_form;
    std::array<QComboBox *, kFields> m_combos{};
    QComboBox *m_timeFormat;
    QLineEdit *m_pattern;
    QLabel *m_note;
};

} // namespace recforge::ui
