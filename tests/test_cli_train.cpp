// ctest-labels: unit model cli
// ctest-link: vaclip_ml
// vaclip train / vaclip test end to end on the reference tiny CLIP (Hugging Face folder): the test
// writes a dataset (frame folders + labels + meta.json) and its cached features directly (random
// CLIP-space vectors with an anomaly direction in the labelled frames), trains, resumes, tests
// and checks every output file and the evaluation it reports.
#include "cached_dataset_util.h"
#include "io/npy.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <random>

using namespace vaclip;
namespace fs = std::filesystem;

namespace {

struct Dataset {
    std::string config;
    int64_t testFrames = 0;
};

Dataset makeDataset(const test::TempDir& dir)
{
    test::CachedDatasetOptions options;
    options.seed = 3;
    options.testVideos = 4;
    options.anomalyStrength = 3.f;
    const test::CachedDataset data = test::writeCachedDataset(dir, options);
    const std::string& hf = data.backbone;
    Dataset ds;
    ds.testFrames = data.testFrames;
    ds.config = dir.file("run.yaml");
    test::writeText(ds.config, "temporal_transformer_layers: 1\n"
                               "temporal_heads: 4\n"
                               "clip_length: 8\n"
                               "stride: 4\n"
                               "semantic_prompts: [\"a red ball\", \"a person riding a bicycle\"]\n"
                               "dataset:\n  meta: data/meta.json\n"
                               "backbone:\n  path: " + hf + "\n  input_size: 32\n"
                               "features:\n  cache_dir: cache\n"
                               "training:\n  epochs: 4\n  batch_size: 8\n  learning_rate: 0.01\n  n_ctx: 4\n"
                               "  threads: 1\n  checkpoint_dir: ckpt\n  validation_split: test\n"
                               "testing:\n  scoring: softmax_vs_normal\n  prompt_mode: learned_context\n"
                               "evaluation:\n  bootstrap_samples: 50\n");
    return ds;
}

} // namespace

TEST(CliTrainTest, TrainResumeTestAndEvaluate)
{
    test::TempDir dir;
    const Dataset ds = makeDataset(dir);
    const std::string cli = test::shellQuote(test::cliExecutable());
    const std::string cd = "cd " + test::shellQuote(dir.path().string()) + " && ";

    auto r = test::runCommand(cd + cli + " train --config run.yaml --epochs 2");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("epoch 2/2"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("supervision: frame"), std::string::npos) << r.output;
    EXPECT_TRUE(fs::exists(dir.file("ckpt/last.ckpt")));
    EXPECT_TRUE(fs::exists(dir.file("ckpt/best.ckpt")));
    r = test::runCommand(cd + cli + " train --config run.yaml --resume");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("resumed after epoch 2"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("epoch 4/4"), std::string::npos) << r.output;

    r = test::runCommand(cd + cli + " test --config run.yaml --out results/run");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    const NpyArray scores = readNpy(dir.file("results/run/frame_scores.npy"));
    ASSERT_EQ(scores.shape, (std::vector<int64_t>{ds.testFrames}));
    EXPECT_EQ(readNpy(dir.file("results/run/prompt_tracks.npy")).shape, (std::vector<int64_t>{ds.testFrames, 2}));
    EXPECT_EQ(readNpy(dir.file("results/run/videos/test1.npy")).numel(), 40);
    const auto j = nlohmann::json::parse(test::readText(dir.file("results/run/scores.json")));
    EXPECT_EQ(j["scoring"], "softmax_vs_normal");
    EXPECT_EQ(j["prompt_mode"], "learned_context");
    EXPECT_EQ(j["prompts"].size(), 2u);
    EXPECT_NE(j["checkpoint"].get<std::string>().find("last.ckpt"), std::string::npos);
    ASSERT_EQ(j["videos"].size(), 4u);
    EXPECT_EQ(j["videos"][1]["offset"], 40);
    // The evaluation written by vaclip test: the learned context picks up the anomaly direction.
    const auto m = nlohmann::json::parse(test::readText(dir.file("results/run/evaluation/metrics.json")));
    EXPECT_GT(m["frame_micro"]["auc"]["value"].get<double>(), 0.9) << m["frame_micro"].dump();
    // vaclip evaluate reads the same results.
    r = test::runCommand(cd + cli + " evaluate --gt_path data/meta.json --pred_path results/run/scores.json "
                                    "--output_dir ev --no_plots");
    EXPECT_EQ(r.exitCode, 0) << r.output;

    // Zero-shot and calibrated scoring run without a checkpoint / with one.
    r = test::runCommand(cd + cli + " test --config run.yaml --zero-shot --prompt 'a car' --out results/zs");
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("none (zero-shot)"), std::string::npos) << r.output;

    // Errors: one line, exit 1.
    r = test::runCommand(cd + cli + " test --config run.yaml --checkpoint nowhere.ckpt");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find("vaclip: error: checkpoint 'nowhere.ckpt' does not exist"), std::string::npos) << r.output;
    fs::remove_all(dir.file("cache"));
    r = test::runCommand(cd + cli + " train --config run.yaml");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find("have no cached features"), std::string::npos) << r.output;
    r = test::runCommand(cd + cli + " train");
    EXPECT_EQ(r.exitCode, 2);
}
