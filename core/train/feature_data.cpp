#include "train/feature_data.h"

#include "common/error.h"
#include "data/ground_truth.h"
#include "data/meta.h"
#include "clip/preprocess.h"
#include "features/feature_cache.h"

#include <algorithm>
#include <cmath>

namespace vaclip::train {

std::string preprocessingId(const Config& config)
{
    return "clip-bicubic-" + std::to_string(config.backbone.inputSize);
}

std::vector<float> patchMaskFractions(const FrameMasks& masks, int inputSize, int grid)
{
    if (grid < 1 || masks.width < 1 || masks.height < 1)
        throw Error(ErrorCode::InvalidArgument, "patch masks need a grid >= 1 and non-empty masks");
    const clip::ResizeCropGeometry geo = clip::clipGeometry(masks.width, masks.height, inputSize);
    // Cell of every mask column / row (-1 = outside the crop), through resize then crop.
    auto cells = [&](int n, int resized, int cropStart) {
        std::vector<int> c(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i) {
            const double r = (i + 0.5) * double(resized) / double(n) - cropStart;  // in the crop
            c[std::size_t(i)] = r < 0 || r >= inputSize ? -1 : std::min(grid - 1, int(r * grid / inputSize));
        }
        return c;
    };
    const std::vector<int> cx = cells(masks.width, geo.resizedWidth, geo.cropLeft);
    const std::vector<int> cy = cells(masks.height, geo.resizedHeight, geo.cropTop);
    const std::size_t G = std::size_t(grid) * std::size_t(grid);
    std::vector<float> total(G, 0.f);
    for (int y = 0; y < masks.height; ++y)
        for (int x = 0; x < masks.width; ++x)
            if (cx[std::size_t(x)] >= 0 && cy[std::size_t(y)] >= 0)
                total[std::size_t(cy[std::size_t(y)] * grid + cx[std::size_t(x)])] += 1.f;
    std::vector<float> out(std::size_t(masks.frames) * G, 0.f);
    for (int64_t t = 0; t < masks.frames; ++t) {
        const uint8_t* m = masks.frame(t);
        float* o = out.data() + std::size_t(t) * G;
        for (int y = 0; y < masks.height; ++y) {
            if (cy[std::size_t(y)] < 0)
                continue;
            for (int x = 0; x < masks.width; ++x)
                if (m[std::size_t(y) * std::size_t(masks.width) + std::size_t(x)] && cx[std::size_t(x)] >= 0)
                    o[std::size_t(cy[std::size_t(y)] * grid + cx[std::size_t(x)])] += 1.f;
        }
        for (std::size_t c = 0; c < G; ++c)
            o[c] = total[c] > 0 ? o[c] / total[c] : 0.f;
    }
    return out;
}

std::vector<TrainVideo> loadSplitFeatures(const Config& config, const std::string& backboneId,
                                          const std::string& split, bool pixelTargets)
{
    if (config.dataset.meta.empty())
        throw Error(ErrorCode::InvalidArgument, "dataset.meta is not set in the config");
    LoadMetaOptions mo;
    mo.root = config.dataset.root;
    const DatasetMeta meta = loadMeta(config.dataset.meta, mo);
    const auto& entries = meta.split(split);
    FeatureCache cache(config.features.cacheDir);
    std::vector<TrainVideo> out;
    std::vector<std::string> missing;
    std::string firstWhy;
    for (const VideoEntry& e : entries) {
        FeatureKey key{videoContentId(e.absolutePath), backboneId, preprocessingId(config)};
        std::string why;
        auto f = cache.open(key, &why);
        if (!f) {
            if (missing.empty())
                firstWhy = why;
            missing.push_back(e.videoPath);
            continue;
        }
        TrainVideo v;
        v.name = e.videoPath;
        v.frames = f->frames();
        v.dim = f->dim();
        v.features = f->embeddingsAsFloat();
        v.videoLabel = e.anomaly ? 1 : 0;
        if (!e.gtAbsolutePath.empty() || !e.anomaly)
            v.frameLabels = loadFrameLabels(e, v.frames);
        if (pixelTargets && f->tokens() > 1 && (!e.maskAbsolutePath.empty() || !e.anomaly)) {
            const int g = int(std::lround(std::sqrt(double(f->tokens() - 1))));
            if (g * g != f->tokens() - 1)
                throw Error(ErrorCode::Format, "feature cache " + quoted(f->path()) + ": " +
                                                   std::to_string(f->tokens() - 1) + " patch tokens are not a square grid");
            v.patchGrid = g;
            if (e.maskAbsolutePath.empty())
                v.patchMasks.assign(std::size_t(v.frames) * std::size_t(g * g), 0.f);
            else
                v.patchMasks = patchMaskFractions(loadFrameMasks(e, v.frames), config.backbone.inputSize, g);
            v.tokens = std::make_shared<const CachedFeatures>(*f);
        }
        out.push_back(std::move(v));
    }
    if (!missing.empty())
        throw Error(ErrorCode::NotFound,
                    std::to_string(missing.size()) + " of " + std::to_string(entries.size()) + " videos of split '" +
                        split + "' have no cached features in " + quoted(config.features.cacheDir) + " (first: " +
                        missing.front() + (firstWhy.empty() ? "" : ": " + firstWhy) +
                        "); run `vaclip extract --config <config>` first");
    if (out.empty())
        throw Error(ErrorCode::NotFound, "split '" + split + "' of " + quoted(config.dataset.meta) + " has no videos");
    return out;
}

} // namespace vaclip::train
