// Workspace: opening, identity and version checks, migrations, transactions.
// The tables' reads and writes are in workspace_tables.cpp.
#include "workspace/workspace.h"

#include "common/error.h"
#include "workspace/sqlite_statement.h"

#include <sqlite3.h>

#include <cstring>
#include <filesystem>
#include <fstream>

namespace vaclip {

namespace {

#define VACLIP_NOW "(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"

/// migrations[v] takes a file from schema version v to v + 1. Never edit a shipped step: add one.
const char* const kMigrations[] = {
    // 0 -> 1: the first schema.
    "CREATE TABLE datasets ("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL,"
    "  meta_path TEXT NOT NULL UNIQUE,"
    "  added_at TEXT NOT NULL DEFAULT " VACLIP_NOW ");"
    "CREATE TABLE annotations ("
    "  id INTEGER PRIMARY KEY,"
    "  video TEXT NOT NULL,"
    "  begin_frame INTEGER NOT NULL CHECK (begin_frame >= 0),"
    "  end_frame INTEGER NOT NULL CHECK (end_frame > begin_frame),"
    "  category TEXT NOT NULL DEFAULT '',"
    "  note TEXT NOT NULL DEFAULT '');"
    "CREATE INDEX annotations_by_video ON annotations (video, begin_frame);"
    "CREATE TABLE prompt_sets ("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL UNIQUE);"
    "CREATE TABLE prompts ("
    "  set_id INTEGER NOT NULL REFERENCES prompt_sets (id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL,"
    "  text TEXT NOT NULL,"
    "  enabled INTEGER NOT NULL DEFAULT 1,"
    "  PRIMARY KEY (set_id, position));"
    "CREATE TABLE runs ("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL,"
    "  config_yaml TEXT NOT NULL,"
    "  checkpoint_path TEXT NOT NULL DEFAULT '',"
    "  metrics_json TEXT NOT NULL DEFAULT '',"
    "  created_at TEXT NOT NULL DEFAULT " VACLIP_NOW ");"
    "CREATE TABLE score_tracks ("
    "  run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,"
    "  video TEXT NOT NULL,"
    "  frames INTEGER NOT NULL CHECK (frames >= 0),"
    "  scores BLOB NOT NULL,"
    "  PRIMARY KEY (run_id, video));"
    "CREATE TABLE settings ("
    "  key TEXT PRIMARY KEY,"
    "  value TEXT NOT NULL);"
    "CREATE TABLE recent_state ("
    "  id INTEGER PRIMARY KEY CHECK (id = 1),"
    "  open_video TEXT NOT NULL,"
    "  playhead INTEGER NOT NULL,"
    "  threshold REAL NOT NULL);",
};
static_assert(sizeof(kMigrations) / sizeof(kMigrations[0]) == Workspace::kSchemaVersion,
              "one migration per schema version");

#undef VACLIP_NOW

bool hasSqliteHeader(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    char header[16] = {};
    in.read(header, sizeof header);
    return in.gcount() == 16 && std::memcmp(header, "SQLite format 3", 16) == 0;
}

} // namespace

Workspace::Workspace(const std::string& path, OpenMode mode) : m_path(path)
{
    try {
        openFile(mode);
        checkIdentity();
        migrate();
    } catch (...) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
        throw;
    }
}

Workspace::~Workspace()
{
    // Closing the last connection checkpoints the WAL into the file and removes -wal/-shm.
    sqlite3_close_v2(m_db);
}

void Workspace::fail(const std::string& what) const
{
    throw Error(ErrorCode::Format, quoted(m_path) + ": " + what);
}

void Workspace::exec(const char* sql) const
{
    char* message = nullptr;
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        sqlite3_free(message);
        detail::throwSqlite(m_db, rc, m_path, "workspace update failed");
    }
}

void Workspace::openFile(OpenMode mode)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    const bool exists = fs::exists(m_path, ec);
    if (!exists && mode == OpenMode::Existing)
        throw Error(ErrorCode::NotFound, quoted(m_path) + ": no such workspace file");
    if (exists && fs::is_directory(m_path, ec))
        throw Error(ErrorCode::InvalidArgument, quoted(m_path) + ": is a folder, not a workspace file");
    // An empty file is a new workspace; anything else must be an SQLite database. Checked here so
    // that a text file gets a plain message and SQLite never writes journals next to it.
    if (exists && fs::file_size(m_path, ec) > 0 && !hasSqliteHeader(m_path))
        fail("not a workspace file (not an SQLite database)");
    if (!exists) {
        const fs::path parent = fs::path(m_path).parent_path();
        if (!parent.empty())
            fs::create_directories(parent, ec);
    }
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (mode == OpenMode::OpenOrCreate ? SQLITE_OPEN_CREATE : 0);
    const int rc = sqlite3_open_v2(m_path.c_str(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK)
        detail::throwSqlite(m_db, rc, m_path, "cannot open");
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, 5000);
}

void Workspace::checkIdentity()
{
    int64_t applicationId = 0;
    int64_t tables = 0;
    {
        detail::Statement st(m_db, m_path, "PRAGMA application_id");
        if (st.step())
            applicationId = st.int64(0);
    }
    {
        detail::Statement st(m_db, m_path, "SELECT count(*) FROM sqlite_master");
        if (st.step())
            tables = st.int64(0);
    }
    if (applicationId != kApplicationId && !(applicationId == 0 && tables == 0))
        fail("an SQLite database of another application, not a VideoAnomalyCLIP workspace");
    if (tables > 0) {
        detail::Statement st(m_db, m_path, "PRAGMA quick_check");
        while (st.step()) {
            const std::string row = st.text(0);
            if (row != "ok")
                fail("the workspace file is damaged (" + row + ")");
        }
    }
    const int version = schemaVersion();
    if (version > kSchemaVersion)
        throw Error(ErrorCode::Unsupported, quoted(m_path) + ": workspace schema version " + std::to_string(version) +
                                                " was written by a newer VideoAnomalyCLIP (this one reads up to " +
                                                std::to_string(kSchemaVersion) + ")");
    // WAL: readers never block the writer and a crash mid-write is rolled back on the next open.
    {
        detail::Statement st(m_db, m_path, "PRAGMA journal_mode = WAL");
        st.run();
    }
    exec("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;");
}

int Workspace::schemaVersion() const
{
    detail::Statement st(m_db, m_path, "PRAGMA user_version");
    return st.step() ? int(st.int64(0)) : 0;
}

void Workspace::migrate()
{
    if (schemaVersion() == kSchemaVersion)
        return;
    transaction([&] {
        // Read again under the write lock: another process may have just migrated the file.
        const int from = schemaVersion();
        if (from == kSchemaVersion)
            return;
        for (int v = from; v < kSchemaVersion; ++v)
            exec(kMigrations[v]);
        const std::string pragmas = "PRAGMA application_id = " + std::to_string(kApplicationId) +
                                    "; PRAGMA user_version = " + std::to_string(kSchemaVersion) + ";";
        exec(pragmas.c_str());
    });
}

void Workspace::transaction(const std::function<void()>& body)
{
    // The outermost level takes the write lock at once (BEGIN IMMEDIATE), so a read-then-write
    // body never fails half-way on a lock upgrade; inner levels are savepoints.
    const int depth = m_savepointDepth;
    const std::string name = "vaclip_sp" + std::to_string(depth);
    exec(depth == 0 ? "BEGIN IMMEDIATE" : ("SAVEPOINT " + name).c_str());
    ++m_savepointDepth;
    try {
        body();
        exec(depth == 0 ? "COMMIT" : ("RELEASE " + name).c_str());
        --m_savepointDepth;
    } catch (...) {
        --m_savepointDepth;
        // Undo this level; errors while undoing are secondary to the one being propagated.
        if (depth == 0) {
            sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
        } else {
            const std::string undo = "ROLLBACK TO " + name + "; RELEASE " + name;
            sqlite3_exec(m_db, undo.c_str(), nullptr, nullptr, nullptr);
        }
        throw;
    }
}

} // namespace vaclip
