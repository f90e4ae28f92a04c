#pragma once

#include <memory>

#include "jobs/job.h"

namespace recforge {
class RunStore;
}

namespace recforge::ui {

// Deletes a run (records and artifacts) on a worker: deleteRun waits for the store's writer.
class DeleteRunJob : public Job {
    Q_OBJECT
public:
    DeleteRunJob(std::shared_ptr<recforge::RunStore> store, qint64 runId,
                 QObject *parent = nullptr);
    qint64 runId() const { return m_runId; }

protected:
    recforge::Status execute(recforge::Observer &observer, recforge::StopToken stop) override;

private:
    std::shared_ptr<recforge::RunStore> m_store;
    qint64 m_runId;
};

} // namespace recforge::ui
