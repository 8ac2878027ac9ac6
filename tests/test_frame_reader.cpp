// ctest-labels: unit video
// FrameReader and VideoWriter: videos made here in several codecs and containers, decoded back
// and compared pixel-wise (lossless codecs), frame-accurate seeks checked against sequential
// decoding, image folders, VFR timing, and broken files.
#include "common/error.h"
#include "io/frame_reader.h"
#include "io/video_writer.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>

using namespace vaclip;
using vaclip::test::TempDir;
namespace fs = std::filesystem;

namespace {

/// A deterministic frame with texture and motion: every pixel differs between neighbouring frames.
Image patternFrame(int w, int h, int i, bool gray = false)
{
    Image im;
    im.width = w;
    im.height = h;
    im.rgb.resize(std::size_t(w) * h * 3);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            uint8_t* p = im.rgb.data() + (std::size_t(y) * w + x) * 3;
            uint32_t hsh = uint32_t(x) * 73856093u ^ uint32_t(y) * 19349663u ^ uint32_t(i) * 83492791u;
            uint8_t r = uint8_t((x * 4 + i * 9) & 255), g = uint8_t((y * 5 + i * 3) & 255),
                    b = uint8_t(((x + y) * 2 + (hsh & 31)) & 255);
            if (gray)
                r = g = b = uint8_t((r + g + b) / 3);
            p[0] = r;
            p[1] = g;
            p[2] = b;
        }
    return im;
}

/// A smooth moving scene for lossy codecs (noise-free so quality checks are meaningful).
Image smoothFrame(int w, int h, int i)
{
    Image im;
    im.width = w;
    im.height = h;
    im.rgb.resize(std::size_t(w) * h * 3);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            uint8_t* p = im.rgb.data() + (std::size_t(y) * w + x) * 3;
            const bool box = std::abs(x - (i * 3) % w) < 10 && std::abs(y - h / 2) < 10;
            p[0] = box ? 230 : uint8_t(x * 255 / w);
            p[1] = box ? 40 : uint8_t(y * 255 / h);
            p[2] = box ? 40 : 128;
        }
    return im;
}

void writeVideo(const std::string& path, VideoWriterOptions o, int frames, bool smooth = false, bool gray = false)
{
    VideoWriter w(path, o);
    for (int i = 0; i < frames; ++i)
        w.write(smooth ? smoothFrame(o.width, o.height, i) : patternFrame(o.width, o.height, i, gray));
    w.finish();
}

double psnr(const Image& a, const Image& b)
{
    double se = 0;
    for (std::size_t k = 0; k < a.rgb.size(); ++k) {
        double d = double(a.rgb[k]) - double(b.rgb[k]);
        se += d * d;
    }
    double mse = se / double(a.rgb.size());
    return mse == 0 ? 99.0 : 10.0 * std::log10(255.0 * 255.0 / mse);
}

std::vector<Image> decodeAll(FrameReader& r)
{
    std::vector<Image> frames;
    Frame f;
    while (r.next(f)) {
        EXPECT_EQ(f.index, int64_t(frames.size()));
        frames.push_back(f.image);
    }
    return frames;
}

/// Random seeks (and some backward and forward neighbours) must give the sequential frames.
void checkSeeksMatchSequential(const std::string& path, int expectedFrames)
{
    auto reader = FrameReader::open(path);
    ASSERT_EQ(reader->info().frameCount, expectedFrames) << path;
    std::vector<Image> seq = decodeAll(*reader);
    ASSERT_EQ(int(seq.size()), expectedFrames) << path;
    std::mt19937 rng(7);
    std::vector<int64_t> targets = {expectedFrames - 1, 0, expectedFrames / 2, expectedFrames / 2 + 1,
                                    expectedFrames / 2 - 1, 1};
    for (int k = 0; k < 25; ++k)
        targets.push_back(int64_t(rng() % unsigned(expectedFrames)));
    Frame f;
    for (int64_t t : targets) {
        ASSERT_TRUE(reader->readAt(t, f)) << path << " frame " << t;
        EXPECT_EQ(f.index, t);
        EXPECT_TRUE(f.image.rgb == seq[std::size_t(t)].rgb) << path << ": seek to " << t << " gave other pixels";
    }
}

} // namespace

TEST(FrameReader, LosslessRgbRoundTripInSeveralContainers)
{
    TempDir dir;
    struct Case {
        const char* file;
        const char* codec;
        const char* pixfmt;
    } cases[] = {{"ffv1.mkv", "ffv1", "bgr0"}, {"raw.avi", "rawvideo", "bgr24"}, {"utvideo.avi", "utvideo", "gbrp"},
                 {"ffv1.mov", "ffv1", "bgr0"}};
    for (const Case& c : cases) {
        VideoWriterOptions o;
        o.codec = c.codec;
        o.pixelFormat = c.pixfmt;
        o.width = 64;
        o.height = 48;
        o.fps = 10;
        writeVideo(dir.file(c.file), o, 20);
        auto reader = FrameReader::open(dir.file(c.file));
        EXPECT_EQ(reader->info().frameCount, 20) << c.file;
        EXPECT_EQ(reader->info().width, 64);
        EXPECT_EQ(reader->info().height, 48);
        EXPECT_NEAR(reader->info().fps, 10.0, 1e-6) << c.file;
        EXPECT_FALSE(reader->info().variableFrameRate) << c.file;
        std::vector<Image> frames = decodeAll(*reader);
        ASSERT_EQ(frames.size(), 20u) << c.file;
        for (int i = 0; i < 20; ++i)
            ASSERT_TRUE(frames[std::size_t(i)].rgb == patternFrame(64, 48, i).rgb) << c.file << " frame " << i;
        EXPECT_TRUE(reader->takeWarnings().empty()) << c.file;
    }
}

TEST(FrameReader, GrayscaleSourceComesOutAsRgb)
{
    TempDir dir;
    VideoWriterOptions o;
    o.codec = "ffv1";
    o.pixelFormat = "gray";
    o.width = 40;
    o.height = 30;
    writeVideo(dir.file("gray.mkv"), o, 6, false, true);
    auto reader = FrameReader::open(dir.file("gray.mkv"));
    EXPECT_EQ(reader->info().pixelFormat, "gray");
    std::vector<Image> frames = decodeAll(*reader);
    ASSERT_EQ(frames.size(), 6u);
    for (int i = 0; i < 6; ++i)
        EXPECT_TRUE(frames[std::size_t(i)].rgb == patternFrame(40, 30, i, true).rgb) << "frame " << i;
}

TEST(FrameReader, LongGopH264WithBFramesSeeksExactly)
{
    TempDir dir;
    for (const char* name : {"long_gop.mp4", "long_gop.mkv"}) {
        VideoWriterOptions o;
        o.codec = "libx264";
        o.width = 96;
        o.height = 64;
        o.fps = 25;
        o.gopSize = 60;
        o.maxBFrames = 3;
        o.codecOptions = {{"preset", "veryfast"}, {"crf", "18"}};
        writeVideo(dir.file(name), o, 150, true);
        auto reader = FrameReader::open(dir.file(name));
        EXPECT_EQ(reader->info().codec, "h264");
        std::vector<Image> seq = decodeAll(*reader);
        ASSERT_EQ(seq.size(), 150u) << name;
        for (int i = 0; i < 150; i += 37)
            EXPECT_GT(psnr(seq[std::size_t(i)], smoothFrame(96, 64, i)), 30.0) << name << " frame " << i;
        checkSeeksMatchSequential(dir.file(name), 150);
    }
}

TEST(FrameReader, Mpeg4AndMjpegAreReadFrameAccurately)
{
    TempDir dir;
    struct Case {
        const char* file;
        const char* codec;
        const char* pixfmt;
    } cases[] = {{"mpeg4.avi", "mpeg4", ""}, {"mjpeg.avi", "mjpeg", "yuvj420p"}, {"mjpeg.mov", "mjpeg", "yuvj422p"}};
    for (const Case& c : cases) {
        VideoWriterOptions o;
        o.codec = c.codec;
        o.pixelFormat = c.pixfmt;
        o.width = 80;
        o.height = 64;
        o.gopSize = 30;
        o.bitRate = 2000000;
        writeVideo(dir.file(c.file), o, 70, true);
        checkSeeksMatchSequential(dir.file(c.file), 70);
        auto reader = FrameReader::open(dir.file(c.file));
        Frame f;
        ASSERT_TRUE(reader->readAt(33, f));
        EXPECT_GT(psnr(f.image, smoothFrame(80, 64, 33)), 25.0) << c.file;
    }
}

TEST(FrameReader, VariableFrameRateTimestampsAndSeeks)
{
    TempDir dir;
    VideoWriterOptions o;
    o.codec = "ffv1";
    o.pixelFormat = "bgr0";
    o.width = 32;
    o.height = 32;
    o.fps = 20;
    o.timeBaseDen = 1000;
    std::vector<double> ts;
    double t = 0;
    {
        VideoWriter w(dir.file("vfr.mkv"), o);
        for (int i = 0; i < 40; ++i) {
            ts.push_back(t);
            w.write(patternFrame(32, 32, i), t);
            t += (i % 3 == 0) ? 0.1 : 0.033;
        }
        w.finish();
    }
    auto reader = FrameReader::open(dir.file("vfr.mkv"));
    const VideoInfo& info = reader->info();
    EXPECT_EQ(info.frameCount, 40);
    EXPECT_TRUE(info.variableFrameRate);
    ASSERT_EQ(info.timestamps.size(), 40u);
    for (int i = 0; i < 40; ++i)
        EXPECT_NEAR(info.timestamps[std::size_t(i)], ts[std::size_t(i)], 0.0015) << "frame " << i;
    Frame f;
    for (int64_t target : {37, 5, 22, 0, 39, 13}) {
        ASSERT_TRUE(reader->readAt(target, f));
        EXPECT_TRUE(f.image.rgb == patternFrame(32, 32, int(target)).rgb) << "frame " << target;
        EXPECT_NEAR(f.timestamp, ts[std::size_t(target)], 0.0015);
    }
}

TEST(FrameReader, ResizesInTheConversionPass)
{
    TempDir dir;
    VideoWriterOptions o;
    o.codec = "ffv1";
    o.pixelFormat = "bgr0";
    o.width = 120;
    o.height = 80;
    writeVideo(dir.file("big.mkv"), o, 3, true);
    FrameReaderOptions ro;
    ro.outputWidth = 224;
    ro.outputHeight = 224;
    auto reader = FrameReader::open(dir.file("big.mkv"), ro);
    Frame f;
    ASSERT_TRUE(reader->next(f));
    EXPECT_EQ(f.image.width, 224);
    EXPECT_EQ(f.image.height, 224);
    EXPECT_EQ(f.image.rgb.size(), 224u * 224u * 3u);
    // The left edge stays dark red, the right edge bright red: the gradient survives resizing.
    EXPECT_LT(f.image.pixel(2, 10)[0], 30);
    EXPECT_GT(f.image.pixel(221, 10)[0], 220);
    ro.outputWidth = 60;
    ro.outputHeight = 0;  // keep aspect
    auto half = FrameReader::open(dir.file("big.mkv"), ro);
    ASSERT_TRUE(half->next(f));
    EXPECT_EQ(f.image.width, 60);
    EXPECT_EQ(f.image.height, 40);
}

TEST(FrameReader, ImageFolderInNaturalOrder)
{
    TempDir dir;
    fs::create_directories(dir.path() / "seq");
    for (int i = 0; i < 12; ++i)  // 1.png .. 12.png: lexical order would put 10 before 2
        writePng((dir.path() / "seq" / (std::to_string(i + 1) + ".png")).string(), patternFrame(30, 20, i));
    vaclip::test::writeText(dir.file("seq/notes.txt"), "not an image");
    auto reader = FrameReader::open(dir.file("seq"));
    const VideoInfo& info = reader->info();
    EXPECT_TRUE(info.imageSequence);
    EXPECT_EQ(info.frameCount, 12);
    EXPECT_EQ(info.width, 30);
    EXPECT_EQ(info.codec, "png");
    std::vector<Image> frames = decodeAll(*reader);
    ASSERT_EQ(frames.size(), 12u);
    for (int i = 0; i < 12; ++i)
        EXPECT_TRUE(frames[std::size_t(i)].rgb == patternFrame(30, 20, i).rgb) << "frame " << i;
    Frame f;
    ASSERT_TRUE(reader->readAt(9, f));
    EXPECT_TRUE(f.image.rgb == patternFrame(30, 20, 9).rgb);
}

TEST(FrameReader, UcsdStyleGrayTifAndShanghaiTechStyleJpgFolders)
{
    const std::string ffmpeg = vaclip::test::ffmpegExecutable();
    ASSERT_FALSE(ffmpeg.empty()) << "the ffmpeg program is needed (scripts/install-deps.sh installs it)";
    TempDir dir;
    fs::create_directories(dir.path() / "Test001");
    fs::create_directories(dir.path() / "01_0014");
    auto r1 = vaclip::test::runCommand(ffmpeg + " -v error -f lavfi -i testsrc=s=36x24:r=10 -frames:v 15 -pix_fmt gray "
                                       + vaclip::test::shellQuote(dir.file("Test001/%03d.tif")));
    ASSERT_EQ(r1.exitCode, 0) << r1.output;
    auto r2 = vaclip::test::runCommand(ffmpeg + " -v error -f lavfi -i testsrc=s=64x36:r=24 -frames:v 9 "
                                       + vaclip::test::shellQuote(dir.file("01_0014/%03d.jpg")));
    ASSERT_EQ(r2.exitCode, 0) << r2.output;

    auto tif = FrameReader::open(dir.file("Test001"));
    EXPECT_EQ(tif->info().frameCount, 15);
    EXPECT_EQ(tif->info().codec, "tif");
    EXPECT_EQ(tif->info().pixelFormat, "gray");
    Frame f;
    ASSERT_TRUE(tif->next(f));
    for (std::size_t k = 0; k < f.image.rgb.size(); k += 3) {
        ASSERT_EQ(f.image.rgb[k], f.image.rgb[k + 1]);
        ASSERT_EQ(f.image.rgb[k], f.image.rgb[k + 2]);
    }
    auto jpg = FrameReader::open(dir.file("01_0014"));
    EXPECT_EQ(jpg->info().frameCount, 9);
    EXPECT_EQ(jpg->info().width, 64);
    EXPECT_EQ(decodeAll(*jpg).size(), 9u);
}

TEST(FrameReaderBadInput, MissingFileAndEmptyFolder)
{
    TempDir dir;
    try {
        FrameReader::open(dir.file("nope.avi"));
        FAIL() << "no error for a missing file";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::NotFound);
        EXPECT_NE(std::string(e.what()).find("nope.avi"), std::string::npos) << e.what();
    }
    fs::create_directories(dir.path() / "empty");
    try {
        FrameReader::open(dir.file("empty"));
        FAIL() << "no error for an empty folder";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("no image files"), std::string::npos) << e.what();
    }
}

TEST(FrameReaderBadInput, GarbageAndTruncatedFiles)
{
    TempDir dir;
    vaclip::test::writeText(dir.file("garbage.mp4"), std::string(5000, '\x17') + "not a video at all");
    try {
        FrameReader::open(dir.file("garbage.mp4"));
        FAIL() << "no error for garbage";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("garbage.mp4"), std::string::npos) << e.what();
    }

    // An mp4 cut in half loses its index (moov at the end): unreadable, with a clear error.
    VideoWriterOptions o;
    o.codec = "libx264";
    o.width = 64;
    o.height = 48;
    o.codecOptions = {{"preset", "ultrafast"}};
    writeVideo(dir.file("whole.mp4"), o, 40, true);
    std::string bytes = vaclip::test::readText(dir.file("whole.mp4"));
    vaclip::test::writeText(dir.file("cut.mp4"), bytes.substr(0, bytes.size() / 2));
    try {
        FrameReader::open(dir.file("cut.mp4"));
        FAIL() << "no error for a truncated mp4";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("cut.mp4"), std::string::npos) << e.what();
    }

    // An AVI cut short still plays up to the cut, reporting that the file ended early.
    o.codec = "mjpeg";
    o.pixelFormat = "yuvj420p";
    writeVideo(dir.file("whole.avi"), o, 40, true);
    bytes = vaclip::test::readText(dir.file("whole.avi"));
    vaclip::test::writeText(dir.file("cut.avi"), bytes.substr(0, bytes.size() * 6 / 10));
    auto reader = FrameReader::open(dir.file("cut.avi"));
    EXPECT_GT(reader->info().frameCount, 10);
    EXPECT_LT(reader->info().frameCount, 40);
    std::vector<Image> frames = decodeAll(*reader);
    EXPECT_GE(int64_t(frames.size()), reader->info().frameCount - 1);
    EXPECT_FALSE(reader->takeWarnings().empty()) << "a truncated AVI should be reported";
}

TEST(FrameReaderBadInput, CorruptFramesInTheMiddleAreSkippedAndReported)
{
    TempDir dir;
    VideoWriterOptions o;
    o.codec = "mjpeg";
    o.pixelFormat = "yuvj420p";
    o.width = 64;
    o.height = 48;
    writeVideo(dir.file("ok.avi"), o, 60, true);
    std::string bytes = vaclip::test::readText(dir.file("ok.avi"));
    // Overwrite a stretch in the middle of the data with zeros: a few JPEG frames lose their data.
    const std::size_t mid = bytes.size() / 2;
    for (std::size_t k = mid; k < mid + 3000 && k < bytes.size(); ++k)
        bytes[k] = 0;
    vaclip::test::writeText(dir.file("damaged.avi"), bytes);
    auto reader = FrameReader::open(dir.file("damaged.avi"));
    Frame f;
    int decoded = 0;
    int64_t last = -1;
    while (reader->next(f)) {
        EXPECT_GT(f.index, last);
        last = f.index;
        ++decoded;
    }
    EXPECT_GT(decoded, 50) << "most frames must survive a local corruption";
    // AVI has no timestamps of its own: packets lost to the damage are gone from the count (as
    // for ffprobe), and reading goes on to the end of what the file holds.
    EXPECT_EQ(last, reader->info().frameCount - 1) << "reading must go on to the end";
    EXPECT_LT(reader->info().frameCount, 60);
    EXPECT_FALSE(reader->takeWarnings().empty()) << "damaged frames must be reported";
}

TEST(FrameReaderBadInput, SeekOutOfRangeThrows)
{
    TempDir dir;
    VideoWriterOptions o;
    o.codec = "ffv1";
    o.width = 16;
    o.height = 16;
    writeVideo(dir.file("short.mkv"), o, 5);
    auto reader = FrameReader::open(dir.file("short.mkv"));
    EXPECT_THROW(reader->seek(5), Error);
    EXPECT_THROW(reader->seek(-1), Error);
}

TEST(VideoWriter, UnfinishedWriteLeavesNoFile)
{
    TempDir dir;
    {
        VideoWriterOptions o;
        o.codec = "ffv1";
        o.width = 16;
        o.height = 16;
        VideoWriter w(dir.file("partial.mkv"), o);
        w.write(patternFrame(16, 16, 0));
        EXPECT_THROW(w.write(patternFrame(8, 8, 1)), Error);
    }
    EXPECT_FALSE(fs::exists(dir.file("partial.mkv")));
    EXPECT_TRUE(fs::is_empty(dir.path())) << "temporary file left behind";
}
