#pragma once

#include <array>

#include <QWidget>

#include "experiment/pipeline.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace recforge::ui {

class StageCurvesChart;

// The parameters of a pipeline as one compact form: the encoder's shape on one row, then three
// side-by-side stage boxes "Pretrain → Fine-tune → Distil", each with its status line, its own
// QFormLayout, a "Re-run this stage" button and a small chart of the stage run's curves.
// params() starts from the params last given to setParams() (dataset, split, evaluations and
// every field the form does not show are kept) and writes the form's values over them.
class PipelineForm : public QWidget {
    Q_OBJECT
public:
    explicit PipelineForm(QWidget *parent = nullptr);

    // A new pipeline's defaults: SASRec "small" shape (hidden 64, 2 layers, 2 heads, max length
    // 50, dropout 0.3), cloze + attribute prediction, a fine-tune with early stopping, and a
    // SASRec student of hidden size 32 distilled with KL.
    static recforge::PipelineParams defaults();

    void setParams(const recforge::PipelineParams &params);
    recforge::PipelineParams params() const;

    StageCurvesChart *chart(recforge::PipelineStage stage) const { return m_charts[index(stage)]; }
    QLabel *statusLabel(recforge::PipelineStage stage) const { return m_status[index(stage)]; }
    QPushButton *rerunButton(recforge::PipelineStage stage) const { return m_rerun[index(stage)]; }
    // Switches the parameter widgets (not the charts) on or off while a pipeline runs.
    void setEditable(bool editable);

    // Widgets the test sets.
    QSpinBox *hiddenSize() const { return m_hidden; }
    QCheckBox *distilEnabled() const { return m_distil; }
    QComboBox *studentModel() const { return m_studentModel; }
    QDoubleSpinBox *alpha() const { return m_alpha; }
    QSpinBox *finetuneEpochs() const { return m_ftEpochs; }
    QCheckBox *reinitHead() const { return m_reinit; }
    QCheckBox *dropHead() const { return m_dropHead; }
    QCheckBox *pretrainPrefixes() const { return m_prefixes; }
    QComboBox *clozeLoss() const { return m_clozeLoss; }
    QSpinBox *clozeNegatives() const { return m_clozeNegatives; }

Q_SIGNALS:
    void rerunRequested(recforge::PipelineStage stage);
    void changed();

protected:
    void changeEvent(QEvent *event) override;

private:
    static size_t index(recforge::PipelineStage stage) { return size_t(stage); }
    QWidget *buildShape();
    QGroupBox *buildPretrain();
    QGroupBox *buildFinetune();
    QGroupBox *buildDistil();
    // The stage's status line above its form and its "Re-run this stage" button below.
    QGroupBox *finishStageBox(QGroupBox *box, QFormLayout *form, int stage);
    void updateEnabled();
    void retranslateUi();

    recforge::PipelineParams m_base;
    bool m_editable = true;

    QGroupBox *m_shapeBox;
    QSpinBox *m_hidden, *m_layers, *m_heads, *m_maxLength;
    QDoubleSpinBox *m_dropout;
    std::array<QLabel *, 5> m_shapeLabels{};

    std::array<QGroupBox *, 3> m_boxes{};
    std::array<QLabel *, 3> m_status{};
    std::array<QPushButton *, 3> m_rerun{};
    std::array<StageCurvesChart *, 3> m_charts{};
    std::array<QLabel *, 2> m_arrows{};

    QCheckBox *m_cloze, *m_attributes, *m_text, *m_prefixes;
    QComboBox *m_clozeLoss;
    QDoubleSpinBox *m_maskProb, *m_clozeWeight, *m_aapWeight, *m_mapWeight;
    QSpinBox *m_ptEpochs, *m_textEpochs, *m_clozeNegatives;
    QSpinBox *m_ftEpochs, *m_patience, *m_freeze;
    QDoubleSpinBox *m_lr, *m_layerDecay;
    QCheckBox *m_reinit;
    QCheckBox *m_dropHead;
    QCheckBox *m_distil;
    QComboBox *m_studentModel, *m_mode;
    QSpinBox *m_studentHidden;
    QDoubleSpinBox *m_alpha, *m_temperature;
    // Form row labels, retranslated together.
    std::vector<std::pair<QLabel *, const char *>> m_rowLabels;
};

} // namespace recforge::ui
