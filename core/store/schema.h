#pragma once

#include <string>
#include <vector>

#include "common/error.h"
#include "store/sqlite.h"

namespace recforge::store {

// PRAGMA application_id of a RecForge project ("RFG1"): tells a project from any other SQLite file.
constexpr int kApplicationId = 0x52464731;

// One schema version: the SQL statements that take the schema from version (index) to index + 1.
struct Migration {
    std::vector<std::string> statements;
};

// The ordered migrations; PRAGMA user_version = number of migrations applied.
const std::vector<Migration> &migrations();
int latestSchemaVersion();

// Reads the file's schema version without writing anything. Database errors: not a SQLite file,
// not a RecForge project, or a schema version newer than this build knows.
Expected<int> checkProjectFile(sqlite::Connection &db);

// Brings the schema of `db` up to `target` (default: latest) in one transaction; on failure the
// file is unchanged. Database errors: the file is not a RecForge project, its schema version is
// newer than this build knows (never a downgrade), or a migration step failed (names the step).
// Returns the version now in the file.
Expected<int> migrate(sqlite::Connection &db, int target = -1);

} // namespace recforge::store
