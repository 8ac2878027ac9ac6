// ctest-labels: distributed cli model
// ctest-link: vaclip_ml
// Data-parallel `vaclip train` end to end on 127.0.0.1: two real processes (RANK/WORLD_SIZE/
// MASTER_ADDR/MASTER_PORT as torchrun sets them) against one process with the same global batch,
// resume in distributed mode, and a rank that is killed (or hangs) while the other trains.
// The dataset is written directly as cached features (random CLIP-space vectors with an anomaly
// direction in the labelled frames), on the reference tiny CLIP, so each run takes seconds.
#include "cached_dataset_util.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <regex>
#include <thread>

using namespace vaclip;
namespace fs = std::filesystem;

namespace {

/// The dataset of cached_dataset_util.h with two validation videos and a weaker anomaly direction,
/// and the configs of the three runs (one process, two ranks, a killed rank).
void makeDataset(const test::TempDir& dir)
{
    test::CachedDatasetOptions options;
    options.seed = 5;
    options.testVideos = 2;
    options.anomalyStrength = 0.8f;
    const std::string hf = test::writeCachedDataset(dir, options).backbone;
    for (const std::string run : {"one", "two", "kill"})
        test::writeText(dir.file(run + ".yaml"),
                        "temporal_transformer_layers: 1\ntemporal_heads: 4\nclip_length: 8\nstride: 4\n"
                        "semantic_prompts: [\"a red ball\"]\n"
                        "dataset:\n  meta: data/meta.json\n"
                        "backbone:\n  path: " + hf + "\n  input_size: 32\n"
                        "features:\n  cache_dir: cache\n"
                        "training:\n  epochs: " + std::string(run == "kill" ? "400" : "4") +
                        "\n  batch_size: 8\n  learning_rate: 0.002\n  n_ctx: 4\n  dropout: 0\n"
                        "  threads: 1\n  checkpoint_dir: ckpt-" + run + "\n  validation_split: test\n");
}

/// "epoch k/N  loss X" lines of a train log.
std::vector<double> epochLosses(const std::string& log)
{
    std::vector<double> out;
    const std::regex re(R"(epoch (\d+)/\d+  loss ([0-9.eE+-]+))");
    for (auto it = std::sregex_iterator(log.begin(), log.end(), re); it != std::sregex_iterator(); ++it)
        out.push_back(std::stod((*it)[2]));
    return out;
}

/// The environment of rank r of 2 (torchrun's variables).
std::string rankEnv(int rank, int port)
{
    return "env RANK=" + std::to_string(rank) + " LOCAL_RANK=" + std::to_string(rank) +
           " WORLD_SIZE=2 MASTER_ADDR=127.0.0.1 MASTER_PORT=" + std::to_string(port) + " ";
}

/// Runs both ranks to the end; their logs go to <tag>.r0.log / <tag>.r1.log.
test::CommandResult runTwoRanks(const test::TempDir& dir, const std::string& args, const std::string& tag)
{
    const std::string cli = test::shellQuote(test::cliExecutable());
    const int port = test::freeTcpPort();
    std::string cmd = "cd " + test::shellQuote(dir.path().string()) + " && { ";
    for (int r = 0; r < 2; ++r)
        cmd += "(" + rankEnv(r, port) + cli + " " + args + " > " + tag + ".r" + std::to_string(r) + ".log 2>&1; echo $? > " +
               tag + ".r" + std::to_string(r) + ".rc) & ";
    cmd += "wait; }";
    return test::runCommand(cmd);
}

/// The file's text, or "" while the background shell has not created it yet.
std::string textSoFar(const test::TempDir& dir, const std::string& name)
{
    return fs::exists(dir.file(name)) ? test::readText(dir.file(name)) : std::string();
}

int readRc(const test::TempDir& dir, const std::string& name)
{
    return std::stoi(test::readText(dir.file(name)));
}

} // namespace

TEST(DistributedTrainTest, TwoRanksMatchOneRankWithTheSameGlobalBatchAndResume)
{
    test::TempDir dir;
    makeDataset(dir);
    const std::string cd = "cd " + test::shellQuote(dir.path().string()) + " && ";
    const std::string cli = test::shellQuote(test::cliExecutable());

    // One process, global batch 8: two epochs (the learning-rate schedule spans --epochs), then
    // --resume to the config's four.
    auto one = test::runCommand(cd + cli + " train --config one.yaml --epochs 2");
    ASSERT_EQ(one.exitCode, 0) << one.output;
    auto oneMore = test::runCommand(cd + cli + " train --config one.yaml --resume");
    ASSERT_EQ(oneMore.exitCode, 0) << oneMore.output;
    one.output += oneMore.output;
    const std::vector<double> ref = epochLosses(one.output);
    ASSERT_EQ(ref.size(), 4u) << one.output;
    EXPECT_LT(ref.back(), ref.front()) << one.output;  // it learns

    // Two processes of batch 4 each: two epochs, then --resume (distributed) to the fourth.
    runTwoRanks(dir, "train --config two.yaml --epochs 2 --dist-timeout 20", "first");
    const std::string r0 = test::readText(dir.file("first.r0.log"));
    ASSERT_EQ(readRc(dir, "first.r0.rc"), 0) << r0 << "rank 1:\n" << test::readText(dir.file("first.r1.log"));
    ASSERT_EQ(readRc(dir, "first.r1.rc"), 0) << test::readText(dir.file("first.r1.log"));
    EXPECT_NE(r0.find("distributed: 2 ranks, gloo"), std::string::npos) << r0;
    EXPECT_NE(r0.find("global batch 8 = 2 x 4"), std::string::npos) << r0;
    EXPECT_NE(r0.find("gradient all-reduce:"), std::string::npos) << r0;
    // Rank 1 is silent (rank 0 logs) and writes nothing.
    EXPECT_EQ(epochLosses(test::readText(dir.file("first.r1.log"))).size(), 0u);
    runTwoRanks(dir, "train --config two.yaml --resume --dist-timeout 20", "second");
    const std::string s0 = test::readText(dir.file("second.r0.log"));
    ASSERT_EQ(readRc(dir, "second.r0.rc"), 0) << s0;
    ASSERT_EQ(readRc(dir, "second.r1.rc"), 0) << test::readText(dir.file("second.r1.log"));
    EXPECT_NE(s0.find("resumed after epoch 2"), std::string::npos) << s0;

    std::vector<double> two = epochLosses(r0);
    const std::vector<double> rest = epochLosses(s0);
    two.insert(two.end(), rest.begin(), rest.end());
    ASSERT_EQ(two.size(), 4u) << r0 << s0;
    // Same batches, same initial parameters, averaged gradients: the curves agree up to float
    // summation order (each rank sums half the rows), amplified a little by Adam over 28 steps.
    // Stated tolerance: 2e-4 relative per epoch loss (the printed values have 5 decimals).
    double worst = 0;
    for (std::size_t e = 0; e < 4; ++e) {
        worst = std::max(worst, std::abs(two[e] - ref[e]));
        std::printf("[ info ] epoch %zu loss: 1 rank %.5f, 2 ranks %.5f\n", e + 1, ref[e], two[e]);
    }
    std::printf("[ info ] largest difference %.2g\n", worst);
    for (std::size_t e = 0; e < 4; ++e)
        EXPECT_NEAR(two[e], ref[e], 2e-4 * std::max(1.0, std::abs(ref[e]))) << "epoch " << e + 1 << "\n" << one.output << r0 << s0;
    EXPECT_TRUE(fs::exists(dir.file("ckpt-two/last.ckpt")));
    EXPECT_TRUE(fs::exists(dir.file("ckpt-two/best.ckpt")));
}

TEST(DistributedTrainTest, KilledRankMakesTheOtherExitWithAnErrorAndTheCheckpointStaysValid)
{
    test::TempDir dir;
    makeDataset(dir);
    const std::string cli = test::shellQuote(test::cliExecutable());
    const int port = test::freeTcpPort();
    // Rank 1 records its own pid (exec keeps it); both run in the background.
    const std::string cmd = "cd " + test::shellQuote(dir.path().string()) + " && (" + rankEnv(0, port) + cli +
                            " train --config kill.yaml --dist-timeout 30 > r0.log 2>&1; echo $? > r0.rc) > /dev/null 2>&1 & "
                            "cd " + test::shellQuote(dir.path().string()) + " && (sh -c 'echo $$ > r1.pid; exec " +
                            rankEnv(1, port) + cli + " train --config kill.yaml --dist-timeout 30' > r1.log 2>&1) > /dev/null 2>&1 &";
    ASSERT_EQ(test::runCommand(cmd).exitCode, 0);
    // Wait until rank 0 has written a checkpoint and trains on.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(90);
    while (std::chrono::steady_clock::now() < deadline) {
        if (fs::exists(dir.file("r0.rc")))
            break;
        if (fs::exists(dir.file("ckpt-kill/last.ckpt")) && textSoFar(dir, "r0.log").find("epoch 3/") != std::string::npos)
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ASSERT_FALSE(fs::exists(dir.file("r0.rc"))) << textSoFar(dir, "r0.log");
    ASSERT_TRUE(fs::exists(dir.file("ckpt-kill/last.ckpt"))) << textSoFar(dir, "r0.log");
    const pid_t pid = pid_t(std::stol(test::readText(dir.file("r1.pid"))));
    ASSERT_EQ(::kill(pid, SIGKILL), 0);
    const auto killed = std::chrono::steady_clock::now();
    while (!fs::exists(dir.file("r0.rc")) && std::chrono::steady_clock::now() - killed < std::chrono::seconds(60))
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - killed).count();
    ASSERT_TRUE(fs::exists(dir.file("r0.rc"))) << "rank 0 still runs " << seconds << " s after rank 1 was killed";
    std::this_thread::sleep_for(std::chrono::milliseconds(100));  // the rc file is complete
    const std::string log = test::readText(dir.file("r0.log"));
    EXPECT_EQ(readRc(dir, "r0.rc"), 1) << log;
    EXPECT_NE(log.find("vaclip: error: rank 0 of 2:"), std::string::npos) << log;
    EXPECT_NE(log.find("rank 1 exited or stopped responding"), std::string::npos) << log;
    EXPECT_LT(seconds, 30.0) << "detected after " << seconds << " s, timeout 30 s";
    std::printf("[ info ] rank 0 stopped %.2f s after rank 1 was killed\n", seconds);

    // The last checkpoint is whole: a one-process run resumes from it.
    const std::string cd = "cd " + test::shellQuote(dir.path().string()) + " && ";
    auto r = test::runCommand(cd + cli + " test --config kill.yaml --checkpoint ckpt-kill/last.ckpt --out results");
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_TRUE(fs::exists(dir.file("results/scores.json"))) << r.output;
}

TEST(DistributedTrainTest, HungRankFailsTheOtherAfterTheTimeout)
{
    test::TempDir dir;
    makeDataset(dir);
    const std::string cli = test::shellQuote(test::cliExecutable());
    const int port = test::freeTcpPort();
    const std::string cmd = "cd " + test::shellQuote(dir.path().string()) + " && (" + rankEnv(0, port) + cli +
                            " train --config kill.yaml --dist-timeout 4 > r0.log 2>&1; echo $? > r0.rc) > /dev/null 2>&1 & "
                            "cd " + test::shellQuote(dir.path().string()) + " && (sh -c 'echo $$ > r1.pid; exec " +
                            rankEnv(1, port) + cli + " train --config kill.yaml --dist-timeout 4' > r1.log 2>&1) > /dev/null 2>&1 &";
    ASSERT_EQ(test::runCommand(cmd).exitCode, 0);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(90);
    while (std::chrono::steady_clock::now() < deadline && !fs::exists(dir.file("r0.rc")) &&
           textSoFar(dir, "r0.log").find("epoch 2/") == std::string::npos)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    ASSERT_FALSE(fs::exists(dir.file("r0.rc"))) << textSoFar(dir, "r0.log");
    const pid_t pid = pid_t(std::stol(test::readText(dir.file("r1.pid"))));
    ASSERT_EQ(::kill(pid, SIGSTOP), 0);  // alive, sockets open, silent
    const auto stopped = std::chrono::steady_clock::now();
    while (!fs::exists(dir.file("r0.rc")) && std::chrono::steady_clock::now() - stopped < std::chrono::seconds(60))
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - stopped).count();
    ::kill(pid, SIGKILL);
    ASSERT_TRUE(fs::exists(dir.file("r0.rc"))) << "rank 0 still waits " << seconds << " s after rank 1 stopped";
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    const std::string log = test::readText(dir.file("r0.log"));
    EXPECT_EQ(readRc(dir, "r0.rc"), 1) << log;
    EXPECT_NE(log.find("vaclip: error: rank 0 of 2:"), std::string::npos) << log;
    EXPECT_NE(log.find("timeout 4 s"), std::string::npos) << log;
    std::printf("[ info ] rank 0 stopped %.2f s after rank 1 hung (timeout 4 s)\n", seconds);
}

TEST(DistributedTrainTest, ExtractMergeChecksTheShardsAndWritesTheIndex)
{
    test::TempDir dir;
    makeDataset(dir);
    const std::string cd = "cd " + test::shellQuote(dir.path().string()) + " && ";
    const std::string cli = test::shellQuote(test::cliExecutable());
    auto r = test::runCommand(cd + cli + " extract --config one.yaml --merge --shards 2");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("merged: 8 videos, 320 frames"), std::string::npos) << r.output;
    const std::string hf = (test::sharedDir() / "reference/clip/tiny-a/hf").string();
    const std::string index = dir.file("cache/" + model::Backbone::load(hf).id() + "/clip-bicubic-32/index.json");
    ASSERT_TRUE(fs::exists(index)) << r.output;
    const auto j = nlohmann::json::parse(test::readText(index));
    EXPECT_EQ(j["videos"], 8);
    EXPECT_EQ(j["entries"].size(), 8u);

    // A shard that never ran: exit 1, one line naming the video and the shard to rerun.
    fs::remove(index);
    for (const auto& e : fs::directory_iterator(fs::path(index).parent_path()))
        if (e.path().filename().string().rfind("train3-", 0) == 0)
            fs::remove(e.path());
    r = test::runCommand(cd + cli + " extract --config one.yaml --merge --shards 2");
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("vaclip: error: merge of"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("1 of 8 videos missing"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("train3 (shard 1/2): not cached"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(index));
}
