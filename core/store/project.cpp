#include "project.h"

#include <filesystem>
#include <mutex>

#include <nlohmann/json.hpp>

#include "data/split.h"
#include "store/columncodec.h"
#include "store/datasettable.h"
#include "store/reporttable.h"
#include "store/schema.h"
#include "store/splittable.h"
#include "store/sqlite.h"

namespace recforge {

namespace fs = std::filesystem;

// All SQL runs on this one connection, serialised by `mutex`; the statements themselves live in
// store/*table.cpp so that a dedicated writer thread can later own the connection instead.
struct Project::Impl {
    std::string path;
    std::string artifactsDir;
    int schemaVersion = 0;
    std::mutex mutex;
    std::unique_ptr<sqlite::Connection> db;
};

Project::Project(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Project::~Project() = default;

Expected<std::unique_ptr<Project>> Project::open(const std::string &path, bool create)
{
    std::error_code ec;
    if (!create && !fs::exists(path, ec))
        return makeError(ErrorCode::NotFound, path + ": no such project file",
                         Location{path, 0, 0, {}});

    auto db =
        sqlite::Connection::open(path, SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0));
    RECFORGE_TRY(db);
    sqlite::Connection &c = **db;
    sqlite3_busy_timeout(c.handle(), 5000); // another process may hold the write lock briefly
    // Refuse foreign or future files before anything (even the WAL switch) writes to them.
    RECFORGE_TRY(store::checkProjectFile(c));
    // page_size only takes effect on a new, empty file (before WAL writes the header); larger
    // pages make the big column BLOBs cheaper to write and read.
    RECFORGE_TRY(c.exec("PRAGMA page_size = 16384"));
    RECFORGE_TRY(c.exec("PRAGMA journal_mode = WAL"));
    RECFORGE_TRY(c.exec("PRAGMA synchronous = NORMAL")); // safe with WAL; commits stay atomic
    RECFORGE_TRY(c.exec("PRAGMA foreign_keys = ON"));
    auto version = store::migrate(c);
    RECFORGE_TRY(version);

    auto impl = std::make_unique<Impl>();
    impl->path = path;
    impl->artifactsDir = fs::path(path).replace_extension().string() + "_artifacts";
    impl->schemaVersion = *version;
    fs::create_directories(impl->artifactsDir, ec);
    if (ec)
        return makeError(ErrorCode::Io,
                         impl->artifactsDir + ": cannot create artifacts folder: " + ec.message(),
                         Location{impl->artifactsDir, 0, 0, {}});
    impl->db = std::move(*db);
    return std::unique_ptr<Project>(new Project(std::move(impl)));
}

const std::string &Project::path() const
{
    return m_impl->path;
}
std::string Project::artifactsDir() const
{
    return m_impl->artifactsDir;
}
int Project::schemaVersion() const
{
    return m_impl->schemaVersion;
}
int Project::latestSchemaVersion()
{
    return store::latestSchemaVersion();
}

Expected<int64_t> Project::saveDataset(const Dataset &dataset, const ImportReport &report,
                                       const std::string &source, bool replace,
                                       const std::string &metadataJson)
{
    if (dataset.name.empty())
        return makeError(ErrorCode::InvalidArgument, "a dataset needs a name",
                         Location{{}, 0, 0, "name"});
    RECFORGE_TRY(store::validateDataset(dataset));
    if (nlohmann::json::parse(metadataJson, nullptr, false).is_discarded())
        return makeError(ErrorCode::InvalidArgument, "dataset metadata is not valid JSON",
                         Location{{}, 0, 0, "metadata"});
    // Encoding and hashing are the expensive part; done before taking the lock.
    const std::vector<store::EncodedColumn> columns = store::encodeDataset(dataset);
    std::lock_guard lock(m_impl->mutex);
    return store::insertDataset(*m_impl->db, dataset.name, dataset, columns, report, source,
                                replace, metadataJson);
}

Expected<std::vector<DatasetSummary>> Project::listDatasets() const
{
    std::lock_guard lock(m_impl->mutex);
    return store::selectDatasets(*m_impl->db);
}

Expected<Dataset> Project::loadDataset(int64_t id) const
{
    std::lock_guard lock(m_impl->mutex);
    return store::selectDataset(*m_impl->db, id);
}

Expected<int64_t> Project::findDataset(const std::string &name) const
{
    std::lock_guard lock(m_impl->mutex);
    return store::selectDatasetId(*m_impl->db, name);
}

Expected<std::string> Project::datasetMetadata(int64_t datasetId) const
{
    std::lock_guard lock(m_impl->mutex);
    return store::selectDatasetMetadata(*m_impl->db, datasetId);
}

Expected<ImportReport> Project::loadImportReport(int64_t datasetId) const
{
    std::lock_guard lock(m_impl->mutex);
    return store::selectImportReport(*m_impl->db, datasetId);
}

Expected<int64_t> Project::rejectedRowCount(int64_t datasetId) const
{
    std::lock_guard lock(m_impl->mutex);
    return store::countRejectedRows(*m_impl->db, datasetId);
}

Expected<std::vector<RejectedRow>> Project::rejectedRows(int64_t datasetId, int64_t offset,
                                                         int64_t limit) const
{
    std::lock_guard lock(m_impl->mutex);
    return store::selectRejectedRows(*m_impl->db, datasetId, offset, limit);
}

Status Project::deleteDataset(int64_t id)
{
    std::lock_guard lock(m_impl->mutex);
    return store::deleteDatasetRow(*m_impl->db, id);
}

Expected<int64_t> Project::saveSplit(int64_t datasetId, const Split &split, const std::string &name)
{
    std::lock_guard lock(m_impl->mutex);
    return store::insertSplit(*m_impl->db, datasetId, split, name);
}

Expected<std::vector<SplitSummary>> Project::listSplits(int64_t datasetId) const
{
    std::lock_guard lock(m_impl->mutex);
    return store::selectSplits(*m_impl->db, datasetId);
}

Expected<Split> Project::loadSplit(int64_t splitId) const
{
    std::lock_guard lock(m_impl->mutex);
    return store::selectSplit(*m_impl->db, splitId);
}

Status Project::deleteSplit(int64_t splitId)
{
    std::lock_guard lock(m_impl->mutex);
    return store::deleteSplitRow(*m_impl->db, splitId);
}

Status Project::setMeta(const std::string &key, const std::string &value)
{
    std::lock_guard lock(m_impl->mutex);
    auto stmt = m_impl->db->prepare("INSERT INTO meta(key, value) VALUES(?, ?)"
                                    " ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    RECFORGE_TRY(stmt);
    stmt->bind(1, key).bind(2, value);
    return stmt->run();
}

Expected<std::string> Project::meta(const std::string &key) const
{
    std::lock_guard lock(m_impl->mutex);
    auto stmt = m_impl->db->prepare("SELECT value FROM meta WHERE key = ?");
    RECFORGE_TRY(stmt);
    stmt->bind(1, key);
    auto row = stmt->step();
    RECFORGE_TRY(row);
    if (!*row)
        return makeError(ErrorCode::NotFound, "project has no setting '" + key + "'",
                         Location{m_impl->path, 0, 0, key});
    return stmt->columnText(0);
}

} // namespace recforge
