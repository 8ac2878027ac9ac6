#pragma once
// Frame (and patch) anomaly scores from features in CLIP's joint space and prompt embeddings.
//
//   torch::Tensor v = normalizeRows(frames);                        // [T, D]
//   FrameScores s = scoreFrames(v, prompts, normal, ScoringMode::SoftmaxVsNormal, 100.0);
//   s.score[t], s.winner[t]                                          // [T] float, [T] int64
//
// With c_i(t) = cos(V_t, T_i) and c_n(t) = cos(V_t, T_normal), all inputs unit rows:
//   max_cosine        S(t) = max_i c_i(t)                                   (the seed's definition)
//   softmax_vs_normal S(t) = max_i sigmoid(s * (c_i(t) - c_n(t)))   (= two-way softmax of [T_normal,
//                     T_i] at logit scale s, abnormal side; s = 1 / testing.softmax_temperature)
//   calibrated_max    S(t) = max_i (c_i(t) - mu_i) / sigma_i  — each prompt z-scored on reference
//                     frames that are (or are mostly) normal, because every prompt has its own
//                     baseline similarity and one prompt scoring all normal frames high otherwise
//                     swamps the max (docs: design/demo-world-notes.md). mu/sigma come from
//                     calibrateOnNormal() over known-normal frames (e.g. the training split), or
//                     calibrateRobust() over the scored frames themselves (median and 1.4826 * MAD:
//                     anomalies are rare, so the bulk is normal) when no normal reference exists.
// winner[t] = the arg max i: which prompt produced the frame's score.
//
// Thread safety: pure functions.

#include "config/config.h"

#include <torch/types.h>

namespace vaclip::model {

struct FrameScores {
    torch::Tensor score;   ///< [T] float
    torch::Tensor winner;  ///< [T] int64, index of the winning prompt
};

/// Per-prompt location and scale of the cosine similarity on reference frames ([P] each).
struct PromptCalibration {
    torch::Tensor mean, stddev;
    bool defined() const { return mean.defined(); }
};

/// Rows scaled to unit L2 norm (zero rows stay zero).
torch::Tensor normalizeRows(const torch::Tensor& x);

/// Cosine table of unit rows: frames [T, D] x prompts [P, D] -> [T, P] (one matmul).
torch::Tensor cosineTable(const torch::Tensor& frames, const torch::Tensor& prompts);

/// Scores from a cosine table [T, P] and the similarity to the normal prompt [T] (needed by
/// softmax_vs_normal only; may be undefined otherwise). calibration is needed by calibrated_max.
/// Throws vaclip::Error (InvalidArgument) when an input the mode needs is missing or P == 0.
FrameScores scoreFromTable(const torch::Tensor& table, const torch::Tensor& normalSim, ScoringMode mode,
                           double logitScale, const PromptCalibration& calibration = {});

/// frames [T, D], prompts [P, D], normal [D] (all unit) -> scores.
FrameScores scoreFrames(const torch::Tensor& frames, const torch::Tensor& prompts, const torch::Tensor& normal,
                        ScoringMode mode, double logitScale, const PromptCalibration& calibration = {});

/// mean / std (floored at 1e-4) of each prompt's cosine over known-normal frames [T, D].
PromptCalibration calibrateOnNormal(const torch::Tensor& normalFrames, const torch::Tensor& prompts);
/// median / (1.4826 * MAD, floored at 1e-4) of each prompt's cosine over frames [T, D].
PromptCalibration calibrateRobust(const torch::Tensor& frames, const torch::Tensor& prompts);

/// Training's per-frame abnormal probability: softmax over [cos(V, T_normal), cos(V, T_abnormal)]
/// at logitScale; frames [..., D] unit, generic [2, D] unit -> [...].
torch::Tensor abnormalProbability(const torch::Tensor& frames, const torch::Tensor& generic, double logitScale);

/// Gaussian smoothing of a 1-D score track, sigma in samples: common/smoothing.h gaussianFilter1d
/// (= scipy.ndimage.gaussian_filter1d, mode reflect, truncate 4, the same definition as the
/// evaluation's post-processing). sigma <= 0 returns the input.
torch::Tensor gaussianSmooth1d(const torch::Tensor& x, double sigma);
/// Moving average of `window` samples: common/smoothing.h uniformFilter1d (= scipy.ndimage.
/// uniform_filter1d, mode reflect); window <= 1 returns x.
torch::Tensor movingAverage1d(const torch::Tensor& x, int window);

/// A pixel anomaly map of one frame: patchTokens [N, D] projected patch tokens (class token
/// excluded, N = g * g, row-major), scored per patch with softmax_vs_normal against the prompts
/// (a patch has no frame-level calibration), bilinearly upsampled (half-pixel centres, clamped at
/// the edges) to height x width and smoothed
/// with a Gaussian of `sigma` pixels (common/smoothing.h gaussianFilter2d = scipy.ndimage.
/// gaussian_filter, mode reflect; 0 = none). -> [height, width] float in [0, 1].
/// inputSize 0: the grid spans the whole frame. inputSize S > 0: the grid is where CLIP's
/// preprocessing put it (shorter side resized to S, centre crop: clip/preprocess.h clipGeometry),
/// so a non-square frame's map lines up with its pixels; outside the crop the edge cells extend.
torch::Tensor pixelMap(const torch::Tensor& patchTokens, const torch::Tensor& prompts, const torch::Tensor& normal,
                       double logitScale, int64_t height, int64_t width, double sigma, int inputSize = 0);

} // namespace vaclip::model
