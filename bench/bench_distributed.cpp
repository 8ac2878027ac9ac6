// Data-parallel training throughput, 1 rank against 2 ranks on this machine (the 1-rank run is the
// baseline, measured in the same run), and the communication time per step.
//
//   ./bench_distributed                    # both configurations, a table on stdout
//   ./bench_distributed --epochs 3 --text-layers 12
// Configurations: 1 rank x 1 thread, 1 rank x 2 threads (both baselines), 2 ranks x 1 thread.
// Not a Google Benchmark binary: each configuration is a set of real processes (this program
// re-executed with --worker and torchrun's variables RANK/WORLD_SIZE/MASTER_ADDR/MASTER_PORT)
// joined by a Gloo process group on 127.0.0.1. Each rank trains the real Trainer on synthetic
// ViT-B-sized features (D = 512, clip_length 16, stride 8, 8 videos x 256 frames, global batch
// 16, learned context n_ctx 4 through a text encoder of --text-layers layers with random
// weights).
// Reported per configuration: global clips/s, seconds per step, the time a step waited for the
// gradient all-reduce after backward (communication not hidden by the hooks' overlap), and a
// plain all-reduce of one gradient-sized buffer (what the exchange costs without overlap).
#include "distributed/dist_env.h"
#include "distributed/process_group.h"
#include "distributed/process_group_impl.h"
#include "model/backbone_parts.h"
#include "model/vad_model.h"
#include "random_backbone.h"
#include "train/trainer.h"

#include <torch/csrc/distributed/c10d/Types.hpp>
#include <torch/torch.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>

using namespace vaclip;

namespace {

struct Args {
    bool worker = false;
    int epochs = 2;
    int textLayers = 4;
    int threads = 0;  ///< per rank; 0 = 2 / world size
};

std::vector<train::TrainVideo> syntheticVideos()
{
    std::vector<train::TrainVideo> videos;
    std::mt19937_64 rng(7);
    std::normal_distribution<float> g;
    for (int v = 0; v < 8; ++v) {
        train::TrainVideo tv;
        tv.name = std::to_string(v);
        tv.frames = 256;
        tv.dim = 512;
        for (int64_t i = 0; i < tv.frames * tv.dim; ++i)
            tv.features.push_back(g(rng) / 22.6f);
        tv.frameLabels.assign(std::size_t(tv.frames), 0);
        for (int t = 90; t < 150; ++t)
            tv.frameLabels[std::size_t(t)] = uint8_t(v % 2);
        tv.videoLabel = v % 2;
        videos.push_back(std::move(tv));
    }
    return videos;
}

int worker(const Args& a)
{
    const distributed::DistEnvironment env = distributed::detectEnvironment();
    torch::set_num_threads(a.threads > 0 ? a.threads : std::max(1, 2 / env.worldSize));
    std::shared_ptr<distributed::ProcessGroup> group;
    if (env.distributed())
        group = distributed::ProcessGroup::connect(env, distributed::ProcessGroupOptions{});
    Config cfg;
    cfg.training.nCtx = 4;
    cfg.training.epochs = a.epochs;
    cfg.training.batchSize = 16;
    cfg.training.checkpointDir = "";
    cfg.training.dropout = 0;
    cfg.genericPrompts.normal = {"a normal scene"};
    cfg.genericPrompts.abnormal = {"an abnormal event"};
    const auto videos = syntheticVideos();
    const model::Backbone backbone = bench::randomTextBackbone(a.textLayers);
    train::Trainer trainer(cfg, backbone);
    trainer.setProcessGroup(group);
    int64_t steps = 0;
    const auto t0 = std::chrono::steady_clock::now();
    const auto r = trainer.run(videos, {}, [&](const train::TrainProgress& p) {
        steps = p.step;
        return true;
    });
    const double sec = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    // A plain all-reduce of one gradient-sized float buffer, no backward to hide behind.
    double rawMs = 0;
    int64_t elements = 0;
    if (group) {
        model::VadModel m(cfg, backbone.parts().clip, backbone.parts().tokenizer);
        for (const auto& p : m->parameters())
            if (p.requires_grad())
                elements += p.numel();
        torch::Tensor buf = torch::ones({elements});
        auto& pg = group->impl().group;
        const int reps = 30;
        std::vector<torch::Tensor> ts{buf};
        pg->allreduce(ts)->wait();  // warm-up
        const auto c0 = std::chrono::steady_clock::now();
        for (int i = 0; i < reps; ++i)
            pg->allreduce(ts)->wait();
        rawMs = 1000.0 * std::chrono::duration<double>(std::chrono::steady_clock::now() - c0).count() / reps;
    }
    const double globalClips = double(steps) * 16.0;
    if (env.rank == 0)
        std::printf("RESULT world=%d steps=%lld seconds=%.3f clips_per_s=%.2f ms_per_step=%.2f comm_wait_ms=%.3f "
                    "allreduce_ms=%.3f grad_values=%lld loss=%.5f\n",
                    env.worldSize, (long long)steps, sec, globalClips / sec, 1000.0 * sec / double(std::max<int64_t>(1, steps)),
                    1000.0 * r.commSecondsPerStep, rawMs, (long long)elements, r.epochLoss.empty() ? 0.0 : r.epochLoss.back());
    std::fflush(stdout);
    return 0;
}

int freePort()
{
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    ::bind(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    ::getsockname(s, reinterpret_cast<sockaddr*>(&addr), &len);
    ::close(s);
    return ntohs(addr.sin_port);
}

std::string runConfiguration(const std::string& self, const Args& a, int world, int threads)
{
    const int port = freePort();
    std::string cmd;
    for (int r = 0; r < world; ++r)
        cmd += "env RANK=" + std::to_string(r) + " LOCAL_RANK=" + std::to_string(r) + " WORLD_SIZE=" + std::to_string(world) +
               " MASTER_ADDR=127.0.0.1 MASTER_PORT=" + std::to_string(port) + " '" + self + "' --worker --epochs " +
               std::to_string(a.epochs) + " --text-layers " + std::to_string(a.textLayers) + " --threads " +
               std::to_string(threads) + " & ";
    cmd += "wait";
    FILE* p = popen(cmd.c_str(), "r");
    std::string out;
    char buf[4096];
    std::size_t n;
    while (p && (n = fread(buf, 1, sizeof buf, p)) > 0)
        out.append(buf, n);
    if (p)
        pclose(p);
    const auto at = out.find("RESULT");
    return at == std::string::npos ? "failed: " + out : out.substr(at, out.find('\n', at) - at);
}

} // namespace

int main(int argc, char** argv)
{
    Args a;
    for (int i = 1; i < argc; ++i) {
        const std::string s = argv[i];
        if (s == "--worker")
            a.worker = true;
        else if (s == "--epochs" && i + 1 < argc)
            a.epochs = std::atoi(argv[++i]);
        else if (s == "--text-layers" && i + 1 < argc)
            a.textLayers = std::atoi(argv[++i]);
        else if (s == "--threads" && i + 1 < argc)
            a.threads = std::atoi(argv[++i]);
        else {
            std::fprintf(stderr, "usage: bench_distributed [--epochs N] [--text-layers L]\n");
            return 2;
        }
    }
    if (a.worker)
        return worker(a);
    char self[4096];
    const ssize_t len = readlink("/proc/self/exe", self, sizeof self - 1);
    if (len <= 0)
        return 1;
    self[len] = 0;
    std::printf("bench_distributed: real Trainer, D=512, global batch 16, %d epochs, text encoder %d layers, "
                "%ld cores\n", a.epochs, a.textLayers, sysconf(_SC_NPROCESSORS_ONLN));
    // Baselines: one process with 1 and with 2 LibTorch threads; then 2 ranks x 1 thread.
    const int configs[][2] = {{1, 1}, {1, 2}, {2, 1}};
    for (const auto& c : configs) {
        std::printf("%d rank%s x %d thread%s: %s\n", c[0], c[0] > 1 ? "s" : " ", c[1], c[1] > 1 ? "s" : " ",
                    runConfiguration(self, a, c[0], c[1]).c_str());
        std::fflush(stdout);
    }
    return 0;
}
