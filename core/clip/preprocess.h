#pragma once
// CLIP's image preprocessing, bit-exact with OpenAI's torchvision/PIL pipeline:
//
//   Resize(S, interpolation=BICUBIC)  ->  CenterCrop(S)  ->  ToTensor()  ->  Normalize(mean, std)
//
//   ClipPreprocessor pre(224);                                   // plans cached per input size
//   std::vector<float> chw(pre.floatsPerImage());
//   pre.run(frame.image, chw.data());                            // RGB8 HxW -> float [3, 224, 224]
//   at::Tensor batch = preprocessImages(images, 224);            // [B, 3, 224, 224] float32
//   Image crop = clipResizeCrop(image, 224);                     // the RGB8 224x224 CLIP sees
//
// What it does, step by step (each exactly as the Python reference):
//   - torchvision resize: the shorter side becomes S, the longer int(S * long / short) (truncated);
//     an image already that size is left alone.
//   - PIL's Image.resize(BICUBIC) for 8-bit RGB: separable convolution, horizontal pass first,
//     cubic kernel a = -0.5 with support 2 scaled by the reduction factor when downscaling
//     (antialiasing), coefficients normalised to sum 1 and rounded to 22-bit fixed point, each
//     pass rounded and clamped to uint8 (Pillow's Resample.c, ImagingResampleInner).
//   - torchvision center_crop: offsets int(round((in - S) / 2)) with Python's round-half-even.
//   - ToTensor + Normalize in float32: (v / 255 - mean) / std with OpenAI's mean and std.
// Only the pixels that survive the crop are computed (identical values, less work).
//
// Accuracy: equal to PIL 9.4 + torchvision's arithmetic with maximum difference 0 (uint8 after
// resize+crop) and 0 (float after normalisation) on every size tested, up- and downscaling,
// square and non-square (tests/test_preprocess.cpp runs Debian's python3-pil on the same RGB
// pixels). Any difference a user sees against Python therefore comes from image *decoding*
// (FFmpeg's JPEG decoder vs libjpeg's IDCT can differ by a few levels), never from here.
//
// FrameReader can also resize (swscale, FrameReaderOptions::outputWidth/Height). That path is
// faster but NOT CLIP's preprocessing: swscale's bicubic has other coefficients and rounding.
// Extraction decodes at native size and uses this file; it is the exact path.
//
// Thread safety: ClipPreprocessor::run and resizeCrop may be called concurrently (the plan
// cache is mutex-protected); free functions have no shared state.

#include "io/image.h"

#include <array>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace at {
class Tensor;
}

namespace vaclip::clip {

/// OpenAI's normalisation constants (clip/clip.py _transform).
struct ClipNormalization {
    std::array<float, 3> mean{0.48145466f, 0.4578275f, 0.40821073f};
    std::array<float, 3> std{0.26862954f, 0.26130258f, 0.27577711f};
};

/// Where the resize and the crop land for a width x height input and output side `size`.
struct ResizeCropGeometry {
    int resizedWidth = 0;   ///< after the shorter-side resize
    int resizedHeight = 0;
    int cropLeft = 0;       ///< in the resized image
    int cropTop = 0;
    int size = 0;
};

/// torchvision's sizes and offsets. Throws vaclip::Error for an empty image or size < 1.
ResizeCropGeometry clipGeometry(int width, int height, int size);

class ClipPreprocessor {
public:
    /// `size` is the encoder's input side S (backbone.input_size).
    explicit ClipPreprocessor(int size, ClipNormalization norm = {});
    ~ClipPreprocessor();
    ClipPreprocessor(const ClipPreprocessor&) = delete;
    ClipPreprocessor& operator=(const ClipPreprocessor&) = delete;

    int size() const { return m_size; }
    std::size_t floatsPerImage() const { return std::size_t(3) * m_size * m_size; }
    /// The cache key part naming this preprocessing: "clip-bicubic-224".
    std::string id() const;

    /// RGB8 image (any size) -> out[3 * S * S] float, channel-major (C, H, W), normalised.
    void run(const Image& image, float* out) const;
    /// RGB8 image -> the S x S RGB8 crop (before ToTensor/Normalize). `out`'s buffer is reused.
    void resizeCrop(const Image& image, Image& out) const;
    /// The second half of run(): an S x S crop -> out[3 * S * S] (ToTensor + Normalize).
    void normalize(const Image& crop, float* out) const;

private:
    struct Plan;
    std::shared_ptr<const Plan> planFor(int width, int height) const;

    int m_size;
    std::array<std::array<float, 256>, 3> m_lut;  ///< (v / 255 - mean[c]) / std[c] in float32
    mutable std::mutex m_mutex;
    mutable std::map<std::pair<int, int>, std::shared_ptr<const Plan>> m_plans;
};

/// One-shot resize + crop (RGB8 S x S).
Image clipResizeCrop(const Image& image, int size);

/// A batch of RGB8 images (sizes may differ) -> [B, 3, S, S] float32 (a torch tensor; include
/// <torch/torch.h> to use it). threads: 0 = LibTorch's intra-op pool (at::parallel_for over
/// images), 1 = the calling thread only (a decoding thread that must not compete with the model).
at::Tensor preprocessImages(const std::vector<Image>& images, int size, int threads = 0);

} // namespace vaclip::clip
