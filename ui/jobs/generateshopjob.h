#pragma once

#include <memory>

#include "data/generator.h"
#include "jobs/job.h"

namespace recforge {
class Project;
}

namespace recforge::ui {

// Generates the synthetic demo shop and stores it under params.name, replacing a dataset of that
// name (with its splits).
class GenerateShopJob : public Job {
    Q_OBJECT
public:
    GenerateShopJob(std::shared_ptr<recforge::Project> project, recforge::ShopParams params,
                    QObject *parent = nullptr);

    int64_t datasetId() const { return m_datasetId; } // valid after succeeded()
    const recforge::ShopParams &params() const { return m_params; }

protected:
    recforge::Status execute(recforge::Observer &observer, recforge::StopToken stop) override;

private:
    std::shared_ptr<recforge::Project> m_project;
    recforge::ShopParams m_params;
    int64_t m_datasetId = 0;
};

} // namespace recforge::ui
