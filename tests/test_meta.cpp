// ctest-labels: unit data
// meta.json: loading, validation errors (with file and JSON location), saving and round trips.
#include "common/error.h"
#include "data/ground_truth.h"
#include "data/meta.h"
#include "expect_error.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

namespace fs = std::filesystem;
using namespace vaclip;
using vaclip::test::expectError;
using vaclip::test::TempDir;
using vaclip::test::writeText;

namespace {

/// A dataset folder with a few empty "videos" and label files.
struct Dataset {
    TempDir dir;
    Dataset()
    {
        for (const char* f : {"train/a.avi", "train/b.avi", "test/c.avi", "test/d.avi", "test/e.avi", "gt/c.txt",
                              "gt/e.txt", "masks/c.npy"})
            writeText(dir.file(f), "");
        fs::create_directories(dir.path() / "test" / "frames01");
        writeText(dir.file("gt/c.txt"), "0\n1\n1\n0\n");
        writeText(dir.file("gt/e.txt"), "1 3\n");
    }
    std::string meta(const std::string& json) const
    {
        writeText(dir.file("meta.json"), json);
        return dir.file("meta.json");
    }
};

const char* kGood = R"({
  "train": {
    "street": [
      {"video_path": "train/a.avi", "anomaly": 0, "gt_path": ""},
      {"video_path": "train/b.avi", "anomaly": false}
    ]
  },
  "test": {
    "street": [
      {"video_path": "test/c.avi", "anomaly": 1, "gt_path": "gt/c.txt", "frame_count": 4,
       "mask_path": "masks/c.npy", "scene": {"id": 3}, "note": "night"},
      {"video_path": "test/d.avi", "anomaly": 0, "gt_path": null}
    ],
    "park": [
      {"video_path": "test/frames01", "anomaly": 0, "frame_count": 7},
      {"video_path": "test/e.avi", "anomaly": true, "gt_path": "gt/e.txt", "label_format": "text", "frame_count": 5}
    ]
  }
})";

} // namespace

TEST(Meta, LoadsTheResearchFormat)
{
    Dataset ds;
    const std::string path = ds.meta(kGood);
    const DatasetMeta meta = loadMeta(path);
    EXPECT_EQ(meta.root, ds.dir.path().string());
    EXPECT_EQ(meta.sourcePath, path);
    ASSERT_EQ(meta.train.size(), 2u);
    ASSERT_EQ(meta.test.size(), 4u);
    EXPECT_EQ(meta.train[1].videoPath, "train/b.avi");
    EXPECT_FALSE(meta.train[1].anomaly);
    EXPECT_EQ(meta.train[1].gtPath, "");

    const VideoEntry& c = meta.test[0];
    EXPECT_EQ(c.split, "test");
    EXPECT_EQ(c.category, "street");
    EXPECT_EQ(c.absolutePath, (ds.dir.path() / "test" / "c.avi").string());
    EXPECT_TRUE(c.anomaly);
    EXPECT_EQ(c.gtPath, "gt/c.txt");
    EXPECT_EQ(c.gtAbsolutePath, (ds.dir.path() / "gt" / "c.txt").string());
    EXPECT_EQ(c.maskPath, "masks/c.npy");
    EXPECT_EQ(c.frameCount, 4);
    EXPECT_EQ(c.location, "test/street[0]");
    ASSERT_EQ(c.extra.size(), 2u);
    EXPECT_EQ(c.extra[0].first, "scene");
    EXPECT_EQ(c.extra[0].second, R"({"id":3})");
    EXPECT_EQ(c.extra[1].first, "note");
    // file order: categories as written (ordered JSON), entries within them
    EXPECT_EQ(meta.categories("test"), (std::vector<std::string>{"street", "park"}));
    EXPECT_EQ(meta.test[2].videoPath, "test/frames01");
    EXPECT_EQ(meta.test[3].location, "test/park[1]");
    EXPECT_EQ(meta.test[3].labelFormat, "text");
    EXPECT_EQ(meta.anomalousCount("test"), 2u);
    EXPECT_EQ(meta.anomalousCount("train"), 0u);
    ASSERT_NE(meta.find("test/e.avi"), nullptr);
    EXPECT_EQ(meta.find("test/e.avi")->category, "park");
    EXPECT_EQ(meta.find(c.absolutePath), &meta.test[0]);
    EXPECT_EQ(meta.find("nope"), nullptr);
    expectError([&] { meta.split("val"); }, ErrorCode::InvalidArgument, {"'val'"});
}

TEST(Meta, SaveAndLoadRoundTrip)
{
    Dataset ds;
    const DatasetMeta meta = loadMeta(ds.meta(kGood));
    const std::string out = ds.dir.file("meta2.json");
    saveMeta(meta, out);
    const std::string text = vaclip::test::readText(out);
    const nlohmann::ordered_json j = nlohmann::ordered_json::parse(text);
    EXPECT_EQ(j["train"]["street"][1]["gt_path"], "");   // always written
    EXPECT_EQ(j["train"]["street"][1]["anomaly"], 0);   // false -> 0
    EXPECT_FALSE(j["train"]["street"][1].contains("frame_count"));
    EXPECT_EQ(j["test"]["street"][0]["scene"]["id"], 3);
    EXPECT_EQ(j["test"].begin().key(), "street");
    EXPECT_NE(text.find("\n  \"test\": {"), std::string::npos) << "pretty printed:\n" << text;

    const DatasetMeta back = loadMeta(out);
    ASSERT_EQ(back.test.size(), meta.test.size());
    for (std::size_t i = 0; i < meta.test.size(); ++i) {
        EXPECT_EQ(back.test[i].videoPath, meta.test[i].videoPath);
        EXPECT_EQ(back.test[i].category, meta.test[i].category);
        EXPECT_EQ(back.test[i].anomaly, meta.test[i].anomaly);
        EXPECT_EQ(back.test[i].gtPath, meta.test[i].gtPath);
        EXPECT_EQ(back.test[i].maskPath, meta.test[i].maskPath);
        EXPECT_EQ(back.test[i].frameCount, meta.test[i].frameCount);
        EXPECT_EQ(back.test[i].labelFormat, meta.test[i].labelFormat);
        EXPECT_EQ(back.test[i].extra, meta.test[i].extra);
    }
    EXPECT_EQ(metaToJson(back), text);
}

TEST(Meta, InMemoryEntriesAreWrittenRelativeToTheRoot)
{
    Dataset ds;
    DatasetMeta meta;
    meta.root = ds.dir.path().string();
    VideoEntry e;
    e.split = "test";
    e.category = "x";
    e.absolutePath = ds.dir.file("test/c.avi");
    e.gtAbsolutePath = ds.dir.file("gt/c.txt");
    e.anomaly = true;
    meta.test.push_back(e);
    saveMeta(meta, ds.dir.file("meta.json"));
    const DatasetMeta back = loadMeta(ds.dir.file("meta.json"));
    ASSERT_EQ(back.test.size(), 1u);
    EXPECT_EQ(back.test[0].videoPath, "test/c.avi");
    EXPECT_EQ(back.test[0].gtPath, "gt/c.txt");

    meta.test[0].absolutePath = "/elsewhere/v.avi";
    expectError([&] { metaToJson(meta); }, ErrorCode::InvalidArgument, {"/elsewhere/v.avi"});
}

TEST(Meta, StructuralErrorsNameFileAndLocation)
{
    Dataset ds;
    const std::string file = ds.dir.file("meta.json");
    auto load = [&](const std::string& json) { return [&ds, json] { loadMeta(ds.meta(json)); }; };

    expectError(load(R"({"test": {"bike": [{"video_path": "test/c.avi", "anomaly": 0},)"
                     R"( {"anomaly": 1}]}})"),
                ErrorCode::Format, {"'" + file + "'", "test/bike[1]: missing key 'video_path'"});
    expectError(load(R"({"test": {"bike": [{"video_path": "test/c.avi"}]}})"), ErrorCode::Format,
                {file, "test/bike[0]: missing key 'anomaly'"});
    expectError(load(R"({"test": {"bike": [{"video_path": 3, "anomaly": 0}]}})"), ErrorCode::Format,
                {file, "test/bike[0]", "'video_path' must be a string, got number"});
    expectError(load(R"({"test": {"bike": [{"video_path": "", "anomaly": 0}]}})"), ErrorCode::Format,
                {file, "'video_path' is empty"});
    expectError(load(R"({"test": {"bike": [{"video_path": "test/c.avi", "anomaly": "1"}]}})"), ErrorCode::Format,
                {file, "test/bike[0]", "'anomaly' must be 0 or 1", "string"});
    expectError(load(R"({"test": {"bike": [{"video_path": "test/c.avi", "anomaly": 2}]}})"), ErrorCode::Format,
                {file, "'anomaly' must be 0 or 1, got 2"});
    expectError(load(R"({"test": {"bike": [{"video_path": "test/c.avi", "anomaly": 1, "gt_path": 7}]}})"),
                ErrorCode::Format, {file, "'gt_path' must be a string, got number"});
    expectError(load(R"({"test": {"bike": [{"video_path": "test/c.avi", "anomaly": 0, "frame_count": -1}]}})"),
                ErrorCode::Format, {file, "'frame_count' must be an integer >= 0"});
    expectError(load(R"({"test": {"bike": [{"video_path": "test/c.avi", "anomaly": 0, "frame_count": 2.5}]}})"),
                ErrorCode::Format, {file, "'frame_count'", "2.5"});
    expectError(load(R"({"test": {"bike": [{"video_path": "test/c.avi", "anomaly": 0, "label_format": "xml"}]}})"),
                ErrorCode::Format, {file, "test/bike[0]", "'xml'"});
    expectError(load(R"({"test": {"bike": {"video_path": "test/c.avi"}}})"), ErrorCode::Format,
                {file, "test/bike: must be an array"});
    expectError(load(R"({"test": {"bike": ["test/c.avi"]}})"), ErrorCode::Format,
                {file, "test/bike[0]: an entry must be an object"});
    expectError(load(R"({"test": []})"), ErrorCode::Format, {file, "test: must be an object"});
    expectError(load(R"({"tset": {}})"), ErrorCode::Format, {file, "unknown top-level key 'tset'"});
    expectError(load(R"([1, 2])"), ErrorCode::Format, {file, "top level must be an object"});
    expectError(load(R"({})"), ErrorCode::Format, {file, "neither"});
    expectError(load(R"({"test": {"bike": [}})"), ErrorCode::Format, {file, "not valid JSON", "line 1"});
    expectError([] { loadMeta("/nonexistent/meta.json"); }, ErrorCode::NotFound, {"/nonexistent/meta.json"});
}

TEST(Meta, PathErrors)
{
    Dataset ds;
    const std::string file = ds.dir.file("meta.json");
    auto load = [&](const std::string& json) { return [&ds, json] { loadMeta(ds.meta(json)); }; };

    writeText((ds.dir.path().parent_path() / (ds.dir.path().filename().string() + "-outside.avi")).string(), "");
    const std::string outsideName = "../" + ds.dir.path().filename().string() + "-outside.avi";
    expectError(load(R"({"test": {"bike": [{"video_path": ")" + outsideName + R"(", "anomaly": 0}]}})"),
                ErrorCode::Format, {file, "test/bike[0]", "'video_path'", "leaves the dataset root"});
    fs::remove(ds.dir.path().parent_path() / (ds.dir.path().filename().string() + "-outside.avi"));
    expectError(load(R"({"test": {"bike": [{"video_path": "/etc/hostname", "anomaly": 0}]}})"), ErrorCode::Format,
                {file, "'/etc/hostname'", "leaves the dataset root"});
    expectError(load(R"({"test": {"bike": [{"video_path": ".", "anomaly": 0}]}})"), ErrorCode::Format,
                {file, "leaves the dataset root"});
    expectError(load(R"({"test": {"bike": [{"video_path": "test/c.avi", "anomaly": 1, "gt_path": "../gt.txt"}]}})"),
                ErrorCode::Format, {file, "'gt_path'", "'../gt.txt'"});
    expectError(load(R"({"test": {"bike": [{"video_path": "test/missing.avi", "anomaly": 0}]}})"), ErrorCode::NotFound,
                {file, "test/bike[0]", "video 'test/missing.avi' not found"});
    expectError(load(R"({"test": {"bike": [{"video_path": "test/c.avi", "anomaly": 1, "gt_path": "gt/x.txt"}]}})"),
                ErrorCode::NotFound, {file, "ground truth 'gt/x.txt' not found"});
    expectError(load(R"({"test": {"bike": [{"video_path": "test/c.avi", "anomaly": 0},)"
                     R"( {"video_path": "test/../test/c.avi", "anomaly": 0}]}})"),
                ErrorCode::Format, {file, "test/bike[1]", "duplicate video_path", "test/bike[0]"});
    expectError(load(R"({"train": {"a": [{"video_path": "test/c.avi", "anomaly": 0}]},)"
                     R"( "test": {"b": [{"video_path": "test/c.avi", "anomaly": 0}]}})"),
                ErrorCode::Format, {file, "test/b[0]", "duplicate", "train/a[0]"});

    // Absolute paths inside the root are fine; "a/../b" is normalised.
    const std::string abs = ds.dir.file("test/c.avi");
    const DatasetMeta m = loadMeta(ds.meta(R"({"test": {"b": [{"video_path": ")" + abs + R"(", "anomaly": 0},)"
                                           R"( {"video_path": "train/../test/d.avi", "anomaly": 0}]}})"));
    EXPECT_EQ(m.test[0].absolutePath, abs);
    EXPECT_EQ(m.test[1].absolutePath, ds.dir.file("test/d.avi"));

    // Missing files are accepted when not checked; an explicit root replaces the meta folder.
    LoadMetaOptions noCheck;
    noCheck.checkFilesExist = false;
    EXPECT_NO_THROW(loadMeta(ds.meta(R"({"test": {"b": [{"video_path": "x/y.avi", "anomaly": 0}]}})"), noCheck));
    writeText(ds.dir.file("sub/meta.json"), R"({"test": {"b": [{"video_path": "test/c.avi", "anomaly": 0}]}})");
    expectError([&] { loadMeta(ds.dir.file("sub/meta.json")); }, ErrorCode::NotFound, {"test/c.avi"});
    LoadMetaOptions rooted;
    rooted.root = ds.dir.path().string();
    EXPECT_EQ(loadMeta(ds.dir.file("sub/meta.json"), rooted).test[0].absolutePath, abs);
}

TEST(Meta, PathHelpers)
{
    EXPECT_EQ(resolveDatasetPath("/data/set", "a/b.avi", "ctx"), "/data/set/a/b.avi");
    EXPECT_EQ(resolveDatasetPath("/data/set/", "./a//b.avi", "ctx"), "/data/set/a/b.avi");
    expectError([] { resolveDatasetPath("/data/set", "a/../../x", "ctx"); }, ErrorCode::Format, {"ctx", "'a/../../x'"});
    expectError([] { resolveDatasetPath("/data/set", "/data/settings/x", "ctx"); }, ErrorCode::Format, {"ctx"});
    expectError([] { resolveDatasetPath("/data/set", "", "ctx"); }, ErrorCode::Format, {"ctx", "empty"});
    EXPECT_EQ(relativeToRoot("/data/set", "/data/set/a/b.avi"), "a/b.avi");
    expectError([] { relativeToRoot("/data/set", "/data/other/b.avi"); }, ErrorCode::InvalidArgument, {"/data/other/b.avi"});
    EXPECT_TRUE(isInsideRoot("/data", "/data/set"));
    EXPECT_FALSE(isInsideRoot("/data", "/data"));
    EXPECT_FALSE(isInsideRoot("/data", "/database"));
}

TEST(Meta, FrameLabelsOfEntries)
{
    Dataset ds;
    const DatasetMeta meta = loadMeta(ds.meta(kGood));
    // gt_path with a per-frame text file; frame_count 4 from the meta
    EXPECT_EQ(loadFrameLabels(meta.test[0]), (std::vector<uint8_t>{0, 1, 1, 0}));
    EXPECT_EQ(loadFrameLabels(meta.test[0], 4), (std::vector<uint8_t>{0, 1, 1, 0}));
    expectError([&] { loadFrameLabels(meta.test[0], 5); }, ErrorCode::Mismatch,
                {"test/street[0]", "5 frames", "frame_count 4"});
    // a ranges text file expanded with the meta's frame_count
    EXPECT_EQ(loadFrameLabels(meta.test[3]), (std::vector<uint8_t>{0, 1, 1, 0, 0}));
    // normal video without gt: zeros of the known count
    EXPECT_EQ(loadFrameLabels(meta.test[2]), std::vector<uint8_t>(7, 0));
    EXPECT_EQ(loadFrameLabels(meta.test[1], 3), std::vector<uint8_t>(3, 0));
    expectError([&] { loadFrameLabels(meta.test[1]); }, ErrorCode::InvalidArgument, {"test/street[1]", "frame count"});
    // anomalous video without gt: unknown frames
    VideoEntry e = meta.test[0];
    e.gtPath.clear();
    e.gtAbsolutePath.clear();
    expectError([&] { loadFrameLabels(e); }, ErrorCode::NotFound, {"test/street[0]", "no gt_path"});
}
