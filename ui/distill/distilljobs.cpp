#include "distilljobs.h"

#include "experiment/distillrun.h"
#include "experiments/loadcurvesjob.h"
#include "store/runstore.h"

namespace recforge::ui {

ListDistilRunsJob::ListDistilRunsJob(std::shared_ptr<recforge::RunStore> store, QObject *parent)
    : Job(tr("List distillation runs"), parent), m_store(std::move(store))
{
}

recforge::Status ListDistilRunsJob::execute(recforge::Observer &observer, recforge::StopToken)
{
    if (!reportStage(observer, "runs"))
        return recforge::makeError(recforge::ErrorCode::Cancelled, "cancelled");
    recforge::RunFilter filter;
    filter.kind = "distil";
    auto runs = m_store->listRuns(filter);
    if (!runs)
        return tl::unexpected(runs.error());
    m_runs = std::move(*runs);
    return {};
}

LoadDistilRunJob::LoadDistilRunJob(QString projectPath, std::shared_ptr<recforge::RunStore> store,
                                   qint64 runId, QObject *parent)
    : Job(tr("Load distillation run %1").arg(runId), parent), m_projectPath(std::move(projectPath)),
      m_store(std::move(store)), m_runId(runId)
{
}

recforge::Status LoadDistilRunJob::execute(recforge::Observer &observer, recforge::StopToken stop)
{
    if (!reportStage(observer, "comparison"))
        return recforge::makeError(recforge::ErrorCode::Cancelled, "cancelled");
    auto comparison = recforge::readComparison(m_projectPath.toStdString(), m_runId);
    if (!comparison)
        return tl::unexpected(comparison.error());
    m_comparison = std::move(*comparison);
    // The comparison names the student's own run only through this run id when written by
    // an older build: fill it in.
    if (m_comparison.student.runId == 0)
        m_comparison.student.runId = m_runId;
    QList<qint64> ids{m_comparison.teacher.runId, m_comparison.student.runId};
    if (m_comparison.hasBaseline)
        ids << m_comparison.baseline.runId;
    recforge::ProgressReporter progress(observer, stop, "curves", ids.size());
    int64_t done = 0;
    for (qint64 id : std::as_const(ids)) {
        if (!progress.tick(done++))
            return recforge::makeError(recforge::ErrorCode::Cancelled, "cancelled");
        if (id <= 0 || m_curves.contains(id))
            continue;
        auto detail = m_store->run(id);
        m_names.insert(id, detail ? QString::fromStdString(detail->summary.name) : QString());
        auto series = m_store->curves(id, LoadCurvesJob::seriesNames());
        if (!series)
            return tl::unexpected(series.error());
        m_curves.insert(id, LoadCurvesJob::toRunCurves(*series));
    }
    progress.finish();
    return {};
}

} // namespace recforge::ui
