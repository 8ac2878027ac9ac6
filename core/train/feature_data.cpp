#include "train/feature_data.h"

#include "common/error.h"
#include "data/ground_truth.h"
#include "data/meta.h"
#include "features/feature_cache.h"

namespace vaclip::train {

std::string preprocessingId(const Config& config)
{
    return "clip-bicubic-" + std::to_string(config.backbone.inputSize);
}

std::vector<TrainVideo> loadSplitFeatures(const Config& config, const std::string& backboneId,
                                          const std::string& split)
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
