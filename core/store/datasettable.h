#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/error.h"
#include "data/dataset.h"
#include "data/import/importoptions.h"
#include "store/columncodec.h"
#include "store/project.h"
#include "store/sqlite.h"

// The SQL behind Project's dataset and import-report calls. Single-threaded: the caller owns the
// connection (Project serialises calls; a writer thread could own it instead).
namespace recforge::store {

// Current time as ISO 8601 UTC ("2024-03-01T12:30:00Z").
std::string nowIso8601();

// Inserts (or with replace=true replaces) a dataset whose columns were encoded by encodeDataset(),
// with its report and metadata, in one transaction. InvalidArgument for a duplicate name.
Expected<int64_t> insertDataset(sqlite::Connection &db, const std::string &name,
                                const Dataset &dataset, const std::vector<EncodedColumn> &columns,
                                const ImportReport &report, const std::string &source, bool replace,
                                const std::string &metadataJson);
Expected<std::vector<DatasetSummary>> selectDatasets(sqlite::Connection &db);
Expected<Dataset> selectDataset(sqlite::Connection &db, int64_t id);
Expected<int64_t> selectDatasetId(sqlite::Connection &db, const std::string &name);
// Interaction count of dataset `id`; NotFound when absent.
Expected<int64_t> selectInteractionCount(sqlite::Connection &db, int64_t id);
Expected<std::string> selectDatasetMetadata(sqlite::Connection &db, int64_t id);
Expected<ImportReport> selectImportReport(sqlite::Connection &db, int64_t datasetId);
Expected<int64_t> countRejectedRows(sqlite::Connection &db, int64_t datasetId);
Expected<std::vector<RejectedRow>> selectRejectedRows(sqlite::Connection &db, int64_t datasetId,
                                                      int64_t offset, int64_t limit);
Status deleteDatasetRow(sqlite::Connection &db, int64_t id);

} // namespace recforge::store
