#include "splittable.h"

#include <array>

#include <nlohmann/json.hpp>

#include "store/columncodec.h"
#include "store/datasettable.h"

namespace recforge::store {

namespace {

constexpr uint8_t kRoleCount = uint8_t(SplitRole::Excluded) + 1;

// Per-role counts; false when a code is outside SplitRole.
bool countRoles(const std::vector<uint8_t> &roles, std::array<int64_t, kRoleCount> &counts)
{
    counts.fill(0);
    for (uint8_t r : roles) {
        if (r >= kRoleCount)
            return false;
        ++counts[r];
    }
    return true;
}

Error notFound(int64_t id)
{
    return Error{ErrorCode::NotFound, "no split with id " + std::to_string(id), {}};
}

} // namespace

Expected<int64_t> insertSplit(sqlite::Connection &db, int64_t datasetId, const Split &split,
                              const std::string &name)
{
    if (name.empty())
        return makeError(ErrorCode::InvalidArgument, "a split needs a name",
                         Location{{}, 0, 0, "name"});
    std::array<int64_t, kRoleCount> counts{};
    if (!countRoles(split.role, counts))
        return makeError(ErrorCode::InvalidArgument,
                         "split '" + name + "' has an unknown role code",
                         Location{{}, 0, 0, "role"});

    auto tx = sqlite::Transaction::begin(db);
    RECFORGE_TRY(tx);
    auto rows = selectInteractionCount(db, datasetId);
    RECFORGE_TRY(rows);
    if (int64_t(split.role.size()) != *rows)
        return makeError(ErrorCode::InvalidArgument,
                         "split '" + name + "' has " + std::to_string(split.role.size()) +
                             " roles but the dataset has " + std::to_string(*rows) +
                             " interactions",
                         Location{{}, 0, 0, "role"});
    {
        auto dup = db.prepare("SELECT 1 FROM split WHERE dataset_id = ? AND name = ?");
        RECFORGE_TRY(dup);
        dup->bind(1, datasetId).bind(2, name);
        auto exists = dup->step();
        RECFORGE_TRY(exists);
        if (*exists)
            return makeError(ErrorCode::InvalidArgument,
                             "the dataset already has a split named '" + name + "'",
                             Location{db.path(), 0, 0, "name"});
    }
    auto insert = db.prepare(
        "INSERT INTO split(dataset_id, name, kind, seed, params, train, validation, test, support,"
        " excluded, valid_cutoff, test_cutoff, item_cutoff, test_users, cold_items, created_at,"
        " roles) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    RECFORGE_TRY(insert);
    const std::string params = toJson(split.params).dump();
    insert->bind(1, datasetId)
        .bind(2, name)
        .bind(3, splitKindName(split.params.kind))
        .bind(4, int64_t(split.params.seed)) // bit pattern; read back as uint64
        .bind(5, params)
        .bind(6, counts[size_t(SplitRole::Train)])
        .bind(7, counts[size_t(SplitRole::Validation)])
        .bind(8, counts[size_t(SplitRole::Test)])
        .bind(9, counts[size_t(SplitRole::Support)])
        .bind(10, counts[size_t(SplitRole::Excluded)])
        .bind(11, split.validCutoff)
        .bind(12, split.testCutoff)
        .bind(13, split.itemCutoff)
        .bind(14, int64_t(split.testUsers))
        .bind(15, int64_t(split.coldItems))
        .bind(16, nowIso8601())
        .bindBlob(17, split.role);
    RECFORGE_TRY(insert->run());
    const int64_t id = db.lastInsertRowId();
    RECFORGE_TRY(tx->commit());
    return id;
}

Expected<std::vector<SplitSummary>> selectSplits(sqlite::Connection &db, int64_t datasetId)
{
    RECFORGE_TRY(selectInteractionCount(db, datasetId)); // NotFound for an unknown dataset
    auto stmt = db.prepare("SELECT id, name, kind, seed, params, train, validation, test, support,"
                           " excluded, created_at FROM split WHERE dataset_id = ? ORDER BY id");
    RECFORGE_TRY(stmt);
    stmt->bind(1, datasetId);
    std::vector<SplitSummary> out;
    for (;;) {
        auto row = stmt->step();
        RECFORGE_TRY(row);
        if (!*row)
            break;
        SplitSummary s;
        s.id = stmt->columnInt64(0);
        s.datasetId = datasetId;
        s.name = stmt->columnText(1);
        s.kind = stmt->columnText(2);
        s.seed = uint64_t(stmt->columnInt64(3));
        s.paramsJson = stmt->columnText(4);
        s.train = stmt->columnInt64(5);
        s.validation = stmt->columnInt64(6);
        s.test = stmt->columnInt64(7);
        s.support = stmt->columnInt64(8);
        s.excluded = stmt->columnInt64(9);
        s.createdAt = stmt->columnText(10);
        out.push_back(std::move(s));
    }
    return out;
}

Expected<Split> selectSplit(sqlite::Connection &db, int64_t splitId)
{
    auto stmt = db.prepare(
        "SELECT s.name, s.params, s.valid_cutoff, s.test_cutoff, s.item_cutoff, s.test_users,"
        " s.cold_items, s.roles, d.interactions, s.train, s.validation, s.test, s.support,"
        " s.excluded FROM split s JOIN dataset d ON d.id = s.dataset_id WHERE s.id = ?");
    RECFORGE_TRY(stmt);
    stmt->bind(1, splitId);
    auto row = stmt->step();
    RECFORGE_TRY(row);
    if (!*row)
        return tl::unexpected(notFound(splitId));
    const std::string name = stmt->columnText(0);
    const auto corrupt = [&](const std::string &column, const std::string &what) {
        return makeError(ErrorCode::Database,
                         db.path() + ": corrupt project: split '" + name + "' (id " +
                             std::to_string(splitId) + "), column '" + column + "': " + what,
                         Location{db.path(), 0, 0, column});
    };
    Split split;
    const auto json = nlohmann::json::parse(stmt->columnText(1), nullptr, false);
    if (json.is_discarded())
        return corrupt("params", "not valid JSON");
    auto params = splitParamsFromJson(json);
    if (!params)
        return corrupt("params", params.error().message);
    split.params = std::move(*params);
    split.validCutoff = stmt->columnInt64(2);
    split.testCutoff = stmt->columnInt64(3);
    split.itemCutoff = stmt->columnInt64(4);
    split.testUsers = int32_t(stmt->columnInt64(5));
    split.coldItems = int32_t(stmt->columnInt64(6));
    const int64_t rows = stmt->columnInt64(8);
    if (auto ok = decodeArray(stmt->columnBlob(7), rows, split.role); !ok)
        return corrupt("roles", ok.error().message);
    std::array<int64_t, kRoleCount> counts{};
    if (!countRoles(split.role, counts))
        return corrupt("roles", "unknown role code");
    for (size_t r = 0; r < kRoleCount; ++r)
        if (counts[r] != stmt->columnInt64(9 + int(r)))
            return corrupt("roles", std::string("role counts do not match the stored ") +
                                        splitRoleName(SplitRole(r)) + " count");
    return split;
}

Status deleteSplitRow(sqlite::Connection &db, int64_t splitId)
{
    auto stmt = db.prepare("DELETE FROM split WHERE id = ?");
    RECFORGE_TRY(stmt);
    stmt->bind(1, splitId);
    RECFORGE_TRY(stmt->run());
    if (db.changes() == 0)
        return tl::unexpected(notFound(splitId));
    return {};
}

} // namespace recforge::store
