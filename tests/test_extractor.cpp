// ctest-labels: unit clip video
// ctest-link: vaclip_ml
// FeatureExtractor over videos and image folders made here, with a tiny random-weight CLIP:
// cached features equal encoding the same decoded frames directly; reuse, resume after
// cancellation, corrupt cache files, corrupt videos, shards.
#include "clip/preprocess.h"
#include "common/error.h"
#include "extract_test_support.h"
#include "features/extractor.h"
#include "io/frame_reader.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <set>

using namespace vaclip;
using vaclip::test::TempDir;
namespace fs = std::filesystem;

namespace {

struct Direct {
    torch::Tensor embeddings;  ///< [T, D]
    torch::Tensor tokens;      ///< [T, 1 + N, D]
};

/// The reference: decode every frame, preprocess, run the encoder once on the whole video.
Direct encodeDirectly(clip::ClipModel& model, const std::string& path, int size)
{
    auto reader = FrameReader::open(path);
    std::vector<Image> frames;
    Frame f;
    while (reader->next(f))
        frames.push_back(f.image);
    c10::InferenceMode guard;
    const torch::Tensor x = clip::preprocessImages(frames, size);
    clip::VisualTokens vt = model->encodeImageDenseTokens(x);  // what extraction stores as patch tokens
    return {vt.embedding, vt.projected.back()};
}

torch::Tensor halfBitsToTensor(const uint16_t* bits, std::vector<int64_t> shape)
{
    int64_t n = 1;
    for (int64_t s : shape)
        n *= s;
    return torch::from_blob(const_cast<uint16_t*>(bits), {n}, torch::kInt16).view(torch::kHalf).to(torch::kFloat32).reshape(shape);
}

/// |a - b| <= tol * max(1, |b|) everywhere (fp16 storage: ~5e-4 relative).
::testing::AssertionResult closeTo(const torch::Tensor& a, const torch::Tensor& b, double tol = 1e-3)
{
    if (a.sizes() != b.sizes())
        return ::testing::AssertionFailure() << "shapes " << a.sizes() << " vs " << b.sizes();
    const torch::Tensor excess = (a - b).abs() - tol * b.abs().clamp_min(1.0);
    const double worst = excess.max().item<double>();
    if (worst > 0)
        return ::testing::AssertionFailure() << "max |a-b| = " << (a - b).abs().max().item<double>();
    return ::testing::AssertionSuccess();
}

class ExtractorTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        model = vaclip::test::randomClip(vaclip::test::tinyClipConfig());
        video = dir.file("clip.mp4");
        vaclip::test::writeSceneVideo(video, 96, 64, 40);
        params.cacheDir = dir.file("cache");
        params.inputSize = 32;
        params.batchSize = 6;
        params.chunkFrames = 10;
        params.threads = 2;
        params.backboneId = "tiny-random-7";
    }
    CachedFeatures cached(const FeatureExtractor& ex, const std::string& path)
    {
        std::string why;
        auto c = FeatureCache(params.cacheDir).open(ex.keyFor(path), &why);
        EXPECT_TRUE(c.has_value()) << why;
        return c.value_or(CachedFeatures());
    }

    TempDir dir;
    clip::ClipModel model{nullptr};
    std::string video;
    ExtractionParams params;
};

} // namespace

TEST_F(ExtractorTest, VideoFeaturesEqualDirectEncoding)
{
    ExtractionParams p = params;
    p.patchTokens = true;
    FeatureExtractor ex(model.ptr(), p);
    int calls = 0;
    int64_t lastDone = -1;
    const VideoExtraction r = ex.extractVideo(video, [&](const ExtractionProgress& pr) {
        ++calls;
        EXPECT_GE(pr.framesDone, lastDone);
        EXPECT_EQ(pr.framesTotal, 40);
        lastDone = pr.framesDone;
        return true;
    });
    EXPECT_EQ(r.outcome, VideoOutcome::Extracted);
    EXPECT_EQ(r.frames, 40);
    EXPECT_EQ(r.framesEncoded, 40);
    EXPECT_GT(calls, 0);
    EXPECT_EQ(lastDone, 40);

    const CachedFeatures c = cached(ex, video);
    ASSERT_EQ(c.frames(), 40);
    ASSERT_EQ(c.dim(), 48);
    ASSERT_EQ(c.tokens(), 1 + 4 * 4);
    EXPECT_NEAR(c.fps(), 25.0, 1e-6);
    const Direct d = encodeDirectly(model, video, 32);
    EXPECT_TRUE(closeTo(halfBitsToTensor(c.embedding(0), {40, 48}), d.embeddings));
    EXPECT_TRUE(closeTo(halfBitsToTensor(c.patchTokens(0), {40, 17, 48}), d.tokens));
    // Frames differ, so rows must too (guards against one frame copied everywhere).
    EXPECT_FALSE(torch::allclose(d.embeddings[0], d.embeddings[39]));
    // No chunk files left behind.
    for (const auto& e : fs::recursive_directory_iterator(params.cacheDir))
        EXPECT_EQ(e.path().string().find(".part-"), std::string::npos) << e.path();
}

TEST_F(ExtractorTest, ImageFolderFeaturesEqualDirectEncoding)
{
    const std::string folder = dir.file("frames");
    fs::create_directories(folder);
    for (int i = 0; i < 13; ++i)  // 2.png before 10.png: natural order
        writePng(folder + "/" + std::to_string(i) + ".png", vaclip::test::sceneFrame(50, 70, i * 3));
    FeatureExtractor ex(model.ptr(), params);
    const VideoExtraction r = ex.extractVideo(folder);
    EXPECT_EQ(r.frames, 13);
    const CachedFeatures c = cached(ex, folder);
    ASSERT_EQ(c.frames(), 13);
    EXPECT_EQ(c.tokens(), 0);
    const Direct d = encodeDirectly(model, folder, 32);
    EXPECT_TRUE(closeTo(halfBitsToTensor(c.embedding(0), {13, 48}), d.embeddings));
}

TEST_F(ExtractorTest, SecondRunReusesTheCache)
{
    FeatureExtractor ex(model.ptr(), params);
    ex.extractVideo(video);
    const auto before = fs::last_write_time(FeatureCache(params.cacheDir).videoFile(ex.keyFor(video)));
    const ExtractionResult r = ex.extract({video});
    ASSERT_EQ(r.videos.size(), 1u);
    EXPECT_EQ(r.videos[0].outcome, VideoOutcome::Reused);
    EXPECT_EQ(r.framesEncoded, 0);
    EXPECT_EQ(r.count(VideoOutcome::Reused), 1);
    EXPECT_EQ(fs::last_write_time(FeatureCache(params.cacheDir).videoFile(ex.keyFor(video))), before);

    // Another backbone id is another cache entry, never the first one's features.
    ExtractionParams other = params;
    other.backboneId = "tiny-random-8";
    FeatureExtractor ex2(model.ptr(), other);
    EXPECT_EQ(ex2.extractVideo(video).outcome, VideoOutcome::Extracted);
}

TEST_F(ExtractorTest, ResumeAfterCancellationEqualsUninterruptedRun)
{
    ExtractionParams p = params;
    p.patchTokens = true;
    {
        FeatureExtractor ex(model.ptr(), p);
        try {
            ex.extractVideo(video, [](const ExtractionProgress& pr) { return pr.videoFramesDone < 17; });
            FAIL() << "expected cancellation";
        } catch (const Error& e) {
            EXPECT_EQ(e.code(), ErrorCode::Cancelled);
            EXPECT_NE(std::string(e.what()).find("clip.mp4"), std::string::npos) << e.what();
        }
        const auto parts = FeatureCache(p.cacheDir).validParts(ex.keyFor(video));
        ASSERT_FALSE(parts.empty());
        EXPECT_FALSE(FeatureCache(p.cacheDir).open(ex.keyFor(video)).has_value());
    }
    FeatureExtractor ex(model.ptr(), p);
    const VideoExtraction r = ex.extractVideo(video);
    EXPECT_EQ(r.outcome, VideoOutcome::Resumed);
    EXPECT_GE(r.resumedFrom, 17);
    EXPECT_EQ(r.framesEncoded, 40 - r.resumedFrom);
    const CachedFeatures resumed = cached(ex, video);

    ExtractionParams q = p;
    q.cacheDir = dir.file("cache-uninterrupted");
    FeatureExtractor full(model.ptr(), q);
    full.extractVideo(video);
    const auto whole = FeatureCache(q.cacheDir).open(full.keyFor(video));
    ASSERT_TRUE(whole);
    ASSERT_EQ(resumed.frames(), whole->frames());
    const torch::Tensor a = halfBitsToTensor(resumed.embedding(0), {40, 48});
    const torch::Tensor b = halfBitsToTensor(whole->embedding(0), {40, 48});
    EXPECT_TRUE(closeTo(a, b));
    EXPECT_TRUE(closeTo(halfBitsToTensor(resumed.patchTokens(0), {40, 17, 48}), halfBitsToTensor(whole->patchTokens(0), {40, 17, 48})));
}

TEST_F(ExtractorTest, CorruptCacheFileIsDetectedAndRebuilt)
{
    FeatureExtractor ex(model.ptr(), params);
    ex.extractVideo(video);
    const std::string file = FeatureCache(params.cacheDir).videoFile(ex.keyFor(video));
    const auto good = cached(ex, video).embeddingsAsFloat();
    {
        std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(-20, std::ios::end);  // inside the tensor data
        const char junk[4] = {'\x12', '\x34', '\x56', '\x78'};
        f.write(junk, 4);
    }
    EXPECT_FALSE(FeatureCache(params.cacheDir).open(ex.keyFor(video)).has_value());
    const VideoExtraction r = ex.extractVideo(video);
    EXPECT_EQ(r.outcome, VideoOutcome::Rebuilt);
    EXPECT_NE(r.rebuildReason.find("checksum"), std::string::npos) << r.rebuildReason;
    EXPECT_EQ(r.framesEncoded, 40);
    // Not bit-equal: encoder batch sizes adapt to timing, and BLAS sums differ by an ulp.
    auto asTensor = [](std::vector<float> v) { return torch::tensor(v); };
    EXPECT_TRUE(closeTo(asTensor(cached(ex, video).embeddingsAsFloat()), asTensor(good)));

    // A truncated file too.
    fs::resize_file(file, 100);
    const ExtractionResult again = ex.extract({video});
    ASSERT_EQ(again.videos.size(), 1u);
    EXPECT_EQ(again.videos[0].outcome, VideoOutcome::Rebuilt);
    EXPECT_EQ(again.count(VideoOutcome::Rebuilt), 1);
    EXPECT_TRUE(closeTo(asTensor(cached(ex, video).embeddingsAsFloat()), asTensor(good)));
}

TEST_F(ExtractorTest, CorruptVideoIsAnErrorNamingIt)
{
    const std::string broken = dir.file("broken_cam.mp4");
    {
        std::ofstream f(broken, std::ios::binary);
        std::mt19937 rng(3);
        for (int i = 0; i < 5000; ++i)
            f.put(char(rng() & 255));
    }
    FeatureExtractor ex(model.ptr(), params);
    try {
        ex.extractVideo(broken);
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("broken_cam.mp4"), std::string::npos) << e.what();
    }
    const ExtractionResult r = ex.extract({broken, video, dir.file("missing.mp4")});
    ASSERT_EQ(r.failed.size(), 2u);
    EXPECT_NE(r.failed[0].find("broken_cam.mp4"), std::string::npos) << r.failed[0];
    EXPECT_NE(r.failed[1].find("missing.mp4"), std::string::npos) << r.failed[1];
    ASSERT_EQ(r.videos.size(), 1u);
    EXPECT_EQ(r.videos[0].videoPath, video);
    EXPECT_FALSE(r.cancelled);
}

TEST_F(ExtractorTest, ProgressCountsEveryVideoAndCancellationStopsTheRun)
{
    const std::string second = dir.file("second.mkv");
    vaclip::test::writeSceneVideo(second, 40, 30, 12, "ffv1");
    FeatureExtractor ex(model.ptr(), params);
    ex.extractVideo(second);  // cached: reused below, counted as done
    std::vector<ExtractionProgress> seen;
    const ExtractionResult r = ex.extract({second, video}, [&](const ExtractionProgress& pr) {
        seen.push_back(pr);
        return pr.videoIndex == 0 || pr.videoFramesDone < 6;
    });
    EXPECT_TRUE(r.cancelled);
    ASSERT_EQ(r.videos.size(), 1u);
    EXPECT_EQ(r.videos[0].outcome, VideoOutcome::Reused);
    ASSERT_FALSE(seen.empty());
    EXPECT_EQ(seen.front().framesTotal, 52);
    EXPECT_EQ(seen.front().framesDone, 12);
    EXPECT_EQ(seen.back().videoIndex, 1);
    EXPECT_EQ(seen.back().videoCount, 2);
    EXPECT_GT(seen.back().framesPerSecond, 0);
    EXPECT_GE(seen.back().etaSeconds, 0);
}

TEST(Shards, CoverEveryVideoExactlyOnce)
{
    std::vector<std::string> videos;
    for (int i = 0; i < 23; ++i)
        videos.push_back("/data/v" + std::to_string(i * 7 % 23) + ".mp4");
    videos.push_back(videos[3]);  // a duplicate is extracted once
    std::vector<std::string> shuffled = videos;
    std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(5));
    for (int n : {1, 2, 3, 4, 23, 30}) {
        std::multiset<std::string> all;
        for (int i = 0; i < n; ++i) {
            const auto a = selectShard(videos, Shard{i, n});
            EXPECT_EQ(a, selectShard(shuffled, Shard{i, n})) << "input order must not matter";
            EXPECT_LE(a.size(), std::size_t(23 / n + 1));
            all.insert(a.begin(), a.end());
        }
        EXPECT_EQ(all.size(), 23u) << n << " shards";
        EXPECT_EQ(std::set<std::string>(all.begin(), all.end()).size(), 23u);
    }
    EXPECT_EQ(parseShard("2/8").index, 2);
    EXPECT_EQ(parseShard("2/8").count, 8);
    for (const char* bad : {"8/8", "-1/4", "1", "a/b", "1/0", "1/4x", ""})
        EXPECT_THROW(parseShard(bad), Error) << bad;
}

TEST_F(ExtractorTest, StaticFramesReuseTheLastEncodedFeatures)
{
    // 20 lossless frames: 0-9 one still image, 10-19 another; frame 15 differs by one level.
    const std::string still = dir.file("still.mkv");
    {
        VideoWriterOptions o;
        o.codec = "ffv1";
        o.width = 64;
        o.height = 48;
        VideoWriter w(still, o);
        for (int i = 0; i < 20; ++i) {
            Image im = vaclip::test::sceneFrame(64, 48, i < 10 ? 0 : 9);
            if (i == 15)
                for (uint8_t& v : im.rgb)
                    v = uint8_t(std::min(255, v + 1));
            w.write(im);
        }
        w.finish();
    }
    ExtractionParams p = params;
    p.reuseThreshold = 1.5;
    FeatureExtractor ex(model.ptr(), p);
    EXPECT_EQ(ex.preprocessingId(), "clip-bicubic-32-reuse1.5");
    const VideoExtraction r = ex.extractVideo(still);
    EXPECT_EQ(r.framesEncoded, 2);
    EXPECT_EQ(r.framesReused, 18);
    EXPECT_TRUE(r.warnings.empty()) << r.warnings.front();
    const CachedFeatures c = cached(ex, still);
    ASSERT_EQ(c.frames(), 20);
    const torch::Tensor got = halfBitsToTensor(c.embedding(0), {20, 48});
    const Direct d = encodeDirectly(model, still, 32);
    EXPECT_TRUE(closeTo(got[0], d.embeddings[0]));
    EXPECT_TRUE(closeTo(got[10], d.embeddings[10]));
    for (int i = 1; i < 10; ++i)
        EXPECT_TRUE(torch::equal(got[i], got[0])) << i;
    for (int i = 11; i < 20; ++i)
        EXPECT_TRUE(torch::equal(got[i], got[10])) << i;
    EXPECT_FALSE(torch::equal(got[0], got[10]));

    // Off (the default): every frame encoded, a different cache entry.
    FeatureExtractor exact(model.ptr(), params);
    const VideoExtraction all = exact.extractVideo(still);
    EXPECT_EQ(all.framesEncoded, 20);
    EXPECT_EQ(all.framesReused, 0);
}
