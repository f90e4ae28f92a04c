#pragma once

#include <QHash>
#include <QVector>
#include <QWidget>

class QCheckBox;
class QCustomPlot;
class QCPGraph;
class QPushButton;
class QSplitter;

namespace recforge::ui {

// One run's curves as the chart draws them. Loss x = optimiser step; validation x = epoch.
struct RunCurves {
    QVector<double> lossSteps, loss;           // train/loss, one point per step
    QVector<double> epochLossSteps, epochLoss; // train/epoch_loss, at the epoch's last step
    QVector<double> ndcgEpochs, ndcg;          // valid/NDCG@10
    QVector<double> hrEpochs, hr;              // valid/HR@10
};

// Live and overlaid training curves: a loss plot (raw step loss, its exponential moving average,
// epoch loss) above a validation plot (NDCG@10 and HR@10 per epoch). Several runs share the plots,
// each in its own colour. Both plots zoom (wheel) and pan (drag); "Fit" undoes that. Appending
// is cheap; nothing is drawn until replot(), so a caller batches a tick's points and replots once.
class TrainingCurvesChart : public QWidget {
    Q_OBJECT
public:
    enum class Metric { Ndcg10, Hr10 };

    explicit TrainingCurvesChart(QWidget *parent = nullptr);

    // Adds run `key` (or replaces its points and label).
    void setRun(qint64 key, const QString &label, const RunCurves &curves);
    // Live appends; the run is created (empty, label = "run <key>") when missing.
    void appendLoss(qint64 key, const QVector<double> &steps, const QVector<double> &losses);
    void appendEpochLoss(qint64 key, double step, double loss);
    void appendValidation(qint64 key, Metric metric, double epoch, double value);
    void setRunLabel(qint64 key, const QString &label);
    void removeRun(qint64 key);
    void clear();

    bool hasRun(qint64 key) const { return m_runs.contains(key); }
    QList<qint64> runKeys() const { return m_order; }
    int runCount() const { return int(m_order.size()); }
    // Points of the run's step-loss / validation curve (tests, empty checks).
    int lossPointCount(qint64 key) const;
    int validationPointCount(qint64 key, Metric metric) const;
    // Number of runs with at least one step-loss point (what "overlaid curves" counts).
    int runsWithLoss() const;

    // Loss plot above the validation plot (default) or beside it.
    void setOrientation(Qt::Orientation orientation);

    void setLogScale(bool on);
    bool logScale() const { return m_logScale; }
    // Draws both plots; rescales the axes to the data unless the user zoomed or panned.
    void replot();
    // Forgets the user's zoom and fits every curve.
    void fit();

    QCustomPlot *lossPlot() const { return m_loss; }
    QCustomPlot *validationPlot() const { return m_valid; }

    // Exponential moving average weight of the newest loss in the smoothed line.
    static constexpr double kSmoothing = 0.08;

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Run {
        QString label;
        int colour = 0;
        QCPGraph *raw = nullptr, *smooth = nullptr, *epoch = nullptr;
        QCPGraph *ndcg = nullptr, *hr = nullptr;
        double ema = 0;
        bool hasEma = false;
    };
    Run &ensureRun(qint64 key);
    void updateNames(Run &run);
    void setupPlot(QCustomPlot *plot);
    void retranslateUi();

    QCustomPlot *m_loss;
    QCustomPlot *m_valid;
    QCheckBox *m_log;
    QPushButton *m_fit;
    QSplitter *m_splitter;
    QHash<qint64, Run> m_runs;
    QList<qint64> m_order;
    int m_nextColour = 0;
    bool m_logScale = false;
    bool m_userZoomed = false;
    // Only a plot whose data changed is drawn again (replot() runs on every UI tick).
    bool m_lossDirty = true;
    bool m_validDirty = true;
};

} // namespace recforge::ui
