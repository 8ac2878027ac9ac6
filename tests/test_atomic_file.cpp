// ctest-labels: unit io
// Atomic writes: a file at the destination is either the old one or the complete new one, and no
// temporary files are left behind.

#include "common/error.h"
#include "io/atomic_file.h"
#include "expect_error.h"
#include "test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <set>

#include <sys/stat.h>

namespace fs = std::filesystem;
using namespace vaclip;
using ::testing::HasSubstr;
using vaclip::test::TempDir;

namespace {

std::set<std::string> listFolder(const fs::path& dir)
{
    std::set<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir))
        names.insert(entry.path().filename().string());
    return names;
}

void expectError(const std::function<void()>& fn, ErrorCode code, const std::string& path,
                 std::vector<std::string> parts = {})
{
    parts.insert(parts.begin(), quoted(path));
    vaclip::test::expectError(fn, code, parts);
}

mode_t modeOf(const std::string& path)
{
    struct stat st {};
    EXPECT_EQ(::stat(path.c_str(), &st), 0) << path;
    return st.st_mode & 07777;
}

} // namespace

TEST(AtomicFile, WritesNewFileAndReadsItBack)
{
    TempDir dir;
    const std::string path = dir.file("out.txt");
    writeFileAtomic(path, "hello\n");
    EXPECT_EQ(readFile(path), "hello\n");
    EXPECT_EQ(listFolder(dir.path()), std::set<std::string>{"out.txt"});
    // Same permissions as an ordinary new file (mkstemp alone would give 0600).
    const mode_t mask = ::umask(022);
    ::umask(mask);
    EXPECT_EQ(modeOf(path), 0666 & ~mask);
}

TEST(AtomicFile, CommitReplacesExistingFileAndKeepsItsMode)
{
    TempDir dir;
    const std::string path = dir.file("data.bin");
    writeFileAtomic(path, "old content that is longer than the new one");
    ASSERT_EQ(::chmod(path.c_str(), 0640), 0);
    {
        AtomicFile f(path);
        EXPECT_EQ(f.path(), path);
        EXPECT_THAT(f.temporaryPath(), HasSubstr(path + ".tmp-"));
        EXPECT_TRUE(fs::exists(f.temporaryPath()));
        f.write("new ");
        f.write(std::string("content"));
        EXPECT_EQ(readFile(path), "old content that is longer than the new one"); // not yet
        f.commit();
        EXPECT_FALSE(fs::exists(f.temporaryPath()));
    }
    EXPECT_EQ(readFile(path), "new content");
    EXPECT_EQ(modeOf(path), 0640u);
    EXPECT_EQ(listFolder(dir.path()), std::set<std::string>{"data.bin"});
}

TEST(AtomicFile, ExceptionBeforeCommitKeepsOldFileAndLeavesNoTemporary)
{
    TempDir dir;
    const std::string path = dir.file("keep.txt");
    writeFileAtomic(path, "original");
    std::string tmp;
    try {
        AtomicFile f(path);
        tmp = f.temporaryPath();
        f.write("half of the new conte");
        EXPECT_TRUE(fs::exists(tmp));
        throw std::runtime_error("simulated failure while producing the content");
    } catch (const std::runtime_error&) {
    }
    EXPECT_FALSE(fs::exists(tmp));
    EXPECT_EQ(readFile(path), "original");
    EXPECT_EQ(listFolder(dir.path()), std::set<std::string>{"keep.txt"});

    // Same without an existing destination: nothing appears at all.
    {
        AtomicFile f(dir.file("never.txt"));
        f.write("abc");
    }
    EXPECT_EQ(listFolder(dir.path()), std::set<std::string>{"keep.txt"});
}

TEST(AtomicFile, CreatesParentFolders)
{
    TempDir dir;
    const std::string path = (dir.path() / "a" / "b" / "c" / "deep.bin").string();
    writeFileAtomic(path, std::string("\0\1\2", 3));
    EXPECT_EQ(readFile(path), std::string("\0\1\2", 3));
    EXPECT_EQ(listFolder(dir.path() / "a" / "b" / "c"), std::set<std::string>{"deep.bin"});
}

TEST(AtomicFile, LargeBinaryAndEmptyContent)
{
    TempDir dir;
    std::string big(12 * 1024 * 1024 + 7, '\0');
    for (std::size_t i = 0; i < big.size(); ++i)
        big[i] = char((i * 131) >> 3);
    const std::string path = dir.file("big.bin");
    {
        AtomicFile f(path);
        for (std::size_t off = 0; off < big.size(); off += 1000003)
            f.write(big.data() + off, std::min<std::size_t>(1000003, big.size() - off));
        f.commit();
    }
    EXPECT_EQ(readFile(path), big);
    writeFileAtomic(path, "");
    EXPECT_EQ(readFile(path), "");
    EXPECT_EQ(fs::file_size(path), 0u);
}

TEST(AtomicFile, MisuseIsReported)
{
    TempDir dir;
    const std::string path = dir.file("twice.txt");
    AtomicFile f(path);
    f.write("x");
    f.commit();
    expectError([&] { f.write("y"); }, ErrorCode::InvalidArgument, path);
    expectError([&] { f.commit(); }, ErrorCode::InvalidArgument, path);
    EXPECT_EQ(readFile(path), "x");
}

TEST(AtomicFile, UnwritableDestinationsNameThePath)
{
    TempDir dir;
    // A parent "folder" that is a regular file: the folder cannot be created.
    writeFileAtomic(dir.file("blocker"), "I am a file");
    const std::string underFile = (dir.path() / "blocker" / "sub" / "x.bin").string();
    expectError([&] { writeFileAtomic(underFile, "data"); }, ErrorCode::Io, underFile);
    const std::string directlyUnderFile = (dir.path() / "blocker" / "x.bin").string();
    expectError([&] { writeFileAtomic(directlyUnderFile, "data"); }, ErrorCode::Io, directlyUnderFile);

    // The destination is a non-empty folder: rename() refuses, the folder and its content survive.
    const fs::path folder = dir.path() / "folder";
    fs::create_directories(folder / "inside");
    expectError([&] { writeFileAtomic(folder.string(), "data"); }, ErrorCode::Io, folder.string(),
                {"rename"});
    EXPECT_TRUE(fs::is_directory(folder / "inside"));
    EXPECT_EQ(listFolder(dir.path()), (std::set<std::string>{"blocker", "folder"}));

    if (::geteuid() != 0) { // root ignores permission bits
        const fs::path ro = dir.path() / "readonly";
        fs::create_directories(ro);
        ::chmod(ro.c_str(), 0555);
        const std::string p = (ro / "x.txt").string();
        expectError([&] { writeFileAtomic(p, "data"); }, ErrorCode::Io, p, {"Permission denied"});
        ::chmod(ro.c_str(), 0755);
    }
}

TEST(ReadFile, ErrorsNameThePath)
{
    TempDir dir;
    const std::string missing = dir.file("missing.txt");
    expectError([&] { readFile(missing); }, ErrorCode::NotFound, missing, {"No such file"});
    expectError([&] { readFile(dir.path().string()); }, ErrorCode::Io, dir.path().string(), {"folder"});
}
