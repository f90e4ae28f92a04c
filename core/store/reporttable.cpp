#include "reporttable.h"

#include <string>

namespace recforge::store {

namespace {

// A missing dataset must be NotFound, not an empty report.
Expected<double> importSeconds(sqlite::Connection &db, int64_t datasetId)
{
    auto stmt = db.prepare("SELECT import_seconds FROM dataset WHERE id = ?");
    if (!stmt)
        return tl::unexpected(stmt.error());
    stmt->bind(1, datasetId);
    auto row = stmt->step();
    if (!row)
        return tl::unexpected(row.error());
    if (!*row)
        return makeError(ErrorCode::NotFound, "no dataset with id " + std::to_string(datasetId));
    return stmt->columnDouble(0);
}

RejectedRow readRejected(const sqlite::Statement &stmt, int first)
{
    RejectedRow r;
    r.file = stmt.columnText(first);
    r.line = stmt.columnInt64(first + 1);
    r.column = stmt.columnInt64(first + 2);
    r.field = stmt.columnText(first + 3);
    r.reason = stmt.columnText(first + 4);
    r.text = stmt.columnText(first + 5);
    return r;
}

} // namespace

Status insertImportReport(sqlite::Connection &db, int64_t datasetId, const ImportReport &report)
{
    auto file = db.prepare("INSERT INTO import_file(dataset_id, position, file, format, encoding,"
                           " delimiter, header, rows_read, rows_accepted, rows_rejected)"
                           " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    auto rejected = db.prepare("INSERT INTO rejected_row(dataset_id, file_position, file, line,"
                               " col, field, reason, text) VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
    auto warning = db.prepare("INSERT INTO import_warning(dataset_id, message, file, line, col,"
                              " field) VALUES(?, ?, ?, ?, ?, ?)");
    RECFORGE_TRY(file);
    RECFORGE_TRY(rejected);
    RECFORGE_TRY(warning);
    for (size_t position = 0; position < report.files.size(); ++position) {
        const FileImportReport &f = report.files[position];
        file->bind(1, datasetId)
            .bind(2, int64_t(position))
            .bind(3, f.file)
            .bind(4, f.format)
            .bind(5, f.encoding)
            .bind(6, int64_t(uint8_t(f.delimiter)))
            .bind(7, int64_t(f.header))
            .bind(8, f.rowsRead)
            .bind(9, f.rowsAccepted)
            .bind(10, f.rowsRejected);
        RECFORGE_TRY(file->run());
        file->reset();
        for (const RejectedRow &r : f.rejected) {
            rejected->bind(1, datasetId)
                .bind(2, int64_t(position))
                .bind(3, r.file)
                .bind(4, r.line)
                .bind(5, r.column)
                .bind(6, r.field)
                .bind(7, r.reason)
                .bind(8, r.text);
            RECFORGE_TRY(rejected->run());
            rejected->reset();
        }
    }
    for (const Warning &w : report.warnings) {
        warning->bind(1, datasetId)
            .bind(2, w.message)
            .bind(3, w.location.file)
            .bind(4, w.location.line)
            .bind(5, w.location.column)
            .bind(6, w.location.field);
        RECFORGE_TRY(warning->run());
        warning->reset();
    }
    return {};
}

Expected<ImportReport> selectImportReport(sqlite::Connection &db, int64_t datasetId)
{
    ImportReport report;
    auto seconds = importSeconds(db, datasetId);
    RECFORGE_TRY(seconds);
    report.seconds = *seconds;

    auto files = db.prepare("SELECT file, format, encoding, delimiter, header, rows_read,"
                            " rows_accepted, rows_rejected FROM import_file WHERE dataset_id = ?"
                            " ORDER BY position");
    RECFORGE_TRY(files);
    files->bind(1, datasetId);
    for (;;) {
        auto row = files->step();
        RECFORGE_TRY(row);
        if (!*row)
            break;
        FileImportReport f;
        f.file = files->columnText(0);
        f.format = files->columnText(1);
        f.encoding = files->columnText(2);
        f.delimiter = char(uint8_t(files->columnInt64(3)));
        f.header = files->columnInt64(4) != 0;
        f.rowsRead = files->columnInt64(5);
        f.rowsAccepted = files->columnInt64(6);
        f.rowsRejected = files->columnInt64(7);
        report.files.push_back(std::move(f));
    }

    auto rejected = db.prepare("SELECT file_position, file, line, col, field, reason, text"
                               " FROM rejected_row WHERE dataset_id = ? ORDER BY id");
    RECFORGE_TRY(rejected);
    rejected->bind(1, datasetId);
    for (;;) {
        auto row = rejected->step();
        RECFORGE_TRY(row);
        if (!*row)
            break;
        const int64_t position = rejected->columnInt64(0);
        if (position < 0 || position >= int64_t(report.files.size()))
            return makeError(ErrorCode::Database,
                             db.path() + ": dataset " + std::to_string(datasetId) +
                                 ": rejected row refers to missing import file " +
                                 std::to_string(position),
                             Location{db.path(), 0, 0, "rejected_row"});
        report.files[size_t(position)].rejected.push_back(readRejected(*rejected, 1));
    }

    auto warnings = db.prepare("SELECT message, file, line, col, field FROM import_warning"
                               " WHERE dataset_id = ? ORDER BY id");
    RECFORGE_TRY(warnings);
    warnings->bind(1, datasetId);
    for (;;) {
        auto row = warnings->step();
        RECFORGE_TRY(row);
        if (!*row)
            break;
        Warning w;
        w.message = warnings->columnText(0);
        w.location.file = warnings->columnText(1);
        w.location.line = warnings->columnInt64(2);
        w.location.column = warnings->columnInt64(3);
        w.location.field = warnings->columnText(4);
        report.warnings.push_back(std::move(w));
    }
    return report;
}

Expected<int64_t> countRejectedRows(sqlite::Connection &db, int64_t datasetId)
{
    RECFORGE_TRY(importSeconds(db, datasetId));
    auto stmt = db.prepare("SELECT count(*) FROM rejected_row WHERE dataset_id = ?");
    RECFORGE_TRY(stmt);
    stmt->bind(1, datasetId);
    auto row = stmt->step();
    RECFORGE_TRY(row);
    return stmt->columnInt64(0);
}

Expected<std::vector<RejectedRow>> selectRejectedRows(sqlite::Connection &db, int64_t datasetId,
                                                      int64_t offset, int64_t limit)
{
    if (offset < 0 || limit < 0)
        return makeError(ErrorCode::InvalidArgument, "negative offset or limit");
    RECFORGE_TRY(importSeconds(db, datasetId));
    auto stmt = db.prepare("SELECT file, line, col, field, reason, text FROM rejected_row"
                           " WHERE dataset_id = ? ORDER BY id LIMIT ? OFFSET ?");
    RECFORGE_TRY(stmt);
    stmt->bind(1, datasetId).bind(2, limit).bind(3, offset);
    std::vector<RejectedRow> rows;
    for (;;) {
        auto row = stmt->step();
        RECFORGE_TRY(row);
        if (!*row)
            break;
        rows.push_back(readRejected(*stmt, 0));
    }
    return rows;
}

} // namespace recforge::store
