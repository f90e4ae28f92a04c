#include "sqlite.h"

namespace recforge::sqlite {

Statement::Statement(Statement &&other) noexcept
    : m_connection(other.m_connection), m_stmt(other.m_stmt), m_bindError(other.m_bindError)
{
    other.m_stmt = nullptr;
}

Statement::~Statement()
{
    if (m_stmt)
        reset();
}

Statement &Statement::check(int rc)
{
    if (rc != SQLITE_OK && m_bindError == SQLITE_OK)
        m_bindError = rc;
    return *this;
}

Statement &Statement::bind(int index, int64_t value)
{
    return check(sqlite3_bind_int64(m_stmt, index, value));
}

Statement &Statement::bind(int index, double value)
{
    return check(sqlite3_bind_double(m_stmt, index, value));
}

Statement &Statement::bind(int index, std::string_view text)
{
    return check(sqlite3_bind_text64(m_stmt, index, text.data(), text.size(), SQLITE_TRANSIENT,
                                     SQLITE_UTF8));
}

Statement &Statement::bindBlob(int index, std::span<const uint8_t> bytes)
{
    // A zero-length blob with a null pointer would bind NULL; keep it a blob.
    static const uint8_t kEmpty = 0;
    const void *data = bytes.empty() ? &kEmpty : bytes.data();
    return check(sqlite3_bind_blob64(m_stmt, index, data, bytes.size(), SQLITE_STATIC));
}

Statement &Statement::bindNull(int index)
{
    return check(sqlite3_bind_null(m_stmt, index));
}

Expected<bool> Statement::step()
{
    const std::string sql = sqlite3_sql(m_stmt) ? sqlite3_sql(m_stmt) : "";
    if (m_bindError != SQLITE_OK)
        return tl::unexpected(m_connection->error("binding values for '" + sql + "'"));
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    return tl::unexpected(m_connection->error("executing '" + sql + "'"));
}

Status Statement::run()
{
    for (;;) {
        auto row = step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            return {};
    }
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_bindError = SQLITE_OK;
}

std::string Statement::columnText(int index) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, index));
    return text ? std::string(text, size_t(sqlite3_column_bytes(m_stmt, index))) : std::string();
}

std::span<const uint8_t> Statement::columnBlob(int index) const
{
    const auto *data = static_cast<const uint8_t *>(sqlite3_column_blob(m_stmt, index));
    const int size = sqlite3_column_bytes(m_stmt, index);
    return data ? std::span<const uint8_t>(data, size_t(size)) : std::span<const uint8_t>();
}

Expected<std::unique_ptr<Connection>> Connection::open(const std::string &path, int flags)
{
    sqlite3 *raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    ConnectionHandle db(raw); // closed on every path, even when open failed
    if (rc != SQLITE_OK) {
        const std::string message = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
        return makeError(ErrorCode::Database, path + ": cannot open: " + message,
                         Location{path, 0, 0, {}});
    }
    sqlite3_extended_result_codes(raw, 1);
    return std::unique_ptr<Connection>(new Connection(path, std::move(db)));
}

Connection::~Connection()
{
    m_cache.clear();
}

Expected<Statement> Connection::prepare(const std::string &sql)
{
    auto it = m_cache.find(sql);
    if (it == m_cache.end()) {
        sqlite3_stmt *raw = nullptr;
        const char *tail = nullptr;
        const int rc = sqlite3_prepare_v3(m_db.get(), sql.c_str(), int(sql.size() + 1),
                                          SQLITE_PREPARE_PERSISTENT, &raw, &tail);
        StatementHandle stmt(raw);
        if (rc != SQLITE_OK || !raw)
            return tl::unexpected(error("preparing '" + sql + "'"));
        it = m_cache.emplace(sql, std::move(stmt)).first;
    }
    return Statement(*this, it->second.get());
}

Status Connection::exec(const std::string &sql)
{
    auto stmt = prepare(sql);
    if (!stmt)
        return tl::unexpected(stmt.error());
    return stmt->run();
}

Expected<int64_t> Connection::queryInt(const std::string &sql)
{
    auto stmt = prepare(sql);
    if (!stmt)
        return tl::unexpected(stmt.error());
    auto row = stmt->step();
    if (!row)
        return tl::unexpected(row.error());
    if (!*row)
        return makeError(ErrorCode::Database, m_path + ": no result for '" + sql + "'",
                         Location{m_path, 0, 0, {}});
    return stmt->columnInt64(0);
}

Error Connection::error(const std::string &what) const
{
    return Error{ErrorCode::Database, m_path + ": " + what + ": " + sqlite3_errmsg(m_db.get()),
                 Location{m_path, 0, 0, {}}};
}

Expected<Transaction> Transaction::begin(Connection &connection)
{
    if (auto ok = connection.exec("BEGIN IMMEDIATE"); !ok)
        return tl::unexpected(ok.error());
    return Transaction(connection);
}

Transaction::~Transaction()
{
    if (m_connection)
        (void)m_connection->exec("ROLLBACK");
}

Status Transaction::commit()
{
    Connection *connection = m_connection;
    auto ok = connection->exec("COMMIT");
    if (ok)
        m_connection = nullptr; // on failure the destructor still rolls back
    return ok;
}

} // namespace recforge::sqlite
