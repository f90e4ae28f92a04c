#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/error.h"
#include "data/dataset.h"
#include "data/import/importoptions.h"

namespace recforge {

struct Split; // data/split.h

// One row of Project::listDatasets(): what the dataset browser shows without loading the columns.
struct DatasetSummary {
    int64_t id = 0;
    std::string name;
    int32_t users = 0, items = 0;
    int64_t interactions = 0;
    std::string source;      // file path or "generator"
    std::string createdAt;   // ISO 8601 UTC, "2024-03-01T12:30:00Z"
    std::string contentHash; // sha256 hex of the stored columns (same data => same hash)
};

// One row of Project::listSplits(). Counts are per role of the split's role vector.
struct SplitSummary {
    int64_t id = 0;
    int64_t datasetId = 0;
    std::string name;
    std::string kind; // "leave-one-out", "temporal", "random", "cold-users", "cold-items"
    uint64_t seed = 0;
    std::string paramsJson;
    int64_t train = 0, validation = 0, test = 0, support = 0, excluded = 0;
    std::string createdAt;
};

// A project file (*.recforge, SQLite) plus its artifacts folder. Stores datasets (columns as
// BLOBs, so a 1M-interaction dataset reopens in well under a second), their import reports
// (rejected rows in their own table, for paging) and their splits.
//
// Thread safety: every member function may be called from any thread; calls are serialised on one
// connection. Errors are ErrorCode::Database (SQLite failure, corrupt content; the message names
// the project path and, for corrupt BLOBs, the dataset and column), ErrorCode::NotFound (unknown
// id / name / key) or ErrorCode::InvalidArgument (duplicate name, inconsistent dataset).
class Project {
public:
    // Opens <path> (create=true: creates it when missing) and the artifacts folder
    // "<path minus extension>_artifacts" beside it (created when missing); runs the schema
    // migrations in one transaction; enables WAL and foreign keys. Fails with ErrorCode::Database
    // naming the path when the file cannot be opened, is not a project, or has a newer schema
    // version than this build knows (never a silent downgrade); ErrorCode::NotFound when the file
    // is missing and create=false.
    static Expected<std::unique_ptr<Project>> open(const std::string &path, bool create = true);
    ~Project();
    Project(const Project &) = delete;
    Project &operator=(const Project &) = delete;

    const std::string &path() const;
    std::string artifactsDir() const;
    int schemaVersion() const;
    static int latestSchemaVersion();

    // Stores the dataset (under dataset.name) and its import report, plus free-form JSON metadata
    // (e.g. {"filter": <FilterReport json>}), in ONE transaction: on any failure nothing is
    // written and the project is exactly as before. The name must be unique (InvalidArgument)
    // unless replace=true, in which case the old dataset and its splits are replaced atomically.
    // Returns the new dataset id.
    Expected<int64_t> saveDataset(const Dataset &dataset, const ImportReport &report,
                                  const std::string &source, bool replace = false,
                                  const std::string &metadataJson = "{}");
    Expected<std::vector<DatasetSummary>> listDatasets() const; // ordered by id
    // Loads the dataset exactly as saved. Corrupt BLOBs (wrong sizes, bad ids, bad encoding) are a
    // Database error naming the dataset and the column.
    Expected<Dataset> loadDataset(int64_t id) const;
    Expected<int64_t> findDataset(const std::string &name) const; // NotFound when absent
    Expected<std::string> datasetMetadata(int64_t datasetId) const;
    // The full import report, including every stored rejected row.
    Expected<ImportReport> loadImportReport(int64_t datasetId) const;
    // Rejected rows in file/line order, for paging in the GUI.
    Expected<int64_t> rejectedRowCount(int64_t datasetId) const;
    Expected<std::vector<RejectedRow>> rejectedRows(int64_t datasetId, int64_t offset,
                                                    int64_t limit) const;
    // Deletes the dataset with its report and splits. NotFound when absent.
    Status deleteDataset(int64_t id);

    // Stores a split of dataset `datasetId` (its role vector must have one entry per
    // interaction: InvalidArgument otherwise). Split names are unique per dataset.
    Expected<int64_t> saveSplit(int64_t datasetId, const Split &split, const std::string &name);
    Expected<std::vector<SplitSummary>> listSplits(int64_t datasetId) const; // ordered by id
    Expected<Split> loadSplit(int64_t splitId) const;
    Status deleteSplit(int64_t splitId);

    // Generic key/value settings per project (e.g. the last opened dataset). meta(): NotFound
    // when the key was never set.
    Status setMeta(const std::string &key, const std::string &value);
    Expected<std::string> meta(const std::string &key) const;

private:
    struct Impl;
    explicit Project(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace recforge
