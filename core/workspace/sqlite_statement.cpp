#include "workspace/sqlite_statement.h"

#include "common/error.h"

namespace vaclip::detail {

void throwSqlite(sqlite3* db, int rc, const std::string& path, const std::string& what)
{
    const int primary = rc & 0xff;
    std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
        throw Error(ErrorCode::Format, quoted(path) + ": not a readable workspace file (" + message + ")");
    if (primary == SQLITE_CANTOPEN)
        throw Error(ErrorCode::Io, quoted(path) + ": cannot open the workspace file (" + message + ")");
    throw Error(ErrorCode::Io, quoted(path) + ": " + what + ": " + message);
}

Statement::Statement(sqlite3* db, const std::string& path, const char* sql) : m_db(db), m_path(path)
{
    const int rc = sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr);
    if (rc != SQLITE_OK)
        throwSqlite(db, rc, path, "cannot prepare a query");
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

void Statement::bind(int index, int64_t value)
{
    sqlite3_bind_int64(m_stmt, index, value);
}

void Statement::bind(int index, double value)
{
    sqlite3_bind_double(m_stmt, index, value);
}

void Statement::bind(int index, const std::string& value)
{
    sqlite3_bind_text(m_stmt, index, value.data(), int(value.size()), SQLITE_TRANSIENT);
}

void Statement::bindBlob(int index, const void* data, std::size_t size)
{
    // A zero-length blob must not bind as NULL (the column is NOT NULL).
    static const char kEmpty = 0;
    sqlite3_bind_blob64(m_stmt, index, size ? data : &kEmpty, size, SQLITE_TRANSIENT);
}

void Statement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    throwSqlite(m_db, rc, m_path, "query failed");
}

void Statement::run()
{
    while (step()) {
    }
}

int64_t Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

std::string Statement::text(int column) const
{
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    const int n = sqlite3_column_bytes(m_stmt, column);
    return p ? std::string(p, std::size_t(n)) : std::string();
}

std::vector<uint8_t> Statement::blob(int column) const
{
    const auto* p = static_cast<const uint8_t*>(sqlite3_column_blob(m_stmt, column));
    const int n = sqlite3_column_bytes(m_stmt, column);
    return p ? std::vector<uint8_t>(p, p + n) : std::vector<uint8_t>();
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

} // namespace vaclip::detail
