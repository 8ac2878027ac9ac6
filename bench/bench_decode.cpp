// Decode throughput of FrameReader (sequential, RGB at native size and resized to 224x224)
// beside `ffmpeg -threads 2 -i FILE -f null -` on the same file in the same run.
//
//   bench_decode [--video FILE] [google benchmark flags]
// Without --video a 856x480 (ShanghaiTech-sized) H.264 clip and an MPEG-4 AVI (Avenue-like) are
// made with the ffmpeg program in a temporary folder.
#include "io/frame_reader.h"

#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::vector<std::string> g_videos;
std::map<std::string, double> g_rates;  // benchmark name -> frames per second

int64_t decodeAll(const std::string& path, int w, int h, int threads)
{
    vaclip::FrameReaderOptions o;
    o.outputWidth = w;
    o.outputHeight = h;
    o.threads = threads;
    o.filter = vaclip::ResizeFilter::Bilinear;
    auto reader = vaclip::FrameReader::open(path, o);
    vaclip::Frame f;
    int64_t n = 0;
    while (reader->next(f))
        ++n;
    return n;
}

void runCommand(const std::string& cmd)
{
    if (std::system(cmd.c_str()) != 0) {
        std::fprintf(stderr, "bench_decode: command failed: %s\n", cmd.c_str());
        std::exit(1);
    }
}

void BM_FrameReader(benchmark::State& state, std::string path, int w, int h)
{
    int64_t frames = 0;
    for (auto _ : state)
        frames += decodeAll(path, w, h, 2);
    state.counters["frames/s"] = benchmark::Counter(double(frames), benchmark::Counter::kIsRate);
}

void BM_FfmpegCli(benchmark::State& state, std::string path, int64_t framesPerRun)
{
    const std::string cmd = std::string(VACLIP_FFMPEG) + " -nostdin -v error -threads 2 -i '" + path + "' -f null -";
    int64_t frames = 0;
    for (auto _ : state) {
        runCommand(cmd);
        frames += framesPerRun;
    }
    state.counters["frames/s"] = benchmark::Counter(double(frames), benchmark::Counter::kIsRate);
}

class RateCollector : public benchmark::ConsoleReporter {
public:
    void ReportRuns(const std::vector<Run>& runs) override
    {
        for (const Run& r : runs) {
            auto it = r.counters.find("frames/s");
            if (it != r.counters.end() && r.run_type == Run::RT_Iteration) {
                std::string name = r.benchmark_name();
                name = name.substr(0, name.find("/min_time"));
                g_rates[name] = it->second.value;
            }
        }
        ConsoleReporter::ReportRuns(runs);
    }
};

std::string makeSample(const fs::path& dir, const std::string& name, const std::string& encodeArgs)
{
    const std::string out = (dir / name).string();
    if (!fs::exists(out))
        runCommand(std::string(VACLIP_FFMPEG) + " -nostdin -v error -y -f lavfi -i testsrc2=s=856x480:r=24 -t 12 "
                   + encodeArgs + " '" + out + "'");
    return out;
}

} // namespace

int main(int argc, char** argv)
{
    std::vector<char*> args;
    for (int i = 0; i < argc; ++i) {
        if (std::string(argv[i]) == "--video" && i + 1 < argc)
            g_videos.push_back(argv[++i]);
        else
            args.push_back(argv[i]);
    }
    if (g_videos.empty()) {
        fs::path dir = fs::temp_directory_path() / "vaclip-bench";
        fs::create_directories(dir);
        g_videos.push_back(makeSample(dir, "shanghaitech_like_856x480_h264.mp4",
                                      "-c:v libx264 -preset fast -g 250 -bf 3 -pix_fmt yuv420p"));
        g_videos.push_back(makeSample(dir, "avenue_like_856x480_mpeg4.avi", "-c:v mpeg4 -q:v 4 -g 12"));
    }
    for (const std::string& v : g_videos) {
        const int64_t frames = vaclip::FrameReader::open(v)->info().frameCount;
        const std::string stem = fs::path(v).filename().string();
        benchmark::RegisterBenchmark(("ffmpeg_cli_null/" + stem).c_str(), BM_FfmpegCli, v, frames)
            ->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);
        benchmark::RegisterBenchmark(("framereader_rgb_native/" + stem).c_str(), BM_FrameReader, v, 0, 0)
            ->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);
        benchmark::RegisterBenchmark(("framereader_rgb_224/" + stem).c_str(), BM_FrameReader, v, 224, 224)
            ->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);
    }
    int n = int(args.size());
    benchmark::Initialize(&n, args.data());
    RateCollector reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);

    std::printf("\nDecode throughput relative to `ffmpeg -threads 2 -i FILE -f null -` (goal >= 0.90x):\n");
    for (const std::string& v : g_videos) {
        const std::string stem = fs::path(v).filename().string();
        const double base = g_rates["ffmpeg_cli_null/" + stem];
        for (const char* kind : {"framereader_rgb_native/", "framereader_rgb_224/"}) {
            const double r = g_rates[kind + stem];
            if (base > 0 && r > 0)
                std::printf("  %-26s %-40s %8.1f frames/s vs %8.1f  ratio %.2fx\n", kind, stem.c_str(), r, base, r / base);
        }
    }
    benchmark::Shutdown();
    return 0;
}
