// ctest-labels: unit clip video cli
// `vaclip extract` on a tiny dataset made here, with the tiny reference CLIP of
// ../shared/reference/clip/tiny-a (Hugging Face folder): the reference images' cached features
// equal the Python reference's image_features.npy; reuse, shards, usage and input errors.
#include "io/image.h"
#include "io/npy.h"
#include "io/safetensors.h"
#include "io/video_writer.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

using namespace vaclip;
using vaclip::test::TempDir;
using vaclip::test::runCommand;
using vaclip::test::shellQuote;
namespace fs = std::filesystem;

namespace {

fs::path tinyDir()
{
    return vaclip::test::sharedDir() / "reference/clip/tiny-a";
}

void makeVideo(const std::string& path, int frames)
{
    VideoWriterOptions o;
    o.codec = "libx264";
    o.width = 80;
    o.height = 48;
    VideoWriter w(path, o);
    for (int i = 0; i < frames; ++i) {
        Image im;
        im.width = 80;
        im.height = 48;
        im.rgb.resize(80 * 48 * 3);
        for (std::size_t k = 0; k < im.rgb.size(); ++k)
            im.rgb[k] = uint8_t((k * 7 + std::size_t(i) * 11) & 255);
        w.write(im);
    }
    w.finish();
}

/// A dataset: train/cam1.mp4 (12 frames), test/ref (the 3 reference PNGs as an image folder).
class ExtractCli : public ::testing::Test {
protected:
    void SetUp() override
    {
        fs::create_directories(dir.path() / "data/train");
        fs::create_directories(dir.path() / "data/test/ref");
        makeVideo(dir.file("data/train/cam1.mp4"), 12);
        for (int i = 0; i < 3; ++i)
            fs::copy_file(tinyDir() / ("image_" + std::to_string(i) + ".png"),
                          dir.path() / "data/test/ref" / (std::to_string(i) + ".png"));
        writeMeta(R"({"train": {"cam": [{"video_path": "train/cam1.mp4", "anomaly": 0, "gt_path": ""}]},
                      "test": {"cam": [{"video_path": "test/ref", "anomaly": 0, "gt_path": ""}]}})");
        vaclip::test::writeText(config, "dataset:\n  meta: data/meta.json\n"
                                        "backbone:\n  path: " + (tinyDir() / "hf").string() + "\n  input_size: 32\n"
                                        "features:\n  cache_dir: cache\n  batch_size: 4\n"
                                        "training:\n  threads: 1\n");
    }
    void writeMeta(const std::string& json) { vaclip::test::writeText(dir.file("data/meta.json"), json); }
    vaclip::test::CommandResult extract(const std::string& extra = "")
    {
        return runCommand(shellQuote(vaclip::test::cliExecutable()) + " extract --config " + shellQuote(config) + " " + extra + " 2>&1");
    }
    std::vector<fs::path> cacheFiles() const
    {
        std::vector<fs::path> out;
        if (fs::exists(dir.path() / "cache"))
            for (const auto& e : fs::recursive_directory_iterator(dir.path() / "cache"))
                if (e.is_regular_file())
                    out.push_back(e.path());
        std::sort(out.begin(), out.end());
        return out;
    }

    TempDir dir;
    std::string config = dir.file("extract.yaml");
};

} // namespace

TEST_F(ExtractCli, ExtractsTheDatasetAndMatchesTheReferenceFeatures)
{
    const auto r = extract();
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("2 extracted"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("extract: "), std::string::npos) << "plain progress lines when not a terminal:\n" << r.output;
    EXPECT_EQ(r.output.find("\033["), std::string::npos) << "no terminal escapes in a pipe";
    const auto files = cacheFiles();
    ASSERT_EQ(files.size(), 2u) << r.output;

    // The image folder's rows are the reference images: Python CLIP's encode_image output.
    const NpyArray ref = readNpy((tinyDir() / "image_features.npy").string());
    ASSERT_EQ(ref.shape, (std::vector<int64_t>{3, 48}));
    const std::vector<float> expected = ref.toFloats();
    bool found = false;
    for (const fs::path& f : files) {
        if (f.filename().string().rfind("ref-", 0) != 0)
            continue;
        found = true;
        const SafetensorsFile st = SafetensorsFile::open(f.string());
        const auto& e = st.at("embeddings");
        ASSERT_EQ(e.shape, (std::vector<int64_t>{3, 48}));
        const std::vector<float> got = e.toFloats();
        for (std::size_t i = 0; i < got.size(); ++i)
            EXPECT_NEAR(got[i], expected[i], 1e-3 * std::max(1.0f, std::abs(expected[i]))) << "element " << i;
    }
    EXPECT_TRUE(found) << "no cache file for the image folder 'ref'";

    const auto again = extract();
    ASSERT_EQ(again.exitCode, 0) << again.output;
    EXPECT_NE(again.output.find("2 reused from cache"), std::string::npos) << again.output;
    EXPECT_NE(again.output.find("0 frames encoded"), std::string::npos) << again.output;
}

TEST_F(ExtractCli, ShardsAndSplits)
{
    const auto s0 = extract("--shard 0/2");
    ASSERT_EQ(s0.exitCode, 0) << s0.output;
    EXPECT_EQ(cacheFiles().size(), 1u);
    const auto s1 = extract("--shard 1/2");
    ASSERT_EQ(s1.exitCode, 0) << s1.output;
    EXPECT_NE(s1.output.find("1 extracted"), std::string::npos) << s1.output;
    EXPECT_EQ(cacheFiles().size(), 2u);

    const auto test = extract("--split test");
    ASSERT_EQ(test.exitCode, 0) << test.output;
    EXPECT_NE(test.output.find("1 of 1 video"), std::string::npos) << test.output;

    for (const char* bad : {"--shard 2/2", "--shard x", "--split val"}) {
        const auto u = extract(bad);
        EXPECT_EQ(u.exitCode, 2) << bad << "\n" << u.output;
    }
}

TEST_F(ExtractCli, CorruptVideoFailsNamingIt)
{
    {
        std::ofstream f(dir.file("data/train/broken.mp4"), std::ios::binary);
        for (int i = 0; i < 3000; ++i)
            f.put(char((i * 131) & 255));
    }
    writeMeta(R"({"train": {"cam": [{"video_path": "train/cam1.mp4", "anomaly": 0, "gt_path": ""},
                                      {"video_path": "train/broken.mp4", "anomaly": 0, "gt_path": ""}]},
                  "test": {}})");
    const auto r = extract();
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("vaclip: error: "), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("broken.mp4"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("1 extracted"), std::string::npos) << "the good video is still extracted\n" << r.output;

    vaclip::test::writeText(config, "backbone:\n  path: " + dir.file("nothing.pt") + "\n");
    const auto noModel = extract("--video " + dir.file("data/train/cam1.mp4"));
    EXPECT_EQ(noModel.exitCode, 1) << noModel.output;
    EXPECT_NE(noModel.output.find("nothing.pt"), std::string::npos) << noModel.output;
}
