#pragma once
// Internal to core/workspace: a prepared SQLite statement with RAII finalisation and errors that
// name the workspace file.
//
//   Statement st(db, path, "SELECT value FROM settings WHERE key = ?1");
//   st.bind(1, key);
//   if (st.step()) value = st.text(0);
//
// Thread safety: as the connection (one thread at a time).

#include <cstdint>
#include <string>
#include <vector>

#include <sqlite3.h>

namespace vaclip::detail {

/// Throws vaclip::Error naming `path`: Format for SQLITE_CORRUPT/SQLITE_NOTADB, Io otherwise.
[[noreturn]] void throwSqlite(sqlite3* db, int rc, const std::string& path, const std::string& what);

class Statement {
public:
    Statement(sqlite3* db, const std::string& path, const char* sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    void bind(int index, int64_t value);
    void bind(int index, double value);
    void bind(int index, const std::string& value);
    void bindBlob(int index, const void* data, std::size_t size);
    void bindNull(int index);

    /// Rewinds for another execution and clears the bindings.
    void reset();
    /// true when a row is available, false when done; throws on error.
    bool step();
    /// Steps a statement that returns no rows.
    void run();

    int64_t int64(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    std::vector<uint8_t> blob(int column) const;
    bool isNull(int column) const;

private:
    sqlite3* m_db;
    const std::string& m_path;
    sqlite3_stmt* m_stmt = nullptr;
};

} // namespace vaclip::detail
