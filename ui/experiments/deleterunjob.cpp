#include "deleterunjob.h"

#include "store/runstore.h"

namespace recforge::ui {

DeleteRunJob::DeleteRunJob(std::shared_ptr<recforge::RunStore> store, qint64 runId, QObject *parent)
    : Job(tr("Delete run"), parent), m_store(std::move(store)), m_runId(runId)
{
}

recforge::Status DeleteRunJob::execute(recforge::Observer &observer, recforge::StopToken)
{
    if (!reportStage(observer, "delete"))
        return recforge::makeError(recforge::ErrorCode::Cancelled, "cancelled");
    return m_store->deleteRun(m_runId);
}

} // namespace recforge::ui
