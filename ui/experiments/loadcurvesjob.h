#pragma once

#include <memory>

#include <QHash>
#include <QList>

#include "charts/trainingcurveschart.h"
#include "jobs/job.h"
#include "store/runtypes.h"

namespace recforge {
class RunStore;
}

namespace recforge::ui {

// Reads the curves the chart draws (train/loss, train/epoch_loss, valid/NDCG@10, valid/HR@10)
// of some runs from the experiment store on a worker thread.
class LoadCurvesJob : public Job {
    Q_OBJECT
public:
    LoadCurvesJob(std::shared_ptr<recforge::RunStore> store, QList<qint64> runIds,
                  QObject *parent = nullptr);

    QList<qint64> runIds() const { return m_runIds; }
    // Valid after succeeded(): one entry per run id.
    const QHash<qint64, RunCurves> &curves() const { return m_curves; }

    // The series the chart needs, in the store's names.
    static std::vector<std::string> seriesNames();
    // Store series -> chart curves.
    static RunCurves toRunCurves(const std::vector<recforge::CurveSeries> &series);

protected:
    recforge::Status execute(recforge::Observer &observer, recforge::StopToken stop) override;

private:
    std::shared_ptr<recforge::RunStore> m_store;
    QList<qint64> m_runIds;
    QHash<qint64, RunCurves> m_curves;
};

} // namespace recforge::ui
