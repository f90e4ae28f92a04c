#include "loadcurvesjob.h"

#include "store/runstore.h"

namespace recforge::ui {

LoadCurvesJob::LoadCurvesJob(std::shared_ptr<recforge::RunStore> store, QList<qint64> runIds,
                             QObject *parent)
    : Job(tr("Load curves"), parent), m_store(std::move(store)), m_runIds(std::move(runIds))
{
}

std::vector<std::string> LoadCurvesJob::seriesNames()
{
    return {"train/loss", "train/epoch_loss", "valid/NDCG@10", "valid/HR@10"};
}

RunCurves LoadCurvesJob::toRunCurves(const std::vector<recforge::CurveSeries> &series)
{
    RunCurves out;
    for (const recforge::CurveSeries &s : series) {
        QVector<double> *x = nullptr, *y = nullptr;
        bool byEpoch = false;
        if (s.name == "train/loss") {
            x = &out.lossSteps;
            y = &out.loss;
        } else if (s.name == "train/epoch_loss") {
            x = &out.epochLossSteps;
            y = &out.epochLoss;
        } else if (s.name == "valid/NDCG@10") {
            x = &out.ndcgEpochs;
            y = &out.ndcg;
            byEpoch = true;
        } else if (s.name == "valid/HR@10") {
            x = &out.hrEpochs;
            y = &out.hr;
            byEpoch = true;
        } else {
            continue;
        }
        x->reserve(qsizetype(s.points.size()));
        y->reserve(qsizetype(s.points.size()));
        for (const recforge::CurvePoint &p : s.points) {
            x->append(byEpoch ? double(p.epoch) : double(p.step));
            y->append(p.value);
        }
    }
    return out;
}

recforge::Status LoadCurvesJob::execute(recforge::Observer &observer, recforge::StopToken stop)
{
    recforge::ProgressReporter progress(observer, stop, "curves", m_runIds.size());
    int64_t done = 0;
    for (qint64 id : std::as_const(m_runIds)) {
        if (!progress.tick(done++))
            return recforge::makeError(recforge::ErrorCode::Cancelled, "cancelled");
        auto series = m_store->curves(id, seriesNames());
        if (!series)
            return tl::unexpected(series.error());
        m_curves.insert(id, toRunCurves(*series));
    }
    progress.finish();
    return {};
}

} // namespace recforge::ui
