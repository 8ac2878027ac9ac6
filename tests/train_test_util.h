#pragma once
// Synthetic cached features, a small training config and an independent frame-AUC for the training
// suites (test_train, test_supervision).

#include "model/backbone_parts.h"
#include "model/scoring.h"
#include "model/vad_model.h"
#include "model/windowing.h"
#include "model_test_util.h"
#include "train/trainer.h"

#include <torch/torch.h>

#include <cmath>
#include <random>
#include <string>
#include <vector>

namespace vaclip::test {

using train::TrainVideo;

constexpr int kDim = 32;

/// Videos of random CLIP-space vectors: a per-video scene vector plus per-frame noise; abnormal
/// frames (a run in some videos) get a fixed extra direction. The abnormal direction is random,
/// so before training the generic prompts are at chance.
inline std::vector<TrainVideo> syntheticVideos(int count, int frames, uint64_t seed, float strength = 1.5f)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<float> n01(0.f, 1.f);
    std::mt19937_64 dirRng(12345);  // the same anomaly direction for every call
    std::vector<float> dir(kDim);
    for (auto& d : dir)
        d = n01(dirRng);
    float norm = 0;
    for (float d : dir)
        norm += d * d;
    for (auto& d : dir)
        d /= std::sqrt(norm);
    std::vector<TrainVideo> out;
    for (int v = 0; v < count; ++v) {
        TrainVideo tv;
        tv.name = "video" + std::to_string(v);
        tv.frames = frames;
        tv.dim = kDim;
        std::vector<float> scene(kDim);
        for (auto& s : scene)
            s = n01(rng) / std::sqrt(float(kDim));
        tv.frameLabels.assign(std::size_t(frames), 0);
        const bool anomalous = v % 2 == 1;
        if (anomalous) {
            std::uniform_int_distribution<int> at(0, frames - frames / 3);
            const int a = at(rng);
            for (int t = a; t < a + frames / 3; ++t)
                tv.frameLabels[std::size_t(t)] = 1;
        }
        tv.videoLabel = anomalous ? 1 : 0;
        for (int t = 0; t < frames; ++t)
            for (int d = 0; d < kDim; ++d)
                tv.features.push_back(scene[std::size_t(d)] + 0.3f * n01(rng) / std::sqrt(float(kDim)) +
                                      (tv.frameLabels[std::size_t(t)] ? strength * dir[std::size_t(d)] / std::sqrt(float(kDim)) * 2.f : 0.f));
        out.push_back(std::move(tv));
    }
    return out;
}

inline Config smallConfig(const std::string& ckptDir)
{
    Config c;
    c.temporalTransformerLayers = 1;
    c.temporalHeads = 4;
    c.clipLength = 8;
    c.stride = 4;
    c.genericPrompts.normal = {"a normal scene"};
    c.genericPrompts.abnormal = {"an abnormal event"};
    c.training.nCtx = 4;
    c.training.epochs = 6;
    c.training.batchSize = 8;
    c.training.learningRate = 1e-2;
    c.training.dropout = 0.1;
    c.training.checkpointDir = ckptDir;
    c.training.seed = 11;
    return c;
}

inline model::Backbone tinyBackbone() { return model::makeBackbone(test::tinyClip(), test::referenceTokenizer()); }

/// Frame AUC of the generic prompts' abnormal probability, computed here from scratch.
inline double frameAuc(model::VadModelImpl& m, const std::vector<TrainVideo>& videos, const Config& cfg)
{
    torch::NoGradGuard ng;
    m.eval();
    torch::Tensor g = m.prompts->genericFeatures();
    std::vector<float> pos, neg;
    for (const auto& v : videos) {
        torch::Tensor f = torch::from_blob(const_cast<float*>(v.features.data()), {v.frames, kDim});
        torch::Tensor vt = model::normalizeRows(model::temporalFeatures(*m.temporal, f, cfg.clipLength, cfg.stride));
        torch::Tensor p = model::abnormalProbability(vt, g, m.logitScale());
        for (int64_t t = 0; t < v.frames; ++t)
            (v.frameLabels[std::size_t(t)] ? pos : neg).push_back(p[t].item<float>());
    }
    double wins = 0;
    for (float a : pos)
        for (float b : neg)
            wins += a > b ? 1.0 : (a == b ? 0.5 : 0.0);
    return wins / (double(pos.size()) * double(neg.size()));
}


} // namespace vaclip::test
