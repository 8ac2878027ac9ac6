#pragma once
// Frame- and video-level evaluation of a test set: micro and macro frame metrics, video-level
// metrics, per-video numbers, curves and bootstrap intervals, all from one call.
//
//   std::vector<eval::VideoScores> videos = ...;   // name, scores, labels per video
//   eval::EvalOptions opt;
//   opt.post.gaussianSigma = 2;                    // off unless asked
//   eval::EvaluationResult r = eval::evaluate(videos, opt);
//   r.micro.auc, r.macro.auc, r.videoLevel.auc, r.bootstrap.auc.low ...
//
// Definitions (docs/evaluation.md has them in full):
//   - micro ("frame_auc", "frame_ap"): every test frame of every video concatenated, one curve —
//     the standard protocol of the video anomaly detection literature.
//   - macro ("frame_auc_per_video"): the mean of per-video AUC / AP over the videos that contain
//     both normal and anomalous frames; single-class videos are reported as undefined, left out of
//     the mean and counted (UCSD Ped2: none; ShanghaiTech: its all-normal test videos).
//   - video level: one score per video (max of its frames, or mean of its top-k frames), label =
//     any anomalous frame; AUC and AP over videos, undefined when every video has the same label
//     (UCSD Ped2: all 12 test videos contain anomalies).
// Errors (vaclip::Error): each video is checked by eval/validate.h (empty, NaN/Inf, length
// mismatch, naming the video); a whole set with a single class, or no videos, is an error too,
// since micro AUC is then undefined.
//
// Thread safety: pure function.

#include "eval/bootstrap.h"
#include "eval/metrics.h"
#include "eval/postprocess.h"

#include <string>
#include <vector>

namespace vaclip::eval {

struct VideoScores {
    std::string name;
    std::vector<double> scores;   ///< one per frame
    std::vector<uint8_t> labels;  ///< one per frame, 0/1
};

enum class VideoScoreMode { Max, TopKMean };

struct EvalOptions {
    PostProcess post;
    VideoScoreMode videoScore = VideoScoreMode::Max;
    int topK = 1;                       ///< frames for TopKMean (a shorter video uses all its frames)
    ApDefinition ap = ApDefinition::Step;
    BootstrapOptions bootstrap{0, 42, 0.95, ApDefinition::Step};  ///< samples 0 = no intervals
    bool dropIntermediate = true;       ///< ROC export as sklearn roc_curve(drop_intermediate=True)
};

struct PerVideoResult {
    std::string name;
    int64_t frames = 0;
    int64_t anomalousFrames = 0;
    bool defined = false;               ///< both classes in this video
    double auc = std::numeric_limits<double>::quiet_NaN();
    double ap = std::numeric_limits<double>::quiet_NaN();  ///< per EvalOptions::ap
    double videoScore = 0;              ///< max or top-k mean of the (post-processed) scores
    int videoLabel = 0;
};

struct MacroResult {
    double auc = std::numeric_limits<double>::quiet_NaN();
    double ap = std::numeric_limits<double>::quiet_NaN();
    int definedVideos = 0;
    int undefinedVideos = 0;            ///< single-class videos, left out of the means
};

struct EvaluationResult {
    EvalOptions options;
    std::vector<PerVideoResult> perVideo;
    std::vector<VideoScores> processed; ///< the scores after post-processing, as evaluated
    RankingSummary micro;               ///< frame level over all frames
    RocCurve microRoc;
    PrCurve microPr;
    MacroResult macro;
    RankingSummary videoLevel;          ///< defined == false when all videos share one label
    BootstrapResult bootstrap;          ///< of micro AUC / AP
};

/// The score of one video under `mode`.
double videoScore(const std::vector<double>& scores, VideoScoreMode mode, int topK);
const char* toString(VideoScoreMode mode);
/// "max" or "topk_mean"; throws vaclip::Error (InvalidArgument) otherwise.
VideoScoreMode parseVideoScoreMode(const std::string& name);

EvaluationResult evaluate(const std::vector<VideoScores>& videos, const EvalOptions& options);

} // namespace vaclip::eval
