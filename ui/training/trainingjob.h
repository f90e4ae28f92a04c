#pragma once

#include <memory>

#include "experiment/trainrun.h"
#include "jobs/job.h"
#include "training/trainingbuffer.h"

namespace recforge::ui {

// Runs one experiment (recforge::runTraining) on a worker thread. Progress ("epoch 3/10", ETA)
// goes through the Job's coalesced slot; batch and epoch events go into buffer(), which the
// Training panel's plot drains on its own timer. The run is recorded in the project's experiment
// store by runTraining itself. An invalid parameter fails the job with the core error, whose
// location names the field ("(hiddenSize): model 'sasrec', parameter 'hiddenSize': ...").
class TrainingJob : public Job {
    Q_OBJECT
public:
    TrainingJob(QString projectPath, recforge::TrainRunConfig config, QObject *parent = nullptr);

    const recforge::TrainRunConfig &config() const { return m_config; }
    std::shared_ptr<TrainingBuffer> buffer() const { return m_buffer; }
    // Valid after succeeded().
    const recforge::TrainRunResult &result() const { return m_result; }

protected:
    recforge::Status execute(recforge::Observer &observer, recforge::StopToken stop) override;

private:
    QString m_projectPath;
    recforge::TrainRunConfig m_config;
    std::shared_ptr<TrainingBuffer> m_buffer;
    recforge::TrainRunResult m_result;
};

} // namespace recforge::ui
