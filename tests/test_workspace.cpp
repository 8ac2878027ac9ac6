// ctest-labels: unit workspace
// The studio's workspace file: round trips of every table, reopening, transactions, damaged and
// foreign files, schema versions.
#include "common/error.h"
#include "test_support.h"
#include "workspace/workspace.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>

using namespace vaclip;
using vaclip::test::TempDir;

namespace {

ErrorCode codeOf(const std::function<void()>& f, std::string* message = nullptr)
{
    try {
        f();
    } catch (const Error& e) {
        if (message)
            *message = e.what();
        return e.code();
    }
    ADD_FAILURE() << "no vaclip::Error thrown";
    return ErrorCode::Cancelled;
}

/// Runs raw SQL on a file with the SQLite C API (as another program would).
void rawExec(const std::string& path, const std::string& sql)
{
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    char* err = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
    EXPECT_EQ(rc, SQLITE_OK) << (err ? err : "");
    sqlite3_free(err);
    sqlite3_close(db);
}

} // namespace

TEST(Workspace, NewFileHasCurrentSchemaAndIdentity)
{
    TempDir dir;
    const std::string path = dir.file("a.vaclip");
    {
        Workspace ws(path);
        EXPECT_EQ(ws.schemaVersion(), Workspace::kSchemaVersion);
        EXPECT_TRUE(ws.datasets().empty());
        EXPECT_EQ(ws.recentState().playhead, 0);
    }
    EXPECT_TRUE(std::filesystem::exists(path));
    // The WAL is folded back in when the connection closes.
    EXPECT_FALSE(std::filesystem::exists(path + "-wal"));
}

TEST(Workspace, EveryTableRoundTripsAcrossReopen)
{
    TempDir dir;
    const std::string path = dir.file("sub/b.vaclip");   // parent folder created
    const std::vector<float> scores = {0.f, 0.25f, -1.5f, 3.0e-8f, 1.0f};
    int64_t runId = 0;
    {
        Workspace ws(path);
        ws.addDataset({0, "ped2", "/data/ped2/meta.json", ""});
        ws.addDataset({0, "campus", "/data/campus/meta.json", ""});
        ws.addDataset({0, "ped2 renamed", "/data/ped2/meta.json", ""});   // same path: renamed
        ws.replaceAnnotations("Test/Test001", {{0, "", 60, 180, "bicycle", "enters left"}, {0, "", 5, 9, "", ""}});
        ws.replaceAnnotations("Test/Test002", {{0, "", 0, 1, "cart", ""}});
        ws.savePromptSet({0, "vehicles", {{"a person riding a bicycle", true}, {"a car on the walkway", false}}});
        runId = ws.addRun({0, "zero-shot", "testing:\n  prompts: [a]\n", "", "", ""});
        ws.setRunMetrics(runId, "{\"frame_auc\": 0.9}");
        ws.putScoreTrack(runId, "Test/Test001", scores);
        ws.putScoreTrack(runId, "Test/Test002", {});
        ws.setSetting("theme", "dark");
        ws.setSetting("threads", "2");
        ws.removeSetting("threads");
        ws.saveRecentState({"Test/Test001", 123, 0.375});
    }
    Workspace ws(path, Workspace::OpenMode::Existing);
    const auto ds = ws.datasets();
    ASSERT_EQ(ds.size(), 2u);
    EXPECT_EQ(ds[0].name, "ped2 renamed");
    EXPECT_EQ(ds[0].metaPath, "/data/ped2/meta.json");
    EXPECT_EQ(ds[1].name, "campus");
    EXPECT_EQ(ds[0].addedAt.size(), 20u) << ds[0].addedAt;   // 2026-11-25T17:49:50Z

    const auto a = ws.annotations("Test/Test001");
    ASSERT_EQ(a.size(), 2u);
    EXPECT_EQ(a[0].begin, 5);   // ordered by begin
    EXPECT_EQ(a[0].end, 9);
    EXPECT_EQ(a[1].begin, 60);
    EXPECT_EQ(a[1].end, 180);
    EXPECT_EQ(a[1].category, "bicycle");
    EXPECT_EQ(a[1].note, "enters left");
    EXPECT_EQ(a[1].video, "Test/Test001");
    EXPECT_EQ(ws.annotatedVideos(), (std::vector<std::string>{"Test/Test001", "Test/Test002"}));

    const auto set = ws.promptSet("vehicles");
    ASSERT_TRUE(set);
    ASSERT_EQ(set->prompts.size(), 2u);
    EXPECT_EQ(set->prompts[0], (Prompt{"a person riding a bicycle", true}));
    EXPECT_EQ(set->prompts[1], (Prompt{"a car on the walkway", false}));
    EXPECT_FALSE(ws.promptSet("nope"));

    const auto run = ws.run(runId);
    ASSERT_TRUE(run);
    EXPECT_EQ(run->configYaml, "testing:\n  prompts: [a]\n");
    EXPECT_EQ(run->metricsJson, "{\"frame_auc\": 0.9}");
    EXPECT_FALSE(run->createdAt.empty());
    EXPECT_EQ(ws.scoreTrack(runId, "Test/Test001"), scores);   // bit-exact float32
    EXPECT_TRUE(ws.scoreTrack(runId, "Test/Test002").empty());
    EXPECT_EQ(ws.scoreTrackVideos(runId), (std::vector<std::string>{"Test/Test001", "Test/Test002"}));

    EXPECT_EQ(ws.setting("theme"), std::optional<std::string>("dark"));
    EXPECT_FALSE(ws.setting("threads"));
    const RecentState st = ws.recentState();
    EXPECT_EQ(st.openVideo, "Test/Test001");
    EXPECT_EQ(st.playhead, 123);
    EXPECT_DOUBLE_EQ(st.threshold, 0.375);
}

TEST(Workspace, ReplacingAndRemovingKeepsTablesConsistent)
{
    TempDir dir;
    Workspace ws(dir.file("c.vaclip"));
    ws.replaceAnnotations("v", {{0, "", 1, 2, "a", ""}, {0, "", 3, 4, "b", ""}});
    ws.replaceAnnotations("v", {{0, "", 7, 8, "c", ""}});
    ASSERT_EQ(ws.annotations("v").size(), 1u);
    EXPECT_EQ(ws.annotations("v")[0].category, "c");
    ws.replaceAnnotations("v", {});
    EXPECT_TRUE(ws.annotatedVideos().empty());

    ws.savePromptSet({0, "s", {{"x", true}, {"y", true}, {"z", true}}});
    ws.savePromptSet({0, "s", {{"only", false}}});
    ASSERT_EQ(ws.promptSets().size(), 1u);
    EXPECT_EQ(ws.promptSets()[0].prompts, (std::vector<Prompt>{{"only", false}}));
    ws.removePromptSet("s");
    EXPECT_TRUE(ws.promptSets().empty());

    const int64_t r = ws.addRun({0, "r", "", "/ckpt/best.ckpt", "", ""});
    ws.putScoreTrack(r, "v", {1.f, 2.f});
    ws.putScoreTrack(r, "v", {3.f});   // replaced
    EXPECT_EQ(ws.scoreTrack(r, "v"), std::vector<float>{3.f});
    ws.renameRun(r, "renamed");
    EXPECT_EQ(ws.run(r)->name, "renamed");
    EXPECT_EQ(ws.run(r)->checkpointPath, "/ckpt/best.ckpt");   // only the name changes
    ws.removeRun(r);
    EXPECT_FALSE(ws.run(r));
    EXPECT_TRUE(ws.scoreTrackVideos(r).empty());   // cascaded
    EXPECT_EQ(codeOf([&] { ws.scoreTrack(r, "v"); }), ErrorCode::NotFound);
    EXPECT_EQ(codeOf([&] { ws.putScoreTrack(r, "v", {1.f}); }), ErrorCode::NotFound);
    EXPECT_EQ(codeOf([&] { ws.setRunMetrics(r, "{}"); }), ErrorCode::NotFound);
    EXPECT_EQ(codeOf([&] { ws.renameRun(r, "x"); }), ErrorCode::NotFound);
}

TEST(Workspace, FailedTransactionLeavesNothingBehind)
{
    TempDir dir;
    const std::string path = dir.file("t.vaclip");
    {
        Workspace ws(path);
        ws.setSetting("kept", "1");
        EXPECT_THROW(ws.transaction([&] {
            ws.setSetting("lost", "1");
            ws.addDataset({0, "d", "/d/meta.json", ""});
            throw std::runtime_error("boom");
        }),
                     std::runtime_error);
        EXPECT_FALSE(ws.setting("lost"));
        EXPECT_TRUE(ws.datasets().empty());
        // An invalid annotation in a batch: none of the batch is written, the old ones stay.
        ws.replaceAnnotations("v", {{0, "", 0, 5, "old", ""}});
        EXPECT_EQ(codeOf([&] { ws.replaceAnnotations("v", {{0, "", 0, 3, "new", ""}, {0, "", 4, 4, "", ""}}); }),
                  ErrorCode::InvalidArgument);
        ASSERT_EQ(ws.annotations("v").size(), 1u);
        EXPECT_EQ(ws.annotations("v")[0].category, "old");
        // A nested failure caught inside rolls back only the inner part.
        ws.transaction([&] {
            ws.setSetting("outer", "1");
            try {
                ws.transaction([&] {
                    ws.setSetting("inner", "1");
                    throw std::runtime_error("inner");
                });
            } catch (const std::runtime_error&) {
            }
        });
        EXPECT_TRUE(ws.setting("outer"));
        EXPECT_FALSE(ws.setting("inner"));
    }
    Workspace again(path);
    EXPECT_TRUE(again.setting("kept"));
    EXPECT_TRUE(again.setting("outer"));
    EXPECT_FALSE(again.setting("lost"));
}

TEST(Workspace, NotADatabaseIsAFormatErrorNamingTheFile)
{
    TempDir dir;
    const std::string path = dir.file("notes.vaclip");
    vaclip::test::writeText(path, "these are my notes, not a database\n");
    std::string message;
    EXPECT_EQ(codeOf([&] { Workspace ws(path); }, &message), ErrorCode::Format);
    EXPECT_NE(message.find(path), std::string::npos) << message;
    EXPECT_EQ(vaclip::test::readText(path), "these are my notes, not a database\n");   // untouched
}

TEST(Workspace, DamagedFileIsAFormatError)
{
    TempDir dir;
    const std::string path = dir.file("d.vaclip");
    {
        Workspace ws(path);
        ws.transaction([&] {
            for (int i = 0; i < 200; ++i)
                ws.setSetting("key" + std::to_string(i), std::string(200, 'x'));
        });
    }
    // Overwrite the middle of the file (b-tree pages) with garbage, keeping the header.
    const auto size = std::filesystem::file_size(path);
    ASSERT_GT(size, 8192u);
    {
        std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(4096);
        const std::string junk(size - 4096 - 512, '\xA5');
        f.write(junk.data(), std::streamsize(junk.size()));
    }
    std::string message;
    EXPECT_EQ(codeOf([&] { Workspace ws(path); }, &message), ErrorCode::Format);
    EXPECT_NE(message.find(path), std::string::npos) << message;
}

TEST(Workspace, ForeignSqliteDatabaseIsRefused)
{
    TempDir dir;
    const std::string path = dir.file("other.db");
    rawExec(path, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');");
    std::string message;
    EXPECT_EQ(codeOf([&] { Workspace ws(path); }, &message), ErrorCode::Format);
    EXPECT_NE(message.find("another application"), std::string::npos) << message;
    EXPECT_NE(message.find(path), std::string::npos) << message;
}

TEST(Workspace, NewerSchemaVersionIsUnsupported)
{
    TempDir dir;
    const std::string path = dir.file("new.vaclip");
    { Workspace ws(path); }
    rawExec(path, "PRAGMA user_version = " + std::to_string(Workspace::kSchemaVersion + 1));
    std::string message;
    EXPECT_EQ(codeOf([&] { Workspace ws(path); }, &message), ErrorCode::Unsupported);
    EXPECT_NE(message.find(path), std::string::npos) << message;
    EXPECT_NE(message.find("newer"), std::string::npos) << message;
}

TEST(Workspace, VersionZeroFileOfOursIsMigrated)
{
    // A file stamped with our id but no schema yet (e.g. a crash right after creation in an
    // older build) is brought up to the current version.
    TempDir dir;
    const std::string path = dir.file("v0.vaclip");
    rawExec(path, "PRAGMA application_id = " + std::to_string(Workspace::kApplicationId));
    Workspace ws(path);
    EXPECT_EQ(ws.schemaVersion(), Workspace::kSchemaVersion);
    ws.setSetting("k", "v");
    EXPECT_EQ(ws.setting("k"), std::optional<std::string>("v"));
}

TEST(Workspace, MissingFileWithExistingModeIsNotFound)
{
    TempDir dir;
    const std::string path = dir.file("none.vaclip");
    EXPECT_EQ(codeOf([&] { Workspace ws(path, Workspace::OpenMode::Existing); }), ErrorCode::NotFound);
    EXPECT_FALSE(std::filesystem::exists(path));
    EXPECT_EQ(codeOf([&] { Workspace ws(dir.path().string()); }), ErrorCode::InvalidArgument);
}

TEST(Workspace, TwoConnectionsSeeEachOthersCommits)
{
    TempDir dir;
    const std::string path = dir.file("shared.vaclip");
    Workspace a(path);
    Workspace b(path);
    a.setSetting("from", "a");
    EXPECT_EQ(b.setting("from"), std::optional<std::string>("a"));
}
