#pragma once

#include <memory>
#include <optional>
#include <string>

#include "data/filters.h"
#include "data/import/importer.h"
#include "data/split.h"
#include "jobs/job.h"

namespace recforge {
class Project;
}

namespace recforge::ui {

// Everything the import wizard collected.
struct ImportRequest {
    recforge::ImportOptions options;
    recforge::FilterParams filter;
    std::optional<recforge::SplitParams> split; // none: no split is stored
    bool replaceExisting = false;
};

// import -> filter -> split -> save, in that order, as one job. Nothing is written to the project
// unless every step succeeded (a failed split save removes the dataset again); a stop request
// before the save leaves the project untouched.
class ImportJob : public Job {
    Q_OBJECT
public:
    ImportJob(std::shared_ptr<recforge::Project> project, ImportRequest request,
              QObject *parent = nullptr);

    // Valid after succeeded().
    int64_t datasetId() const { return m_datasetId; }
    const recforge::ImportReport &report() const { return m_report; }
    const recforge::FilterReport &filterReport() const { return m_filterReport; }
    const std::optional<recforge::SplitCounts> &splitCounts() const { return m_splitCounts; }
    int32_t users() const { return m_users; }
    int32_t items() const { return m_items; }
    int64_t interactions() const { return m_interactions; }
    const std::string &datasetName() const { return m_datasetName; }

protected:
    recforge::Status execute(recforge::Observer &observer, recforge::StopToken stop) override;

private:
    std::shared_ptr<recforge::Project> m_project;
    ImportRequest m_request;
    int64_t m_datasetId = 0;
    recforge::ImportReport m_report;
    recforge::FilterReport m_filterReport;
    std::optional<recforge::SplitCounts> m_splitCounts;
    int32_t m_users = 0, m_items = 0;
    int64_t m_interactions = 0;
    std::string m_datasetName;
};

} // namespace recforge::ui
