#pragma once
// A small dataset whose features are already in the feature cache, for the suites that run the
// real `vaclip train/test` on it without decoding a video (test_cli_train, test_distributed_train).
//
//   test::TempDir dir;
//   test::CachedDatasetOptions options;
//   options.testVideos = 4;
//   const test::CachedDataset ds = test::writeCachedDataset(dir, options);
//   // dir/data/meta.json, dir/data/<video>.txt (frame labels), dir/cache/ (features of ds.backbone)
//
// Every video has 40 frames (one "scene" vector per video plus per-frame noise); in the anomalous
// ones (odd index) frames 12..25 get an extra direction of length `anomalyStrength`. With
// clip_length 8 / stride 4 each video gives 9 full windows.

#include "features/feature_cache.h"
#include "io/dtype.h"
#include "model/backbone.h"
#include "test_support.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

namespace vaclip::test {

struct CachedDatasetOptions {
    uint64_t seed = 3;
    int trainVideos = 6;
    int testVideos = 4;
    float anomalyStrength = 3.f;  ///< length of the anomaly direction relative to a scene vector
};

struct CachedDataset {
    std::string backbone;  ///< the tiny reference CLIP (Hugging Face folder) the features belong to
    int64_t framesPerVideo = 40;
    int64_t testFrames = 0;
};

/// Writes the dataset (see the file comment) under dir; the config's keys for it are
/// dataset.meta = data/meta.json, backbone.path = result.backbone, backbone.input_size = 32,
/// features.cache_dir = cache.
inline CachedDataset writeCachedDataset(const TempDir& dir, const CachedDatasetOptions& o = {})
{
    namespace fs = std::filesystem;
    CachedDataset ds;
    ds.backbone = (sharedDir() / "reference/clip/tiny-a/hf").string();
    model::Backbone backbone = model::Backbone::load(ds.backbone);
    const int D = backbone.embedDim();
    const float scale = 1.f / std::sqrt(float(D));
    FeatureCache cache(dir.file("cache"));
    std::mt19937_64 rng(o.seed);
    std::normal_distribution<float> n01;
    std::vector<float> anomaly(static_cast<std::size_t>(D));
    for (auto& d : anomaly)
        d = n01(rng) * scale;
    nlohmann::json meta = {{"train", {{"demo", nlohmann::json::array()}}}, {"test", {{"demo", nlohmann::json::array()}}}};
    const int64_t T = ds.framesPerVideo;
    auto add = [&](const std::string& split, const std::string& name, bool anomalous) {
        const fs::path folder = dir.path() / "data" / name;
        fs::create_directories(folder);
        for (int i = 0; i < 3; ++i)  // the cache keys on the folder's content, never decoded here
            writeText((folder / ("000" + std::to_string(i) + ".png")).string(), name + std::to_string(i));
        std::vector<float> scene(static_cast<std::size_t>(D));
        for (auto& s : scene)
            s = n01(rng) * scale;
        std::string gt;
        FeatureBlock b;
        b.frames = T;
        b.dim = D;
        for (int64_t t = 0; t < T; ++t) {
            const bool abnormal = anomalous && t >= 12 && t < 26;
            gt += abnormal ? "1\n" : "0\n";
            for (int d = 0; d < D; ++d)
                b.embeddings.push_back(floatToHalf(scene[std::size_t(d)] + 0.3f * n01(rng) * scale +
                                                   (abnormal ? o.anomalyStrength * anomaly[std::size_t(d)] : 0.f)));
        }
        writeText(dir.file("data/" + name + ".txt"), gt);
        cache.write(FeatureKey{videoContentId(folder.string()), backbone.id(), "clip-bicubic-32"}, b,
                    FeatureVideoInfo{folder.string(), T, 25.0});
        meta[split]["demo"].push_back({{"video_path", name}, {"anomaly", anomalous ? 1 : 0}, {"gt_path", name + ".txt"}});
        if (split == "test")
            ds.testFrames += T;
    };
    for (int i = 0; i < o.trainVideos; ++i)
        add("train", "train" + std::to_string(i), i % 2 == 1);
    for (int i = 0; i < o.testVideos; ++i)
        add("test", "test" + std::to_string(i), i % 2 == 1);
    writeText(dir.file("data/meta.json"), meta.dump(1));
    return ds;
}

} // namespace vaclip::test
