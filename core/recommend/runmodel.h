#pragma once
// A trained run made ready for inspection: its fitted model (from the run's checkpoint), the
// dataset and split it was trained on, item similarities for explanations and the item map.
// Torch-free header: the GUI includes it.

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common/error.h"
#include "common/progress.h"
#include "data/dataset.h"
#include "data/split.h"
#include "recommend/itemmap.h"
#include "recommend/similarity.h"

namespace recforge {

class Recommender;
class RunStore;

// A finished run with a usable model checkpoint.
struct TrainedRun {
    int64_t runId = 0;
    std::string name;  // the run's name ("itemknn on demo-shop")
    std::string model; // registry id
    int64_t datasetId = 0;
    int64_t splitId = 0;
    std::string checkpoint; // absolute path
    std::string createdAt;
};

// Finished runs that have a checkpoint, newest first. Errors: Database (store failure).
Expected<std::vector<TrainedRun>> listTrainedRuns(const RunStore &store);

// Everything one loaded run needs. The dataset, sequences, split and similarities are immutable
// and may be shared with other RunModels of the same dataset; the model is not thread-safe:
// lock `modelMutex` around every call into it.
struct RunModel {
    TrainedRun run;
    std::shared_ptr<const Dataset> dataset;
    std::shared_ptr<const UserSequences> sequences; // of `dataset`
    std::shared_ptr<const Split> split;
    std::shared_ptr<Recommender> model;
    std::mutex modelMutex;
    // Item-based CF cosine over the run's fit rows (always present).
    std::shared_ptr<const ItemSimilarity> cooccurrence;
    // Cosine of the model's item embeddings (null when the model has none).
    std::shared_ptr<const ItemSimilarity> embedding;
    std::optional<ItemMap> itemMap; // PCA of the item embeddings (none without embeddings)

    // What explanations use: embeddings when the model has them, else co-occurrence.
    const ItemSimilarity &explainer() const { return embedding ? *embedding : *cooccurrence; }
};

struct LoadRunParams {
    std::string projectPath;
    int64_t runId = 0;
    // A dataset already in memory: reused (not reloaded) when its id is the run's dataset id.
    std::shared_ptr<const Dataset> knownDataset;
    std::shared_ptr<const UserSequences> knownSequences;
    int64_t knownDatasetId = 0;
};

// Opens the project, reads the run, loads its dataset and split, rebuilds the fit rows (for the
// co-occurrence similarity), loads the checkpoint (loadModel) and builds the item map. Reports
// stages through `observer`. Errors: NotFound (run, dataset, split or checkpoint missing),
// InvalidArgument (the run is not finished, or the model does not fit its dataset), Io / Database
// from the store, Cancelled when stopped, Internal (LibTorch failure).
Expected<std::shared_ptr<RunModel>> loadRunModel(const LoadRunParams &params, Observer &observer,
                                                 StopToken stop = {});

// The model's item embeddings copied out ([items, d] float32 on the CPU); empty when none.
EmbeddingMatrix itemEmbeddingsOf(const Recommender &model);

} // namespace recforge
