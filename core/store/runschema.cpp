#include "runschema.h"

namespace recforge::store {

Migration runStoreMigration()
{
    return {{
        // Times: *_at are ISO 8601 UTC text like the dataset tables; heartbeat_ms is Unix
        // milliseconds because it is compared arithmetically. seed is a uint64 stored bit-for-bit.
        // dataset/split/parent references survive the deletion of what they point at (SET NULL):
        // a run's record outlives its data, and dataset_hash still says what it ran on.
        // study_id and trial are placeholders for hyper-parameter studies (no study table yet).
        "CREATE TABLE run("
        " id INTEGER PRIMARY KEY AUTOINCREMENT,"
        " name TEXT NOT NULL,"
        " kind TEXT NOT NULL,"
        " model TEXT NOT NULL,"
        " params TEXT NOT NULL,"
        " seed INTEGER NOT NULL,"
        " dataset_id INTEGER REFERENCES dataset(id) ON DELETE SET NULL,"
        " dataset_hash TEXT NOT NULL,"
        " split_id INTEGER REFERENCES split(id) ON DELETE SET NULL,"
        " code_version TEXT NOT NULL,"
        " device TEXT NOT NULL,"
        " status TEXT NOT NULL"
        "  CHECK(status IN ('running','finished','failed','cancelled','interrupted')),"
        " error TEXT NOT NULL DEFAULT '',"
        " created_at TEXT NOT NULL,"
        " started_at TEXT NOT NULL,"
        " finished_at TEXT,"
        " parent_run_id INTEGER REFERENCES run(id) ON DELETE SET NULL,"
        " study_id INTEGER,"
        " trial INTEGER,"
        " heartbeat_ms INTEGER NOT NULL,"
        " owner_host TEXT NOT NULL,"
        " owner_pid INTEGER NOT NULL,"
        " owner_start INTEGER NOT NULL)",
        "CREATE INDEX run_dataset ON run(dataset_id)",
        "CREATE INDEX run_split ON run(split_id)",
        "CREATE INDEX run_status ON run(status)",
        "CREATE INDEX run_parent ON run(parent_run_id)",
        "CREATE INDEX run_study ON run(study_id)",
        // value NULL = NaN (SQLite stores a bound NaN as NULL).
        "CREATE TABLE run_metric("
        " id INTEGER PRIMARY KEY,"
        " run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,"
        " name TEXT NOT NULL,"
        " value REAL,"
        " stage TEXT NOT NULL,"
        " k INTEGER NOT NULL,"
        " grp TEXT NOT NULL,"
        " users INTEGER NOT NULL,"
        " epoch INTEGER NOT NULL,"
        " step INTEGER NOT NULL,"
        " protocol TEXT NOT NULL,"
        " protocol_label TEXT NOT NULL,"
        " recorded_at TEXT NOT NULL)",
        "CREATE INDEX run_metric_run ON run_metric(run_id)",
        // A series per (run, name) with running statistics, so listing runs never scans points.
        "CREATE TABLE curve_series("
        " id INTEGER PRIMARY KEY,"
        " run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,"
        " name TEXT NOT NULL,"
        " points INTEGER NOT NULL DEFAULT 0,"
        " min_value REAL, max_value REAL, last_value REAL,"
        " last_step INTEGER NOT NULL DEFAULT 0,"
        " UNIQUE(run_id, name))",
        // The index on series_id also orders a series' points by id (the rowid is its last key),
        // which is what live plots ask for: "points of series S after id N".
        "CREATE TABLE curve_point("
        " id INTEGER PRIMARY KEY,"
        " series_id INTEGER NOT NULL REFERENCES curve_series(id) ON DELETE CASCADE,"
        " step INTEGER NOT NULL,"
        " epoch INTEGER NOT NULL,"
        " value REAL,"
        " wall_time REAL NOT NULL)",
        "CREATE INDEX curve_point_series ON curve_point(series_id)",
        "CREATE TABLE checkpoint("
        " id INTEGER PRIMARY KEY,"
        " run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,"
        " epoch INTEGER NOT NULL,"
        " step INTEGER NOT NULL,"
        " path TEXT NOT NULL," // relative to the artifacts folder
        " sha256 TEXT NOT NULL,"
        " bytes INTEGER NOT NULL CHECK(bytes >= 0),"
        " is_best INTEGER NOT NULL DEFAULT 0,"
        " created_at TEXT NOT NULL)",
        "CREATE INDEX checkpoint_run ON checkpoint(run_id, step)",
        "CREATE TABLE run_event("
        " id INTEGER PRIMARY KEY,"
        " run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,"
        " at TEXT NOT NULL,"
        " level TEXT NOT NULL,"
        " message TEXT NOT NULL)",
        "CREATE INDEX run_event_run ON run_event(run_id, id)",
    }};
}

} // namespace recforge::store
