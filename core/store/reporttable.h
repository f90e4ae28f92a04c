#pragma once

#include <cstdint>
#include <vector>

#include "common/error.h"
#include "data/import/importoptions.h"
#include "store/sqlite.h"

// The SQL behind import reports: files, rejected rows (own table, for paging) and warnings.
namespace recforge::store {

// Writes the report rows of `datasetId`; runs inside the caller's transaction. Fails on a
// constraint (e.g. rowsRead != rowsAccepted + rowsRejected, negative line numbers).
Status insertImportReport(sqlite::Connection &db, int64_t datasetId, const ImportReport &report);
// The report as saved (seconds come from the dataset row). NotFound for an unknown dataset.
Expected<ImportReport> selectImportReport(sqlite::Connection &db, int64_t datasetId);
Expected<int64_t> countRejectedRows(sqlite::Connection &db, int64_t datasetId);
Expected<std::vector<RejectedRow>> selectRejectedRows(sqlite::Connection &db, int64_t datasetId,
                                                      int64_t offset, int64_t limit);

} // namespace recforge::store
