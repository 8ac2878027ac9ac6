// ctest-labels: unit data
// Ground truth: UCSD .m files (the real ones in shared/data/ucsd), the plain text format, .npy
// labels and masks, mask image folders, and the MAT v5 reader (files written byte by byte).
#include "common/error.h"
#include "common/text_fields.h"
#include "data/ground_truth.h"
#include "data/matfile.h"
#include "mat_writer.h"
#include "expect_error.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <numeric>

namespace fs = std::filesystem;
using namespace vaclip;
using vaclip::test::expectError;
using vaclip::test::MatWriter;
using vaclip::test::TempDir;

namespace {

void writeBytes(const std::string& path, const std::vector<uint8_t>& b)
{
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(b.data()), static_cast<std::streamsize>(b.size()));
}

void runOk(const std::string& cmd)
{
    const auto r = vaclip::test::runCommand(cmd);
    ASSERT_EQ(r.exitCode, 0) << cmd << "\n" << r.output;
}

std::string python()
{
    const std::string p = vaclip::test::pythonWithNumpy();
    if (p.empty())
        ADD_FAILURE() << "python3 with numpy (/usr/bin/python3) is required by this test";
    return p;
}

std::string ucsdFile(const char* name) { return (vaclip::test::sharedDir() / "data" / "ucsd" / name).string(); }

} // namespace

// ---- UCSD .m -----------------------------------------------------------------------------------

TEST(UcsdM, Ped2FileMatchesTheReadme)
{
    const std::string path = ucsdFile("UCSDped2.m");
    ASSERT_TRUE(fs::exists(path)) << path;
    const auto videos = parseUcsdM(path);
    ASSERT_EQ(videos.size(), 12u);
    const std::vector<int64_t> frames = {180, 180, 150, 180, 150, 180, 180, 180, 120, 150, 180, 180};
    EXPECT_EQ(std::accumulate(frames.begin(), frames.end(), int64_t(0)), 2010);
    // From the ranges in the file: [61:180] [95:180] [1:146] [31:180] [1:129] [1:159] [46:180]
    // [1:180] [1:120] [1:150] [1:180] [88:180].
    const std::vector<int64_t> anomalous = {120, 86, 146, 150, 129, 159, 135, 180, 120, 150, 180, 93};
    const std::vector<int64_t> firstAnomalous = {60, 94, 0, 30, 0, 0, 45, 0, 0, 0, 0, 87};
    int64_t total = 0;
    for (std::size_t i = 0; i < videos.size(); ++i) {
        ASSERT_EQ(videos[i].ranges.size(), 1u) << i;
        const auto labels = ucsdLabels(videos[i], frames[i], path, "Test" + std::to_string(i + 1));
        ASSERT_EQ(int64_t(labels.size()), frames[i]);
        EXPECT_EQ(countAnomalous(labels), anomalous[i]) << "Test" << i + 1;
        const auto ranges = labelsToRanges(labels);
        ASSERT_EQ(ranges.size(), 1u);
        EXPECT_EQ(ranges[0].begin, firstAnomalous[i]) << "Test" << i + 1;
        total += anomalous[i];
    }
    EXPECT_EQ(total, 1648);
    EXPECT_EQ(videos[0].ranges[0], (FrameRange{60, 180}));
    EXPECT_EQ(videos[0].line, 2);
    EXPECT_EQ(videos[0].text, "[61:180]");
    EXPECT_EQ(videos[5].ranges[0], (FrameRange{0, 159}));   // the README's note: [1:159] here
}

TEST(UcsdM, Ped1FileHas36VideosSomeWithTwoRanges)
{
    const std::string path = ucsdFile("UCSDped1.m");
    ASSERT_TRUE(fs::exists(path)) << path;
    const auto videos = parseUcsdM(path);
    ASSERT_EQ(videos.size(), 36u);
    std::vector<std::size_t> twoRanges;
    for (std::size_t i = 0; i < videos.size(); ++i) {
        if (videos[i].ranges.size() == 2)
            twoRanges.push_back(i + 1);
        const auto labels = ucsdLabels(videos[i], 200, path, "Test" + std::to_string(i + 1));
        int64_t expected = 0;
        for (const FrameRange& r : videos[i].ranges)
            expected += r.end - r.begin;   // the ranges of one video do not overlap
        EXPECT_EQ(countAnomalous(labels), expected);
    }
    EXPECT_EQ(twoRanges, (std::vector<std::size_t>{5, 6, 29, 32}));
    // Test005: [5:90, 140:200] -> 0-based [4, 90) and [139, 200): 86 + 61 frames.
    EXPECT_EQ(videos[4].ranges[0], (FrameRange{4, 90}));
    EXPECT_EQ(videos[4].ranges[1], (FrameRange{139, 200}));
    const auto l5 = ucsdLabels(videos[4], 200, path, "Test005");
    EXPECT_EQ(countAnomalous(l5), 147);
    EXPECT_EQ(l5[3], 0);
    EXPECT_EQ(l5[4], 1);
    EXPECT_EQ(l5[89], 1);
    EXPECT_EQ(l5[90], 0);
    EXPECT_EQ(l5[138], 0);
    EXPECT_EQ(l5[139], 1);
    // Test029: [1:15, 45:113]
    EXPECT_EQ(videos[28].ranges, (std::vector<FrameRange>{{0, 15}, {44, 113}}));
}

TEST(UcsdM, ToleratesSpacesCommentsAndSingleFrames)
{
    const std::string text = "% ground truth\n"
                             "TestVideoFile = {};\n"
                             "\n"
                             "  TestVideoFile{end+1}.gt_frame = [1:15 45:113];   % two ranges, no comma\r\n"
                             "TestVideoFile{end+1}.gt_frame=[5];\n"
                             "TestVideoFile{3}.gt_frame = [ 2 : 4 , 7 ]\n"
                             "TestVideoFile{end+1}.gt_frame = [];\n"
                             "TestVideoFile{end+1}.gt_frame = [1:2]; TestVideoFile{end+1}.gt_frame = [3:3];\n";
    const auto v = parseUcsdMText(text, "x.m");
    ASSERT_EQ(v.size(), 6u);
    EXPECT_EQ(v[0].ranges, (std::vector<FrameRange>{{0, 15}, {44, 113}}));
    EXPECT_EQ(v[0].line, 4);
    EXPECT_EQ(v[1].ranges, (std::vector<FrameRange>{{4, 5}}));
    EXPECT_EQ(v[2].ranges, (std::vector<FrameRange>{{1, 4}, {6, 7}}));
    EXPECT_TRUE(v[3].ranges.empty());
    EXPECT_EQ(v[4].ranges, (std::vector<FrameRange>{{0, 2}}));
    EXPECT_EQ(v[5].ranges, (std::vector<FrameRange>{{2, 3}}));
    EXPECT_EQ(v[5].line, 8);
    EXPECT_EQ(countAnomalous(ucsdLabels(v[3], 10, "x.m", "Test004")), 0);
}

TEST(UcsdM, MalformedLinesNameFileAndLine)
{
    const std::string ok = "TestVideoFile{end+1}.gt_frame = [61:180];\n";
    expectError([&] { parseUcsdMText(ok + "TestVideoFile{end+1}.gt_frame = [61-180];\n", "bad.m"); },
                ErrorCode::Format, {"'bad.m'", "line 2", "61-180"});
    expectError([&] { parseUcsdMText(ok + "TestVideoFile{end+1}.gt_frame = [0:5];\n", "bad.m"); },
                ErrorCode::Format, {"'bad.m'", "line 2", "start at 1"});
    expectError([&] { parseUcsdMText(ok + "TestVideoFile{end+1}.gt_frame = [10:5];\n", "bad.m"); },
                ErrorCode::Format, {"'bad.m'", "line 2", "10:5"});
    expectError([&] { parseUcsdMText(ok + "TestVideoFile{end+1}.gt_frame = [1:5;\n", "bad.m"); },
                ErrorCode::Format, {"'bad.m'", "line 2"});
    expectError([&] { parseUcsdMText(ok + "x = 3\n", "bad.m"); }, ErrorCode::Format, {"'bad.m'", "line 2"});
    expectError([&] { parseUcsdMText(ok + "TestVideoFile{end+1}.gt_frame = [1:2:9];\n", "bad.m"); },
                ErrorCode::Format, {"'bad.m'", "line 2", "strided"});
    expectError([&] { parseUcsdMText(ok + "TestVideoFile{5}.gt_frame = [1:2];\n", "bad.m"); },
                ErrorCode::Format, {"'bad.m'", "line 2", "{2}"});
    expectError([&] { parseUcsdMText("% nothing\nTestVideoFile = {};\n", "empty.m"); }, ErrorCode::Format,
                {"'empty.m'", "no 'TestVideoFile"});
    expectError([&] { parseUcsdM("/nonexistent/UCSDped2.m"); }, ErrorCode::NotFound, {"/nonexistent/UCSDped2.m"});
}

TEST(UcsdM, RangeBeyondFrameCountIsAnError)
{
    const auto v = parseUcsdMText("TestVideoFile{end+1}.gt_frame = [1:146];\n", "UCSDped2.m");
    expectError([&] { ucsdLabels(v[0], 140, "UCSDped2.m", "Test003"); }, ErrorCode::Mismatch,
                {"'UCSDped2.m'", "line 1", "Test003", "1:146", "140 frames"});
    EXPECT_EQ(countAnomalous(ucsdLabels(v[0], 146, "UCSDped2.m", "Test003")), 146);
}

// ---- ranges and text ---------------------------------------------------------------------------

TEST(TextFields, SplitOnWhitespaceAndCommas)
{
    EXPECT_EQ(splitFields("12, 40\t17 ,\r\n"), (std::vector<std::string>{"12", "40", "17"}));
    EXPECT_TRUE(splitFields(" ,\t, ").empty());
    EXPECT_EQ(trimmed("\t people walking \r\n"), "people walking");
    EXPECT_EQ(trimmed("   "), "");
}

TEST(Ranges, RoundTrip)
{
    const std::vector<FrameRange> r = {{2, 4}, {7, 10}};
    const auto labels = rangesToLabels(r, 10, "t");
    EXPECT_EQ(labels, (std::vector<uint8_t>{0, 0, 1, 1, 0, 0, 0, 1, 1, 1}));
    EXPECT_EQ(labelsToRanges(labels), r);
    EXPECT_EQ(rangesToLabels({{0, 3}, {1, 2}}, 3, "t"), (std::vector<uint8_t>{1, 1, 1}));
    expectError([] { rangesToLabels({{5, 11}}, 10, "ctx"); }, ErrorCode::Mismatch, {"ctx", "[5, 11)", "10 frames"});
    expectError([] { rangesToLabels({{5, 5}}, 10, "ctx"); }, ErrorCode::InvalidArgument, {"ctx"});
}

TEST(TextLabels, PerFrameForm)
{
    const std::string text = "# labels of v.avi\n0\n0\n1  # anomalous\n\n1\n0\n";
    EXPECT_EQ(parseLabelText(text, "v.txt"), (std::vector<uint8_t>{0, 0, 1, 1, 0}));
    EXPECT_EQ(parseLabelText(text, "v.txt", 5), (std::vector<uint8_t>{0, 0, 1, 1, 0}));
    // numpy.savetxt's default format
    EXPECT_EQ(parseLabelText("0.000000000000000000e+00\n1.000000000000000000e+00\n", "s.txt"),
              (std::vector<uint8_t>{0, 1}));
    expectError([&] { parseLabelText(text, "v.txt", 6); }, ErrorCode::Mismatch,
                {"'v.txt'", "5 frame labels", "6 frames"});
    expectError([&] { parseLabelText(text, "v.txt", 4); }, ErrorCode::Mismatch, {"'v.txt'", "5", "4"});
    expectError([] { parseLabelText("0\n2\n", "v.txt"); }, ErrorCode::Format, {"'v.txt'", "line 2", "'2'"});
    expectError([] { parseLabelText("0\nyes\n", "v.txt"); }, ErrorCode::Format, {"'v.txt'", "line 2"});
}

TEST(TextLabels, RangesForm)
{
    const std::string text = "# start end (0-based, end exclusive)\n2 4\n7,10\n";
    EXPECT_EQ(parseLabelText(text, "r.txt", 10), (std::vector<uint8_t>{0, 0, 1, 1, 0, 0, 0, 1, 1, 1}));
    EXPECT_EQ(parseLabelText("# no anomaly\n", "r.txt", 3), (std::vector<uint8_t>{0, 0, 0}));
    expectError([&] { parseLabelText(text, "r.txt"); }, ErrorCode::InvalidArgument, {"'r.txt'", "frame count"});
    expectError([&] { parseLabelText(text, "r.txt", 9); }, ErrorCode::Mismatch, {"'r.txt'", "7 10", "9 frames"});
    expectError([] { parseLabelText("4 4\n", "r.txt", 9); }, ErrorCode::Format, {"'r.txt'", "line 1", "empty"});
    expectError([] { parseLabelText("1\n2 4\n", "m.txt", 9); }, ErrorCode::Format, {"'m.txt'", "mixes", "line 1", "line 2"});
    expectError([] { parseLabelText("1 2 3\n", "m.txt", 9); }, ErrorCode::Format, {"'m.txt'", "line 1", "3 values"});
}

TEST(TextLabels, WriteAndReadBack)
{
    TempDir dir;
    const std::vector<uint8_t> labels = {0, 1, 1, 0, 1};
    const std::string path = dir.file("gt/v.txt");
    writeLabelText(path, labels, "first line\nsecond line");
    const std::string text = vaclip::test::readText(path);
    EXPECT_EQ(text, "# first line\n# second line\n0\n1\n1\n0\n1\n");
    EXPECT_EQ(readLabelText(path, 5), labels);
    EXPECT_EQ(loadFrameLabels(path, LabelFormat::Auto, 5), labels);
    expectError([&] { loadFrameLabels(path, LabelFormat::Auto, 7); }, ErrorCode::Mismatch, {path, "5", "7"});
}

TEST(LabelFormats, NamesAndDetection)
{
    EXPECT_EQ(parseLabelFormat(""), LabelFormat::Auto);
    EXPECT_EQ(parseLabelFormat("mask-folder"), LabelFormat::MaskFolder);
    EXPECT_STREQ(toString(LabelFormat::Mat), "mat");
    expectError([] { parseLabelFormat("csv", "ctx"); }, ErrorCode::Format, {"ctx", "'csv'"});
    EXPECT_EQ(detectLabelFormat("a/b.npy"), LabelFormat::Npy);
    EXPECT_EQ(detectLabelFormat("a/1_label.mat"), LabelFormat::Mat);
    EXPECT_EQ(detectLabelFormat("a/b.txt"), LabelFormat::Text);
    expectError([] { detectLabelFormat("a/UCSDped2.m"); }, ErrorCode::Unsupported, {"UCSDped2.m", "import"});
    expectError([] { detectLabelFormat("a/b.json"); }, ErrorCode::Unsupported, {"a/b.json"});
}

// ---- npy ---------------------------------------------------------------------------------------

TEST(NpyLabels, FrameMasksAndPixelMasks)
{
    const std::string py = python();
    ASSERT_FALSE(py.empty());
    TempDir dir;
    const std::string script =
        "import numpy as np, sys\n"
        "d = sys.argv[1]\n"
        "np.save(d + '/u8.npy', np.array([0, 0, 1, 1, 0], dtype=np.uint8))\n"
        "np.save(d + '/bool.npy', np.array([True, False, True]))\n"
        "np.save(d + '/f64.npy', np.array([0.0, 1.0]))\n"
        "np.save(d + '/half.npy', np.array([0.0, 0.5]))\n"
        "np.save(d + '/col.npy', np.array([[0], [1]], dtype=np.int64))\n"
        "m = np.zeros((4, 3, 5), dtype=np.uint8); m[1, 2, 4] = 255; m[3, 0, 0] = 1\n"
        "np.save(d + '/pix.npy', m)\n"
        "np.save(d + '/pixf.npy', m.astype(np.float32) / 255)\n";
    vaclip::test::writeText(dir.file("make.py"), script);
    runOk(py + " " + vaclip::test::shellQuote(dir.file("make.py")) + " " + vaclip::test::shellQuote(dir.path().string()));

    EXPECT_EQ(readLabelNpy(dir.file("u8.npy")), (std::vector<uint8_t>{0, 0, 1, 1, 0}));
    EXPECT_EQ(readLabelNpy(dir.file("bool.npy")), (std::vector<uint8_t>{1, 0, 1}));
    EXPECT_EQ(readLabelNpy(dir.file("f64.npy")), (std::vector<uint8_t>{0, 1}));
    EXPECT_EQ(readLabelNpy(dir.file("col.npy")), (std::vector<uint8_t>{0, 1}));
    expectError([&] { readLabelNpy(dir.file("half.npy")); }, ErrorCode::Format, {dir.file("half.npy"), "frame 1"});
    EXPECT_EQ(readLabelNpy(dir.file("pix.npy")), (std::vector<uint8_t>{0, 1, 0, 1}));
    EXPECT_EQ(readLabelNpy(dir.file("pixf.npy")), (std::vector<uint8_t>{0, 1, 0, 1}));

    const FrameMasks m = readMaskNpy(dir.file("pix.npy"));
    EXPECT_EQ(m.frames, 4);
    EXPECT_EQ(m.height, 3);
    EXPECT_EQ(m.width, 5);
    EXPECT_EQ(m.frame(1)[2 * 5 + 4], 1);
    EXPECT_EQ(m.frame(1)[0], 0);
    EXPECT_EQ(m.frame(3)[0], 1);
    EXPECT_EQ(m.frameLabels(), (std::vector<uint8_t>{0, 1, 0, 1}));
    expectError([&] { readMaskNpy(dir.file("u8.npy")); }, ErrorCode::Format, {dir.file("u8.npy"), "T x H x W"});

    expectError([&] { loadFrameLabels(dir.file("u8.npy"), LabelFormat::Auto, 6); }, ErrorCode::Mismatch,
                {dir.file("u8.npy"), "5 frame labels", "6 frames"});
    expectError([&] { loadFrameMasks(dir.file("pix.npy"), LabelFormat::Auto, 3); }, ErrorCode::Mismatch,
                {dir.file("pix.npy"), "4 masks", "3 frames"});
}

// ---- mask folders ------------------------------------------------------------------------------

TEST(MaskFolder, AnyNonzeroPixelMarksTheFrame)
{
    const std::string ffmpeg = vaclip::test::ffmpegExecutable();
    ASSERT_FALSE(ffmpeg.empty()) << "the ffmpeg CLI is required";
    TempDir dir;
    const std::string q = vaclip::test::shellQuote(dir.path().string());
    runOk(ffmpeg + " -v error -y -f lavfi -i color=black:s=12x8 -frames:v 1 -pix_fmt gray " + q + "/black.bmp");
    runOk(ffmpeg + " -v error -y -f lavfi -i color=black:s=12x8,drawbox=x=3:y=2:w=2:h=2:color=white:t=fill"
                   " -frames:v 1 -pix_fmt gray " + q + "/box.bmp");
    fs::create_directories(dir.path() / "gt");
    const char* pattern[] = {"black", "black", "box", "box", "black"};
    for (int i = 0; i < 5; ++i) {
        char name[16];
        std::snprintf(name, sizeof name, "%03d.bmp", i + 1);
        fs::copy_file(dir.path() / (std::string(pattern[i]) + ".bmp"), dir.path() / "gt" / name);
    }
    const std::string gt = (dir.path() / "gt").string();
    EXPECT_EQ(readMaskFolderLabels(gt), (std::vector<uint8_t>{0, 0, 1, 1, 0}));
    const FrameMasks m = readMaskFolder(gt);
    ASSERT_EQ(m.frames, 5);
    EXPECT_EQ(m.width, 12);
    EXPECT_EQ(m.height, 8);
    EXPECT_EQ(m.frame(2)[2 * 12 + 3], 1);
    EXPECT_EQ(m.frame(2)[0], 0);
    EXPECT_EQ(m.frameLabels(), (std::vector<uint8_t>{0, 0, 1, 1, 0}));
    EXPECT_EQ(loadFrameLabels(gt, LabelFormat::Auto, 5), (std::vector<uint8_t>{0, 0, 1, 1, 0}));
    expectError([&] { loadFrameLabels(gt, LabelFormat::MaskFolder, 6); }, ErrorCode::Mismatch, {gt, "5", "6"});
    fs::create_directories(dir.path() / "empty");
    expectError([&] { readMaskFolder(dir.file("empty")); }, ErrorCode::NotFound, {dir.file("empty")});
}

// ---- MAT v5 ------------------------------------------------------------------------------------

namespace {

/// volLabel = {mask1, mask2, mask3}: 2 x 3 logical masks; mask 2 has (row 1, col 2) set, i.e.
/// column-major index 1 + 2 * 2 = 5; mask 3 has (row 0, col 1) set (index 2).
std::vector<MatWriter::Bytes> avenueElements(const MatWriter& w)
{
    const auto m1 = w.logical("", 2, 3, {0, 0, 0, 0, 0, 0});
    const auto m2 = w.logical("", 2, 3, {0, 0, 0, 0, 0, 1});
    const auto m3 = w.logical("", 2, 3, {0, 0, 1, 0, 0, 0});
    return {w.chars("info", "avenue test"), w.cell("volLabel", 1, 3, {m1, m2, m3}), w.doubles("gt", 1, 3, {0, 1, 1})};
}

void checkAvenueFile(const std::string& path)
{
    const MatFile f = readMatFile(path);
    ASSERT_EQ(f.variables.size(), 3u);
    EXPECT_EQ(f.headerText.rfind("MATLAB 5.0 MAT-file", 0), 0u);
    EXPECT_EQ(f.variables[0].name, "info");
    EXPECT_EQ(f.variables[0].cls, MatClass::Char);
    EXPECT_EQ(f.variables[0].text(), "avenue test");
    const MatArray& vol = f.variable("volLabel");
    EXPECT_EQ(vol.cls, MatClass::Cell);
    EXPECT_EQ(vol.dims, (std::vector<int64_t>{1, 3}));
    ASSERT_EQ(vol.cells.size(), 3u);
    EXPECT_TRUE(vol.cells[1].logical);
    EXPECT_EQ(vol.cells[1].cls, MatClass::UInt8);
    EXPECT_EQ(vol.cells[1].dims, (std::vector<int64_t>{2, 3}));
    EXPECT_FALSE(vol.cells[0].anyNonzero());
    EXPECT_TRUE(vol.cells[1].anyNonzero());
    const MatArray& gt = f.variable("gt");   // name short enough for a small data element
    EXPECT_EQ(gt.cls, MatClass::Double);
    EXPECT_EQ(gt.toDoubles(), (std::vector<double>{0, 1, 1}));
    expectError([&] { f.variable("nope"); }, ErrorCode::NotFound, {path, "'nope'", "volLabel"});

    EXPECT_EQ(readLabelMat(path), (std::vector<uint8_t>{0, 1, 1}));
    const FrameMasks m = readMaskMat(path);
    ASSERT_EQ(m.frames, 3);
    EXPECT_EQ(m.height, 2);
    EXPECT_EQ(m.width, 3);
    // row-major: (row 1, col 2) -> 1 * 3 + 2 = 5; (row 0, col 1) -> 1
    EXPECT_EQ(std::vector<uint8_t>(m.frame(1), m.frame(1) + 6), (std::vector<uint8_t>{0, 0, 0, 0, 0, 1}));
    EXPECT_EQ(std::vector<uint8_t>(m.frame(2), m.frame(2) + 6), (std::vector<uint8_t>{0, 1, 0, 0, 0, 0}));
    EXPECT_EQ(loadFrameLabels(path, LabelFormat::Auto, 3), (std::vector<uint8_t>{0, 1, 1}));
    expectError([&] { loadFrameLabels(path, LabelFormat::Auto, 4); }, ErrorCode::Mismatch,
                {path, "3 frame labels", "4 frames"});
}

} // namespace

TEST(MatFile, UncompressedLittleEndian)
{
    TempDir dir;
    MatWriter w;
    writeBytes(dir.file("1_label.mat"), w.file(avenueElements(w)));
    checkAvenueFile(dir.file("1_label.mat"));
}

TEST(MatFile, CompressedElements)
{
    TempDir dir;
    MatWriter w;
    std::vector<MatWriter::Bytes> elements;
    for (const auto& e : avenueElements(w))
        elements.push_back(w.compressed(e));
    writeBytes(dir.file("1_label.mat"), w.file(elements));
    checkAvenueFile(dir.file("1_label.mat"));
}

TEST(MatFile, BigEndian)
{
    TempDir dir;
    MatWriter w(true);
    std::vector<MatWriter::Bytes> elements = avenueElements(w);
    elements[1] = w.compressed(elements[1]);
    writeBytes(dir.file("be.mat"), w.file(elements));
    const MatFile f = readMatFile(dir.file("be.mat"));
    EXPECT_TRUE(f.bigEndian);
    checkAvenueFile(dir.file("be.mat"));
}

TEST(MatFile, VectorOfLabelsAndHxWxT)
{
    TempDir dir;
    MatWriter w;
    writeBytes(dir.file("vec.mat"), w.file({w.doubles("labels", 4, 1, {0, 1, 1, 0})}));
    EXPECT_EQ(readLabelMat(dir.file("vec.mat")), (std::vector<uint8_t>{0, 1, 1, 0}));
    expectError([&] { readMaskMat(dir.file("vec.mat")); }, ErrorCode::Format, {dir.file("vec.mat"), "no masks"});

    // H=2 x W=2 x T=2 double array: frame 1 has (row 0, col 1) set -> column-major index 2 + 4.
    MatWriter::Bytes body = w.element(MatWriter::miDOUBLE, [] {
        MatWriter::Bytes b;
        for (int i = 0; i < 8; ++i) {
            const double v = i == 6 ? 1.0 : 0.0;
            const auto* p = reinterpret_cast<const uint8_t*>(&v);
            b.insert(b.end(), p, p + 8);
        }
        return b;
    }());
    writeBytes(dir.file("vol.mat"), w.file({w.matrix("volLabel", MatWriter::mxDOUBLE, false, {2, 2, 2}, body)}));
    EXPECT_EQ(readLabelMat(dir.file("vol.mat")), (std::vector<uint8_t>{0, 1}));
    const FrameMasks m = readMaskMat(dir.file("vol.mat"));
    EXPECT_EQ(std::vector<uint8_t>(m.frame(1), m.frame(1) + 4), (std::vector<uint8_t>{0, 1, 0, 0}));
}

TEST(MatFile, BrokenFilesNameTheFile)
{
    TempDir dir;
    MatWriter w;
    const auto good = w.file(avenueElements(w));

    auto truncated = good;
    truncated.resize(good.size() - 40);
    writeBytes(dir.file("trunc.mat"), truncated);
    expectError([&] { readMatFile(dir.file("trunc.mat")); }, ErrorCode::Format, {dir.file("trunc.mat"), "truncated"});
    expectError([&] { readLabelMat(dir.file("trunc.mat")); }, ErrorCode::Format, {dir.file("trunc.mat")});

    auto compressed = w.file({w.compressed(avenueElements(w)[1])});
    compressed.resize(compressed.size() - 10);
    // keep the declared element size consistent with the shortened file, so zlib sees the end
    const uint32_t declared = static_cast<uint32_t>(compressed.size() - 136);
    for (int i = 0; i < 4; ++i)
        compressed[132 + i] = static_cast<uint8_t>(declared >> (8 * i));
    writeBytes(dir.file("ztrunc.mat"), compressed);
    expectError([&] { readMatFile(dir.file("ztrunc.mat")); }, ErrorCode::Format, {dir.file("ztrunc.mat"), "compressed"});

    auto corrupt = w.file({w.compressed(avenueElements(w)[1])});
    corrupt[140] ^= 0xff;
    corrupt[141] ^= 0xff;
    writeBytes(dir.file("zbad.mat"), corrupt);
    expectError([&] { readMatFile(dir.file("zbad.mat")); }, ErrorCode::Format, {dir.file("zbad.mat")});

    writeBytes(dir.file("short.mat"), std::vector<uint8_t>(good.begin(), good.begin() + 60));
    expectError([&] { readMatFile(dir.file("short.mat")); }, ErrorCode::Format, {dir.file("short.mat"), "128"});

    writeBytes(dir.file("v73.mat"), w.file({}, 0x0200));
    expectError([&] { readMatFile(dir.file("v73.mat")); }, ErrorCode::Unsupported, {dir.file("v73.mat"), "7.3"});

    auto v4 = good;
    v4[126] = 0;
    v4[127] = 0;
    writeBytes(dir.file("v4.mat"), v4);
    expectError([&] { readMatFile(dir.file("v4.mat")); }, ErrorCode::Unsupported, {dir.file("v4.mat")});

    // a cell element that claims more bytes than its parent holds
    auto lying = good;
    const std::size_t cellTag = 128 + avenueElements(w)[0].size();
    lying[cellTag + 4] = 0xff;
    lying[cellTag + 5] = 0xff;
    writeBytes(dir.file("lying.mat"), lying);
    expectError([&] { readMatFile(dir.file("lying.mat")); }, ErrorCode::Format, {dir.file("lying.mat"), "byte"});

    writeBytes(dir.file("two.mat"), w.file({w.doubles("a", 1, 1, {1}), w.doubles("b", 1, 1, {0})}));
    expectError([&] { readLabelMat(dir.file("two.mat")); }, ErrorCode::NotFound, {dir.file("two.mat"), "volLabel"});
}
