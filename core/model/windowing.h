#pragma once
// Sliding windows over a video's frame embeddings, and V_t for every frame.
//
//   std::vector<int64_t> s = windowStarts(100, 16, 8);        // 0, 8, ..., 80, 88 (last reaches the end)
//   torch::Tensor v = temporalFeatures(*tt, frames, 16, 8);    // frames [T, D] -> V [T, D]
//
// The rule (training and testing use the same one):
//   - windows of clipLength frames start at 0, stride, 2*stride, ... ; the first window whose end
//     reaches the last frame is the last window, so every frame is covered at least once;
//   - a window that runs past the end (a video shorter than clipLength, or the tail when
//     (T - clipLength) is not a multiple of stride) is padded with zeros, and the padded positions
//     are masked out of attention (they influence nothing and their outputs are discarded);
//   - V_t is the mean of the transformer outputs at t over all windows covering t (with stride ==
//     clipLength exactly one window; with stride < clipLength about clipLength / stride).
// stride must be in [1, clipLength].
//
// Thread safety: temporalFeatures runs the module in the caller's grad mode; eval() it first.

#include "model/temporal_transformer.h"

#include <cstdint>
#include <vector>

namespace vaclip::model {

std::vector<int64_t> windowStarts(int64_t frames, int64_t clipLength, int64_t stride);

/// frames [T, D] float -> V [T, D] (not normalised). batch = windows per forward.
torch::Tensor temporalFeatures(TemporalTransformerImpl& temporal, const torch::Tensor& frames, int64_t clipLength,
                               int64_t stride, int64_t batch = 64);

} // namespace vaclip::model
