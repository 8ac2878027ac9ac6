// Model benchmarks: training throughput on cached-feature-like data, and test-set re-scoring
// latency (one matmul + max) beside a naive per-frame loop in the same run.
//
//   ./bench_model --benchmark_filter=Rescore
// Sizes: D = 512 (ViT-B), clip_length 16, stride 8; the text encoder has ViT-B's text dims (width
// 512, 12 layers, random weights: speed does not depend on the values).
#include "infer/scorer.h"
#include "random_backbone.h"
#include "model/backbone_parts.h"
#include "train/trainer.h"

#include <benchmark/benchmark.h>
#include <torch/torch.h>

#include <random>

using namespace vaclip;

namespace {

model::Backbone backbone(int textLayers)
{
    static std::map<int, model::Backbone> cache;
    auto it = cache.find(textLayers);
    if (it != cache.end())
        return it->second;
    auto b = bench::randomTextBackbone(textLayers);
    cache.emplace(textLayers, b);
    return b;
}

std::vector<float> randomUnitRows(int64_t n, int d, uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<float> g;
    std::vector<float> v(std::size_t(n * d));
    for (int64_t i = 0; i < n; ++i) {
        double s = 0;
        for (int j = 0; j < d; ++j)
            s += double(v[std::size_t(i * d + j)] = g(rng)) * v[std::size_t(i * d + j)];
        for (int j = 0; j < d; ++j)
            v[std::size_t(i * d + j)] /= float(std::sqrt(s));
    }
    return v;
}

/// One epoch over `videos` x 128 frames; clips/s = windows per second.
void BM_TrainEpoch(benchmark::State& state)
{
    const int nCtx = int(state.range(0));
    Config cfg;
    cfg.training.nCtx = nCtx;
    cfg.training.epochs = 1;
    cfg.training.batchSize = 8;
    cfg.training.checkpointDir = "";
    cfg.genericPrompts.normal = {"a normal scene", "people walking normally"};
    cfg.genericPrompts.abnormal = {"an abnormal event", "an unusual activity"};
    std::vector<train::TrainVideo> videos;
    for (int v = 0; v < 4; ++v) {
        train::TrainVideo tv;
        tv.name = std::to_string(v);
        tv.frames = 128;
        tv.dim = 512;
        tv.features = randomUnitRows(128, 512, uint64_t(v));
        tv.frameLabels.assign(128, 0);
        for (int t = 40; t < 70; ++t)
            tv.frameLabels[std::size_t(t)] = v % 2;
        tv.videoLabel = v % 2;
        videos.push_back(std::move(tv));
    }
    auto b = backbone(12);
    double clips = 0, seconds = 0;
    for (auto _ : state) {
        train::Trainer trainer(cfg, b);
        double cps = 0;
        auto r = trainer.run(videos, {}, [&](const train::TrainProgress& p) {
            cps = p.clipsPerSecond;
            return true;
        });
        benchmark::DoNotOptimize(r.steps);
        clips += double(r.steps) * 8;
        (void)cps;
    }
    (void)seconds;
    state.counters["clips/s"] = benchmark::Counter(clips, benchmark::Counter::kIsRate);
    state.SetLabel(nCtx ? "learned context (grads through the 12-layer text encoder)" : "plain prompts (text encoded once)");
}
BENCHMARK(BM_TrainEpoch)->Arg(12)->Arg(0)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

struct RescoreFixture {
    std::unique_ptr<infer::Scorer> scorer;
    std::vector<float> frames;
};

RescoreFixture& fixture(int64_t frames)
{
    static std::map<int64_t, RescoreFixture> cache;
    auto it = cache.find(frames);
    if (it != cache.end())
        return it->second;
    Config cfg;
    cfg.temporalTransformerLayers = 0;  // V_t = CLIP embedding: setup cost only, re-scoring is the same
    cfg.testing.scoring = ScoringMode::MaxCosine;
    RescoreFixture f;
    f.scorer = std::make_unique<infer::Scorer>(cfg, backbone(1), "");
    std::vector<infer::TestVideo> vids;
    const int64_t per = 1000;
    for (int64_t s = 0; s < frames; s += per)
        vids.push_back({std::to_string(s), std::min(per, frames - s), 512, randomUnitRows(std::min(per, frames - s), 512, uint64_t(s))});
    for (const auto& v : vids)
        f.frames.insert(f.frames.end(), v.features.begin(), v.features.end());
    f.scorer->setTestSet(vids);
    return cache.emplace(frames, std::move(f)).first->second;
}

infer::PromptFeatures prompts(int64_t p)
{
    infer::PromptFeatures pf;
    for (int64_t i = 0; i < p; ++i)
        pf.prompts.push_back("prompt " + std::to_string(i));
    pf.dim = 512;
    pf.features = randomUnitRows(p, 512, 99);
    pf.normal = randomUnitRows(1, 512, 98);
    return pf;
}

void BM_Rescore(benchmark::State& state)
{
    auto& f = fixture(state.range(0));
    auto pf = prompts(state.range(1));
    for (auto _ : state)
        benchmark::DoNotOptimize(f.scorer->rescore(pf).scores.data());
    state.counters["frames/s"] = benchmark::Counter(double(state.range(0)) * double(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_RescoreNaiveLoop(benchmark::State& state)
{
    auto& f = fixture(state.range(0));
    auto pf = prompts(state.range(1));
    for (auto _ : state)
        benchmark::DoNotOptimize(infer::naiveMaxCosine(f.frames, pf.features, 512).data());
    state.counters["frames/s"] = benchmark::Counter(double(state.range(0)) * double(state.iterations()), benchmark::Counter::kIsRate);
}

void rescoreArgs(benchmark::internal::Benchmark* b)
{
    for (int64_t n : {10000, 100000})
        for (int64_t p : {1, 4, 16})
            b->Args({n, p});
    b->Unit(benchmark::kMillisecond)->UseRealTime();
}
BENCHMARK(BM_Rescore)->Apply(rescoreArgs);
BENCHMARK(BM_RescoreNaiveLoop)->Apply(rescoreArgs);

/// Encoding one new prompt (what a keystroke in the studio costs before re-scoring).
void BM_EncodePrompt(benchmark::State& state)
{
    Config cfg;
    cfg.temporalTransformerLayers = 0;
    infer::Scorer scorer(cfg, backbone(12), "");
    int i = 0;
    for (auto _ : state)
        benchmark::DoNotOptimize(scorer.encodePrompts({"a person riding a bicycle number " + std::to_string(i++)}).features.data());
}
BENCHMARK(BM_EncodePrompt)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

BENCHMARK_MAIN();
