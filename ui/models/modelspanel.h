#pragma once

#include <memory>

#include <QWidget>

#include "common/error.h"
#include "experiment/trainrun.h"

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QToolButton;
class QTreeWidget;

namespace recforge {
class Project;
struct ModelSchema;
} // namespace recforge

namespace recforge::ui {

class ParamForm;
class RunOptionsWidget;

// The Models workspace: every registered model (grouped by family, with its description), a
// parameter form generated from the selected model's schema, the run options, the resolved run
// config as JSON (what `recforge-cli train --config` reads) and "Train", which hands the config to
// the Training workspace's queue.
class ModelsPanel : public QWidget {
    Q_OBJECT
public:
    explicit ModelsPanel(QWidget *parent = nullptr);

    void setProject(std::shared_ptr<recforge::Project> project);
    // Selects a model by registry id; false when unknown.
    bool selectModel(const QString &id);
    QString currentModelId() const;

    // The run config of the current form (params resolved), or the first error: a parameter
    // (Location::field = its key), or a run option.
    recforge::Expected<recforge::TrainRunConfig> buildConfig();

    QTreeWidget *modelTree() const { return m_tree; }
    ParamForm *form() const { return m_form; }
    RunOptionsWidget *options() const { return m_options; }
    QPushButton *trainButton() const { return m_train; }
    QPlainTextEdit *configView() const { return m_json; }
    QLabel *errorLabel() const { return m_error; }

    static QString familyName(const QString &family);

Q_SIGNALS:
    void trainRequested(const recforge::TrainRunConfig &config);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void populateTree();
    void onModelChanged();
    void updateConfig();
    void train();
    void retranslateUi();

    std::shared_ptr<recforge::Project> m_project;
    const recforge::ModelSchema *m_schema = nullptr;
    QLabel *m_listTitle;
    QTreeWidget *m_tree;
    QLabel *m_title;
    QLabel *m_description;
    QLabel *m_paramsTitle;
    ParamForm *m_form;
    QLabel *m_optionsTitle;
    RunOptionsWidget *m_options;
    QToolButton *m_jsonToggle;
    QPushButton *m_copy;
    QPlainTextEdit *m_json;
    QLabel *m_error;
    QPushButton *m_train;
};

} // namespace recforge::ui
