#pragma once
// The training losses that are more than one line (LibTorch, differentiable).
//
//   torch::Tensor p = abnormal patch probabilities [F, N] in (0, 1), y = targets [F, N] in [0, 1]
//   torch::Tensor l = focalLoss(p, y, 2.0) + diceLoss(p, y) + diceLoss(1 - p, 1 - y);
//
// Pixel supervision (AnomalyCLIP, Zhou et al. 2024, after Lin et al.'s focal loss and the V-Net
// dice loss), on the two-class (normal, abnormal) softmax map of each frame's patches:
//   focalLoss  mean over every element of  -[y (1-p)^g log p + (1-y) p^g log(1-p)]
//              (p clamped to [1e-6, 1 - 1e-6]); with a binary y this is the focal loss
//              -(1-p_t)^g log p_t of the true class; g = 0 gives binary cross-entropy. A soft y
//              (the fraction of a patch's pixels that are anomalous) weights both terms.
//   diceLoss   per frame (row) 1 - (2 sum p y + 1) / (sum p + sum y + 1), averaged over rows
//              (smoothing 1, as AnomalyCLIP's BinaryDiceLoss): an all-normal frame is pushed
//              towards sum p = 0, a frame with an anomaly towards overlap.
// AnomalyCLIP applies dice to both channels: diceLoss(p, y) + diceLoss(1 - p, 1 - y).
//
// Weak supervision (video labels), after Sultani et al. 2018 ("Real-world anomaly detection in
// surveillance videos"): for anomalous bag scores a and normal bag scores n (one value per bag,
// e.g. the mean of each bag's top-k frame probabilities)
//   milRankingLoss  mean over all (anomalous, normal) pairs of max(0, margin - a_i + n_j)
// Not used by the trainer: measured against the top-k mean BCE it uses (tests/test_supervision.cpp
// data, held-out frame AUC over training seeds 11/1/2/3): top-k BCE 0.77/0.39/0.61/0.64 (mean
// 0.60), ranking on top-k bag scores + 8e-3 sparsity 0.84/0.39/0.63/0.82 (mean 0.67), max-BCE
// 0.86/0.39/0.59/0.65 (mean 0.62): better on average but within the seed spread, so not made the
// default; kept (tested) for a training.mil_loss option.
//
// Thread safety: pure functions.

#include <torch/types.h>

namespace vaclip::train {

/// p, y of the same shape; -> scalar.
torch::Tensor focalLoss(const torch::Tensor& p, const torch::Tensor& y, double gamma);
/// p, y [F, N] (any trailing shape is flattened per row); -> scalar.
torch::Tensor diceLoss(const torch::Tensor& p, const torch::Tensor& y, double smooth = 1.0);
/// a [A], n [M] bag scores -> scalar (0 when either is empty).
torch::Tensor milRankingLoss(const torch::Tensor& anomalous, const torch::Tensor& normal, double margin = 1.0);

} // namespace vaclip::train
