// Evaluation speed and memory beside scikit-learn on the same data in the same run:
//   - micro frame AUC + AP over 10 M frame scores (vaclip: radix-ranked one-pass summary;
//     baseline: sklearn roc_auc_score + average_precision_score);
//   - pixel AUROC + AUPRO over 2,000 masks of 240x360 = 173 M pixels, stored as 20 videos of
//     100 frames (vaclip: eval::evaluatePixelMaps, two streaming passes over the files, timed
//     *with* file reading; baseline: sklearn roc_auc_score over all pixels + AUPRO as MVTec AD's
//     evaluation code computes it, sorting every pixel, timed *without* loading).
// Every measurement runs in a fresh process (this program re-executed, or python3) so that its
// peak resident memory (wait4 ru_maxrss) is its own. Results must agree; the end prints ratios.
//
//   bench_metrics [--frames N] [--masks N] [--data DIR] [google benchmark flags]
#include "common/error.h"
#include "eval/metrics.h"
#include "eval/pixel_maps.h"
#include "io/npy.h"

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace vaclip;

namespace {

int64_t g_frames = 10'000'000;
int g_masks = 2000;
constexpr int kH = 240, kW = 360, kPerVideo = 100;
std::string g_data;
std::string g_self;
std::map<std::string, nlohmann::json> g_results;  // benchmark name -> child's JSON + peak

// ---- data --------------------------------------------------------------------------------------

void makeFrames(const fs::path& dir)
{
    if (fs::exists(dir / "labels.npy"))
        return;
    std::mt19937_64 rng(1);
    std::uniform_real_distribution<float> u(0, 1);
    std::vector<double> s(static_cast<std::size_t>(g_frames));
    std::vector<uint8_t> y(static_cast<std::size_t>(g_frames));
    for (int64_t i = 0; i < g_frames; ++i) {
        const bool anomalous = (i / 500) % 4 == 1;  // runs of 500 frames, a quarter anomalous
        y[std::size_t(i)] = anomalous;
        s[std::size_t(i)] = double(u(rng) * 0.7f + (anomalous ? 0.3f : 0.0f));  // float32-valued, as models output
    }
    writeNpy((dir / "scores.npy").string(), NpyArray::fromDoubles(s, {g_frames}));
    writeNpy((dir / "labels.npy").string(), NpyArray::fromUint8(y, {g_frames}));
}

void makePixels(const fs::path& dir)
{
    fs::create_directories(dir / "maps");
    fs::create_directories(dir / "masks");
    std::mt19937_64 rng(2);
    std::uniform_real_distribution<float> u(0, 1);
    const int videos = (g_masks + kPerVideo - 1) / kPerVideo;
    for (int v = 0; v < videos; ++v) {
        char name[32];
        std::snprintf(name, sizeof name, "v%03d.npy", v);
        if (fs::exists(dir / "masks" / name))
            continue;
        const int T = std::min(kPerVideo, g_masks - v * kPerVideo);
        std::vector<float> maps(std::size_t(T) * kH * kW);
        std::vector<uint8_t> masks(maps.size(), 0);
        for (int t = 0; t < T; ++t) {
            const std::size_t off = std::size_t(t) * kH * kW;
            const int blobs = (t / 20) % 2 ? 1 + int(rng() % 3) : 0;  // half the frames anomalous
            for (int b = 0; b < blobs; ++b) {
                const double cy = 20 + double(rng() % (kH - 40)), cx = 20 + double(rng() % (kW - 40));
                const double ry = 5 + double(rng() % 25), rx = 5 + double(rng() % 30);
                for (int yy = 0; yy < kH; ++yy)
                    for (int xx = 0; xx < kW; ++xx)
                        if ((yy - cy) * (yy - cy) / (ry * ry) + (xx - cx) * (xx - cx) / (rx * rx) <= 1)
                            masks[off + std::size_t(yy * kW + xx)] = 1;
            }
            for (std::size_t i = 0; i < std::size_t(kH * kW); ++i)
                maps[off + i] = u(rng) * 0.8f + (masks[off + i] ? 0.25f : 0.0f);
        }
        writeNpy((dir / "maps" / name).string(), NpyArray::fromFloats(maps, {T, kH, kW}));
        writeNpy((dir / "masks" / name).string(), NpyArray::fromUint8(masks, {T, kH, kW}));
    }
}

// ---- children ----------------------------------------------------------------------------------

double now()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

int childFrames(const std::string& dir)
{
    const std::vector<double> s = readNpy(dir + "/scores.npy").toDoubles();
    const NpyArray ya = readNpy(dir + "/labels.npy");
    const std::vector<uint8_t> y(ya.data.begin(), ya.data.end());
    const double t0 = now();
    const eval::RankingSummary m = eval::summarizeScores(s, y);
    const double t1 = now();
    std::cout << nlohmann::json{{"seconds", t1 - t0}, {"auc", m.auc}, {"ap", m.apStep}}.dump() << std::endl;
    return 0;
}

int childPixels(const std::string& dir)
{
    GroundTruthSet gt;
    gt.source = dir;
    for (const auto& e : fs::directory_iterator(fs::path(dir) / "masks")) {
        VideoGroundTruth v;
        v.name = e.path().stem().string();
        v.maskPath = e.path().string();
        NpyArray header = readNpy(v.maskPath);  // frame count (the bench's own set-up, not timed below)
        v.labels.assign(std::size_t(header.shape[0]), 0);
        gt.videos.push_back(std::move(v));
    }
    const double t0 = now();
    const eval::PixelEvaluation p = eval::evaluatePixelMaps(gt, dir + "/maps");
    const double t1 = now();
    std::cout << nlohmann::json{{"seconds", t1 - t0},
                                {"auroc", p.metrics.auroc},
                                {"aupro", p.metrics.aupro},
                                {"exact", p.metrics.exact},
                                {"aupro_error_bound", p.metrics.auproErrorBound},
                                {"pixels", p.metrics.normalPixels + p.metrics.anomalousPixels}}
                     .dump()
              << std::endl;
    return 0;
}

/// Runs argv in a child process; returns its last stdout line as JSON plus "peak_mib".
nlohmann::json runChild(const std::vector<std::string>& argv)
{
    int fds[2];
    if (pipe(fds) != 0)
        throw std::runtime_error("pipe failed");
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], 1);
        close(fds[0]);
        std::vector<char*> a;
        for (const std::string& s : argv)
            a.push_back(const_cast<char*>(s.c_str()));
        a.push_back(nullptr);
        execv(a[0], a.data());
        _exit(127);
    }
    close(fds[1]);
    std::string out;
    char buf[4096];
    for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) > 0;)
        out.append(buf, std::size_t(n));
    close(fds[0]);
    int status = 0;
    rusage ru{};
    wait4(pid, &status, 0, &ru);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw std::runtime_error("child failed: " + argv[0] + " " + argv[1] + "\n" + out);
    while (!out.empty() && out.back() == '\n')
        out.pop_back();
    nlohmann::json j = nlohmann::json::parse(out.substr(out.rfind('\n') == std::string::npos ? 0 : out.rfind('\n') + 1));
    j["peak_mib"] = double(ru.ru_maxrss) / 1024.0;
    return j;
}

void BM_Child(benchmark::State& state, std::string name, std::vector<std::string> argv)
{
    nlohmann::json last;
    for (auto _ : state) {
        last = runChild(argv);
        state.SetIterationTime(last["seconds"].get<double>());
    }
    state.counters["peak_MiB"] = last["peak_mib"].get<double>();
    g_results[name] = last;
}

void registerPair(const std::string& name, const std::string& mode, const std::string& dir, int iterations)
{
    benchmark::RegisterBenchmark((name + "/vaclip").c_str(), BM_Child, name + "/vaclip",
                                 std::vector<std::string>{g_self, "--child-" + mode, dir})
        ->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(iterations);
    benchmark::RegisterBenchmark((name + "/sklearn").c_str(), BM_Child, name + "/sklearn",
                                 std::vector<std::string>{VACLIP_PYTHON, VACLIP_BENCH_SCRIPT, mode, dir})
        ->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(iterations);
}

void summary(const std::string& name, const std::vector<std::string>& keys)
{
    auto a = g_results.find(name + "/vaclip"), b = g_results.find(name + "/sklearn");
    if (a == g_results.end() || b == g_results.end())
        return;
    const double ta = a->second["seconds"].get<double>(), tb = b->second["seconds"].get<double>();
    std::printf("%-22s vaclip %8.3f s %8.0f MiB peak | baseline %8.3f s %8.0f MiB peak | %.1fx faster, %.1fx less memory\n",
                name.c_str(), ta, a->second["peak_mib"].get<double>(), tb, b->second["peak_mib"].get<double>(), tb / ta,
                b->second["peak_mib"].get<double>() / a->second["peak_mib"].get<double>());
    for (const std::string& k : keys)
        std::printf("%-22s   %-6s vaclip %.15f  baseline %.15f  |diff| %.2e\n", "", k.c_str(),
                    a->second[k].get<double>(), b->second[k].get<double>(),
                    std::abs(a->second[k].get<double>() - b->second[k].get<double>()));
}

} // namespace

int main(int argc, char** argv)
{
    try {
        if (argc == 3 && std::string(argv[1]) == "--child-frames")
            return childFrames(argv[2]);
        if (argc == 3 && std::string(argv[1]) == "--child-pixels")
            return childPixels(argv[2]);
    } catch (const std::exception& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
    g_self = fs::canonical("/proc/self/exe").string();
    std::vector<char*> args;
    for (int i = 0; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--frames" && i + 1 < argc)
            g_frames = std::stoll(argv[++i]);
        else if (a == "--masks" && i + 1 < argc)
            g_masks = std::stoi(argv[++i]);
        else if (a == "--data" && i + 1 < argc)
            g_data = argv[++i];
        else
            args.push_back(argv[i]);
    }
    if (g_data.empty())
        g_data = (fs::temp_directory_path() / "vaclip-bench-metrics").string();
    const fs::path frames = fs::path(g_data) / ("frames_" + std::to_string(g_frames));
    const fs::path pixels = fs::path(g_data) / ("pixels_" + std::to_string(g_masks));
    fs::create_directories(frames);
    std::cout << "making data in " << g_data << " (kept for the next run)..." << std::endl;
    makeFrames(frames);
    makePixels(pixels);

    registerPair("micro_auc_ap_" + std::to_string(g_frames / 1000000) + "M", "frames", frames.string(), 3);
    registerPair("pixel_auroc_aupro_" + std::to_string(g_masks), "pixels", pixels.string(), 1);
    int n = int(args.size());
    benchmark::Initialize(&n, args.data());
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    std::printf("\n");
    summary("micro_auc_ap_" + std::to_string(g_frames / 1000000) + "M", {"auc", "ap"});
    summary("pixel_auroc_aupro_" + std::to_string(g_masks), {"auroc", "aupro"});
    return 0;
}
