#include "scorehistoriesjob.h"

#include "io/scorehistories.h"
#include "models/recommender.h"

namespace recforge::ui {

ScoreHistoriesJob::ScoreHistoriesJob(QString modelPath, QString historiesPath, QString outputPath,
                                     int k, QObject *parent)
    : Job(tr("Score histories"), parent), m_modelPath(std::move(modelPath)),
      m_historiesPath(std::move(historiesPath)), m_outputPath(std::move(outputPath)), m_k(k)
{
}

recforge::Status ScoreHistoriesJob::execute(recforge::Observer &observer, recforge::StopToken stop)
{
    if (!reportStage(observer, "open model"))
        return recforge::makeError(recforge::ErrorCode::Cancelled, "cancelled");
    auto model = recforge::openExportedModel(m_modelPath.toStdString());
    if (!model)
        return tl::unexpected(model.error());
    auto histories = recforge::readHistories(m_historiesPath.toStdString(), model->items,
                                             model->model->itemCount(), observer, stop);
    if (!histories)
        return tl::unexpected(histories.error());
    for (const recforge::Warning &w : histories->warnings)
        m_warnings.append(QString::fromStdString(w.location.toString() + ": " + w.message));
    recforge::RecommendOptions options;
    options.k = m_k;
    auto lists = recforge::recommendForHistories(*model, *histories, options, observer, stop);
    if (!lists)
        return tl::unexpected(lists.error());
    if (auto written =
            recforge::writeRecommendationsCsv(m_outputPath.toStdString(), *model, *lists);
        !written)
        return written;
    m_users = int(lists->size());
    return {};
}

} // namespace recforge::ui
