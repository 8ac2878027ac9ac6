// ctest-labels: unit data
// Importers on fake dataset trees (UCSD with ffmpeg-made .tif/.bmp, ShanghaiTech with numpy-made
// .npy, Avenue with hand-written .mat, plain folders) and the `vaclip import` command.
#include "common/error.h"
#include "data/ground_truth.h"
#include "data/importers.h"
#include "data/meta.h"
#include "mat_writer.h"
#include "expect_error.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace vaclip;
using vaclip::test::expectError;
using vaclip::test::MatWriter;
using vaclip::test::shellQuote;
using vaclip::test::TempDir;
using vaclip::test::writeText;

namespace {

void runOk(const std::string& cmd)
{
    const auto r = vaclip::test::runCommand(cmd);
    ASSERT_EQ(r.exitCode, 0) << cmd << "\n" << r.output;
}

/// Three tiny images made once per test program with the ffmpeg CLI and copied around.
struct Images {
    TempDir dir;
    fs::path tif, black, box;
    Images()
    {
        const std::string ffmpeg = vaclip::test::ffmpegExecutable();
        if (ffmpeg.empty()) {
            ADD_FAILURE() << "the ffmpeg CLI is required";
            return;
        }
        const std::string q = shellQuote(dir.path().string());
        runOk(ffmpeg + " -v error -y -f lavfi -i color=gray:s=36x24 -frames:v 1 -pix_fmt gray " + q + "/frame.tif");
        runOk(ffmpeg + " -v error -y -f lavfi -i color=black:s=36x24 -frames:v 1 -pix_fmt gray " + q + "/black.bmp");
        runOk(ffmpeg + " -v error -y -f lavfi -i color=black:s=36x24,drawbox=x=4:y=4:w=5:h=3:color=white:t=fill"
                       " -frames:v 1 -pix_fmt gray " + q + "/box.bmp");
        tif = dir.path() / "frame.tif";
        black = dir.path() / "black.bmp";
        box = dir.path() / "box.bmp";
    }
};

const Images& images()
{
    static Images im;
    return im;
}

std::string numbered(int i, const char* ext)
{
    char b[32];
    std::snprintf(b, sizeof b, "%03d%s", i, ext);
    return b;
}

/// n frames 001.tif ... in dir
void makeFrames(const fs::path& dir, int n)
{
    fs::create_directories(dir);
    for (int i = 1; i <= n; ++i)
        fs::copy_file(images().tif, dir / numbered(i, ".tif"), fs::copy_options::overwrite_existing);
}

/// masks 001.bmp ... with the 0-based frames in `anomalous` white-boxed
void makeMasks(const fs::path& dir, int n, const std::vector<int>& anomalous)
{
    fs::create_directories(dir);
    for (int i = 0; i < n; ++i) {
        const bool a = std::find(anomalous.begin(), anomalous.end(), i) != anomalous.end();
        fs::copy_file(a ? images().box : images().black, dir / numbered(i + 1, ".bmp"),
                      fs::copy_options::overwrite_existing);
    }
}

/// <root>/UCSDped2: Train001 (3 frames), Train002 (2), Test001 (5, frames 2..4 anomalous),
/// Test002 (4, frames 0..1 and 3), masks for both, UCSDped2.m.
fs::path makeUcsdPed2(const fs::path& root)
{
    const fs::path ped = root / "UCSDped2";
    makeFrames(ped / "Train" / "Train001", 3);
    makeFrames(ped / "Train" / "Train002", 2);
    makeFrames(ped / "Test" / "Test001", 5);
    makeFrames(ped / "Test" / "Test002", 4);
    makeMasks(ped / "Test" / "Test001_gt", 5, {2, 3, 4});
    makeMasks(ped / "Test" / "Test002_gt", 4, {0, 1, 3});
    writeText((ped / "Test" / "UCSDped2.m").string(), "TestVideoFile = {};\n"
                                                      "TestVideoFile{end+1}.gt_frame = [3:5];\n"
                                                      "TestVideoFile{end+1}.gt_frame = [1:2, 4];\n");
    writeText((ped / "Train" / "Thumbs.db").string(), "");
    return ped;
}

std::string python()
{
    const std::string p = vaclip::test::pythonWithNumpy();
    if (p.empty())
        ADD_FAILURE() << "python3 with numpy (/usr/bin/python3) is required by this test";
    return p;
}

void runPython(const TempDir& dir, const std::string& script)
{
    const std::string py = python();
    ASSERT_FALSE(py.empty());
    writeText(dir.file("make.py"), script);
    runOk(py + " " + shellQuote(dir.file("make.py")) + " " + shellQuote(dir.path().string()));
}

void writeBytes(const fs::path& path, const std::vector<uint8_t>& b)
{
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(b.data()), static_cast<std::streamsize>(b.size()));
}

std::string cli() { return shellQuote(vaclip::test::cliExecutable()); }

} // namespace

// ---- UCSD --------------------------------------------------------------------------------------

TEST(ImportUcsd, ImportsWritesAndReadsBack)
{
    TempDir dir;
    makeUcsdPed2(dir.path());
    EXPECT_EQ(detectFormats(dir.path().string()), (std::vector<std::string>{"ucsd-ped2"}));
    EXPECT_EQ(detectFormat(dir.path().string()), "ucsd-ped2");

    const std::string metaPath = dir.file("meta.json");
    const ImportResult r = importDataset({"ucsd-ped2", dir.path().string(), metaPath});
    EXPECT_EQ(r.format, "ucsd-ped2");
    ASSERT_EQ(r.meta.train.size(), 2u);
    ASSERT_EQ(r.meta.test.size(), 2u);
    ASSERT_EQ(r.files.size(), 2u);
    EXPECT_EQ(r.files[0].path, dir.file("gt/ucsd-ped2/Test001.txt"));
    EXPECT_FALSE(fs::exists(metaPath)) << "importDataset writes nothing";
    writeImport(r, metaPath);

    const DatasetMeta meta = loadMeta(metaPath);
    ASSERT_EQ(meta.train.size(), 2u);
    EXPECT_EQ(meta.train[0].videoPath, "UCSDped2/Train/Train001");
    EXPECT_EQ(meta.train[0].category, "ped2");
    EXPECT_EQ(meta.train[0].frameCount, 3);
    EXPECT_FALSE(meta.train[1].anomaly);
    ASSERT_EQ(meta.test.size(), 2u);
    const VideoEntry& t1 = meta.test[0];
    EXPECT_EQ(t1.videoPath, "UCSDped2/Test/Test001");
    EXPECT_TRUE(t1.anomaly);
    EXPECT_EQ(t1.gtPath, "gt/ucsd-ped2/Test001.txt");
    EXPECT_EQ(t1.maskPath, "UCSDped2/Test/Test001_gt");
    EXPECT_EQ(t1.frameCount, 5);

    EXPECT_EQ(loadFrameLabels(t1), (std::vector<uint8_t>{0, 0, 1, 1, 1}));
    EXPECT_EQ(loadFrameLabels(meta.test[1], 4), (std::vector<uint8_t>{1, 1, 0, 1}));
    // the pixel masks agree with the .m ranges
    EXPECT_EQ(loadFrameMasks(t1).frameLabels(), loadFrameLabels(t1));
    EXPECT_EQ(loadFrameMasks(meta.test[1]).frameLabels(), loadFrameLabels(meta.test[1]));
    const FrameMasks m = loadFrameMasks(t1);
    EXPECT_EQ(m.width, 36);
    EXPECT_EQ(m.height, 24);
    EXPECT_EQ(m.frame(2)[5 * 36 + 5], 1);
    EXPECT_EQ(m.frame(2)[0], 0);
    // the generated gt file is the documented per-frame text
    const std::string gtText = vaclip::test::readText(dir.file("gt/ucsd-ped2/Test001.txt"));
    EXPECT_NE(gtText.find("# ground truth of UCSDped2/Test/Test001 from UCSDped2.m line 2: [3:5]"), std::string::npos)
        << gtText;
    EXPECT_NE(gtText.find("\n0\n0\n1\n1\n1\n"), std::string::npos) << gtText;
}

TEST(ImportUcsd, RootMayBeThePedFolder)
{
    TempDir dir;
    const fs::path ped = makeUcsdPed2(dir.path());
    EXPECT_EQ(detectFormat(ped.string()), "ucsd-ped2");
    const ImportResult r = importDataset({"auto", ped.string(), (ped / "meta.json").string()});
    EXPECT_EQ(r.format, "ucsd-ped2");
    ASSERT_EQ(r.meta.test.size(), 2u);
    EXPECT_EQ(r.meta.test[1].videoPath, "Test/Test002");
    EXPECT_EQ(r.meta.test[1].gtPath, "gt/ucsd-ped2/Test002.txt");
    writeImport(r, (ped / "meta.json").string());
    EXPECT_EQ(loadFrameLabels(loadMeta((ped / "meta.json").string()).test[1]), (std::vector<uint8_t>{1, 1, 0, 1}));
}

TEST(ImportUcsd, MissingPiecesAreClearErrors)
{
    TempDir dir;
    const fs::path ped = makeUcsdPed2(dir.path());
    const std::string root = dir.path().string();
    const std::string meta = dir.file("meta.json");
    const fs::path m = ped / "Test" / "UCSDped2.m";

    // a Test folder without a .m line
    writeText(m.string(), "TestVideoFile{end+1}.gt_frame = [3:5];\n");
    expectError([&] { importDataset({"ucsd-ped2", root, meta}); }, ErrorCode::Mismatch,
                {m.string(), "1 gt_frame lines for 2 test folders", "Test002"});
    // a .m line without a Test folder
    writeText(m.string(), "TestVideoFile{end+1}.gt_frame = [3:5];\nTestVideoFile{end+1}.gt_frame = [1:2];\n"
                          "TestVideoFile{end+1}.gt_frame = [1:2];\n");
    expectError([&] { importDataset({"ucsd-ped2", root, meta}); }, ErrorCode::Mismatch,
                {m.string(), "3 gt_frame lines for 2 test folders", "line 3"});
    // a range past the last frame
    writeText(m.string(), "TestVideoFile{end+1}.gt_frame = [3:6];\nTestVideoFile{end+1}.gt_frame = [1:2];\n");
    expectError([&] { importDataset({"ucsd-ped2", root, meta}); }, ErrorCode::Mismatch,
                {m.string(), "line 1", "Test001", "3:6", "5 frames"});
    // a malformed line
    writeText(m.string(), "TestVideoFile{end+1}.gt_frame = [3:5];\nTestVideoFile{end+1}.gt_frame = [1-2];\n");
    expectError([&] { importDataset({"ucsd-ped2", root, meta}); }, ErrorCode::Format, {m.string(), "line 2"});
    // a mask folder with a missing image
    writeText(m.string(), "TestVideoFile{end+1}.gt_frame = [3:5];\nTestVideoFile{end+1}.gt_frame = [1:2];\n");
    fs::remove(ped / "Test" / "Test002_gt" / "004.bmp");
    expectError([&] { importDataset({"ucsd-ped2", root, meta}); }, ErrorCode::Mismatch,
                {(ped / "Test" / "Test002_gt").string(), "3 mask images", "4 frames", "Test002"});
    // no .m file at all
    fs::remove(m);
    expectError([&] { importDataset({"ucsd-ped2", root, meta}); }, ErrorCode::NotFound, {m.string(), "missing"});
    EXPECT_TRUE(detectFormats(root).empty() || detectFormats(root) == std::vector<std::string>{"folder"});
    // the other subset's file is not taken for this one
    writeText((ped / "Test" / "UCSDped1.m").string(), "TestVideoFile{end+1}.gt_frame = [3:5];\n");
    expectError([&] { importDataset({"ucsd-ped2", root, meta}); }, ErrorCode::NotFound, {"UCSDped1.m"});
    // not a UCSD tree
    expectError([&] { importDataset({"ucsd-ped1", root, meta}); }, ErrorCode::NotFound, {root, "UCSDped1"});
}

TEST(ImportUcsd, MetaMustBeInOrAboveTheRoot)
{
    TempDir dir;
    const fs::path ped = makeUcsdPed2(dir.path());
    expectError([&] { importDataset({"ucsd-ped2", ped.string(), (ped / "sub" / "meta.json").string()}); },
                ErrorCode::InvalidArgument, {(ped / "sub" / "meta.json").string(), "relative to its folder"});
    expectError([&] { importDataset({"no-such-format", ped.string(), (ped / "meta.json").string()}); },
                ErrorCode::InvalidArgument, {"'no-such-format'", "ucsd-ped2"});
    expectError([&] { importDataset({"auto", dir.file("missing"), dir.file("meta.json")}); }, ErrorCode::NotFound,
                {dir.file("missing")});
}

// ---- ShanghaiTech ------------------------------------------------------------------------------

TEST(ImportShanghaiTech, FrameMasksAndPixelMasks)
{
    TempDir dir;
    const fs::path root = dir.path() / "shanghaitech";
    for (const char* v : {"01_001.avi", "01_002.avi"})
        writeText((root / "training" / "videos" / v).string(), "");
    // 01_0014: 6 frames, frames 2..3 anomalous; 02_0161: 4 frames, normal
    for (int i = 0; i < 6; ++i)
        writeText((root / "testing" / "frames" / "01_0014" / numbered(i, ".jpg")).string(), "");
    for (int i = 0; i < 4; ++i)
        writeText((root / "testing" / "frames" / "02_0161" / numbered(i, ".jpg")).string(), "");
    runPython(dir, "import numpy as np, sys, os\n"
                   "r = sys.argv[1] + '/shanghaitech/testing/'\n"
                   "os.makedirs(r + 'test_frame_mask'); os.makedirs(r + 'test_pixel_mask')\n"
                   "np.save(r + 'test_frame_mask/01_0014.npy', np.array([0, 0, 1, 1, 0, 0], dtype=np.uint8))\n"
                   "np.save(r + 'test_frame_mask/02_0161.npy', np.zeros(4, dtype=bool))\n"
                   "m = np.zeros((6, 8, 10), dtype=np.uint8); m[2, 1, 1] = 1; m[3, 7, 9] = 1\n"
                   "np.save(r + 'test_pixel_mask/01_0014.npy', m)\n"
                   "np.save(r + 'test_pixel_mask/02_0161.npy', np.zeros((4, 8, 10), dtype=np.uint8))\n");

    EXPECT_EQ(detectFormat(root.string()), "shanghaitech");
    const std::string metaPath = (root / "meta.json").string();
    const ImportResult r = importDataset({"auto", root.string(), metaPath});
    EXPECT_TRUE(r.files.empty()) << "the npy files are referenced, not converted";
    writeImport(r, metaPath);
    const DatasetMeta meta = loadMeta(metaPath);
    ASSERT_EQ(meta.train.size(), 2u);
    EXPECT_EQ(meta.train[0].videoPath, "training/videos/01_001.avi");
    EXPECT_FALSE(meta.train[0].frameCount.has_value());
    ASSERT_EQ(meta.test.size(), 2u);
    EXPECT_EQ(meta.test[0].videoPath, "testing/frames/01_0014");
    EXPECT_TRUE(meta.test[0].anomaly);
    EXPECT_FALSE(meta.test[1].anomaly);
    EXPECT_EQ(meta.test[0].gtPath, "testing/test_frame_mask/01_0014.npy");
    EXPECT_EQ(meta.test[0].maskPath, "testing/test_pixel_mask/01_0014.npy");
    EXPECT_EQ(meta.test[0].frameCount, 6);
    EXPECT_EQ(loadFrameLabels(meta.test[0]), (std::vector<uint8_t>{0, 0, 1, 1, 0, 0}));
    EXPECT_EQ(loadFrameLabels(meta.test[1]), std::vector<uint8_t>(4, 0));
    const FrameMasks m = loadFrameMasks(meta.test[0]);
    EXPECT_EQ(m.frameLabels(), loadFrameLabels(meta.test[0]));
    EXPECT_EQ(m.frame(3)[7 * 10 + 9], 1);

    // a frame folder whose label count differs
    writeText((root / "testing" / "frames" / "01_0014" / "006.jpg").string(), "");
    expectError([&] { importDataset({"shanghaitech", root.string(), metaPath}); }, ErrorCode::Mismatch,
                {(root / "testing" / "test_frame_mask" / "01_0014.npy").string(), "6 frame labels", "7 frames"});
    fs::remove(root / "testing" / "frames" / "01_0014" / "006.jpg");
    // a frame folder without labels
    writeText((root / "testing" / "frames" / "03_0031" / "000.jpg").string(), "");
    expectError([&] { importDataset({"shanghaitech", root.string(), metaPath}); }, ErrorCode::NotFound,
                {"03_0031.npy", "missing"});
}

// ---- Avenue ------------------------------------------------------------------------------------

namespace {

/// volLabel cell of `frames` 3 x 4 logical masks; the frames in `anomalous` have one pixel set.
std::vector<uint8_t> avenueMat(int frames, const std::vector<int>& anomalous, bool compress)
{
    MatWriter w;
    std::vector<MatWriter::Bytes> masks;
    for (int t = 0; t < frames; ++t) {
        MatWriter::Bytes data(12, 0);
        if (std::find(anomalous.begin(), anomalous.end(), t) != anomalous.end())
            data[5] = 1;
        masks.push_back(w.logical("", 3, 4, data));
    }
    const auto vol = w.cell("volLabel", 1, frames, masks);
    return w.file({compress ? w.compressed(vol) : vol});
}

} // namespace

TEST(ImportAvenue, MatGroundTruth)
{
    TempDir dir;
    const fs::path root = dir.path() / "Avenue Dataset";
    for (const char* v : {"training_videos/01.avi", "training_videos/02.avi", "testing_videos/01.avi",
                          "testing_videos/02.avi", "testing_videos/03.avi"})
        writeText((root / v).string(), "");
    const fs::path gt = root / "ground_truth_demo" / "testing_label_mask";
    writeBytes(gt / "1_label.mat", avenueMat(5, {1, 2}, true));
    writeBytes(gt / "2_label.mat", avenueMat(4, {}, false));
    writeBytes(gt / "3_label.mat", avenueMat(3, {0}, true));

    EXPECT_EQ(detectFormat(root.string()), "avenue");
    const std::string metaPath = (root / "meta.json").string();
    const ImportResult r = importDataset({"avenue", root.string(), metaPath});
    writeImport(r, metaPath);
    const DatasetMeta meta = loadMeta(metaPath);
    ASSERT_EQ(meta.train.size(), 2u);
    ASSERT_EQ(meta.test.size(), 3u);
    EXPECT_EQ(meta.test[0].videoPath, "testing_videos/01.avi");
    EXPECT_EQ(meta.test[0].gtPath, "ground_truth_demo/testing_label_mask/1_label.mat");
    EXPECT_FALSE(meta.test[0].frameCount.has_value()) << ".avi frame counts are not known at import";
    EXPECT_TRUE(meta.test[0].anomaly);
    EXPECT_FALSE(meta.test[1].anomaly);
    EXPECT_TRUE(meta.test[2].anomaly);
    EXPECT_EQ(loadFrameLabels(meta.test[0]), (std::vector<uint8_t>{0, 1, 1, 0, 0}));
    EXPECT_EQ(loadFrameLabels(meta.test[0], 5), (std::vector<uint8_t>{0, 1, 1, 0, 0}));
    expectError([&] { loadFrameLabels(meta.test[0], 6); }, ErrorCode::Mismatch, {"1_label.mat", "5 frame labels", "6 frames"});
    const FrameMasks m = loadFrameMasks(meta.test[0]);
    EXPECT_EQ(m.height, 3);
    EXPECT_EQ(m.width, 4);
    EXPECT_EQ(m.frame(1)[2 * 4 + 1], 1);   // column-major index 5 = (row 2, col 1)

    // a truncated .mat fails the import, naming the file
    auto bytes = avenueMat(3, {0}, true);
    bytes.resize(bytes.size() - 7);
    writeBytes(gt / "3_label.mat", bytes);
    expectError([&] { importDataset({"avenue", root.string(), metaPath}); }, ErrorCode::Format, {"3_label.mat"});
    // a missing one too
    fs::remove(gt / "3_label.mat");
    expectError([&] { importDataset({"avenue", root.string(), metaPath}); }, ErrorCode::NotFound,
                {gt.string(), "testing_videos/03.avi", "3_label.mat"});
}

TEST(ImportAvenue, PerVideoTextOrNpyLabels)
{
    TempDir dir;
    const fs::path root = dir.path() / "avenue";
    for (const char* v : {"testing_videos/01.avi", "testing_videos/02.avi"})
        writeText((root / v).string(), "");
    writeText((root / "testing_labels" / "01.txt").string(), "0\n1\n1\n");
    runPython(dir, "import numpy as np, sys\n"
                   "np.save(sys.argv[1] + '/avenue/testing_labels/02.npy', np.array([0, 0, 0, 0], dtype=np.uint8))\n");
    const std::string metaPath = (root / "meta.json").string();
    const ImportResult r = importDataset({"avenue", root.string(), metaPath});
    ASSERT_EQ(r.meta.test.size(), 2u);
    EXPECT_TRUE(r.meta.train.empty());
    EXPECT_FALSE(r.notes.empty());
    EXPECT_EQ(r.meta.test[0].gtPath, "testing_labels/01.txt");
    EXPECT_TRUE(r.meta.test[0].anomaly);
    EXPECT_EQ(r.meta.test[1].gtPath, "testing_labels/02.npy");
    EXPECT_FALSE(r.meta.test[1].anomaly);

    fs::remove_all(root / "testing_labels");
    expectError([&] { importDataset({"avenue", root.string(), metaPath}); }, ErrorCode::NotFound,
                {root.string(), "testing_label_mask"});
}

// ---- plain folders -----------------------------------------------------------------------------

TEST(ImportFolder, FlatAndNormalAbnormal)
{
    TempDir dir;
    const fs::path flat = dir.path() / "clips";
    writeText((flat / "b.mp4").string(), "");
    writeText((flat / "a.avi").string(), "");
    writeText((flat / "notes.txt").string(), "");
    makeFrames(flat / "c", 3);
    EXPECT_EQ(detectFormat(flat.string()), "folder");
    const ImportResult r = importDataset({"auto", flat.string(), (flat / "meta.json").string()});
    ASSERT_EQ(r.meta.test.size(), 3u);
    EXPECT_EQ(r.meta.test[0].videoPath, "a.avi");
    EXPECT_EQ(r.meta.test[1].videoPath, "b.mp4");
    EXPECT_EQ(r.meta.test[2].videoPath, "c");
    EXPECT_EQ(r.meta.test[2].frameCount, 3);
    EXPECT_EQ(r.meta.test[0].category, "clips");
    EXPECT_EQ(r.meta.anomalousCount("test"), 0u);

    const fs::path split = dir.path() / "labelled";
    writeText((split / "normal" / "n1.mp4").string(), "");
    writeText((split / "abnormal" / "x1.mp4").string(), "");
    makeFrames(split / "abnormal" / "x2", 4);
    writeText((split / "labels" / "x2.txt").string(), "1 3\n");
    const ImportResult s = importDataset({"folder", split.string(), (dir.path() / "meta.json").string()});
    ASSERT_EQ(s.meta.test.size(), 3u);
    EXPECT_EQ(s.meta.test[0].videoPath, "labelled/normal/n1.mp4");
    EXPECT_FALSE(s.meta.test[0].anomaly);
    EXPECT_TRUE(s.meta.test[1].anomaly);
    EXPECT_TRUE(s.meta.test[1].gtPath.empty());
    EXPECT_EQ(s.meta.test[2].gtPath, "labelled/labels/x2.txt");
    writeImport(s, dir.file("meta.json"));
    EXPECT_EQ(loadFrameLabels(loadMeta(dir.file("meta.json")).test[2]), (std::vector<uint8_t>{0, 1, 1, 0}));

    writeText((split / "labels" / "x2.txt").string(), "# nothing anomalous\n");
    expectError([&] { importDataset({"folder", split.string(), (split / "meta.json").string()}); },
                ErrorCode::Mismatch, {"x2.txt", "abnormal/"});

    fs::create_directories(dir.path() / "empty");
    expectError([&] { importDataset({"folder", dir.file("empty"), dir.file("empty/meta.json")}); },
                ErrorCode::NotFound, {dir.file("empty"), "no videos"});
    expectError([&] { detectFormat(dir.file("empty")); }, ErrorCode::NotFound, {dir.file("empty")});
}

TEST(ImportFormats, ListAndAmbiguity)
{
    const auto list = listImporters();
    std::vector<std::string> names;
    for (const auto& i : list) {
        names.push_back(i.name);
        EXPECT_FALSE(i.description.empty());
        EXPECT_EQ(i.description.find('\n'), std::string::npos);
    }
    EXPECT_EQ(names, (std::vector<std::string>{"ucsd-ped1", "ucsd-ped2", "shanghaitech", "avenue", "folder"}));

    TempDir dir;
    makeUcsdPed2(dir.path());
    makeFrames(dir.path() / "UCSDped1" / "Test" / "Test001", 2);
    writeText(dir.file("UCSDped1/Test/UCSDped1.m"), "TestVideoFile{end+1}.gt_frame = [1:2];\n");
    expectError([&] { detectFormat(dir.path().string()); }, ErrorCode::InvalidArgument,
                {"ucsd-ped1", "ucsd-ped2", "--format"});
    const ImportResult r = importDataset({"ucsd-ped1", dir.path().string(), dir.file("ped1.json")});
    ASSERT_EQ(r.meta.test.size(), 1u);
    EXPECT_EQ(r.meta.test[0].category, "ped1");
    EXPECT_EQ(r.files[0].path, dir.file("gt/ucsd-ped1/Test001.txt"));
}

// ---- the CLI -----------------------------------------------------------------------------------

TEST(ImportCli, ListGoodAndBad)
{
    const auto list = vaclip::test::runCommand(cli() + " import --list");
    EXPECT_EQ(list.exitCode, 0) << list.output;
    for (const char* f : {"ucsd-ped1", "ucsd-ped2", "shanghaitech", "avenue", "folder", "auto"})
        EXPECT_NE(list.output.find(f), std::string::npos) << f << " in\n" << list.output;

    TempDir dir;
    makeUcsdPed2(dir.path());
    const std::string root = shellQuote(dir.path().string());
    const auto good = vaclip::test::runCommand(cli() + " import --format ucsd-ped2 --root " + root);
    EXPECT_EQ(good.exitCode, 0) << good.output;
    EXPECT_NE(good.output.find("train: 2 videos, 0 anomalous"), std::string::npos) << good.output;
    EXPECT_NE(good.output.find("test: 2 videos, 2 anomalous"), std::string::npos) << good.output;
    EXPECT_NO_THROW(loadMeta(dir.file("meta.json")));
    EXPECT_TRUE(fs::exists(dir.file("gt/ucsd-ped2/Test002.txt")));

    // an existing meta.json is not replaced without --force
    const auto again = vaclip::test::runCommand(cli() + " import --format auto --root " + root);
    EXPECT_EQ(again.exitCode, 1) << again.output;
    EXPECT_NE(again.output.find("--force"), std::string::npos) << again.output;
    const auto forced = vaclip::test::runCommand(cli() + " import --format auto --force --root " + root + " --out "
                                                 + shellQuote(dir.file("meta.json")));
    EXPECT_EQ(forced.exitCode, 0) << forced.output;
    const auto dry = vaclip::test::runCommand(cli() + " import --dry-run --root " + root + " --out "
                                              + shellQuote(dir.file("other.json")));
    EXPECT_EQ(dry.exitCode, 0) << dry.output;
    EXPECT_FALSE(fs::exists(dir.file("other.json")));

    const auto bad = vaclip::test::runCommand(cli() + " import --format ucsd-ped2 --root " + shellQuote(dir.file("nope")));
    EXPECT_EQ(bad.exitCode, 1) << bad.output;
    EXPECT_EQ(bad.output.rfind("vaclip: error: ", 0), 0u) << bad.output;
    EXPECT_NE(bad.output.find(dir.file("nope")), std::string::npos) << bad.output;
    EXPECT_EQ(std::count(bad.output.begin(), bad.output.end(), '\n'), 1) << "one line: " << bad.output;

    const auto usage = vaclip::test::runCommand(cli() + " import --format ucsd-ped2");
    EXPECT_EQ(usage.exitCode, 2) << usage.output;
}
