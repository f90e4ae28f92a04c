#include "schema.h"

#include "store/runschema.h"

namespace recforge::store {

const std::vector<Migration> &migrations()
{
    // Append only: a released step is never edited, a change is a new step.
    static const std::vector<Migration> kMigrations = {
        // v1: datasets with their columns, import reports, splits, project meta.
        {{
            "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
            // AUTOINCREMENT: ids of deleted datasets / splits are never reused, so a stale
            // reference (a run, the last opened dataset) cannot silently point at new data.
            "CREATE TABLE dataset("
            " id INTEGER PRIMARY KEY AUTOINCREMENT,"
            " name TEXT NOT NULL UNIQUE,"
            " users INTEGER NOT NULL CHECK(users >= 0),"
            " items INTEGER NOT NULL CHECK(items >= 0),"
            " interactions INTEGER NOT NULL CHECK(interactions >= 0),"
            " source TEXT NOT NULL,"
            " created_at TEXT NOT NULL,"
            " content_hash TEXT NOT NULL,"
            " metadata TEXT NOT NULL DEFAULT '{}',"
            " import_seconds REAL NOT NULL DEFAULT 0)",
            // One row per stored column; `count` is the number of elements, `sha256` the hex digest
            // of `data`. Large rows live in their own table so listing datasets never reads them.
            "CREATE TABLE dataset_column("
            " id INTEGER PRIMARY KEY,"
            " dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,"
            " name TEXT NOT NULL,"
            " count INTEGER NOT NULL CHECK(count >= 0),"
            " sha256 TEXT NOT NULL,"
            " data BLOB NOT NULL,"
            " UNIQUE(dataset_id, name))",
            "CREATE TABLE import_file("
            " id INTEGER PRIMARY KEY,"
            " dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,"
            " position INTEGER NOT NULL,"
            " file TEXT NOT NULL, format TEXT NOT NULL, encoding TEXT NOT NULL,"
            " delimiter INTEGER NOT NULL, header INTEGER NOT NULL,"
            " rows_read INTEGER NOT NULL, rows_accepted INTEGER NOT NULL,"
            " rows_rejected INTEGER NOT NULL,"
            " CHECK(rows_read = rows_accepted + rows_rejected),"
            " UNIQUE(dataset_id, position))",
            "CREATE TABLE rejected_row("
            " id INTEGER PRIMARY KEY,"
            " dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,"
            " file_position INTEGER NOT NULL,"
            " file TEXT NOT NULL,"
            " line INTEGER NOT NULL CHECK(line >= 0),"
            " col INTEGER NOT NULL CHECK(col >= 0),"
            " field TEXT NOT NULL, reason TEXT NOT NULL, text TEXT NOT NULL)",
            "CREATE INDEX rejected_row_dataset ON rejected_row(dataset_id, id)",
            "CREATE TABLE import_warning("
            " id INTEGER PRIMARY KEY,"
            " dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,"
            " message TEXT NOT NULL, file TEXT NOT NULL, line INTEGER NOT NULL,"
            " col INTEGER NOT NULL, field TEXT NOT NULL)",
            "CREATE INDEX import_warning_dataset ON import_warning(dataset_id, id)",
            "CREATE INDEX import_file_dataset ON import_file(dataset_id, position)",
            "CREATE TABLE split("
            " id INTEGER PRIMARY KEY AUTOINCREMENT,"
            " dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,"
            " name TEXT NOT NULL,"
            " kind TEXT NOT NULL,"
            " seed INTEGER NOT NULL," // uint64 stored bit-for-bit as int64
            " params TEXT NOT NULL,"
            " train INTEGER NOT NULL, validation INTEGER NOT NULL, test INTEGER NOT NULL,"
            " support INTEGER NOT NULL, excluded INTEGER NOT NULL,"
            " valid_cutoff INTEGER NOT NULL, test_cutoff INTEGER NOT NULL,"
            " item_cutoff INTEGER NOT NULL, test_users INTEGER NOT NULL,"
            " cold_items INTEGER NOT NULL,"
            " created_at TEXT NOT NULL,"
            " roles BLOB NOT NULL,"
            " UNIQUE(dataset_id, name))",
        }},
        // v2: the experiment store (runs, metrics, curves, checkpoints, run events).
        runStoreMigration(),
    };
    return kMigrations;
}

int latestSchemaVersion()
{
    return int(migrations().size());
}

Expected<int> checkProjectFile(sqlite::Connection &db)
{
    const Location where{db.path(), 0, 0, {}};
    auto version = db.queryInt("PRAGMA user_version");
    RECFORGE_TRY(version); // the first read also detects "file is not a database"
    auto appId = db.queryInt("PRAGMA application_id");
    RECFORGE_TRY(appId);
    auto objects = db.queryInt("SELECT count(*) FROM sqlite_schema");
    RECFORGE_TRY(objects);
    const bool fresh = *version == 0 && *appId == 0 && *objects == 0;
    if (!fresh && *appId != kApplicationId)
        return makeError(ErrorCode::Database,
                         db.path() + ": not a RecForge project (SQLite file of another program)",
                         where);
    if (*version > latestSchemaVersion())
        return makeError(ErrorCode::Database,
                         db.path() + ": project schema version " + std::to_string(*version) +
                             " is newer than this build supports (" +
                             std::to_string(latestSchemaVersion()) +
                             "); open it with a newer RecForge",
                         where);
    return int(*version);
}

Expected<int> migrate(sqlite::Connection &db, int target)
{
    if (target < 0)
        target = latestSchemaVersion();
    // BEGIN IMMEDIATE takes the write lock before the version is read, so two processes opening
    // the same new file cannot both migrate it.
    auto tx = sqlite::Transaction::begin(db);
    RECFORGE_TRY(tx);
    auto version = checkProjectFile(db);
    RECFORGE_TRY(version);
    if (*version >= target)
        return *version;
    if (*version == 0)
        RECFORGE_TRY(db.exec("PRAGMA application_id = " + std::to_string(kApplicationId)));
    const auto &steps = migrations();
    for (int v = *version; v < target; ++v) {
        for (const std::string &sql : steps[size_t(v)].statements) {
            if (auto ok = db.exec(sql); !ok) {
                Error e = ok.error();
                e.message = "migration to schema version " + std::to_string(v + 1) +
                            " failed: " + e.message;
                return tl::unexpected(e);
            }
        }
    }
    // PRAGMA takes no bound parameters; the value is an integer we produced.
    RECFORGE_TRY(db.exec("PRAGMA user_version = " + std::to_string(target)));
    RECFORGE_TRY(tx->commit());
    return target;
}

} // namespace recforge::store
