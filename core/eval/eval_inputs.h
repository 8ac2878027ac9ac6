#pragma once
// What `vaclip evaluate` compares: the ground truth of a test set and the predicted frame
// scores, aligned video by video, with every disagreement reported as an error.
//
//   GroundTruthSet gt = loadGroundTruthSet("data/ped2/meta.json", "ucsd");
//   std::vector<std::vector<double>> scores = loadPredictions("results/ucsd/frame_scores.npy", gt);
//
// Ground truth (`gtPath`):
//  - a meta.json: its test split, labels through each entry's gt_path (frame counts from
//    frame_count, or from the video itself when the entry has none);
//  - a dataset root with a known layout (`dataset` ucsd | shanghaitech | avenue, or "auto"):
//    imported in memory as `vaclip import` would, nothing written;
//  - a folder of per-video label files (`dataset` generic): *.txt (docs/ground_truth_formats.md)
//    or *.npy, one per video, named after the video, in natural order.
// Predictions (`predPath`):
//  - one .npy of all test frames concatenated in ground-truth order (1-D, any numeric dtype);
//  - a folder of per-video .npy or .json files named after the videos (the last component of
//    the video path: "Test001.npy" for UCSDped2/Test/Test001);
//  - a .json file with {"videos": [{"video": NAME, "scores": [...]}, ...]} or one per-video
//    object {"video": NAME, "scores": [...]}; "video_path" is accepted for "video" (the
//    scores.json `vaclip test` writes).
// Errors (vaclip::Error) name the file and the video and give the numbers: a total length that
// differs from the ground truth's, a video without predictions, a per-video length mismatch.
// NaN/Inf scores are left to the metrics, which reject them naming the video and frame.
//
// Thread safety: free functions, no shared state.

#include <cstdint>
#include <string>
#include <vector>

namespace vaclip {

struct VideoGroundTruth {
    std::string name;           ///< the video path as written in meta.json, or the label file's stem
    std::vector<uint8_t> labels;///< per frame, 0/1
    std::string maskPath;       ///< pixel masks (folder, .npy or .mat), "" when none
};

struct GroundTruthSet {
    std::string source;         ///< gtPath as given
    std::string dataset;        ///< resolved reader: "meta", "ucsd-ped2", "shanghaitech", ..., "generic"
    std::vector<VideoGroundTruth> videos;

    int64_t totalFrames() const;
};

/// `dataset`: ucsd, shanghaitech, avenue, generic or auto ("" = auto).
GroundTruthSet loadGroundTruthSet(const std::string& gtPath, const std::string& dataset = "auto");

/// Scores per ground-truth video (same order and lengths). Throws on any misalignment.
std::vector<std::vector<double>> loadPredictions(const std::string& predPath, const GroundTruthSet& gt);

/// The stem a per-video prediction file is named after: the last component of the video path
/// without its extension ("UCSDped2/Test/Test001" -> "Test001", "01_0014.avi" -> "01_0014").
std::string predictionStem(const std::string& videoName);

} // namespace vaclip
