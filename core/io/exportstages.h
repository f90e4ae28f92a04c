#pragma once
// Internal to io/modelexport.cpp: the staging folder and the writers of each export format.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/error.h"
#include "common/progress.h"
#include "data/dataset.h"
#include "io/modelexport.h"
#include "models/recommender.h"

namespace recforge::exportstage {

class StagingDir {
public:
    // Creates "<dir>/.export-XXXXXX" (and dir). Errors: Io.
    static Expected<StagingDir> create(const std::string &dir);
    StagingDir(StagingDir &&other) noexcept : m_path(std::exchange(other.m_path, {})) {}
    StagingDir(const StagingDir &) = delete;
    ~StagingDir(); // removes the folder and everything in it
    std::string file(const std::string &name) const { return m_path + "/" + name; }

private:
    explicit StagingDir(std::string path) : m_path(std::move(path)) {}
    std::string m_path;
};

// One id per line (line n = index n). Errors: InvalidArgument (an id with a line break), Io.
Status writeIds(const std::string &path, const IdMap &ids);
Status cancelled();

// Every user with their complete dataset sequence as history, in batches of users.
class UserBatches {
public:
    UserBatches(const Dataset &dataset, int batch);
    int32_t users() const { return m_sequences.userCount(); }
    // Fills `request` with users [begin, end); views point into this object.
    void fill(int32_t begin, int32_t end, ScoreRequest &request);
    int batch() const { return m_batch; }

private:
    UserSequences m_sequences;
    int m_batch;
    const Dataset &m_dataset;
    std::vector<int64_t> m_times;
    std::vector<uint16_t> m_events;
    std::vector<float> m_values;
};

// The export in progress: each format's writer stages its files and fills config.json.
struct Exporter {
    Recommender &model;
    const Dataset &dataset;
    const ExportOptions &options;
    ProgressReporter progress;
    StagingDir &staging;
    nlohmann::json config;
    std::vector<std::string> staged; // file names in staging order
    std::vector<Warning> warnings;

    void stage(const std::string &name) { staged.push_back(name); }
    Status weights();
    Status torchScript();
    Status checkpoint();
    Status embeddings(UserBatches &users);
    Status topK(UserBatches &users);
    // The HNSW index over the model's item embeddings (+ item bias) for approximate top-K; fills
    // itemVectors and bias with what it indexed. Errors: InvalidArgument (no embeddings).
    Expected<MipsIndex> buildIndex(EmbeddingMatrix &itemVectors, std::vector<float> &bias);
};

} // namespace recforge::exportstage
