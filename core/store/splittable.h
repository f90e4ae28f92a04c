#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/error.h"
#include "data/split.h"
#include "store/project.h"
#include "store/sqlite.h"

// The SQL behind Project's split calls. Single-threaded like datasettable.h.
namespace recforge::store {

// InvalidArgument: empty or duplicate name, role vector length != the dataset's interactions, a
// role code outside SplitRole. NotFound: unknown dataset.
Expected<int64_t> insertSplit(sqlite::Connection &db, int64_t datasetId, const Split &split,
                              const std::string &name);
Expected<std::vector<SplitSummary>> selectSplits(sqlite::Connection &db, int64_t datasetId);
// Database error naming the split and the column when the stored roles or params are corrupt.
Expected<Split> selectSplit(sqlite::Connection &db, int64_t splitId);
Status deleteSplitRow(sqlite::Connection &db, int64_t splitId);

} // namespace recforge::store
