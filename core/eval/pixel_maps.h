#pragma once
// Pixel metrics of a test set from files: predicted anomaly maps against ground-truth masks.
//
//   GroundTruthSet gt = loadGroundTruthSet("data/ped2/meta.json");
//   eval::PixelEvaluation p = eval::evaluatePixelMaps(gt, "results/ucsd/maps");
//   p.metrics.auroc, p.metrics.aupro
//
// Pixel-map input format: a folder with one .npy per video, named after the video's prediction
// stem (eval_inputs.h predictionStem: "Test001.npy" for UCSDped2/Test/Test001), holding a
// [T, H, W] array of any numeric dtype (converted to float32): T = the video's ground-truth
// frames, H x W = its masks' size (maps are not resized: resize before saving). Higher = more
// anomalous. Masks come from each video's mask path (UCSD TestNNN_gt folders, ShanghaiTech
// test_pixel_mask .npy, Avenue .mat). Videos without masks are skipped and counted; a video with
// masks but no map file, a wrong shape or a non-finite value is an error naming file and video.
//
// Two passes over the map files (score range, then curves: eval/pixel.h), so memory is one
// video's maps and masks plus the histogram, whatever the size of the test set.
//
// Thread safety: pure function (reads files).

#include "eval/eval_inputs.h"
#include "eval/pixel.h"

#include <string>
#include <vector>

namespace vaclip::eval {

struct PixelEvaluation {
    PixelMetrics metrics;
    int videos = 0;                       ///< videos with masks, evaluated
    std::vector<std::string> withoutMasks;///< skipped: no pixel ground truth
};

PixelEvaluation evaluatePixelMaps(const GroundTruthSet& gt, const std::string& mapsDir,
                                  const PixelOptions& options = {});

/// The map file of a video: <mapsDir>/<predictionStem(video)>.npy.
std::string pixelMapPath(const std::string& mapsDir, const std::string& videoName);

} // namespace vaclip::eval
