#pragma once
// The Recommendations workspace's jobs: list the trained runs, load one run's model, score one
// user with one or two models. Torch-free header.

#include <memory>
#include <vector>

#include <QString>

#include "jobs/job.h"
#include "recommend/recommend.h"
#include "recommend/runmodel.h"

namespace recforge::ui {

// Finished runs with a model checkpoint (listTrainedRuns), newest first.
class ListTrainedRunsJob : public Job {
    Q_OBJECT
public:
    explicit ListTrainedRunsJob(QString projectPath, QObject *parent = nullptr);
    // Valid after succeeded().
    const std::vector<recforge::TrainedRun> &runs() const { return m_runs; }

protected:
    recforge::Status execute(recforge::Observer &observer, recforge::StopToken stop) override;

private:
    QString m_projectPath;
    std::vector<recforge::TrainedRun> m_runs;
};

// Loads a run's model with its dataset, similarities and item map (loadRunModel).
class LoadRunModelJob : public Job {
    Q_OBJECT
public:
    LoadRunModelJob(recforge::LoadRunParams params, int slot, QObject *parent = nullptr);
    int slot() const { return m_slot; } // which model column asked for it
    int64_t runId() const { return m_params.runId; }
    // Valid after succeeded().
    std::shared_ptr<recforge::RunModel> model() const { return m_model; }

protected:
    recforge::Status execute(recforge::Observer &observer, recforge::StopToken stop) override;

private:
    recforge::LoadRunParams m_params;
    int m_slot;
    std::shared_ptr<recforge::RunModel> m_model;
};

// Top-K of one history from every given model (recommend(), each under its model's mutex), with
// explanations from each model's explainer.
class RecommendJob : public Job {
    Q_OBJECT
public:
    RecommendJob(std::vector<std::shared_ptr<recforge::RunModel>> models,
                 recforge::UserHistory history, recforge::RecommendParams params,
                 quint64 generation, QObject *parent = nullptr);
    quint64 generation() const { return m_generation; }
    // Valid after succeeded(): one result per model, in the given order.
    const std::vector<recforge::RecommendResult> &results() const { return m_results; }

protected:
    recforge::Status execute(recforge::Observer &observer, recforge::StopToken stop) override;

private:
    std::vector<std::shared_ptr<recforge::RunModel>> m_models;
    recforge::UserHistory m_history;
    recforge::RecommendParams m_params;
    quint64 m_generation;
    std::vector<recforge::RecommendResult> m_results;
};

} // namespace recforge::ui
