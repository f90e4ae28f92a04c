#pragma once

#include <memory>

#include <QWidget>

#include "experiment/trainrun.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace recforge {
class Project;
}

namespace recforge::ui {

// Everything of a training run except the model parameters: dataset and split (a stored split
// of that dataset, or a new leave-one-out split), seed, device and threads (defaults from the
// preferences), validation users, the test evaluations (full ranking, uni-N, pop-N at a K list)
// and the run name.
class RunOptionsWidget : public QWidget {
    Q_OBJECT
public:
    explicit RunOptionsWidget(QWidget *parent = nullptr);

    void setProject(std::shared_ptr<recforge::Project> project);
    // Re-reads the project's datasets (and the selected one's splits), keeping the selection.
    void refreshDatasets();
    // Device and threads from the preferences.
    void loadPreferences();

    // Writes the options into `config`. Returns an error text for invalid options (an empty K
    // list, no evaluation chosen), empty when fine.
    QString fill(recforge::TrainRunConfig &config) const;
    // The inverse of fill(): shows `config`'s dataset (the newest when empty or unknown), split,
    // seed, device, threads, validation users, evaluations, K list and run name.
    void apply(const recforge::TrainRunConfig &config);
    // Parses "5, 10, 20" (spaces or commas; each K in [1, 1000]). Empty on error.
    static std::vector<int> parseKs(const QString &text);

    QComboBox *datasetCombo() const { return m_dataset; }
    QComboBox *splitCombo() const { return m_split; }

Q_SIGNALS:
    void changed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void refreshSplits();
    void retranslateUi();

    std::shared_ptr<recforge::Project> m_project;
    QLabel *m_datasetLabel, *m_splitLabel, *m_seedLabel, *m_deviceLabel, *m_threadsLabel;
    QLabel *m_validLabel, *m_evalLabel, *m_ksLabel, *m_nameLabel;
    QComboBox *m_dataset;
    QComboBox *m_split;
    QSpinBox *m_seed;
    QComboBox *m_device;
    QSpinBox *m_threads;
    QSpinBox *m_validationUsers;
    QCheckBox *m_full;
    QCheckBox *m_uniform;
    QCheckBox *m_popular;
    QSpinBox *m_negatives;
    QLineEdit *m_ks;
    QLineEdit *m_name;
};

} // namespace recforge::ui
