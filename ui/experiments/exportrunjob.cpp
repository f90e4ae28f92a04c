#include "exportrunjob.h"

#include "io/runexport.h"

namespace recforge::ui {

ExportRunJob::ExportRunJob(QString projectPath, qint64 runId, recforge::ExportOptions options,
                           QObject *parent)
    : Job(tr("Export run #%1").arg(runId), parent), m_projectPath(std::move(projectPath)),
      m_runId(runId), m_options(std::move(options))
{
}

recforge::Status ExportRunJob::execute(recforge::Observer &observer, recforge::StopToken stop)
{
    auto result =
        recforge::exportRun(m_projectPath.toStdString(), m_runId, m_options, observer, stop);
    if (!result)
        return tl::unexpected(result.error());
    m_result = std::move(*result);
    return {};
}

} // namespace recforge::ui
