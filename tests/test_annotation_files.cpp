// ctest-labels: unit data workspace
// Annotations saved into a dataset's ground-truth files (workspace/annotation_files.h) and read
// back with the standard readers of core/data.
#include "common/error.h"
#include "data/ground_truth.h"
#include "data/meta.h"
#include "io/npy.h"
#include "test_support.h"
#include "workspace/annotation_files.h"

#include <gtest/gtest.h>

#include <filesystem>

using namespace vaclip;
using vaclip::test::readText;
using vaclip::test::TempDir;
using vaclip::test::writeText;

namespace {

/// A dataset root with three test videos (empty files stand in for videos).
DatasetMeta makeDataset(const TempDir& dir, const std::string& gtA, const std::string& gtB)
{
    for (const char* v : {"v/a.mp4", "v/b.mp4", "v/c.mp4"})
        writeText(dir.file(v), "");
    const std::string json = R"({"train": {}, "test": {"walk": [
        {"video_path": "v/a.mp4", "anomaly": 1, "gt_path": ")" + gtA + R"(", "frame_count": 20},
        {"video_path": "v/b.mp4", "anomaly": 1, "gt_path": ")" + gtB + R"(", "frame_count": 10},
        {"video_path": "v/c.mp4", "anomaly": 0, "gt_path": "", "frame_count": 12, "camera": "east"}]}})";
    writeText(dir.file("meta.json"), json);
    return loadMeta(dir.file("meta.json"));
}

} // namespace

TEST(AnnotationFiles, RangesTextRoundTripsWithCategories)
{
    const std::vector<AnnotationRecord> in = {{0, "", 2, 5, "bicycle", ""}, {0, "", 10, 12, "", ""}};
    const std::string text = formatAnnotatedRanges(in, "demo");
    // The standard reader expands it (categories are comments to it).
    const std::vector<uint8_t> labels = parseLabelText(text, "x.txt", 12);
    EXPECT_EQ(labels, (std::vector<uint8_t>{0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 1, 1}));
    const auto back = parseAnnotatedRanges(text, "x.txt");
    ASSERT_TRUE(back);
    ASSERT_EQ(back->size(), 2u);
    EXPECT_EQ((*back)[0].category, "bicycle");
    EXPECT_EQ((*back)[1].begin, 10);
    EXPECT_EQ((*back)[1].category, "");
    EXPECT_FALSE(parseAnnotatedRanges("0\n1\n1\n", "pf.txt"));   // per-frame form
    EXPECT_THROW(parseAnnotatedRanges("5 3\n", "bad.txt"), Error);
}

TEST(AnnotationFiles, PerFrameTextKeepsItsFormAndABackup)
{
    TempDir dir;
    std::vector<uint8_t> original(20, 0);
    original[3] = 1;
    writeLabelText(dir.file("gt/a.txt"), original);
    writeLabelText(dir.file("gt/b.txt"), std::vector<uint8_t>(10, 1));
    DatasetMeta meta = makeDataset(dir, "gt/a.txt", "gt/b.txt");
    const GroundTruthSave s = saveAnnotationsToGroundTruth(meta, dir.file("meta.json"), "v/a.mp4",
                                                           {{0, "", 4, 8, "cart", ""}, {0, "", 15, 20, "", ""}}, 20);
    EXPECT_EQ(s.path, dir.file("gt/a.txt"));
    EXPECT_EQ(s.backupPath, dir.file("gt/a.txt.orig"));
    EXPECT_FALSE(s.metaSaved);   // same gt path, anomaly and frame count
    EXPECT_EQ(readLabelText(dir.file("gt/a.txt.orig"), 20), original);
    // Still one value per line, read by the standard reader through meta.json.
    const DatasetMeta again = loadMeta(dir.file("meta.json"));
    const std::vector<uint8_t> y = loadFrameLabels(again.test[0]);
    std::vector<uint8_t> expected(20, 0);
    for (int t : {4, 5, 6, 7, 15, 16, 17, 18, 19})
        expected[std::size_t(t)] = 1;
    EXPECT_EQ(y, expected);
    EXPECT_FALSE(parseAnnotatedRanges(readText(dir.file("gt/a.txt")), "a"));
    // A second save does not replace the backup of the dataset's own file.
    const GroundTruthSave s2 = saveAnnotationsToGroundTruth(meta, dir.file("meta.json"), "v/a.mp4", {}, 20);
    EXPECT_TRUE(s2.backupPath.empty());
    EXPECT_EQ(readLabelText(dir.file("gt/a.txt.orig"), 20), original);
    // No interval left: the video is now normal in meta.json.
    EXPECT_TRUE(s2.metaSaved);
    EXPECT_FALSE(loadMeta(dir.file("meta.json")).test[0].anomaly);
}

TEST(AnnotationFiles, NpyKeepsDtypeAndShape)
{
    TempDir dir;
    writeLabelText(dir.file("gt/a.txt"), std::vector<uint8_t>(20, 0));
    writeNpy(dir.file("gt/b.npy"), NpyArray::fromInt64(std::vector<int64_t>(10, 0), {10}));
    DatasetMeta meta = makeDataset(dir, "gt/a.txt", "gt/b.npy");
    const GroundTruthSave s = saveAnnotationsToGroundTruth(meta, "", "v/b.mp4", {{0, "", 1, 3, "x", ""}}, 10);
    EXPECT_EQ(s.path, dir.file("gt/b.npy"));
    const NpyArray back = readNpy(dir.file("gt/b.npy"));
    EXPECT_EQ(back.dtype, DType::I64);
    EXPECT_EQ(back.shape, std::vector<int64_t>{10});
    EXPECT_EQ(back.toInt64(), (std::vector<int64_t>{0, 1, 1, 0, 0, 0, 0, 0, 0, 0}));
    EXPECT_TRUE(std::filesystem::exists(dir.file("gt/b.npy.orig")));
}

TEST(AnnotationFiles, VideoWithoutGroundTruthGetsARangesFile)
{
    TempDir dir;
    writeLabelText(dir.file("gt/a.txt"), std::vector<uint8_t>(20, 0));
    writeLabelText(dir.file("gt/b.txt"), std::vector<uint8_t>(10, 0));
    DatasetMeta meta = makeDataset(dir, "gt/a.txt", "gt/b.txt");
    const GroundTruthSave s =
        saveAnnotationsToGroundTruth(meta, dir.file("meta.json"), "v/c.mp4", {{0, "", 6, 12, "fight", "n"}}, 12);
    EXPECT_EQ(s.path, dir.file("gt/annotations/v__c.mp4.txt"));
    EXPECT_TRUE(s.metaSaved);
    const DatasetMeta again = loadMeta(dir.file("meta.json"));
    const VideoEntry& c = again.test[2];
    EXPECT_TRUE(c.anomaly);
    EXPECT_EQ(c.gtPath, "gt/annotations/v__c.mp4.txt");
    ASSERT_EQ(c.extra.size(), 1u);   // unknown keys survive
    EXPECT_EQ(c.extra[0].first, "camera");
    EXPECT_EQ(loadFrameLabels(c), (std::vector<uint8_t>{0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1}));
    const std::vector<AnnotationRecord> back = loadAnnotationsFromGroundTruth(c);
    ASSERT_EQ(back.size(), 1u);
    EXPECT_EQ(back[0].begin, 6);
    EXPECT_EQ(back[0].end, 12);
    EXPECT_EQ(back[0].category, "fight");
    EXPECT_EQ(back[0].video, "v/c.mp4");
}

TEST(AnnotationFiles, MaskFolderStaysAsMaskPath)
{
    TempDir dir;
    writeLabelText(dir.file("gt/a.txt"), std::vector<uint8_t>(20, 0));
    std::filesystem::create_directories(dir.file("masks/b"));
    writeText(dir.file("masks/b/keep.txt"), "not touched");
    DatasetMeta meta = parseMeta(R"({"train": {}, "test": {"w": [
        {"video_path": "v/a.mp4", "anomaly": 1, "gt_path": "masks/b", "frame_count": 10}]}})",
                                 dir.file("meta.json"), {dir.path().string(), false});
    saveAnnotationsToGroundTruth(meta, dir.file("meta.json"), "v/a.mp4", {{0, "", 0, 2, "", ""}}, 10);
    EXPECT_EQ(meta.test[0].maskPath, "masks/b");
    EXPECT_EQ(meta.test[0].gtPath, "gt/annotations/v__a.mp4.txt");
    EXPECT_EQ(readText(dir.file("masks/b/keep.txt")), "not touched");
}

TEST(AnnotationFiles, BadInputIsAnError)
{
    TempDir dir;
    writeLabelText(dir.file("gt/a.txt"), std::vector<uint8_t>(20, 0));
    writeLabelText(dir.file("gt/b.txt"), std::vector<uint8_t>(10, 0));
    DatasetMeta meta = makeDataset(dir, "gt/a.txt", "gt/b.txt");
    const std::string before = readText(dir.file("gt/a.txt"));
    EXPECT_THROW(saveAnnotationsToGroundTruth(meta, "", "v/a.mp4", {{0, "", 15, 21, "", ""}}, 20), Error);
    EXPECT_THROW(saveAnnotationsToGroundTruth(meta, "", "v/a.mp4", {{0, "", 3, 3, "", ""}}, 20), Error);
    EXPECT_THROW(saveAnnotationsToGroundTruth(meta, "", "v/zzz.mp4", {}, 20), Error);
    EXPECT_THROW(saveAnnotationsToGroundTruth(meta, "", "v/a.mp4", {}, 0), Error);   // frame count unknown
    EXPECT_EQ(readText(dir.file("gt/a.txt")), before);   // nothing written
    // A .npy whose length disagrees with the frame count.
    writeNpy(dir.file("gt/b.npy"), NpyArray::fromInt64(std::vector<int64_t>(7, 0), {7}));
    meta.test[1].gtPath = "gt/b.npy";
    meta.test[1].gtAbsolutePath = dir.file("gt/b.npy");
    try {
        saveAnnotationsToGroundTruth(meta, "", "v/b.mp4", {}, 10);
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Mismatch);
        EXPECT_NE(std::string(e.what()).find("b.npy"), std::string::npos) << e.what();
    }
}
