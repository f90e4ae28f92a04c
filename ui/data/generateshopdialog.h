#pragma once

#include <QDialog>

#include "data/generator.h"

class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace recforge::ui {

// "Generate demo shop...": size (users, items, events), seed and dataset name of the synthetic
// shop. A dataset with the same name is replaced.
class GenerateShopDialog : public QDialog {
    Q_OBJECT
public:
    explicit GenerateShopDialog(QWidget *parent = nullptr);

    recforge::ShopParams params() const;
    void setParams(const recforge::ShopParams &params);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QFormLayout *m_form;
    QLabel *m_intro;
    QSpinBox *m_users;
    QSpinBox *m_items;
    QSpinBox *m_events;
    QSpinBox *m_seed;
    QLineEdit *m_name;
    QDialogButtonBox *m_buttons;
};

} // namespace recforge::ui
