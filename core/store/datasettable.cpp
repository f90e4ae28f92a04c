#include "datasettable.h"

#include <chrono>
#include <ctime>
#include <map>

#include <nlohmann/json.hpp>

#include "common/sha256.h"
#include "store/reporttable.h"

namespace recforge::store {

namespace {

Error notFound(int64_t id)
{
    return Error{ErrorCode::NotFound, "no dataset with id " + std::to_string(id), {}};
}

class CorruptDataset {
public:
    CorruptDataset(const sqlite::Connection &db, int64_t id, std::string name)
        : m_path(db.path()), m_id(id), m_name(std::move(name))
    {
    }
    Error operator()(const std::string &column, const std::string &what) const
    {
        return Error{ErrorCode::Database,
                     m_path + ": corrupt project: dataset '" + m_name + "' (id " +
                         std::to_string(m_id) + "), column '" + column + "': " + what,
                     Location{m_path, 0, 0, column}};
    }

private:
    std::string m_path;
    int64_t m_id;
    std::string m_name;
};

} // namespace

std::string nowIso8601()
{
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

Expected<int64_t> insertDataset(sqlite::Connection &db, const std::string &name,
                                const Dataset &dataset, const std::vector<EncodedColumn> &columns,
                                const ImportReport &report, const std::string &source, bool replace,
                                const std::string &metadataJson)
{
    auto tx = sqlite::Transaction::begin(db);
    RECFORGE_TRY(tx);

    auto existing = selectDatasetId(db, name);
    if (existing) {
        if (!replace)
            return makeError(ErrorCode::InvalidArgument,
                             "a dataset named '" + name + "' already exists in " + db.path(),
                             Location{db.path(), 0, 0, "name"});
        RECFORGE_TRY(deleteDatasetRow(db, *existing)); // cascades to columns, report, splits
    } else if (existing.error().code != ErrorCode::NotFound) {
        return tl::unexpected(existing.error());
    }

    auto insert = db.prepare("INSERT INTO dataset(name, users, items, interactions, source,"
                             " created_at, content_hash, metadata, import_seconds)"
                             " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)");
    RECFORGE_TRY(insert);
    insert->bind(1, name)
        .bind(2, int64_t(dataset.userCount()))
        .bind(3, int64_t(dataset.itemCount()))
        .bind(4, int64_t(dataset.interactions.size()))
        .bind(5, source)
        .bind(6, nowIso8601())
        .bind(7, datasetHash(columns))
        .bind(8, metadataJson)
        .bind(9, report.seconds);
    RECFORGE_TRY(insert->run());
    const int64_t id = db.lastInsertRowId();

    auto column = db.prepare("INSERT INTO dataset_column(dataset_id, name, count, sha256, data)"
                             " VALUES(?, ?, ?, ?, ?)");
    RECFORGE_TRY(column);
    for (const EncodedColumn &c : columns) {
        column->bind(1, id).bind(2, c.name).bind(3, c.count).bind(4, c.sha256).bindBlob(5, c.bytes);
        RECFORGE_TRY(column->run());
        column->reset();
    }
    RECFORGE_TRY(insertImportReport(db, id, report));
    RECFORGE_TRY(tx->commit());
    return id;
}

Expected<std::vector<DatasetSummary>> selectDatasets(sqlite::Connection &db)
{
    auto stmt = db.prepare("SELECT id, name, users, items, interactions, source, created_at,"
                           " content_hash FROM dataset ORDER BY id");
    RECFORGE_TRY(stmt);
    std::vector<DatasetSummary> out;
    for (;;) {
        auto row = stmt->step();
        RECFORGE_TRY(row);
        if (!*row)
            break;
        DatasetSummary s;
        s.id = stmt->columnInt64(0);
        s.name = stmt->columnText(1);
        s.users = int32_t(stmt->columnInt64(2));
        s.items = int32_t(stmt->columnInt64(3));
        s.interactions = stmt->columnInt64(4);
        s.source = stmt->columnText(5);
        s.createdAt = stmt->columnText(6);
        s.contentHash = stmt->columnText(7);
        out.push_back(std::move(s));
    }
    return out;
}

Expected<Dataset> selectDataset(sqlite::Connection &db, int64_t id)
{
    auto head = db.prepare(
        "SELECT name, users, items, interactions, content_hash FROM dataset WHERE id = ?");
    RECFORGE_TRY(head);
    head->bind(1, id);
    auto found = head->step();
    RECFORGE_TRY(found);
    if (!*found)
        return tl::unexpected(notFound(id));
    Dataset d;
    d.name = head->columnText(0);
    const int64_t users = head->columnInt64(1), items = head->columnInt64(2),
                  rows = head->columnInt64(3);
    const std::string contentHash = head->columnText(4);
    head->reset();
    const CorruptDataset corrupt(db, id, d.name);

    // Each column is hash-checked and decoded straight from SQLite's buffer (no extra copy);
    // cross-column checks follow once all are read.
    Interactions &in = d.interactions;
    std::vector<std::string> userIds, itemIds, kindNames;
    std::map<std::string, std::string> hashes; // name -> sha256, to recheck the content hash
    const auto decodeInto = [&](const std::string &name, std::span<const uint8_t> bytes,
                                int64_t count) -> Status {
        if (name == column::kUser)
            return decodeArray(bytes, count, in.user);
        if (name == column::kItem)
            return decodeArray(bytes, count, in.item);
        if (name == column::kTimestamp)
            return decodeArray(bytes, count, in.timestamp);
        if (name == column::kEvent)
            return decodeArray(bytes, count, in.event);
        if (name == column::kValue)
            return decodeArray(bytes, count, in.value);
        if (name == column::kUserIds)
            return decodeStrings(bytes, count, userIds);
        if (name == column::kItemIds)
            return decodeStrings(bytes, count, itemIds);
        if (name == column::kEventKinds)
            return decodeStrings(bytes, count, kindNames);
        if (name == column::kItemInfo)
            return decodeItemInfo(bytes, count, d.itemInfo);
        if (name == column::kUserInfo)
            return decodeUserInfo(bytes, count, d.userInfo);
        return {}; // not part of this schema version's content; ignored
    };
    auto cols = db.prepare("SELECT name, count, sha256, data FROM dataset_column"
                           " WHERE dataset_id = ?");
    RECFORGE_TRY(cols);
    cols->bind(1, id);
    for (;;) {
        auto row = cols->step();
        RECFORGE_TRY(row);
        if (!*row)
            break;
        const std::string name = cols->columnText(0);
        const int64_t count = cols->columnInt64(1);
        const std::string sha256 = cols->columnText(2);
        const auto blob = cols->columnBlob(3);
        Sha256 hash;
        hash.update(blob.data(), blob.size());
        if (hash.finishHex() != sha256)
            return tl::unexpected(corrupt(name, "content does not match its sha256"));
        if (auto ok = decodeInto(name, blob, count); !ok)
            return tl::unexpected(corrupt(name, ok.error().message));
        hashes[name] = sha256;
    }
    std::vector<EncodedColumn> stored;
    for (const std::string &name : columnNames()) {
        auto it = hashes.find(name);
        if (it == hashes.end())
            return tl::unexpected(corrupt(name, "column is missing"));
        EncodedColumn h;
        h.name = name;
        h.sha256 = it->second;
        stored.push_back(std::move(h));
    }
    if (datasetHash(stored) != contentHash)
        return tl::unexpected(corrupt("*", "column hashes do not match the dataset content hash"));

    if (int64_t(in.user.size()) != rows)
        return tl::unexpected(corrupt(column::kUser, "has " + std::to_string(in.user.size()) +
                                                         " rows, the dataset " +
                                                         std::to_string(rows)));
    const auto buildIds = [&](const char *name, const std::vector<std::string> &ids,
                              int64_t expected, IdMap &map) -> Status {
        if (int64_t(ids.size()) != expected)
            return tl::unexpected(corrupt(name, "has " + std::to_string(ids.size()) +
                                                    " ids, the dataset " +
                                                    std::to_string(expected)));
        map.reserve(ids.size());
        for (const std::string &s : ids)
            map.intern(s);
        if (map.size() != expected)
            return tl::unexpected(corrupt(name, "contains duplicate ids"));
        return {};
    };
    RECFORGE_TRY(buildIds(column::kUserIds, userIds, users, d.users));
    RECFORGE_TRY(buildIds(column::kItemIds, itemIds, items, d.items));

    const EventKinds builtins;
    bool kindsOk = kindNames.size() >= builtins.size();
    for (size_t k = 0; kindsOk && k < kindNames.size(); ++k)
        kindsOk = d.eventKinds.intern(kindNames[k]) == k;
    if (!kindsOk)
        return tl::unexpected(
            corrupt(column::kEventKinds, "built-in kinds missing or names duplicated"));

    if (auto ok = validateDataset(d); !ok)
        return tl::unexpected(corrupt(ok.error().location.field, ok.error().message));
    return d;
}

Expected<int64_t> selectDatasetId(sqlite::Connection &db, const std::string &name)
{
    auto stmt = db.prepare("SELECT id FROM dataset WHERE name = ?");
    RECFORGE_TRY(stmt);
    stmt->bind(1, name);
    auto row = stmt->step();
    RECFORGE_TRY(row);
    if (!*row)
        return makeError(ErrorCode::NotFound, "no dataset named '" + name + "'",
                         Location{db.path(), 0, 0, "name"});
    return stmt->columnInt64(0);
}

Expected<int64_t> selectInteractionCount(sqlite::Connection &db, int64_t id)
{
    auto stmt = db.prepare("SELECT interactions FROM dataset WHERE id = ?");
    RECFORGE_TRY(stmt);
    stmt->bind(1, id);
    auto row = stmt->step();
    RECFORGE_TRY(row);
    if (!*row)
        return tl::unexpected(notFound(id));
    return stmt->columnInt64(0);
}

Expected<std::string> selectDatasetMetadata(sqlite::Connection &db, int64_t id)
{
    auto stmt = db.prepare("SELECT metadata FROM dataset WHERE id = ?");
    RECFORGE_TRY(stmt);
    stmt->bind(1, id);
    auto row = stmt->step();
    RECFORGE_TRY(row);
    if (!*row)
        return tl::unexpected(notFound(id));
    return stmt->columnText(0);
}

Status deleteDatasetRow(sqlite::Connection &db, int64_t id)
{
    auto stmt = db.prepare("DELETE FROM dataset WHERE id = ?");
    RECFORGE_TRY(stmt);
    stmt->bind(1, id);
    RECFORGE_TRY(stmt->run());
    if (db.changes() == 0)
        return tl::unexpected(notFound(id));
    return {};
}

} // namespace recforge::store
