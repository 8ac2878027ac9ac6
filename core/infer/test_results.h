#pragma once
// What `vaclip test` writes for one scored test set — shared by the CLI (app/vaclip/cmd_test.cpp)
// and `vaclip demo` (core/demo), so both write the same files the studio and `vaclip evaluate` read.
//
//   infer::ResultContext ctx{&config, configPath, backbone.id(), scorer.checkpointPath()};
//   infer::TestScores s = scorer.rescore(pf);
//   infer::writeTestScores(outDir, ctx, pf, s, scorer.promptTracks(pf), videos);   // scores files
//   infer::SplitPixelMaps px = infer::writeSplitPixelMaps(config, backbone.id(), scorer.encodePatchPrompts(prompts),
//                                                         outDir + "/pixel_maps");
//   auto er = infer::evaluateTestScores(outDir, ctx, s, videos, labels,
//                                       px.evaluation ? &*px.evaluation : nullptr, px.mapsDir);
//
// Files in outDir:
//   frame_scores.npy   float32 [N] every test frame, videos concatenated in order
//   prompt_tracks.npy  float32 [N, P] cosine of each frame with each prompt
//   winner.npy         int64 [N] index of the prompt that gave each frame its score
//   videos/<video>.npy float32 [T] per video (file name: the video path with unsafe characters -> _)
//   scores.json        {format "vaclip-test-scores", version 1, config, checkpoint, backbone_id,
//                       prompts, scoring, prompt_mode, calibration, softmax_temperature, smoothing,
//                       clip_length, stride, split, videos: [{video_path, [category], frames,
//                       offset, scores_npy, scores, winner}]}
//   evaluation/        metrics.json, per_video.csv, roc.csv, pr.csv (eval/report.h), when every
//                      video has frame labels
//   pixel_maps/        <video>.npy float32 [T, H, W] (writeSplitPixelMaps; H x W = the masks' size)
// Every file goes through a temporary name (io/atomic_file.h).
// Errors: vaclip::Error naming the file (I/O), the video (no patch tokens cached), or the mismatch.
// Thread safety: free functions; distinct output folders may be written concurrently.

#include "config/config.h"
#include "eval/evaluator.h"
#include "eval/pixel_maps.h"
#include "infer/scorer.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace vaclip::infer {

/// The configured test split's cached features as the Scorer takes them, and each video's frame
/// labels (empty when it has none), in dataset order. Throws like train::loadSplitFeatures.
struct LoadedTestSet {
    std::vector<TestVideo> videos;
    std::vector<std::vector<uint8_t>> labels;
};
LoadedTestSet loadTestSet(const Config& config, const std::string& backboneId);
/// The normal (video label 0) training videos: the reference frames of calibrated scoring
/// (Scorer::setCalibrationSet). Throws like train::loadSplitFeatures.
std::vector<TestVideo> loadNormalTrainingVideos(const Config& config, const std::string& backboneId);
/// The words checked against the backbone's vocabulary: the scored prompts, then the config's
/// reference normal prompts not already among them (Backbone::unknownWordsWarnings).
std::vector<std::string> promptsToCheck(const Config& config, const std::vector<std::string>& prompts);

/// Where the scores came from (recorded in scores.json and the evaluation report).
struct ResultContext {
    const Config* config = nullptr;  ///< testing.*, clip_length, stride, dataset.*, evaluation.*
    std::string configPath;          ///< absolute path of the config file
    std::string backboneId;
    std::string checkpoint;          ///< "" = none (zero-shot)
};

/// Writes the score files (not evaluation/). tracks: promptTracks(pf), [N * P]. categories:
/// one per video (written as "category") or empty. Throws InvalidArgument when sizes disagree.
void writeTestScores(const std::string& outDir, const ResultContext& ctx, const PromptFeatures& pf,
                     const TestScores& scores, const std::vector<float>& tracks,
                     const std::vector<TestVideo>& videos, const std::vector<std::string>& categories = {});

/// Evaluates the scores against per-video frame labels (eval::evaluate, bootstrap from
/// evaluation.*) and writes outDir/evaluation/. Returns nullopt (writes nothing) when a video's
/// labels do not cover its frames. pixel (+ the maps folder) goes into the report when given.
std::optional<eval::EvaluationResult> evaluateTestScores(const std::string& outDir, const ResultContext& ctx,
                                                         const TestScores& scores,
                                                         const std::vector<TestVideo>& videos,
                                                         const std::vector<std::vector<uint8_t>>& labels,
                                                         const eval::PixelEvaluation* pixel = nullptr,
                                                         const std::string& pixelMapsDir = {});

struct SplitPixelMaps {
    std::string mapsDir;
    int videos = 0;                                ///< maps written
    std::optional<eval::PixelEvaluation> evaluation;  ///< when some video has pixel masks
};

/// Pixel maps (infer/pixel_maps.h, logit scale 1 / testing.softmax_temperature, Gaussian sigma 4
/// px) of every video of the config's test split from its cached patch tokens, at the size of
/// its masks (else backbone.input_size), into mapsDir, then AUROC / AUPRO against the masks.
/// A video whose entry names no mask_path and whose gt_path holds no masks gets maps at the input
/// size; a named mask file that cannot be read is an error. progress(done, total) after each video.
/// Throws NotFound naming the video when its patch tokens are not cached (vaclip extract --tokens).
SplitPixelMaps writeSplitPixelMaps(const Config& config, const std::string& backboneId, const PromptFeatures& pf,
                                   const std::string& mapsDir,
                                   const std::function<void(int done, int total)>& progress = {});

/// The per-video file name used under videos/ (unsafe characters replaced by '_').
std::string safeVideoFileName(const std::string& videoPath);

} // namespace vaclip::infer
