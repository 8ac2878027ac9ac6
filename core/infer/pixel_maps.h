#pragma once
// Per-pixel anomaly maps of a test video from its cached patch tokens (testing.pixel_maps).
//
//   auto f = cache.open(key);                                   // needs patch tokens (vaclip extract --tokens)
//   PromptFeatures prompts = scorer.encodePatchPrompts(texts);  // plain text, plain normal reference
//   std::vector<float> maps = videoPixelMaps(*f, prompts, 100.0, 240, 360, 4.0, 224);   // [T, 240, 360]
//
// The patch tokens are the extractor's dense tokens (clip::VisionTransformerImpl::denseTokens: the
// last block's value path per patch). The ordinary last-block patch outputs are not aligned with
// text, and scored them below chance: on the demo walkway world (24 test videos) pixel AUROC 0.13
// / AUPRO 0.007 with them and the learned normal text, 0.66 / 0.17 with dense tokens, 0.83 / 0.53
// with dense tokens and the plain normal text (Scorer::encodePatchPrompts).
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
/// firstFrame, frameCount: only frames [firstFrame, firstFrame + frameCount) (-1 = to the end), so
/// that a caller can work in chunks (the studio abandons a computation between chunks); a range
/// outside the video throws vaclip::Error (InvalidArgument).
std::vector<float> videoPixelMaps(const CachedFeatures& features, const PromptFeatures& prompts, double logitScale,
                                  int height, int width, double sigma, int inputSize = 0, int64_t firstFrame = 0,
                                  int64_t frameCount = -1);

} // namespace vaclip::infer
