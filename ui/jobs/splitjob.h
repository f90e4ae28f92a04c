#pragma once

#include <memory>
#include <string>

#include "data/split.h"
#include "jobs/job.h"

namespace recforge {
class Project;
}

namespace recforge::ui {

// Makes a split of an already loaded dataset and stores it under `name`.
class SplitJob : public Job {
    Q_OBJECT
public:
    SplitJob(std::shared_ptr<recforge::Project> project, int64_t datasetId,
             std::shared_ptr<const recforge::Dataset> dataset, recforge::SplitParams params,
             QObject *parent = nullptr);

    int64_t splitId() const { return m_splitId; } // valid after succeeded()
    const recforge::SplitCounts &counts() const { return m_counts; }

protected:
    recforge::Status execute(recforge::Observer &observer, recforge::StopToken stop) override;

private:
    std::shared_ptr<recforge::Project> m_project;
    int64_t m_datasetId;
    std::shared_ptr<const recforge::Dataset> m_dataset;
    recforge::SplitParams m_params;
    int64_t m_splitId = 0;
    recforge::SplitCounts m_counts;
};

} // namespace recforge::ui
