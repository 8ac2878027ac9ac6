// ctest-labels: unit eval
// ctest-link: vaclip_ml
// The result files of a scored test set (core/infer/test_results.h), shared by `vaclip test` and
// `vaclip demo`: what is written, read back; the evaluation of hand-made scores whose AUC is known
// by counting; mismatched sizes and incomplete labels.
#include "common/error.h"
#include "config/config.h"
#include "infer/test_results.h"
#include "io/npy.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

using namespace vaclip;
using vaclip::test::TempDir;
namespace fs = std::filesystem;

namespace {

struct Fixture {
    Config config;
    infer::PromptFeatures prompts;
    infer::TestScores scores;
    std::vector<float> tracks;
    std::vector<infer::TestVideo> videos;
};

// Two videos (3 + 2 frames), two prompts of dimension 2.
Fixture make()
{
    Fixture f;
    f.config.dataset.meta = "/data/meta.json";
    f.prompts.prompts = {"a person riding a bicycle", "a cart"};
    f.prompts.dim = 2;
    f.prompts.features = {1, 0, 0, 1};
    f.prompts.normal = {0.6f, 0.8f};
    f.scores.scores = {0.1f, 0.9f, 0.8f, 0.2f, 0.3f};
    f.scores.winner = {0, 1, 1, 0, 0};
    f.scores.videoOffsets = {0, 3, 5};
    f.scores.calibration = "normal_reference";
    f.tracks = {0.1f, 0.05f, 0.2f, 0.9f, 0.3f, 0.8f, 0.2f, 0.1f, 0.3f, 0.2f};
    f.videos = {{"videos/test/a b.mp4", 3, 2, {}}, {"videos/test/c.mp4", 2, 2, {}}};
    return f;
}

nlohmann::json readJson(const fs::path& path)
{
    std::ifstream in(path);
    return nlohmann::json::parse(in);
}

} // namespace

TEST(TestResults, ScoreFilesRoundTrip)
{
    TempDir dir;
    const Fixture f = make();
    const infer::ResultContext ctx{&f.config, "/cfg/test.yaml", "ViT-x-0123", ""};
    infer::writeTestScores(dir.path().string(), ctx, f.prompts, f.scores, f.tracks, f.videos, {"bicycle", "normal"});

    const NpyArray frames = readNpy((dir.path() / "frame_scores.npy").string());
    EXPECT_EQ(frames.shape, (std::vector<int64_t>{5}));
    EXPECT_EQ(frames.toFloats(), f.scores.scores);
    const NpyArray tracks = readNpy((dir.path() / "prompt_tracks.npy").string());
    EXPECT_EQ(tracks.shape, (std::vector<int64_t>{5, 2}));
    EXPECT_FLOAT_EQ(tracks.toFloats()[3], 0.9f);
    EXPECT_EQ(readNpy((dir.path() / "winner.npy").string()).toInt64(), (std::vector<int64_t>{0, 1, 1, 0, 0}));

    const nlohmann::json j = readJson(dir.path() / "scores.json");
    EXPECT_EQ(j["format"], "vaclip-test-scores");
    EXPECT_TRUE(j["checkpoint"].is_null());
    EXPECT_EQ(j["backbone_id"], "ViT-x-0123");
    EXPECT_EQ(j["calibration"], "normal_reference");
    ASSERT_EQ(j["videos"].size(), 2u);
    EXPECT_EQ(j["videos"][0]["category"], "bicycle");
    EXPECT_EQ(j["videos"][1]["offset"], 3);
    EXPECT_EQ(j["videos"][0]["scores_npy"], "videos/videos_test_a_b.mp4.npy");
    const NpyArray second = readNpy((dir.path() / j["videos"][1]["scores_npy"].get<std::string>()).string());
    EXPECT_EQ(second.toFloats(), (std::vector<float>{0.2f, 0.3f}));

    // Without categories no "category" key is written.
    infer::writeTestScores(dir.file("plain"), ctx, f.prompts, f.scores, f.tracks, f.videos);
    EXPECT_FALSE(readJson(dir.path() / "plain" / "scores.json")["videos"][0].contains("category"));
}

TEST(TestResults, MismatchedSizesAreErrors)
{
    TempDir dir;
    Fixture f = make();
    const infer::ResultContext ctx{&f.config, "/cfg/test.yaml", "id", ""};
    std::vector<float> shortTracks(f.tracks.begin(), f.tracks.end() - 1);
    EXPECT_THROW(infer::writeTestScores(dir.path().string(), ctx, f.prompts, f.scores, shortTracks, f.videos), Error);
    EXPECT_THROW(infer::writeTestScores(dir.path().string(), ctx, f.prompts, f.scores, f.tracks, f.videos, {"one"}),
                 Error);
    f.scores.videoOffsets = {0, 5};
    EXPECT_THROW(infer::writeTestScores(dir.path().string(), ctx, f.prompts, f.scores, f.tracks, f.videos), Error);
    EXPECT_FALSE(fs::exists(dir.path() / "scores.json"));
}

TEST(TestResults, EvaluationOfKnownScores)
{
    TempDir dir;
    Fixture f = make();
    f.config.evaluation.bootstrapSamples = 0;
    const infer::ResultContext ctx{&f.config, "/cfg/test.yaml", "id", ""};
    // Anomalous frames 0.9, 0.8, 0.2 vs normal 0.1, 0.3: pairs won 2 + 2 + 1 = 5 of 6 -> AUC 5/6.
    const std::vector<std::vector<uint8_t>> labels = {{0, 1, 1}, {1, 0}};
    const auto er = infer::evaluateTestScores(dir.path().string(), ctx, f.scores, f.videos, labels);
    ASSERT_TRUE(er.has_value());
    EXPECT_NEAR(er->micro.auc, 5.0 / 6.0, 1e-12);
    EXPECT_TRUE(fs::exists(dir.path() / "evaluation" / "metrics.json"));

    // Labels that do not cover a video's frames: nothing evaluated, nothing written.
    TempDir other;
    const auto none = infer::evaluateTestScores(other.path().string(), ctx, f.scores, f.videos, {{0, 1, 1}, {0}});
    EXPECT_FALSE(none.has_value());
    EXPECT_FALSE(fs::exists(other.path() / "evaluation"));
}
