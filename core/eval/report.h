#pragma once
// The files `vaclip evaluate` writes, and its stdout table: every number beside its definition
// and the options that produced it.
//
//   eval::ReportInputs in{gtPath, gt.dataset, predPath, mapsDir};
//   eval::writeReport("results/evaluation", in, result, &pixel);
//   std::cout << eval::summaryTable(result, &pixel);
//
// Files (each written atomically; docs/evaluation.md describes every field):
//   metrics.json   {"inputs", "options", "frame_micro", "frame_macro", "video_level", "pixel",
//                   "per_video"}: each metric as {"value", "definition"} (null when undefined,
//                   with a "reason"), bootstrap intervals under "ci"
//   per_video.csv  video,frames,anomalous_frames,auc,ap,video_score,video_label (empty cells
//                   for undefined per-video metrics)
//   roc.csv        threshold,fpr,tpr (micro, sklearn roc_curve order; first threshold "inf")
//   pr.csv         threshold,precision,recall (sklearn precision_recall_curve order; the final
//                   (1, 0) point has an empty threshold)
//
// Thread safety: pure functions (write files).

#include "eval/evaluator.h"
#include "eval/pixel_maps.h"

#include <string>
#include <utility>
#include <vector>

namespace vaclip::eval {

struct ReportInputs {
    std::string gtPath;
    std::string dataset;      ///< the ground-truth reader used
    std::string predPath;
    std::string pixelMaps;    ///< "" when none
    std::string config;       ///< the YAML config the options came from, "" when none
    /// The config's testing.smoothing (already applied by `vaclip test`, not by evaluate).
    std::vector<std::pair<std::string, double>> configSmoothing;
};

/// Writes metrics.json, per_video.csv, roc.csv and pr.csv into `outDir` (created if needed).
/// `pixel` may be null. Returns the paths written.
std::vector<std::string> writeReport(const std::string& outDir, const ReportInputs& inputs,
                                     const EvaluationResult& result, const PixelEvaluation* pixel);

/// The metrics.json text (also used by tests).
std::string metricsJson(const ReportInputs& inputs, const EvaluationResult& result, const PixelEvaluation* pixel);

/// A short fixed-width table for the terminal.
std::string summaryTable(const EvaluationResult& result, const PixelEvaluation* pixel);

} // namespace vaclip::eval
