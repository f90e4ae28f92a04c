#pragma once
// Export of a fitted model into a folder (layout and names: docs/export-format.md):
//   config.json        what the folder holds: model id, params, counts, tensor table, files
//   item_ids.txt       external item id per line (line n = internal index n); user_ids.txt too
//   model.safetensors  weights (io/modeltensors.h names)        format "safetensors"
//   model.pt           TorchScript module (io/torchscript.h)     format "torchscript"
//   model.ckpt         native checkpoint (Recommender::save)     format "ckpt"
//   items.npy/.csv, users.npy/.csv, item_bias.npy               format "embeddings"
//   topk.csv           top-K for every user, history masked     format "topk"
// Files are staged in a hidden folder inside `dir` (each written through AtomicFile) and renamed
// into place only when every requested file is complete, config.json last. A failed or cancelled
// export removes the staging folder and leaves any earlier export in `dir` as it was.

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/error.h"
#include "common/progress.h"
#include "data/dataset.h"
#include "data/idmap.h"
#include "recommend/mipsindex.h"

namespace recforge {

class Recommender;

enum class ExportFormat { Safetensors, TorchScript, Checkpoint, Embeddings, TopK };
const char *exportFormatName(ExportFormat format); // "safetensors", "torchscript", "ckpt", ...
// Comma-separated names ("safetensors,topk"); "all" or "" = empty set (every supported format).
// Errors: InvalidArgument naming the unknown format and the known ones.
Expected<std::set<ExportFormat>> parseExportFormats(const std::string &text);

struct ExportOptions {
    std::string dir;                // created when missing
    std::set<ExportFormat> formats; // empty = every format the model supports
    int k = 10;                     // top-K list length
    int batch = 1024;               // users scored together (bounds memory: batch x items)
    bool titles = true;             // topk.csv gets a title column when items have titles
    // topk.csv from an HNSW index over the item embeddings (recommend/mipsindex.h) instead of
    // scoring every item: for large catalogues. Needs a model with embeddings (bprmf, sasrec,
    // bert4rec). Recall@k against exact top-K is measured on about recallSample users (every
    // n/recallSample-th user; 0 = none) and written to config.json.
    bool approximateTopK = false;
    MipsIndexParams index;
    int recallSample = 1000;
    nlohmann::json extra = nullptr; // stored as config.json "source" (run id, project...)
    // Small files written with the export ({name, content}), e.g. report.html; listed in
    // config.json "files" under the name's stem.
    std::vector<std::pair<std::string, std::string>> extraFiles;
    bool report = false; // exportRun: add the run's report.html (io/report.h)
};

struct ExportedFile {
    std::string name; // relative to the export folder
    int64_t bytes = 0;
};

struct ExportResult {
    std::string dir;
    std::vector<ExportedFile> files;
    std::vector<Warning> warnings; // formats skipped because the model has no such data
    double seconds = 0;
    double topKRecall = -1;      // approximate top-K: recall@k against exact (-1 = not measured)
    int64_t topKRecallUsers = 0; // users in that sample
};

// Exports `model` (fitted on `dataset`'s ids: same item count) into options.dir. Histories for
// user embeddings and top-K are each user's complete time-ordered sequence in `dataset`, and every
// item of it is masked in the top-K list. Progress per stage; StopToken / Observer cancel between
// batches. Errors: InvalidArgument (unfitted model, item count differs from the dataset, k or
// batch < 1, an explicitly requested format the model cannot produce, ids with line breaks), Io,
// Cancelled, Internal (torch failures).
Expected<ExportResult> exportModel(Recommender &model, const Dataset &dataset,
                                   const ExportOptions &options, Observer &observer,
                                   StopToken stop = {});

// A model re-opened from an export folder (or from a bare .ckpt file).
struct ExportedModel {
    std::unique_ptr<Recommender> model;
    nlohmann::json config; // config.json (null for a bare .ckpt without one beside it)
    IdMap items, users;    // external ids; empty when unknown (then ids are internal indices)
    std::string path;

    ExportedModel();
    ExportedModel(ExportedModel &&) noexcept;
    ExportedModel &operator=(ExportedModel &&) noexcept;
    ~ExportedModel();
};

// `path` is an export folder (model.ckpt + config.json + id files) or a .ckpt file (id files in
// the same folder are used when present). Errors: NotFound (no model.ckpt / no config.json in a
// folder - e.g. an export without format "ckpt"), Parse (bad config.json or id file),
// InvalidArgument (id files that do not match the model's item count), and loadModel's errors.
Expected<ExportedModel> openExportedModel(const std::string &path);

} // namespace recforge
