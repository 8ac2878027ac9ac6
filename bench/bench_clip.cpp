// CLIP image-encoding throughput: images/s for ViT-B/32 and ViT-B/16 (batch 16, 224x224, fp32,
// 2 threads, random weights: speed does not depend on the values), each beside the reference
// Python implementation (OpenAI's clip/model.py, bench/clip_reference_bench.py) run by Debian's
// python3-torch in the same run, plus the machine's sgemm rate measured here as the peak.
//
//   ./bench_clip                                   # everything, then a summary table
//   ./bench_clip --benchmark_filter=Cpp            # C++ only
//   VACLIP_BENCH_PYTHON_SECONDS=30 ./bench_clip    # longer baseline runs
//   OMP_WAIT_POLICY=PASSIVE ./bench_clip           # on a busy machine: CPU time = work done
// When python3 cannot import torch the baseline rows say "baseline unavailable" and the summary
// reports the C++ numbers alone. python3-torch is NOT a project dependency (it is large);
// install it by hand to compare (apt-get install python3-torch).
#include "clip/clip_model.h"
#include "runtime/torch_runtime.h"

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>

using namespace vaclip;

namespace {

constexpr int kBatch = 16;
constexpr int kThreads = 2;

clip::ClipConfig vitConfig(int patch)
{
    return clip::standardClipConfig(patch == 32 ? "ViT-B-32" : "ViT-B-16");
}

/// Multiply-adds x 2 of one image through the image tower.
double flopsPerImage(const clip::ClipConfig& c)
{
    const double W = c.visionWidth, L = double(c.visionGrid()) * c.visionGrid() + 1, M = c.visionMlpWidth;
    const double patches = L - 1, p = c.visionPatchSize;
    const double perLayer = 2 * L * W * 3 * W      // q, k, v
                            + 2 * 2 * L * L * W    // scores and weighted sum
                            + 2 * L * W * W        // out_proj
                            + 2 * 2 * L * W * M;   // c_fc + c_proj
    return 2 * patches * 3 * p * p * W + c.visionLayers * perLayer + 2 * W * c.embedDim;
}

struct Measured {
    double cppImagesPerSecond = 0;
    double cppPlainImagesPerSecond = 0;  ///< untiled block (OpenAI's op sequence)
    double cppBest = 0, cppPlainBest = 0, pythonBestImagesPerSecond = 0;  ///< fastest batch
    double cppCpu = 0, cppPlainCpu = 0, pythonCpu = 0;  ///< process CPU seconds per batch
    double pythonImagesPerSecond = 0;
    std::string pythonNote;
};
std::map<std::string, Measured> g_results;
double g_sgemmGflops = 0;
double g_sgemmPerCpuSecond = 0;  ///< sgemm GFLOP per CPU-second (per core, robust to other load)

clip::ClipModel& model(int patch)
{
    static std::map<int, clip::ClipModel> cache;
    auto it = cache.find(patch);
    if (it == cache.end()) {
        torch::manual_seed(0);
        clip::ClipModel m(vitConfig(patch));
        torch::NoGradGuard g;
        for (auto& p : m->parameters())
            p.normal_(0, 0.02).requires_grad_(false);
        m->eval();
        it = cache.emplace(patch, m).first;
    }
    return it->second;
}

/// Runs `f` once per iteration with manual timing; returns the fastest iteration in seconds. (The
/// best batch is what the summary compares too: on a shared machine it is the least disturbed.)
/// Also counts the process CPU time per batch ("cpu s/batch", all threads): the work done, which
/// other processes on a shared machine disturb far less than the wall time (run with
/// OMP_WAIT_POLICY=PASSIVE there, so that waiting threads do not count as work).
template <typename F>
double timedLoop(benchmark::State& state, F&& f)
{
    double best = 1e30, cpu = 0;
    int64_t n = 0;
    for (auto _ : state) {
        const auto t0 = std::chrono::steady_clock::now();
        const std::clock_t c0 = std::clock();
        f();
        cpu += double(std::clock() - c0) / CLOCKS_PER_SEC;
        ++n;
        const double dt = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        state.SetIterationTime(dt);
        best = std::min(best, dt);
    }
    state.counters["cpu s/batch"] = n ? cpu / double(n) : 0;
    return best;
}

void BM_CppClipImage(benchmark::State& state, int patch)
{
    setComputeThreads(kThreads);
    clip::ClipModel& m = model(patch);
    const torch::Tensor images = torch::randn({kBatch, 3, 224, 224});
    c10::InferenceMode guard;
    benchmark::DoNotOptimize(m->encodeImage(images));  // warm-up (allocator, OpenMP pool)
    const double best = timedLoop(state, [&] { benchmark::DoNotOptimize(m->encodeImage(images)); });
    const std::string name = m->config().architectureName();
    state.counters["best img/s"] = kBatch / best;
    state.counters["img/s"] = benchmark::Counter(kBatch, benchmark::Counter::kIsIterationInvariantRate);
    state.counters["GFLOP/s"] = benchmark::Counter(kBatch * flopsPerImage(m->config()) / 1e9,
                                                   benchmark::Counter::kIsIterationInvariantRate);
    state.SetLabel(name);
}

/// The same model through the untiled block (OpenAI's op sequence, as taken when autograd is
/// on): what the tiled inference path gains.
void BM_CppClipImagePlainPath(benchmark::State& state, int patch)
{
    setComputeThreads(kThreads);
    clip::ClipModel& m = model(patch);
    const torch::Tensor images = torch::randn({kBatch, 3, 224, 224});
    // Grad mode on, nothing requires grad: no graph is recorded, the untiled path runs.
    torch::AutoGradMode on(true);
    benchmark::DoNotOptimize(m->encodeImage(images));
    const double best = timedLoop(state, [&] { benchmark::DoNotOptimize(m->encodeImage(images)); });
    state.counters["best img/s"] = kBatch / best;
    state.counters["img/s"] = benchmark::Counter(kBatch, benchmark::Counter::kIsIterationInvariantRate);
    state.SetLabel(m->config().architectureName() + " untiled");
}

void BM_PythonReference(benchmark::State& state, const char* name)
{
    const char* secondsEnv = std::getenv("VACLIP_BENCH_PYTHON_SECONDS");
    const std::string seconds = secondsEnv ? secondsEnv : "20";
    const std::string cmd = std::string(VACLIP_PYTHON) + " " + VACLIP_BENCH_SCRIPT + " --model " + name +
                            " --batch " + std::to_string(kBatch) + " --threads " +
                            std::to_string(kThreads) + " --seconds " + seconds + " 2>/dev/null";
    for (auto _ : state) {
        std::string out;
        if (std::string(VACLIP_PYTHON).empty()) {
            out = R"({"unavailable": "no python3 found at configure time"})";
        } else if (FILE* pipe = ::popen(cmd.c_str(), "r")) {
            char buf[4096];
            while (std::fgets(buf, sizeof buf, pipe))
                out += buf;
            ::pclose(pipe);
        }
        nlohmann::json j = nlohmann::json::parse(out, nullptr, false);
        if (j.is_discarded() || j.contains("unavailable") || !j.contains("seconds_per_batch")) {
            const std::string why = j.is_object() && j.contains("unavailable")
                                        ? j["unavailable"].get<std::string>()
                                        : "the script printed no result";
            g_results[name].pythonNote = "baseline unavailable: " + why;
            state.SkipWithError(("baseline unavailable: " + why).c_str());
            break;
        }
        state.SetIterationTime(j["seconds_per_batch"].get<double>());
        g_results[name].pythonImagesPerSecond = j["images_per_second"].get<double>();
        g_results[name].pythonBestImagesPerSecond = kBatch / j.value("best_seconds_per_batch", 1e30);
        state.counters["best img/s"] = g_results[name].pythonBestImagesPerSecond;
        g_results[name].pythonCpu = j.value("cpu_seconds_per_batch", 0.0);
        state.counters["cpu s/batch"] = g_results[name].pythonCpu;
        g_results[name].pythonNote = "torch " + j.value("torch", std::string("?")) + ", " +
                                     std::to_string(j.value("iterations", 0)) + " batches, BLAS " +
                                     j.value("blas", std::string("?"));
        state.counters["img/s"] = g_results[name].pythonImagesPerSecond;
        state.SetLabel(name);
    }
}

void BM_SgemmPeak(benchmark::State& state)
{
    setComputeThreads(kThreads);
    const int64_t n = state.range(0);
    const torch::Tensor a = torch::randn({n, n}), b = torch::randn({n, n});
    torch::Tensor c = torch::empty({n, n});
    c10::InferenceMode guard;
    at::mm_out(c, a, b);
    double cpu = 0;
    int64_t iters = 0;
    for (auto _ : state) {
        const std::clock_t c0 = std::clock();
        at::mm_out(c, a, b);
        cpu += double(std::clock() - c0) / CLOCKS_PER_SEC;
        ++iters;
    }
    state.counters["GFLOP/s"] = benchmark::Counter(2.0 * n * n * n / 1e9, benchmark::Counter::kIsIterationInvariantRate);
    state.counters["GFLOP/cpu-s"] = cpu > 0 ? 2.0 * n * n * n * double(iters) / 1e9 / cpu : 0;
}

/// Keeps the C++ rates for the summary (Google Benchmark's reporter sees the final numbers).
class SummaryReporter : public benchmark::ConsoleReporter {
public:
    void ReportRuns(const std::vector<Run>& runs) override
    {
        ConsoleReporter::ReportRuns(runs);
        for (const Run& r : runs) {
            const std::string n = r.benchmark_name();
            auto get = [&](const char* k) {
                const auto it = r.counters.find(k);
                return it == r.counters.end() ? 0.0 : double(it->second);
            };
            const std::string model = r.report_label.substr(0, r.report_label.find(' '));
            if (n.find("CppClipImagePlainPath") != std::string::npos) {
                g_results[model].cppPlainImagesPerSecond = get("img/s");
                g_results[model].cppPlainBest = get("best img/s");
                g_results[model].cppPlainCpu = get("cpu s/batch");
            } else if (n.find("CppClipImage") != std::string::npos) {
                g_results[model].cppImagesPerSecond = get("img/s");
                g_results[model].cppBest = get("best img/s");
                g_results[model].cppCpu = get("cpu s/batch");
            }
            if (n.find("SgemmPeak") != std::string::npos)
            {
                g_sgemmGflops = std::max(g_sgemmGflops, get("GFLOP/s"));
                g_sgemmPerCpuSecond = std::max(g_sgemmPerCpuSecond, get("GFLOP/cpu-s"));
            }
        }
    }
};

} // namespace

BENCHMARK(BM_SgemmPeak)->Arg(2048)->Unit(benchmark::kMillisecond)->MinTime(3)->UseRealTime();
BENCHMARK_CAPTURE(BM_CppClipImage, ViT_B_32, 32)->Unit(benchmark::kMillisecond)->MinTime(10)->UseManualTime();
BENCHMARK_CAPTURE(BM_CppClipImagePlainPath, ViT_B_32, 32)->Unit(benchmark::kMillisecond)->MinTime(10)->UseManualTime();
BENCHMARK_CAPTURE(BM_PythonReference, ViT_B_32, "ViT-B-32")->Iterations(1)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_CppClipImage, ViT_B_16, 16)->Unit(benchmark::kMillisecond)->MinTime(20)->UseManualTime();
BENCHMARK_CAPTURE(BM_PythonReference, ViT_B_16, "ViT-B-16")->Iterations(1)->UseManualTime()->Unit(benchmark::kMillisecond);

int main(int argc, char** argv)
{
    benchmark::Initialize(&argc, argv);
    setComputeThreads(kThreads);
    std::printf("%s\n", torchRuntimeSummary().c_str());
    SummaryReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    std::printf("\nCLIP image encoding, batch %d, 224x224, fp32, %d threads\n", kBatch, kThreads);
    for (const char* name : {"ViT-B-32", "ViT-B-16"}) {
        const auto it = g_results.find(name);
        if (it == g_results.end())
            continue;
        const Measured& m = it->second;
        const double flops = flopsPerImage(vitConfig(name[6] == '3' ? 32 : 16));
        std::printf("  %s  C++: mean %.2f img/s, best batch %.2f img/s (%.1f GFLOP/s", name,
                    m.cppImagesPerSecond, m.cppBest, m.cppBest * flops / 1e9);
        if (g_sgemmGflops > 0)
            std::printf(" = %.0f%% of the %.1f GFLOP/s sgemm measured in this run", 100 * m.cppBest * flops / 1e9 / g_sgemmGflops,
                        g_sgemmGflops);
        std::printf(")\n");
        const double perCpu = m.cppCpu > 0 ? kBatch * flops / 1e9 / m.cppCpu : 0.0;
        std::printf("  %s  C++ CPU time %.2f s/batch = %.1f GFLOP per CPU-second", name, m.cppCpu, perCpu);
        if (g_sgemmPerCpuSecond > 0)
            std::printf(" = %.0f%% of sgemm's %.1f (x %d threads: %.0f GFLOP/s on an idle machine)",
                        100 * perCpu / g_sgemmPerCpuSecond, g_sgemmPerCpuSecond, kThreads, kThreads * perCpu);
        std::printf("\n");
        if (m.cppPlainImagesPerSecond > 0)
            std::printf("  %s  C++ untiled block: mean %.2f img/s, best batch %.2f img/s, CPU %.2f s/batch\n", name,
                        m.cppPlainImagesPerSecond, m.cppPlainBest, m.cppPlainCpu);
        if (m.pythonImagesPerSecond > 0)
            std::printf("  %s  Python reference: mean %.2f img/s, best batch %.2f img/s (%s)\n"
                        "  %s  speed-up C++ / Python: mean %.2fx, best batch %.2fx\n",
                        name, m.pythonImagesPerSecond, m.pythonBestImagesPerSecond, m.pythonNote.c_str(), name,
                        m.cppImagesPerSecond / m.pythonImagesPerSecond, m.cppBest / m.pythonBestImagesPerSecond);
        if (m.pythonCpu > 0 && m.cppCpu > 0)
            std::printf("  %s  CPU time per batch C++ %.2f s, Python %.2f s: %.2fx less work\n", name, m.cppCpu,
                        m.pythonCpu, m.pythonCpu / m.cppCpu);
        else
            std::printf("  %s  %s\n", name, m.pythonNote.empty() ? "baseline not run" : m.pythonNote.c_str());
    }
    benchmark::Shutdown();
    return 0;
}
