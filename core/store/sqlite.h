#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

#include <sqlite3.h>

#include "common/error.h"

// Thin RAII layer over the SQLite C API, used only inside core/store. Every statement is prepared
// (and cached per connection); values are always bound, never spliced into SQL text.
namespace recforge::sqlite {

struct ConnectionCloser {
    void operator()(sqlite3 *db) const noexcept { sqlite3_close_v2(db); }
};
struct StatementFinalizer {
    void operator()(sqlite3_stmt *stmt) const noexcept { sqlite3_finalize(stmt); }
};
using ConnectionHandle = std::unique_ptr<sqlite3, ConnectionCloser>;
using StatementHandle = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

class Connection;

// A borrowed, cached prepared statement. Binding is 1-based like SQLite. The first bind failure is
// remembered and returned by the next step(). The statement is reset and its bindings cleared when
// this object goes out of scope, so the cache can hand it out again.
class Statement {
public:
    Statement(Connection &connection, sqlite3_stmt *stmt) : m_connection(&connection), m_stmt(stmt)
    {
    }
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&) = delete;
    Statement(const Statement &) = delete;
    ~Statement();

    Statement &bind(int index, int64_t value);
    Statement &bind(int index, int value) { return bind(index, int64_t(value)); }
    Statement &bind(int index, double value);
    Statement &bind(int index, std::string_view text);
    Statement &bind(int index, const char *text) { return bind(index, std::string_view(text)); }
    // The bytes must stay valid until the statement is stepped (SQLITE_STATIC: no copy).
    Statement &bindBlob(int index, std::span<const uint8_t> bytes);
    Statement &bindNull(int index);

    // Advances. true = a row is available, false = done. Database error with the connection's path
    // and the SQL on failure.
    Expected<bool> step();
    // Steps to completion (for INSERT / UPDATE / DELETE / DDL).
    Status run();
    void reset();

    int64_t columnInt64(int index) const { return sqlite3_column_int64(m_stmt, index); }
    double columnDouble(int index) const { return sqlite3_column_double(m_stmt, index); }
    std::string columnText(int index) const;
    // Valid until the next step / reset.
    std::span<const uint8_t> columnBlob(int index) const;
    bool isNull(int index) const { return sqlite3_column_type(m_stmt, index) == SQLITE_NULL; }

private:
    Statement &check(int rc);

    Connection *m_connection;
    sqlite3_stmt *m_stmt;
    int m_bindError = SQLITE_OK;
};

// One SQLite connection with a prepared-statement cache. Not thread-safe: the owner serialises use.
class Connection {
public:
    // flags: SQLITE_OPEN_READWRITE, optionally | SQLITE_OPEN_CREATE.
    static Expected<std::unique_ptr<Connection>> open(const std::string &path, int flags);
    ~Connection();

    // The cached statement for `sql` (one statement, prepared on first use).
    Expected<Statement> prepare(const std::string &sql);
    // Prepares, binds nothing, runs to completion. For DDL and PRAGMAs without values.
    Status exec(const std::string &sql);
    // The first column of the first row of `sql` as int64 (e.g. "PRAGMA user_version").
    Expected<int64_t> queryInt(const std::string &sql);
    int64_t lastInsertRowId() const { return sqlite3_last_insert_rowid(m_db.get()); }
    int changes() const { return sqlite3_changes(m_db.get()); }

    const std::string &path() const { return m_path; }
    sqlite3 *handle() const { return m_db.get(); }
    // Database error "<path>: <what>: <sqlite message>".
    Error error(const std::string &what) const;

private:
    Connection(std::string path, ConnectionHandle db) : m_path(std::move(path)), m_db(std::move(db))
    {
    }
    std::string m_path;
    ConnectionHandle m_db; // declared before the cache: statements are finalised first
    std::unordered_map<std::string, StatementHandle> m_cache;
};

// BEGIN IMMEDIATE ... COMMIT; rolls back in the destructor unless committed.
class Transaction {
public:
    static Expected<Transaction> begin(Connection &connection);
    Transaction(Transaction &&other) noexcept : m_connection(other.m_connection)
    {
        other.m_connection = nullptr;
    }
    Transaction(const Transaction &) = delete;
    ~Transaction();
    Status commit();

private:
    explicit Transaction(Connection &connection) : m_connection(&connection) {}
    Connection *m_connection;
};

} // namespace recforge::sqlite

// Returns the error of a failed Status / Expected from the enclosing function.
#define RECFORGE_TRY(expr)                                                                         \
    do {                                                                                           \
        if (auto &&recforgeTryResult_ = (expr); !recforgeTryResult_)                               \
            return tl::unexpected(recforgeTryResult_.error());                                     \
    } while (false)
