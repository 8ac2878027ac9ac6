// Seek latency of the studio's player (FrameProvider: worker-thread decode, cache around the
// playhead) beside plain FrameReader::readAt (seek to the previous keyframe, decode forward,
// synchronously, no cache) in the same run. Goal (issue 7): a random seek < 50 ms.
//
//   bench_seek [--video FILE] [google benchmark flags]
// Without --video an 856x480 H.264 clip of 300 frames of the walkway demo world is rendered
// (core/synth, at half size, doubled, with camera-like noise) and encoded with VideoWriter, once
// with the writer's default keyframe interval (12) and once with 60.
//
// What each line measures (wall time per seek, request to frame in hand):
//   readAt_random         baseline: FrameReader::readAt(random frame) on one open reader
//   provider_random_cold  FrameProvider, random frame, cache off (1 frame) and no prefetch
//   provider_random       FrameProvider with its default cache (256 MiB) and prefetch: random
//                         frames of a video that partly fits in the cache (a user scrubbing back
//                         and forth over a few hundred frames)
//   provider_step         FrameProvider, the next frame after the previous one (playback, steps)
//   readAt_step           baseline for the same: readAt(previous + 1)
// And the timeline's cost per playhead move on a 10,000-frame video (offscreen, 1200 x 300):
//   timeline_playhead     TimelinePlot::setPlayhead + a synchronous repaint (playhead layer only)
//   timeline_full_replot  baseline: the same move with a full QCustomPlot replot
#include "io/frame_reader.h"
#include "io/video_writer.h"
#include "player/frame_provider.h"
#include "synth/render.h"
#include "timeline/timeline_plot.h"

#include <QApplication>
#include <QEventLoop>
#include <QTimer>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using vaclip::studio::FrameProvider;

namespace {

std::string makeVideo(const fs::path& dir, int gop)
{
    const fs::path out = dir / ("walkway_856x480_h264_gop" + std::to_string(gop) + ".mp4");
    if (fs::exists(out))
        return out.string();
    using namespace vaclip::synth;
    // Rendered at half size (the renderer is the slow part), doubled bilinearly, with a little
    // per-pixel noise like a real camera's so that the encoder has detail to keep.
    const SceneSpec spec = makeVideoSpec(World::Walkway, 0, ActorKind::Bicycle, {428, 240, 25.0, 300}, 11);
    const SceneRenderer renderer(spec);
    vaclip::VideoWriterOptions o;
    o.width = 856;
    o.height = 480;
    o.fps = 25;
    o.gopSize = gop;
    vaclip::VideoWriter w(out.string(), o);
    std::mt19937 rng(9);
    vaclip::Image big;
    big.width = 856;
    big.height = 480;
    big.rgb.resize(856 * 480 * 3);
    for (int i = 0; i < spec.frames; ++i) {
        const vaclip::Image small = renderer.render(i).image;
        for (int y = 0; y < 480; ++y) {
            const float sy = std::max(0.f, (y + 0.5f) / 2 - 0.5f);
            const int y0 = std::min(int(sy), 239), y1 = std::min(y0 + 1, 239);
            const float fy = sy - float(y0);
            for (int x = 0; x < 856; ++x) {
                const float sx = std::max(0.f, (x + 0.5f) / 2 - 0.5f);
                const int x0 = std::min(int(sx), 427), x1 = std::min(x0 + 1, 427);
                const float fx = sx - float(x0);
                const int noise = int(rng() % 9) - 4;
                for (int c = 0; c < 3; ++c) {
                    const float v = (small.pixel(x0, y0)[c] * (1 - fx) + small.pixel(x1, y0)[c] * fx) * (1 - fy) +
                                    (small.pixel(x0, y1)[c] * (1 - fx) + small.pixel(x1, y1)[c] * fx) * fy;
                    big.rgb[(std::size_t(y) * 856 + std::size_t(x)) * 3 + std::size_t(c)] =
                        uint8_t(std::clamp(int(v + 0.5f) + noise, 0, 255));
                }
            }
        }
        w.write(big);
    }
    w.finish();
    return out.string();
}

/// Requests `index` and runs the event loop until the provider hands it over.
void fetch(FrameProvider& provider, int index)
{
    QEventLoop loop;
    bool got = false;
    auto c = QObject::connect(&provider, &FrameProvider::frameReady, &loop, [&](int i, const QImage&) {
        if (i == index) {
            got = true;
            loop.quit();
        }
    });
    provider.requestFrame(index);
    if (!got)
        loop.exec();
    QObject::disconnect(c);
}

void openProvider(FrameProvider& provider, const std::string& path, const FrameProvider::Options& o)
{
    QEventLoop loop;
    QObject::connect(&provider, &FrameProvider::opened, &loop, &QEventLoop::quit);
    QObject::connect(&provider, &FrameProvider::failed, &loop, [&](const QString& m) {
        std::fprintf(stderr, "bench_seek: %s\n", qPrintable(m));
        std::exit(1);
    });
    provider.open(QString::fromStdString(path), o);
    loop.exec();
}

void BM_ReadAtRandom(benchmark::State& state, std::string path)
{
    vaclip::FrameReaderOptions ro;
    ro.threads = 2;
    auto reader = vaclip::FrameReader::open(path, ro);
    const int n = int(reader->info().frameCount);
    std::mt19937 rng(1);
    vaclip::Frame f;
    for (auto _ : state)
        if (!reader->readAt(int(rng() % unsigned(n)), f))
            state.SkipWithError("readAt failed");
}

void BM_ReadAtStep(benchmark::State& state, std::string path)
{
    vaclip::FrameReaderOptions ro;
    ro.threads = 2;
    auto reader = vaclip::FrameReader::open(path, ro);
    const int n = int(reader->info().frameCount);
    int i = 0;
    vaclip::Frame f;
    for (auto _ : state) {
        if (!reader->readAt(i, f))
            state.SkipWithError("readAt failed");
        i = (i + 1) % n;
    }
}

void BM_ProviderRandom(benchmark::State& state, std::string path, bool cold)
{
    FrameProvider provider;
    FrameProvider::Options o;
    if (cold) {
        o.cacheBytes = 1;
        o.prefetchAhead = 0;
        o.prefetchBehind = 0;
    }
    openProvider(provider, path, o);
    const int n = provider.frameCount();
    std::mt19937 rng(1);
    for (auto _ : state)
        fetch(provider, int(rng() % unsigned(n)));
    const FrameProvider::Stats s = provider.stats();
    state.counters["cache_hit_%"] = s.requests ? 100.0 * s.cacheHits / s.requests : 0.0;
}

void BM_ProviderStep(benchmark::State& state, std::string path)
{
    FrameProvider provider;
    openProvider(provider, path, {});
    provider.setPlayDirection(1);
    const int n = provider.frameCount();
    int i = 0;
    for (auto _ : state) {
        fetch(provider, i);
        i = (i + 1) % n;
        // Playback at 25 fps leaves 40 ms between frames for prefetching; give it a part of that.
        state.PauseTiming();
        QEventLoop idle;
        QTimer::singleShot(5, &idle, &QEventLoop::quit);
        idle.exec();
        state.ResumeTiming();
    }
    const FrameProvider::Stats s = provider.stats();
    state.counters["cache_hit_%"] = s.requests ? 100.0 * s.cacheHits / s.requests : 0.0;
}

std::vector<float> longScores(int n)
{
    std::vector<float> s(std::size_t(n), 0.f);
    std::mt19937 rng(5);
    std::normal_distribution<float> noise(0.f, 0.05f);
    for (int i = 0; i < n; ++i)
        s[std::size_t(i)] = 0.3f + 0.4f * float((i / 700) % 3 == 2) + noise(rng);
    return s;
}

void BM_Timeline(benchmark::State& state, bool full)
{
    const int n = 10000;
    vaclip::studio::TimelinePlot plot;
    plot.setScores(longScores(n), 25);
    plot.setGroundTruth({{1400, 2100}, {3500, 4200}, {7700, 8400}});
    plot.setThreshold(0.5);
    plot.resize(1200, 300);
    plot.show();
    plot.replotNow();
    QApplication::processEvents();
    int frame = 0;
    for (auto _ : state) {
        frame = (frame + 7) % n;
        plot.setPlayhead(frame);
        if (full)
            plot.replotNow();
        plot.canvas()->repaint();
    }
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    std::vector<std::string> videos;
    std::vector<char*> args;
    for (int i = 0; i < argc; ++i) {
        if (std::string(argv[i]) == "--video" && i + 1 < argc)
            videos.push_back(argv[++i]);
        else
            args.push_back(argv[i]);
    }
    if (videos.empty()) {
        const fs::path dir = fs::temp_directory_path() / "vaclip-bench";
        fs::create_directories(dir);
        videos.push_back(makeVideo(dir, 12));
        videos.push_back(makeVideo(dir, 60));
    }
    for (const std::string& v : videos) {
        const std::string stem = fs::path(v).filename().string();
        auto reg = [&](const std::string& name, auto fn, auto... extra) {
            benchmark::RegisterBenchmark((name + "/" + stem).c_str(), fn, v, extra...)
                ->Unit(benchmark::kMillisecond)
                ->UseRealTime()
                ->MinTime(1.5);
        };
        reg("readAt_random", BM_ReadAtRandom);
        reg("provider_random_cold", BM_ProviderRandom, true);
        reg("provider_random", BM_ProviderRandom, false);
        reg("readAt_step", BM_ReadAtStep);
        reg("provider_step", BM_ProviderStep);
    }
    benchmark::RegisterBenchmark("timeline_playhead/10000_frames", BM_Timeline, false)
        ->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(1.0);
    benchmark::RegisterBenchmark("timeline_full_replot/10000_frames", BM_Timeline, true)
        ->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(1.0);
    int n = int(args.size());
    benchmark::Initialize(&n, args.data());
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
