#pragma once

#include <memory>

#include "data/import/importoptions.h"
#include "data/stats.h"
#include "jobs/job.h"

namespace recforge {
class Project;
}

namespace recforge::ui {

// Loads a stored dataset, its import report and its statistics (computeStats) for the Data
// workspace.
class OpenDatasetJob : public Job {
    Q_OBJECT
public:
    OpenDatasetJob(std::shared_ptr<recforge::Project> project, int64_t datasetId,
                   QObject *parent = nullptr);

    int64_t datasetId() const { return m_datasetId; }
    // Valid after succeeded().
    std::shared_ptr<const recforge::Dataset> dataset() const { return m_dataset; }
    std::shared_ptr<const recforge::ImportReport> report() const { return m_report; }
    std::shared_ptr<const recforge::DatasetStats> stats() const { return m_stats; }

protected:
    recforge::Status execute(recforge::Observer &observer, recforge::StopToken stop) override;

private:
    std::shared_ptr<recforge::Project> m_project;
    int64_t m_datasetId;
    std::shared_ptr<const recforge::Dataset> m_dataset;
    std::shared_ptr<const recforge::ImportReport> m_report;
    std::shared_ptr<const recforge::DatasetStats> m_stats;
};

} // namespace recforge::ui
