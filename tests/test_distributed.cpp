// ctest-labels: unit distributed
// ctest-link: vaclip_ml
// core/distributed: the launcher environment, the distributed sampler, a two-rank Gloo group
// inside one process (two threads, a TCPStore on a free loopback port), the gradient
// all-reduce against a full-batch reference computed by plain autograd, failure when a peer
// leaves, and the merge of extraction shards.
#include "common/error.h"
#include "distributed/dist_env.h"
#include "distributed/grad_sync.h"
#include "distributed/process_group.h"
#include "distributed/sampler.h"
#include "distributed/shard_merge.h"
#include "features/feature_cache.h"
#include "io/dtype.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <future>
#include <map>
#include <set>

using namespace vaclip;
using namespace vaclip::distributed;
namespace fs = std::filesystem;

namespace {

EnvLookup envOf(std::map<std::string, std::string> vars)
{
    return [vars](const std::string& k) -> std::optional<std::string> {
        const auto it = vars.find(k);
        if (it == vars.end())
            return std::nullopt;
        return it->second;
    };
}

DistEnvironment rankOf(int rank, int world, int port)
{
    DistEnvironment e;
    e.rank = rank;
    e.worldSize = world;
    e.localRank = rank;
    e.masterPort = port;
    e.launcher = "test";
    return e;
}

/// Both ranks' groups, connected concurrently (connect blocks until all ranks joined).
std::vector<std::shared_ptr<ProcessGroup>> twoRanks(std::chrono::milliseconds timeout = std::chrono::seconds(20))
{
    const int port = test::freeTcpPort();
    ProcessGroupOptions o;
    o.timeout = timeout;
    auto f1 = std::async(std::launch::async, [&] { return ProcessGroup::connect(rankOf(1, 2, port), o); });
    auto g0 = ProcessGroup::connect(rankOf(0, 2, port), o);
    return {g0, f1.get()};
}

} // namespace

TEST(DistEnvTest, DetectsTorchrunSlurmAndSingleProcess)
{
    DistEnvironment e = detectEnvironment(envOf({}));
    EXPECT_FALSE(e.distributed());
    EXPECT_EQ(e.launcher, "none");

    e = detectEnvironment(envOf({{"RANK", "3"}, {"WORLD_SIZE", "4"}, {"LOCAL_RANK", "1"}, {"MASTER_ADDR", "node7"},
                                 {"MASTER_PORT", "29411"}}));
    EXPECT_TRUE(e.distributed());
    EXPECT_EQ(e.rank, 3);
    EXPECT_EQ(e.worldSize, 4);
    EXPECT_EQ(e.localRank, 1);
    EXPECT_EQ(e.masterAddr, "node7");
    EXPECT_EQ(e.masterPort, 29411);
    EXPECT_EQ(e.launcher, "torchrun");

    // Slurm inside an srun step; MASTER_PORT defaults to 29500.
    e = detectEnvironment(envOf({{"SLURM_NTASKS", "8"}, {"SLURM_PROCID", "5"}, {"SLURM_LOCALID", "1"},
                                 {"SLURM_STEP_ID", "0"}, {"MASTER_ADDR", "gpu01"}}));
    EXPECT_EQ(e.launcher, "slurm");
    EXPECT_EQ(e.rank, 5);
    EXPECT_EQ(e.worldSize, 8);
    EXPECT_EQ(e.localRank, 1);
    EXPECT_EQ(e.masterAddr, "gpu01");
    EXPECT_EQ(e.masterPort, 29500);
    // The batch script itself (no step) is one process; torchrun's variables win over Slurm's.
    EXPECT_FALSE(detectEnvironment(envOf({{"SLURM_NTASKS", "8"}, {"SLURM_PROCID", "0"}})).distributed());
    e = detectEnvironment(envOf({{"SLURM_NTASKS", "8"}, {"SLURM_PROCID", "5"}, {"SLURM_STEP_ID", "0"}, {"WORLD_SIZE", "2"},
                                 {"RANK", "1"}, {"MASTER_ADDR", "a"}, {"MASTER_PORT", "1234"}}));
    EXPECT_EQ(e.launcher, "torchrun");
    EXPECT_EQ(e.worldSize, 2);
    EXPECT_FALSE(detectEnvironment(envOf({{"VACLIP_DISTRIBUTED", "0"}, {"WORLD_SIZE", "2"}, {"RANK", "1"}})).distributed());

    // Errors name the variable.
    auto message = [](std::map<std::string, std::string> vars) {
        try {
            detectEnvironment(envOf(std::move(vars)));
        } catch (const Error& err) {
            EXPECT_EQ(err.code(), ErrorCode::InvalidArgument);
            return std::string(err.what());
        }
        return std::string("no error");
    };
    EXPECT_NE(message({{"WORLD_SIZE", "2"}, {"MASTER_ADDR", "a"}, {"MASTER_PORT", "1"}}).find("RANK is not set"), std::string::npos);
    EXPECT_NE(message({{"WORLD_SIZE", "2"}, {"RANK", "2"}, {"MASTER_ADDR", "a"}, {"MASTER_PORT", "1"}}).find("RANK='2'"),
              std::string::npos);
    EXPECT_NE(message({{"WORLD_SIZE", "two"}}).find("WORLD_SIZE='two'"), std::string::npos);
    EXPECT_NE(message({{"WORLD_SIZE", "2"}, {"RANK", "0"}, {"MASTER_PORT", "1"}}).find("MASTER_ADDR is not set"),
              std::string::npos);
    EXPECT_NE(message({{"WORLD_SIZE", "2"}, {"RANK", "0"}, {"MASTER_ADDR", "a"}, {"MASTER_PORT", "70000"}}).find("MASTER_PORT"),
              std::string::npos);
    EXPECT_NE(message({{"SLURM_NTASKS", "2"}, {"SLURM_PROCID", "0"}, {"SLURM_STEP_ID", "0"}}).find("scontrol"), std::string::npos);
}

TEST(SamplerTest, ShardsAreEqualDisjointAndCoverEveryItem)
{
    for (std::size_t n : {1u, 5u, 54u, 101u})
        for (int w : {1, 2, 3, 8}) {
            std::multiset<std::size_t> seen;
            const std::size_t per = samplesPerRank(n, w);
            EXPECT_EQ(per, (n + std::size_t(w) - 1) / std::size_t(w));
            for (int r = 0; r < w; ++r) {
                const auto mine = distributedIndices(n, r, w, 7, 2);
                ASSERT_EQ(mine.size(), per);  // every rank runs the same number of steps
                seen.insert(mine.begin(), mine.end());
            }
            EXPECT_EQ(seen.size(), per * std::size_t(w));
            for (std::size_t i = 0; i < n; ++i)
                EXPECT_GE(seen.count(i), 1u) << "item " << i << " of " << n << " with " << w << " ranks";
            // Padding repeats at most ceil(w / n) extra copies of an item.
            for (std::size_t i = 0; i < n; ++i)
                EXPECT_LE(seen.count(i), 1u + (std::size_t(w) + n - 1) / n);
        }
}

TEST(SamplerTest, RanksTogetherTakeTheOneProcessBatches)
{
    // Per-rank batch b over W ranks = the one-process batch b*W of the same permutation.
    const std::size_t n = 54;
    const int W = 2;
    const std::size_t b = 4;
    const auto perm = epochPermutation(n, 42, 3);
    EXPECT_EQ(distributedIndices(n, 0, 1, 42, 3), perm);
    const auto r0 = distributedIndices(n, 0, W, 42, 3), r1 = distributedIndices(n, 1, W, 42, 3);
    for (std::size_t s = 0; s * b < r0.size(); ++s) {
        std::set<std::size_t> ranks, single;
        for (std::size_t j = s * b; j < std::min(r0.size(), (s + 1) * b); ++j) {
            ranks.insert(r0[j]);
            ranks.insert(r1[j]);
        }
        for (std::size_t j = s * b * W; j < std::min(n, (s + 1) * b * W); ++j)
            single.insert(perm[j]);
        EXPECT_EQ(ranks, single) << "step " << s;
    }
    // A new epoch, a new order; the same (seed, epoch), the same order.
    EXPECT_NE(epochPermutation(n, 42, 4), perm);
    EXPECT_NE(epochPermutation(n, 43, 3), perm);
    EXPECT_EQ(epochPermutation(n, 42, 3), perm);
    EXPECT_THROW(distributedIndices(n, 2, 2, 1, 0), Error);
    EXPECT_THROW(distributedIndices(0, 0, 2, 1, 0), Error);
}

TEST(ProcessGroupTest, AllReduceAndBroadcastOverLoopback)
{
    auto g = twoRanks();
    ASSERT_EQ(g[0]->rank(), 0);
    ASSERT_EQ(g[1]->rank(), 1);
    ASSERT_EQ(g[1]->size(), 2);
    auto f = std::async(std::launch::async, [&] {
        auto s = g[1]->allReduce({10.0, -1.0}, ReduceOp::Sum, "test");
        auto m = g[1]->allReduce({10.0, -1.0}, ReduceOp::Max, "test");
        return std::make_pair(s, m);
    });
    const auto s0 = g[0]->allReduce({1.5, 2.0}, ReduceOp::Sum, "test");
    const auto m0 = g[0]->allReduce({1.5, 2.0}, ReduceOp::Max, "test");
    const auto [s1, m1] = f.get();
    EXPECT_EQ(s0, (std::vector<double>{11.5, 1.0}));
    EXPECT_EQ(s1, s0);
    EXPECT_EQ(m0, (std::vector<double>{10.0, 2.0}));
    EXPECT_EQ(m1, m0);
}

TEST(ProcessGroupTest, GradientAllReduceEqualsTheFullBatchGradient)
{
    auto g = twoRanks();
    // The same model on both ranks (rank 1 starts from other values: the broadcast fixes them).
    auto makeNet = [](int seed) {
        torch::manual_seed(seed);
        return torch::nn::Sequential(torch::nn::Linear(6, 300), torch::nn::Tanh(), torch::nn::Linear(300, 2));
    };
    torch::manual_seed(99);
    const torch::Tensor x = torch::randn({8, 6}), y = torch::randn({8, 2});
    // Reference: plain autograd over the whole batch of 8 (no process group).
    auto ref = makeNet(1);
    torch::mse_loss(ref->forward(x), y).backward();

    auto nets = std::vector<torch::nn::Sequential>{makeNet(1), makeNet(2)};
    auto rankStep = [&](int r) {
        // Small buckets: several all-reduces per step, launched from the hooks.
        GradientSynchronizer sync(g[std::size_t(r)], nets[std::size_t(r)]->parameters(), 2048);
        sync.broadcastParameters("initial parameters");
        for (int it = 0; it < 2; ++it) {  // twice: the synchroniser resets between steps
            nets[std::size_t(r)]->zero_grad();
            sync.prepare();
            torch::mse_loss(nets[std::size_t(r)]->forward(x.slice(0, 4 * r, 4 * r + 4)), y.slice(0, 4 * r, 4 * r + 4)).backward();
            sync.finish("step " + std::to_string(it));
        }
        return sync.buckets();
    };
    auto f = std::async(std::launch::async, rankStep, 1);
    const int buckets = rankStep(0);
    EXPECT_EQ(f.get(), buckets);
    EXPECT_GT(buckets, 1);
    const auto pr = ref->parameters();
    for (int r = 0; r < 2; ++r) {
        const auto p = nets[std::size_t(r)]->parameters();
        ASSERT_EQ(p.size(), pr.size());
        for (std::size_t i = 0; i < p.size(); ++i) {
            EXPECT_TRUE(torch::equal(p[i], pr[i])) << "rank " << r << " parameter " << i << " not broadcast";
            EXPECT_TRUE(torch::allclose(p[i].grad(), pr[i].grad(), 1e-5, 1e-7)) << "rank " << r << " parameter " << i;
        }
    }
}

TEST(ProcessGroupTest, APeerThatLeavesMakesTheNextCollectiveFailWithTheRank)
{
    auto g = twoRanks(std::chrono::seconds(10));
    g[1].reset();  // rank 1 leaves: its sockets close
    const auto t0 = std::chrono::steady_clock::now();
    try {
        g[0]->allReduce({1.0}, ReduceOp::Sum, "the loss of step 3");
        FAIL() << "the all-reduce succeeded without its peer";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Io);
        const std::string m = e.what();
        EXPECT_NE(m.find("rank 0 of 2: all-reduce of the loss of step 3 failed"), std::string::npos) << m;
        EXPECT_NE(m.find("rank 1 exited or stopped responding"), std::string::npos) << m;
        EXPECT_NE(m.find("timeout 10 s"), std::string::npos) << m;
    }
    EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), 10.5);
}

TEST(ProcessGroupTest, RendezvousWithoutPeersTimesOut)
{
    ProcessGroupOptions o;
    o.timeout = std::chrono::milliseconds(1500);
    try {
        ProcessGroup::connect(rankOf(0, 2, test::freeTcpPort()), o);
        FAIL() << "joined a group of 2 alone";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("rank 0 of 2:"), std::string::npos) << e.what();
    }
    o.backend = "mpi";
    EXPECT_THROW(ProcessGroup::connect(rankOf(0, 1, test::freeTcpPort()), o), Error);
}

namespace {

struct MergeFixture {
    test::TempDir dir;
    std::vector<std::string> videos;
    MergeOptions options;

    MergeFixture()
    {
        options.cacheDir = dir.file("cache");
        options.backboneId = "tiny-abc";
        options.preprocessing = "clip-bicubic-32";
        options.shards = 2;
        for (int i = 0; i < 4; ++i) {
            const fs::path folder = dir.path() / ("v" + std::to_string(i));
            fs::create_directories(folder);
            test::writeText((folder / "0.png").string(), "frame of video " + std::to_string(i));
            videos.push_back(folder.string());
            write(i, options.backboneId, 4);
        }
    }
    void write(int i, const std::string& backbone, int dim, int frames = 3) const
    {
        FeatureBlock b;
        b.frames = frames;
        b.dim = dim;
        b.embeddings.assign(std::size_t(frames * dim), floatToHalf(0.25f * float(i)));
        FeatureCache(options.cacheDir)
            .write(FeatureKey{videoContentId(videos[std::size_t(i)]), backbone, options.preprocessing}, b,
                   FeatureVideoInfo{videos[std::size_t(i)], frames, 25.0});
    }
    std::string file(int i, const std::string& backbone = "tiny-abc") const
    {
        return FeatureCache(options.cacheDir)
            .videoFile(FeatureKey{videoContentId(videos[std::size_t(i)]), backbone, options.preprocessing});
    }
    std::string mergeError() const
    {
        try {
            mergeShards(videos, options);
        } catch (const Error& e) {
            return e.what();
        }
        return "no error";
    }
};

} // namespace

TEST(ShardMergeTest, CompleteShardsGiveAnIndex)
{
    MergeFixture m;
    const MergeReport r = mergeShards(m.videos, m.options);
    EXPECT_EQ(r.videos, 4);
    EXPECT_EQ(r.frames, 12);
    EXPECT_EQ(r.dim, 4);
    const auto index = readFeatureIndex(r.indexPath);
    ASSERT_EQ(index.size(), 4u);
    for (std::size_t i = 0; i < 4; ++i) {
        EXPECT_EQ(index[i].videoPath, m.videos[i]);
        EXPECT_EQ(fs::path(index[i].file), fs::path(m.file(int(i))));
        EXPECT_EQ(index[i].frames, 3);
    }
    // A file of a video outside the list is reported, not an error.
    auto fewer = m.videos;
    fewer.pop_back();
    EXPECT_EQ(mergeShards(fewer, m.options).extraFiles.size(), 1u);
    test::writeText(r.indexPath, "{\"format\": \"other\"}");
    EXPECT_THROW(readFeatureIndex(r.indexPath), Error);
    EXPECT_THROW(readFeatureIndex(m.dir.file("none.json")), Error);
}

TEST(ShardMergeTest, MissingIncompleteForeignAndInconsistentShardsAreErrors)
{
    {
        MergeFixture m;
        fs::remove(m.file(2));
        const std::string e = m.mergeError();
        EXPECT_NE(e.find("1 of 4 videos missing"), std::string::npos) << e;
        EXPECT_NE(e.find("v2 (shard 0/2): not cached"), std::string::npos) << e;  // sorted position 2 -> shard 0
        EXPECT_FALSE(fs::exists(fs::path(m.file(0)).parent_path() / "index.json"));
    }
    {
        MergeFixture m;
        fs::remove(m.file(1));
        test::writeText(fs::path(m.file(1)).replace_extension("").string() + ".part-0.safetensors", "x");
        const std::string e = m.mergeError();
        EXPECT_NE(e.find("1 incomplete"), std::string::npos) << e;
        EXPECT_NE(e.find("v1 (shard 1/2): 1 chunk file(s) of an interrupted extraction"), std::string::npos) << e;
    }
    {
        MergeFixture m;
        fs::remove(m.file(3));
        m.write(3, "other-backbone", 4);
        const std::string e = m.mergeError();
        EXPECT_NE(e.find("extracted with backbone other-backbone, not tiny-abc"), std::string::npos) << e;
    }
    {
        MergeFixture m;
        m.write(1, m.options.backboneId, 6);
        const std::string e = m.mergeError();
        EXPECT_NE(e.find("v1: 6-d features"), std::string::npos) << e;
    }
    {
        // The same video cached twice: its content changed between shards (old file left over).
        MergeFixture m;
        fs::copy_file(m.file(0), fs::path(m.file(0)).parent_path() / "v0-0000000000000000.safetensors");
        const std::string e = m.mergeError();
        EXPECT_NE(e.find("2 cached files name this video"), std::string::npos) << e;
    }
    {
        MergeFixture m;
        // A copy of v0 under another folder, same name: the same content id, one cache file.
        fs::create_directories(m.dir.path() / "sub" / "v0");
        fs::copy_file(fs::path(m.videos[0]) / "0.png", m.dir.path() / "sub" / "v0" / "0.png");
        m.videos.push_back((m.dir.path() / "sub" / "v0").string());
        const std::string e = m.mergeError();
        EXPECT_NE(e.find("has the same content as"), std::string::npos) << e;
    }
}
