#pragma once
// The Distillation workspace's jobs: list the project's distillation runs, and load one run's
// teacher-versus-student comparison with the learning curves of the teacher, the student and the
// student trained alone. Torch-free header.

#include <memory>
#include <vector>

#include <QHash>
#include <QString>

#include "charts/trainingcurveschart.h"
#include "eval/modelcomparison.h"
#include "jobs/job.h"
#include "store/runtypes.h"

namespace recforge {
class RunStore;
}

namespace recforge::ui {

// Runs of kind "distil", newest first.
class ListDistilRunsJob : public Job {
    Q_OBJECT
public:
    explicit ListDistilRunsJob(std::shared_ptr<recforge::RunStore> store,
                               QObject *parent = nullptr);
    // Valid after succeeded().
    const std::vector<recforge::RunSummary> &runs() const { return m_runs; }

protected:
    recforge::Status execute(recforge::Observer &observer, recforge::StopToken stop) override;

private:
    std::shared_ptr<recforge::RunStore> m_store;
    std::vector<recforge::RunSummary> m_runs;
};

// readComparison() of a distillation run, then the stored curves of every run it names.
class LoadDistilRunJob : public Job {
    Q_OBJECT
public:
    LoadDistilRunJob(QString projectPath, std::shared_ptr<recforge::RunStore> store, qint64 runId,
                     QObject *parent = nullptr);
    qint64 runId() const { return m_runId; }
    // Valid after succeeded().
    const recforge::ModelComparison &comparison() const { return m_comparison; }
    // By run id: teacher, student and (when stored) the student trained alone; a run without
    // stored points has an empty entry.
    const QHash<qint64, RunCurves> &curves() const { return m_curves; }
    // Run names by id ("" when the run is gone).
    const QHash<qint64, QString> &runNames() const { return m_names; }

protected:
    recforge::Status execute(recforge::Observer &observer, recforge::StopToken stop) override;

private:
    QString m_projectPath;
    std::shared_ptr<recforge::RunStore> m_store;
    qint64 m_runId;
    recforge::ModelComparison m_comparison;
    QHash<qint64, RunCurves> m_curves;
    QHash<qint64, QString> m_names;
};

} // namespace recforge::ui
