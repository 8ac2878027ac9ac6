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
// and saying how to make them (vaclip extract --config ...). Patch tokens stay memory-mapped
// (TrainVideo::tokens shares the cache file), so pixel targets cost g*g floats per frame.
// Thread safety: free functions.

#include "config/config.h"
#include "data/ground_truth.h"
#include "train/trainer.h"

#include <string>
#include <vector>

namespace vaclip::train {

/// The preprocessing part of a feature-cache key for this config: "clip-bicubic-<input size>".
std::string preprocessingId(const Config& config);

/// Every video of `split` (dataset order) with its cached features and labels. With
/// pixelTargets, a video whose cache file holds patch tokens also gets them and its patch-grid
/// masks (TrainVideo::patchMasks): from its mask_path when the entry has one, all zeros when the
/// video is normal; an anomalous video without mask_path gets none.
std::vector<TrainVideo> loadSplitFeatures(const Config& config, const std::string& backboneId,
                                          const std::string& split, bool pixelTargets = false);

/// Pixel masks reduced to the g x g patch grid the encoder sees: CLIP's preprocessing resizes the
/// shorter side to inputSize and centre-crops (clip/preprocess.h clipGeometry), so each mask
/// pixel's centre is mapped through that geometry to a cell of the crop (pixels outside the crop
/// are dropped) and a cell's value is the fraction of its pixels that are anomalous.
/// -> masks.frames * g * g values in [0, 1], cells row-major.
std::vector<float> patchMaskFractions(const FrameMasks& masks, int inputSize, int grid);

} // namespace vaclip::train
