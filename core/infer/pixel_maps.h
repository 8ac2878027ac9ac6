#pragma once
// Per-pixel anomaly maps of a test video from its cached patch tokens (testing.pixel_maps).
//
//   auto f = cache.open(key);                                   // needs patch tokens (vaclip extract --tokens)
//   std::vector<float> maps = videoPixelMaps(*f, prompts, 100.0, 240, 360, 4.0, 224);   // [T, 240, 360]
//
// Each frame: the projected patch tokens (class token dropped) scored as model::pixelMap does —
// softmax of each patch against the reference normal text and each prompt at the logit scale, max
// over prompts — on the g x g patch grid, bilinearly upsampled to height x width (through CLIP's
// resize + centre crop when inputSize is given) and smoothed
// with a Gaussian of sigma pixels. Frame-level temporal modelling does not apply to patches.
// Thread safety: pure function.

#include "features/feature_cache.h"
#include "infer/scorer.h"

#include <vector>

namespace vaclip::infer {

/// -> frames * height * width floats in [0, 1]. Throws vaclip::Error (InvalidArgument) when the
/// cache holds no patch tokens or their dimension differs from the prompts'.
/// inputSize: backbone.input_size, so that the patch grid is placed where CLIP's resize + centre
/// crop took it from (model::pixelMap); 0 = the grid spans the whole frame (exact for square frames).
std::vector<float> videoPixelMaps(const CachedFeatures& features, const PromptFeatures& prompts, double logitScale,
                                  int height, int width, double sigma, int inputSize = 0);

} // namespace vaclip::infer
