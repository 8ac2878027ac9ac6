// End-to-end feature extraction (decode + CLIP preprocessing + ViT-B/32 encoder + fp16 cache
// write) on a real-size video, beside its baselines measured in the same run:
//   - EncodeOnly:       the encoder alone on ready tensors (batch 16, 224x224, fp32) — the ceiling;
//   - DecodePreprocess: FrameReader at native size + ClipPreprocessor on one thread — the producer;
//   - DecodeSwscale:    FrameReader resizing with swscale bicubic instead (fast, not CLIP-exact).
// The extraction rate divided by EncodeOnly is what decoding and preprocessing cost on top.
// Frame reuse (ExtractionParams::reuseThreshold) on a static-camera clip (still background, sensor
// noise, one small moving object): Extract/static with threshold 0 (exact) and > 0, then the
// error it introduces: 1 - cos(reused row, exact row) over the frames, printed at the end.
// Besides frames/s (wall clock) every benchmark reports frames per CPU-second of the whole process
// ("frames/cpu-s"), which is less sensitive to other programs loading the machine.
//
//   bench_extract [--video FILE] [--threads N] [google benchmark flags]
// Without --video an 856x480 H.264 clip (ShanghaiTech's size, 100 frames) is made with ffmpeg.
// Weights are random (ViT-B/32 shapes): speed does not depend on their values.
#include "clip/preprocess.h"
#include "extract_test_support.h"
#include "features/extractor.h"
#include "io/frame_reader.h"
#include "runtime/torch_runtime.h"

#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <cstring>
#include <filesystem>
#include <string>

namespace fs = std::filesystem;
using namespace vaclip;

namespace {

std::string g_video;
std::string g_static;
int g_threads = 0;

fs::path cacheFor(const std::string& video, double threshold)
{
    return fs::temp_directory_path() / ("vaclip_bench_extract_cache_" + fs::path(video).stem().string() + "_"
                                        + std::to_string(int(threshold * 100)));
}

/// frames per CPU-second of the process (all threads), from std::clock().
struct CpuClock {
    std::clock_t start = std::clock();
    double seconds() const { return double(std::clock() - start) / CLOCKS_PER_SEC; }
};

clip::ClipModel& model()
{
    static clip::ClipModel m = vaclip::test::randomClip(clip::standardClipConfig("ViT-B-32"), 1, 0.02);
    return m;
}

void BM_EncodeOnly(benchmark::State& state)
{
    setComputeThreads(g_threads);
    const int64_t batch = state.range(0);
    c10::InferenceMode guard;
    const torch::Tensor x = torch::randn({batch, 3, 224, 224});
    model()->encodeImage(x);  // warm-up
    int64_t frames = 0;
    CpuClock cpu;
    for (auto _ : state) {
        benchmark::DoNotOptimize(model()->encodeImage(x));
        frames += batch;
    }
    state.counters["frames/s"] = benchmark::Counter(double(frames), benchmark::Counter::kIsRate);
    state.counters["frames/cpu-s"] = double(frames) / cpu.seconds();
}

void BM_DecodePreprocess(benchmark::State& state)
{
    clip::ClipPreprocessor pre(224);
    std::vector<float> out(pre.floatsPerImage());
    int64_t frames = 0;
    CpuClock cpu;
    for (auto _ : state) {
        FrameReaderOptions o;
        o.threads = 1;
        auto reader = FrameReader::open(g_video, o);
        Frame f;
        while (reader->next(f)) {
            pre.run(f.image, out.data());
            ++frames;
        }
    }
    state.counters["frames/s"] = benchmark::Counter(double(frames), benchmark::Counter::kIsRate);
    state.counters["frames/cpu-s"] = double(frames) / cpu.seconds();
}

void BM_DecodeSwscale(benchmark::State& state)
{
    int64_t frames = 0;
    CpuClock cpu;
    for (auto _ : state) {
        FrameReaderOptions o;
        o.threads = 1;
        o.outputHeight = 224;  // shorter side 224, width by aspect
        o.filter = ResizeFilter::Bicubic;
        auto reader = FrameReader::open(g_video, o);
        Frame f;
        while (reader->next(f))
            ++frames;
    }
    state.counters["frames/s"] = benchmark::Counter(double(frames), benchmark::Counter::kIsRate);
    state.counters["frames/cpu-s"] = double(frames) / cpu.seconds();
}

void BM_Extract(benchmark::State& state, const std::string* video, double threshold, double maxBatchSeconds)
{
    const fs::path cache = cacheFor(*video, threshold);
    ExtractionParams p;
    p.reuseThreshold = threshold;
    p.maxBatchSeconds = maxBatchSeconds;
    p.cacheDir = cache.string();
    p.inputSize = 224;
    p.batchSize = int(state.range(0));
    p.threads = g_threads;
    p.backboneId = "ViT-B-32-random";
    FeatureExtractor ex(model().ptr(), p);
    int64_t frames = 0, encoded = 0;
    CpuClock cpu;
    for (auto _ : state) {
        state.PauseTiming();
        fs::remove_all(cache);
        state.ResumeTiming();
        const VideoExtraction r = ex.extractVideo(*video);
        frames += r.frames;
        encoded += r.framesEncoded;
    }
    state.counters["frames/s"] = benchmark::Counter(double(frames), benchmark::Counter::kIsRate);
    state.counters["frames/cpu-s"] = double(frames) / cpu.seconds();
    state.counters["encoded%"] = 100.0 * double(encoded) / double(std::max<int64_t>(1, frames));
}

/// 1 - cos between the rows of the reuse cache and the exact cache of the static clip.
void printReuseError(double threshold)
{
    ExtractionParams p;
    p.inputSize = 224;
    p.backboneId = "ViT-B-32-random";
    p.threads = g_threads;
    p.cacheDir = cacheFor(g_static, 0).string();
    FeatureExtractor exact(model().ptr(), p);
    p.cacheDir = cacheFor(g_static, threshold).string();
    p.reuseThreshold = threshold;
    FeatureExtractor reuse(model().ptr(), p);
    auto a = FeatureCache(cacheFor(g_static, 0).string()).open(exact.keyFor(g_static));
    auto b = FeatureCache(cacheFor(g_static, threshold).string()).open(reuse.keyFor(g_static));
    if (!a || !b) {
        std::printf("reuse error: caches missing (run the Extract/static benchmarks)\n");
        return;
    }
    const std::vector<float> x = a->embeddingsAsFloat(), y = b->embeddingsAsFloat();
    const int d = a->dim();
    double worst = 0, sum = 0;
    for (int64_t t = 0; t < a->frames(); ++t) {
        double xy = 0, xx = 0, yy = 0;
        for (int k = 0; k < d; ++k) {
            const double u = x[std::size_t(t * d + k)], v = y[std::size_t(t * d + k)];
            xy += u * v;
            xx += u * u;
            yy += v * v;
        }
        const double dist = 1.0 - xy / std::sqrt(xx * yy);
        worst = std::max(worst, dist);
        sum += dist;
    }
    std::printf("frame reuse (threshold %.2f mean |diff| levels) on %s: 1 - cos to exact features: mean %.2e, max %.2e over %lld frames\n",
                threshold, g_static.c_str(), sum / double(a->frames()), worst, (long long)a->frames());
}

} // namespace

int main(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--video") == 0 && i + 1 < argc) {
            g_video = argv[i + 1];
            std::memmove(argv + i, argv + i + 2, sizeof(char*) * std::size_t(argc - i - 2));
            argc -= 2;
            --i;
        } else if (std::strcmp(argv[i], "--threads") == 0 && i + 1 < argc) {
            g_threads = std::atoi(argv[i + 1]);
            std::memmove(argv + i, argv + i + 2, sizeof(char*) * std::size_t(argc - i - 2));
            argc -= 2;
            --i;
        }
    }
    const fs::path tmp = fs::temp_directory_path() / "vaclip_bench_extract";
    fs::create_directories(tmp);
    auto make = [](const std::string& cmd) {
        if (std::system(cmd.c_str()) != 0) {
            std::fprintf(stderr, "bench_extract: could not make a test video: %s\n", cmd.c_str());
            std::exit(1);
        }
    };
    const std::string ff = std::string(VACLIP_FFMPEG) + " -nostdin -v error -y ";
    if (g_video.empty()) {
        g_video = (tmp / "moving_856x480.mp4").string();
        make(ff + "-f lavfi -i testsrc2=size=856x480:rate=25 -t 4 -c:v libx264 -pix_fmt yuv420p -g 50 '" + g_video + "'");
    }
    // A static camera: still background with sensor noise, one 64x64 object crossing it.
    g_static = (tmp / "static_856x480.mp4").string();
    make(ff + "-f lavfi -i smptehdbars=size=856x480:rate=25 -f lavfi -i testsrc=size=64x64:rate=25 -filter_complex "
              "\"[0][1]overlay=x='mod(t*60,800)':y=200:shortest=1,noise=alls=4:allf=t\" -t 4 -c:v libx264 "
              "-pix_fmt yuv420p -g 50 '" + g_static + "'");
    setComputeThreads(g_threads);
    std::printf("bench_extract: %s; %s\n", g_video.c_str(), torchRuntimeSummary().c_str());

    benchmark::RegisterBenchmark("EncodeOnly/ViT-B-32/batch", BM_EncodeOnly)->Arg(16)->Unit(benchmark::kMillisecond)->MinTime(3)->UseRealTime();
    benchmark::RegisterBenchmark("DecodePreprocess/856x480->224", BM_DecodePreprocess)->Unit(benchmark::kMillisecond)->MinTime(2)->UseRealTime();
    benchmark::RegisterBenchmark("DecodeSwscale/856x480->399x224", BM_DecodeSwscale)->Unit(benchmark::kMillisecond)->MinTime(2)->UseRealTime();
    const double reuse = 1.0;
    // "1s": forwards sized for cancellation within ~1 s (the library default, the studio);
    // "5s": what vaclip extract uses (Ctrl-C within ~5 s, larger forwards on a busy machine).
    benchmark::RegisterBenchmark("Extract/ViT-B-32/moving/1s/batch", BM_Extract, &g_video, 0.0, 1.0)->Arg(32)->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();
    benchmark::RegisterBenchmark("Extract/ViT-B-32/moving/5s/batch", BM_Extract, &g_video, 0.0, 5.0)->Arg(32)->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();
    benchmark::RegisterBenchmark("Extract/ViT-B-32/static/exact/batch", BM_Extract, &g_static, 0.0, 5.0)->Arg(32)->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();
    benchmark::RegisterBenchmark("Extract/ViT-B-32/static/reuse1.0/batch", BM_Extract, &g_static, reuse, 5.0)->Arg(32)->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    printReuseError(reuse);
    return 0;
}
