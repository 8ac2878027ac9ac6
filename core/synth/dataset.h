#pragma once
// Writes a demo world as a dataset in the project's format: H.264 videos, meta.json, per-frame
// labels (plain text, docs/ground_truth_formats.md), pixel masks (.npy uint8 [T,H,W], like
// ShanghaiTech's test_pixel_mask) and per-frame captions.
//
//   SynthDatasetOptions o;  o.world = World::Walkway;  o.outDir = "data/walkway";  o.videos = 24;
//   SynthDatasetResult r = writeSynthDataset(o, [](int done, int total, const std::string&) {
//       std::cerr << done << "/" << total << "\r";  return true;  // false cancels (Error Cancelled)
//   });
//
// Layout of outDir:
//   meta.json                      {"train"|"test": {category: [{video_path, anomaly, gt_path,
//                                    frame_count, mask_path?, scene, seed}]}}, category = the
//                                    anomaly kind ("running", "bicycle", ...) or "normal"
//   videos/<split>/<name>.mp4      e.g. videos/test/walkway0_test_003_bicycle.mp4
//   gt/<name>.txt                  one 0/1 label per frame (frame label = any anomalous pixel)
//   masks/<name>.npy               uint8 [T,H,W], 1 = pixel of an anomalous actor (test split)
//   captions/<name>.txt            one caption per frame (captions.h)
//   synth.json                     the options that made it (world, seed, size, frames, ...)
//
// Splits. campus: train = `videos` videos, ~1/3 normal, the rest cycling through running,
// fighting, car, throwing, jumping; test = max(2, videos/4), the same mix. walkway: test =
// `videos` videos, ~1/3 normal, the rest cycling through bicycle, skateboard, cart, wheelchair;
// train = max(1, videos/4) normal videos. Scenes cycle through the world's scenes.
// An anomalous video always has at least one anomalous frame (a draw whose actor never shows
// is redrawn with the next seed). Every file is written atomically; the same options give the
// same frames, labels, masks and meta.json.
//
// Thread safety: reentrant; `threads` workers render and encode videos in parallel.

#include "synth/worlds.h"

#include <cstdint>
#include <functional>
#include <string>

namespace vaclip::synth {

struct SynthDatasetOptions {
    World world = World::Campus;
    std::string outDir;
    int videos = 24;          ///< videos of the main split (see above)
    int frames = 96;          ///< per video
    uint64_t seed = 1;
    int width = 128;
    int height = 128;
    double fps = 15.0;
    int threads = 2;          ///< videos rendered in parallel
    int crf = 17;             ///< H.264 quality (lower = better)
    bool trainMasks = false;  ///< also write masks for anomalous training videos
};

struct SynthDatasetResult {
    std::string metaPath;
    int trainVideos = 0, testVideos = 0;
    int anomalousVideos = 0;
    int64_t frames = 0, anomalousFrames = 0;
    double seconds = 0;
};

/// (videos done, total, name of the last one); return false to cancel.
using SynthProgress = std::function<bool(int done, int total, const std::string& name)>;

/// Throws vaclip::Error for bad options (InvalidArgument), I/O failures (naming the file) and
/// cancellation (Cancelled; files already written stay, meta.json is not written).
SynthDatasetResult writeSynthDataset(const SynthDatasetOptions& options, const SynthProgress& progress = {});

} // namespace vaclip::synth
