#pragma once
// Cached features + labels of one split of a dataset, ready for Trainer and Scorer.
//
//   auto videos = loadSplitFeatures(config, backbone.id(), "train");   // dataset order
//   for (auto& v : videos) train(v.features, v.frameLabels);
//
// Reads dataset.meta (core/data/meta.h), and for each video the finished feature-cache file
// <features.cache_dir>/<backbone id>/<preprocessingId(config)>/<video content id>.safetensors
// (core/features/feature_cache.h). Labels: the video's frame labels when it has ground truth (or is
// normal: all zeros); anomalous videos without ground truth keep only their video label.
// A video without a valid cache file is an error naming how many are missing and the first one,
// and saying how to make them (vaclip extract --config ...).
// Thread safety: free functions.

#include "config/config.h"
#include "train/trainer.h"

#include <string>
#include <vector>

namespace vaclip::train {

/// The preprocessing part of a feature-cache key for this config: "clip-bicubic-<input size>".
std::string preprocessingId(const Config& config);

/// Every video of `split` (dataset order) with its cached features and labels.
std::vector<TrainVideo> loadSplitFeatures(const Config& config, const std::string& backboneId,
                                          const std::string& split);

} // namespace vaclip::train
