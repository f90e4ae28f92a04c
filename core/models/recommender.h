#pragma once
// The one contract every model implements. Classic models fit in closed form; neural models
// (BPR-MF, SASRec/BERT4Rec) expose their torch module so the shared Trainer can drive them.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include "common/error.h"
#include "common/progress.h"
#include "models/trainingdata.h"

namespace recforge {

class Recommender;

// Everything fit() may use besides the data. Built by the caller (a job, the CLI, a test, later
// the Trainer / tuner); copies share the observer and the stop flag.
struct FitContext {
    explicit FitContext(Observer &obs, StopToken stopToken = {})
        : observer(&obs), stop(std::move(stopToken))
    {
    }

    Observer *observer;         // never null; progress and messages ("epoch 3/10", "similarities")
    StopToken stop;             // checked between chunks / batches; fit returns Cancelled
    uint64_t seed = 42;         // every random choice of fit derives from it
    std::string device = "cpu"; // "cpu" or "cuda" as resolved by applyRuntime()
    int threads = 0;            // 0 = what applyRuntime() set
    // Iterative models write a resumable trainer checkpoint (trainer-e<epoch>.ckpt) into this
    // folder after every epoch (empty = none); with resume they continue from resumeFrom, else
    // from the newest checkpoint there (none: from scratch). Closed-form models ignore these.
    std::string checkpointDir;
    bool resume = false;
    std::string resumeFrom;

    // Optional validation hook for iterative models (early stopping, checkpoint of the best
    // epoch, tuner pruning): called after epoch `epoch` (1-based); returns the score to maximise
    // (e.g. NDCG@10 on the Validation stage) or an error that aborts fit. Empty = none. Closed-form
    // models never call it.
    std::function<Expected<double>(Recommender &model, int epoch)> validate;
};

// A batch of users to score. histories[b] is what the model may condition on for users[b]: the
// visible history of an EvalCase, or a custom one (the GUI's "what if" profile). A user id may be
// >= the fitted user count or unknown to the model (cold user): models must then rely on the
// history alone. Spans must stay alive during the call.
struct ScoreRequest {
    std::vector<int32_t> users;
    std::vector<HistoryView> histories; // same size as users

    size_t size() const { return users.size(); }
    void add(int32_t user, HistoryView history)
    {
        users.push_back(user);
        histories.push_back(history);
    }
};

class Recommender {
public:
    virtual ~Recommender() = default;
    Recommender(const Recommender &) = delete;
    Recommender &operator=(const Recommender &) = delete;

    // Registry id ("itemknn") and the resolved params it was created with (every key present).
    const std::string &id() const { return m_id; }
    const nlohmann::json &params() const { return m_params; }

    // Fits on data.fitSequence(u) for every user (never on anything else). Reports progress
    // through ctx.observer and stops with ErrorCode::Cancelled when ctx.stop is requested.
    // Refitting replaces the previous state. Errors: InvalidArgument (data the model cannot use,
    // e.g. EASE beyond its item limit), Cancelled, Internal.
    virtual Status fit(const TrainingData &data, const FitContext &ctx) = 0;
    virtual bool isFitted() const = 0;
    // Number of items scored (the fitted TrainingData's itemCount()).
    virtual int32_t itemCount() const = 0;

    // Scores every item for every user of the request. Returns [batch, itemCount()] float32,
    // higher = better, on the model's device (CPU unless fitted on another device). Scores are
    // raw (for softmax-trained models: logits), so they can serve as distillation targets.
    // Nothing is masked: masking seen items is the caller's job. The returned tensor belongs to
    // the caller, who may modify it in place (never return a view of the model's own state).
    // Preconditions: isFitted(), item ids in histories < itemCount(). Not thread-safe (models may
    // reuse buffers). Embedding models implement this as one matmul per batch; callers batch ~1024
    // users.
    virtual torch::Tensor scoreItems(const ScoreRequest &request) = 0;

    // Scores chosen candidates: candidates [batch, m] int64 item ids -> [batch, m] float32.
    // Default: gathers from scoreItems(); models with a cheaper path override it.
    virtual torch::Tensor scoreCandidates(const ScoreRequest &request,
                                          const torch::Tensor &candidates);

    // Embedding access for ANN retrieval, export and analysis. Undefined tensors when the model
    // has none. When both are defined, scoreItems == userEmbeddings(r).mm(itemEmbeddings().t())
    // (+ itemBias() when defined, broadcast over users).
    virtual torch::Tensor itemEmbeddings() const { return {}; }               // [items, d]
    virtual torch::Tensor userEmbeddings(const ScoreRequest &) { return {}; } // [batch, d]
    virtual torch::Tensor itemBias() const { return {}; }                     // [items]

    // Trainable models return their module (parameters, train()/eval(), device moves) so a shared
    // Trainer, a distillation objective or a meta-learning loop can drive them; closed-form models
    // return nullptr.
    virtual torch::nn::Module *module() { return nullptr; }

    // Number of stored scalars (weights, similarities, counts) - the model's size.
    virtual int64_t parameterCount() const = 0;

    // Native checkpoint: one torch archive with the model id, the params JSON, a format version
    // and the model's state (writeState). Errors: Io (cannot write / read), InvalidArgument
    // (load: the file holds another model id or a newer format), Internal (torch failure).
    // load() replaces params and state; the model is fitted afterwards.
    Status save(const std::string &path) const;
    Status load(const std::string &path);

    // Reads only the header of a checkpoint: {"model": id, "params": {...}, "format": n}.
    static Expected<nlohmann::json> readCheckpointHeader(const std::string &path);

protected:
    Recommender(std::string id, nlohmann::json resolvedParams)
        : m_id(std::move(id)), m_params(std::move(resolvedParams))
    {
    }
    virtual void writeState(torch::serialize::OutputArchive &archive) const = 0;
    virtual Status readState(torch::serialize::InputArchive &archive) = 0;

private:
    std::string m_id;
    nlohmann::json m_params;
};

// Helpers for models.
// Binary user x item matrix of a batch of histories: [batch, items] float32 with 1 (or the row
// value when useValues) at every history item (repeats accumulate only when useValues).
torch::Tensor historyMatrix(const ScoreRequest &request, int32_t itemCount, bool useValues = false);

} // namespace recforge
