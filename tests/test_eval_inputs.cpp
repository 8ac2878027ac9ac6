// ctest-labels: unit eval data
// Ground-truth sets and predictions for `vaclip evaluate`: every source form, and every
// misalignment reported with the file, the video and the numbers.
#include "common/error.h"
#include "eval/eval_inputs.h"
#include "io/image.h"
#include "io/npy.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

using namespace vaclip;
using vaclip::test::TempDir;
using vaclip::test::writeText;
namespace fs = std::filesystem;

namespace {

void frames(const fs::path& dir, int n)
{
    fs::create_directories(dir);
    Image im;
    im.width = 8;
    im.height = 6;
    im.rgb.assign(8 * 6 * 3, 100);
    for (int i = 0; i < n; ++i)
        writePng((dir / (std::to_string(i + 1) + ".png")).string(), im);
}

template <typename F>
std::string errorOf(F f)
{
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

/// A dataset with three test videos: v1 (3 frames, per-frame labels), v2 (4 frames, ranges),
/// v3 (2 frames, normal, no labels and no frame_count: counted from the video).
struct Dataset {
    TempDir dir;
    Dataset()
    {
        frames(dir.path() / "v1", 3);
        frames(dir.path() / "v2", 4);
        frames(dir.path() / "v3", 2);
        writeText(dir.file("gt/v1.txt"), "0\n1\n1\n");
        writeText(dir.file("gt/v2.txt"), "# ranges\n1 3\n");
        writeText(dir.file("meta.json"), R"({"train": {}, "test": {"cam": [
            {"video_path": "v1", "anomaly": 1, "gt_path": "gt/v1.txt"},
            {"video_path": "v2", "anomaly": 1, "gt_path": "gt/v2.txt", "frame_count": 4},
            {"video_path": "v3", "anomaly": 0, "gt_path": ""}]}})");
    }
};

} // namespace

TEST(EvalInputs, GroundTruthFromMetaJson)
{
    Dataset d;
    GroundTruthSet gt = loadGroundTruthSet(d.dir.file("meta.json"), "generic");
    ASSERT_EQ(gt.videos.size(), 3u);
    EXPECT_EQ(gt.dataset, "meta");
    EXPECT_EQ(gt.videos[0].name, "v1");
    EXPECT_EQ(gt.videos[0].labels, (std::vector<uint8_t>{0, 1, 1}));
    EXPECT_EQ(gt.videos[1].labels, (std::vector<uint8_t>{0, 1, 1, 0}));
    EXPECT_EQ(gt.videos[2].labels, (std::vector<uint8_t>{0, 0}));
    EXPECT_EQ(gt.totalFrames(), 9);
}

TEST(EvalInputs, PredictionsConcatenatedNpyAreSplitInOrder)
{
    Dataset d;
    GroundTruthSet gt = loadGroundTruthSet(d.dir.file("meta.json"));
    writeNpy(d.dir.file("scores.npy"), NpyArray::fromFloats({0, 1, 2, 3, 4, 5, 6, 7, 8}, {9}));
    auto p = loadPredictions(d.dir.file("scores.npy"), gt);
    ASSERT_EQ(p.size(), 3u);
    EXPECT_EQ(p[1], (std::vector<double>{3, 4, 5, 6}));
    EXPECT_EQ(p[2], (std::vector<double>{7, 8}));

    writeNpy(d.dir.file("short.npy"), NpyArray::fromFloats({0, 1, 2, 3, 4, 5, 6, 7}, {8}));
    const std::string e = errorOf([&] { loadPredictions(d.dir.file("short.npy"), gt); });
    EXPECT_NE(e.find("short.npy"), std::string::npos) << e;
    EXPECT_NE(e.find("8 frame scores"), std::string::npos) << e;
    EXPECT_NE(e.find("9 frames"), std::string::npos) << e;
}

TEST(EvalInputs, PredictionsPerVideoFilesAndJson)
{
    Dataset d;
    GroundTruthSet gt = loadGroundTruthSet(d.dir.file("meta.json"));
    writeNpy(d.dir.file("pred/v1.npy"), NpyArray::fromDoubles({0.1, 0.9, 0.8}, {3}));
    writeText(d.dir.file("pred/v2.json"), R"({"video": "v2", "scoring": "max_cosine", "scores": [0.2, 0.7, 0.6, 0.1]})");
    writeNpy(d.dir.file("pred/v3.npy"), NpyArray::fromDoubles({0.1, 0.2}, {2}));
    auto p = loadPredictions(d.dir.file("pred"), gt);
    EXPECT_EQ(p[0], (std::vector<double>{0.1, 0.9, 0.8}));
    EXPECT_EQ(p[1], (std::vector<double>{0.2, 0.7, 0.6, 0.1}));

    writeText(d.dir.file("all.json"), R"({"videos": [
        {"video": "v1", "scores": [1, 2, 3]}, {"video": "v2", "scores": [1, 2, 3, null]},
        {"video": "v3", "scores": [5, 6]}]})");
    auto q = loadPredictions(d.dir.file("all.json"), gt);
    EXPECT_TRUE(std::isnan(q[1][3])) << "null is read as NaN (the metrics reject it by name)";

    fs::remove(d.dir.file("pred/v3.npy"));
    std::string e = errorOf([&] { loadPredictions(d.dir.file("pred"), gt); });
    EXPECT_NE(e.find("no predictions for video 'v3'"), std::string::npos) << e;

    writeNpy(d.dir.file("pred/v3.npy"), NpyArray::fromDoubles({0.1, 0.2, 0.3}, {3}));
    e = errorOf([&] { loadPredictions(d.dir.file("pred"), gt); });
    EXPECT_NE(e.find("v3.npy"), std::string::npos) << e;
    EXPECT_NE(e.find("3 scores but 2 ground-truth frames"), std::string::npos) << e;
}

TEST(EvalInputs, GenericLabelFolder)
{
    TempDir dir;
    writeText(dir.file("labels/clip_b.txt"), "0\n0\n1\n");
    writeNpy(dir.file("labels/clip_a.npy"), NpyArray::fromUint8({1, 0}, {2}));
    GroundTruthSet gt = loadGroundTruthSet(dir.file("labels"), "generic");
    ASSERT_EQ(gt.videos.size(), 2u);
    EXPECT_EQ(gt.videos[0].name, "clip_a");
    EXPECT_EQ(gt.videos[1].labels, (std::vector<uint8_t>{0, 0, 1}));
    const std::string e = errorOf([&] { loadGroundTruthSet(dir.file("labels"), "kitti"); });
    EXPECT_NE(e.find("unknown --dataset 'kitti'"), std::string::npos) << e;
}

TEST(EvalInputs, UcsdDatasetRootImportedInMemory)
{
    TempDir dir;
    const auto r = vaclip::test::runCommand("bash " + vaclip::test::shellQuote((vaclip::test::sourceDir() / "scripts/make-sample.sh").string())
                                            + " " + vaclip::test::shellQuote(dir.path().string()));
    ASSERT_EQ(r.exitCode, 0) << r.output;
    GroundTruthSet gt = loadGroundTruthSet(dir.file("UCSDped2"), "ucsd");
    EXPECT_EQ(gt.dataset, "ucsd-ped2");
    ASSERT_EQ(gt.videos.size(), 3u);
    int64_t anomalous[3] = {0, 0, 0};
    for (int v = 0; v < 3; ++v)
        for (uint8_t l : gt.videos[std::size_t(v)].labels)
            anomalous[v] += l;
    EXPECT_EQ(anomalous[0], 20);  // [11:30]
    EXPECT_EQ(anomalous[1], 25);  // [1:15, 31:40]
    EXPECT_EQ(anomalous[2], 20);  // [21:40]
    EXPECT_FALSE(fs::exists(dir.file("UCSDped2/meta.json"))) << "evaluation must not write into the dataset";
    const std::string e = errorOf([&] { loadGroundTruthSet(dir.file("UCSDped2"), "shanghaitech"); });
    EXPECT_NE(e.find("shanghaitech layout"), std::string::npos) << e;
}
