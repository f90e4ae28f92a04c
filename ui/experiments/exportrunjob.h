#pragma once

#include <QString>

#include "io/modelexport.h"
#include "jobs/job.h"

namespace recforge::ui {

// Exports a stored run's model (recforge::exportRun) into a folder on a worker thread: weights,
// TorchScript, checkpoint, embeddings, top-K lists and the HTML report, each written atomically.
// A cancelled export leaves nothing behind.
class ExportRunJob : public Job {
    Q_OBJECT
public:
    ExportRunJob(QString projectPath, qint64 runId, recforge::ExportOptions options,
                 QObject *parent = nullptr);
    qint64 runId() const { return m_runId; }
    // Valid after succeeded().
    const recforge::ExportResult &result() const { return m_result; }

protected:
    recforge::Status execute(recforge::Observer &observer, recforge::StopToken stop) override;

private:
    QString m_projectPath;
    qint64 m_runId;
    recforge::ExportOptions m_options;
    recforge::ExportResult m_result;
};

} // namespace recforge::ui
