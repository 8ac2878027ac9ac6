// Demo-world rendering speed, beside a baseline measured in the same run: H.264-encoding the
// same frames (what `vaclip synth` does with every frame anyway). Rendering should not be the
// bottleneck of the dataset writer, and stills for the backbone pretraining should be cheap.
//
//   build/bench/bench_synth --benchmark_counters_tabular=true
#include "io/video_writer.h"
#include "synth/render.h"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <unistd.h>

using namespace vaclip;
using namespace vaclip::synth;

namespace {

SceneSpec videoSpec(int size)
{
    return makeVideoSpec(World::Walkway, 0, ActorKind::Bicycle, {size, size, 15.0, 96}, 17);
}

void BM_RenderVideoFrame(benchmark::State& state)
{
    const int size = int(state.range(0));
    SceneRenderer renderer(videoSpec(size));
    int t = 0;
    for (auto _ : state) {
        RenderedFrame f = renderer.render(t++ % 96);
        benchmark::DoNotOptimize(f.image.rgb.data());
    }
    state.counters["frames/s"] = benchmark::Counter(double(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_RenderVideoFrame)->Arg(96)->Arg(128)->Arg(256)->Unit(benchmark::kMillisecond);

void BM_RenderSingleActorStill(benchmark::State& state)
{
    const int size = int(state.range(0));
    uint64_t seed = 1;
    for (auto _ : state) {
        const SceneSpec spec = makeImageSpec(World::Campus, int(seed % 3), {ActorKind(1 + seed % 9)}, size, size, seed);
        ++seed;
        RenderedFrame f = render(spec, 0);   // backgrounds come from the cache after the first three
        benchmark::DoNotOptimize(f.image.rgb.data());
    }
    state.counters["images/s"] = benchmark::Counter(double(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_RenderSingleActorStill)->Arg(96)->Unit(benchmark::kMillisecond);

void BM_RenderBackgroundUncached(benchmark::State& state)
{
    const SceneLayout layout = sceneLayout(World::Campus, 0);
    for (auto _ : state) {
        Canvas c = renderBackground(layout, 128, 128);
        benchmark::DoNotOptimize(&c);
    }
}
BENCHMARK(BM_RenderBackgroundUncached)->Unit(benchmark::kMillisecond);

// Baseline: encoding the same 128x128 frames with libx264 (crf 17, one thread), as the writer does.
void BM_Baseline_EncodeH264(benchmark::State& state)
{
    SceneRenderer renderer(videoSpec(128));
    std::vector<Image> frames;
    for (int t = 0; t < 96; ++t)
        frames.push_back(renderer.render(t).image);
    const std::string path = (std::filesystem::temp_directory_path() / ("bench_synth_" + std::to_string(getpid()) + ".mp4")).string();
    int64_t n = 0;
    for (auto _ : state) {
        VideoWriterOptions o;
        o.width = o.height = 128;
        o.fps = 15;
        o.pixelFormat = "yuv420p";
        o.threads = 1;
        o.codecOptions = {{"crf", "17"}};
        VideoWriter w(path, o);
        for (const Image& im : frames)
            w.write(im);
        w.finish();
        n += 96;
    }
    std::remove(path.c_str());
    state.counters["frames/s"] = benchmark::Counter(double(n), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Baseline_EncodeH264)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
