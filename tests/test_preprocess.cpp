// ctest-labels: unit clip
// ctest-link: vaclip_ml
// CLIP preprocessing against PIL: the same RGB8 pixels go through ClipPreprocessor and through
// Debian's python3-pil (Image.resize BICUBIC, the call torchvision's Resize makes for CLIP) plus
// torchvision's size/crop/normalise arithmetic written out in numpy below, on up- and downscaling,
// square and non-square sizes. Also the reference images of ../shared/reference/clip.
#include "clip/preprocess.h"
#include "common/error.h"
#include "io/image.h"
#include "io/npy.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cmath>
#include <fstream>
#include <random>

using namespace vaclip;
using vaclip::clip::ClipPreprocessor;
using vaclip::test::TempDir;

namespace {

/// Gradients, hard edges and noise: exercises negative lobes and clamping at 0 and 255.
Image testImage(int w, int h, uint32_t seed)
{
    Image im;
    im.width = w;
    im.height = h;
    im.rgb.resize(std::size_t(w) * h * 3);
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> noise(-40, 40);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            uint8_t* p = im.rgb.data() + (std::size_t(y) * w + x) * 3;
            const bool edge = ((x / 7) + (y / 5)) % 2 == 0;
            const int base[3] = {x * 255 / std::max(1, w - 1), y * 255 / std::max(1, h - 1), edge ? 255 : 0};
            for (int c = 0; c < 3; ++c)
                p[c] = uint8_t(std::clamp(base[c] + noise(rng), 0, 255));
        }
    return im;
}

// torchvision 0.14's Resize(S, BICUBIC) + CenterCrop(S) + ToTensor + Normalize, for PIL images:
// _compute_resized_output_size, F_pil.resize (-> Image.resize), center_crop's round(), and the
// float32 division / subtraction of ToTensor and Normalize.
const char* kReference = R"PY(
import sys, numpy as np
from PIL import Image
folder, w, h, S = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
raw = np.fromfile(folder + '/in.rgb', dtype=np.uint8).reshape(h, w, 3)
img = Image.fromarray(raw, 'RGB')
short, long = (w, h) if w <= h else (h, w)
new_short, new_long = S, int(S * long / short)
new_w, new_h = (new_short, new_long) if w <= h else (new_long, new_short)
if (new_w, new_h) != (w, h):
    img = img.resize((new_w, new_h), Image.BICUBIC)
top = int(round((new_h - S) / 2.0)); left = int(round((new_w - S) / 2.0))
img = img.crop((left, top, left + S, top + S))
a = np.asarray(img, dtype=np.uint8)
np.save(folder + '/crop.npy', a)
t = a.astype(np.float32).transpose(2, 0, 1) / np.float32(255)
mean = np.array([0.48145466, 0.4578275, 0.40821073], dtype=np.float32)[:, None, None]
std = np.array([0.26862954, 0.26130258, 0.27577711], dtype=np.float32)[:, None, None]
np.save(folder + '/norm.npy', ((t - mean) / std).astype(np.float32))
)PY";

struct PilResult {
    NpyArray crop, norm;
};

PilResult runPil(const Image& im, int size)
{
    TempDir dir;
    {
        std::ofstream f(dir.file("in.rgb"), std::ios::binary);
        f.write(reinterpret_cast<const char*>(im.rgb.data()), std::streamsize(im.rgb.size()));
    }
    vaclip::test::writeText(dir.file("ref.py"), kReference);
    const std::string python = vaclip::test::pythonWithNumpy();
    EXPECT_FALSE(python.empty()) << "python3 not found at configure time";
    const auto r = vaclip::test::runCommand(
        vaclip::test::shellQuote(python) + " " + vaclip::test::shellQuote(dir.file("ref.py")) + " " +
        vaclip::test::shellQuote(dir.path().string()) + " " + std::to_string(im.width) + " " +
        std::to_string(im.height) + " " + std::to_string(size));
    EXPECT_EQ(r.exitCode, 0) << r.output << "\n(python3-pil installed? scripts/install-deps.sh)";
    if (r.exitCode != 0)
        return {};
    return {readNpy(dir.file("crop.npy")), readNpy(dir.file("norm.npy"))};
}

struct Case {
    int width, height, size;
};

} // namespace

class PreprocessVsPil : public ::testing::TestWithParam<Case> {};

TEST_P(PreprocessVsPil, EqualsPilAndTorchvision)
{
    const Case c = GetParam();
    const Image im = testImage(c.width, c.height, uint32_t(c.width * 7919 + c.height));
    const PilResult pil = runPil(im, c.size);
    ASSERT_EQ(pil.crop.shape, (std::vector<int64_t>{c.size, c.size, 3}));
    ASSERT_EQ(pil.norm.shape, (std::vector<int64_t>{3, c.size, c.size}));

    ClipPreprocessor pre(c.size);
    Image crop;
    pre.resizeCrop(im, crop);
    ASSERT_EQ(crop.width, c.size);
    ASSERT_EQ(crop.height, c.size);
    int maxDiff = 0;
    std::size_t differing = 0;
    for (std::size_t i = 0; i < crop.rgb.size(); ++i) {
        const int d = std::abs(int(crop.rgb[i]) - int(pil.crop.data[i]));
        maxDiff = std::max(maxDiff, d);
        differing += d != 0;
    }
    EXPECT_EQ(maxDiff, 0) << differing << " of " << crop.rgb.size() << " values differ from PIL";

    std::vector<float> out(pre.floatsPerImage());
    pre.run(im, out.data());
    const std::vector<float> ref = pil.norm.toFloats();
    float maxAbs = 0;
    for (std::size_t i = 0; i < out.size(); ++i)
        maxAbs = std::max(maxAbs, std::abs(out[i] - ref[i]));
    EXPECT_EQ(maxAbs, 0.0f);
}

INSTANTIATE_TEST_SUITE_P(Sizes, PreprocessVsPil,
                         ::testing::Values(Case{320, 240, 224},   // downscale, landscape
                                           Case{240, 320, 224},   // downscale, portrait
                                           Case{856, 480, 224},   // a typical video frame
                                           Case{1000, 37, 32},    // extreme aspect, tiny output
                                           Case{100, 60, 224},    // upscale, non-square
                                           Case{50, 50, 224},     // upscale, square
                                           Case{224, 301, 224},   // short side already S: crop only
                                           Case{225, 300, 224},   // odd crop offsets (round half even)
                                           Case{224, 224, 224},   // identity
                                           Case{481, 653, 336},   // odd sizes, 336 px
                                           Case{300, 200, 33}),   // odd output size
                         [](const ::testing::TestParamInfo<Case>& info) {
                             return std::to_string(info.param.width) + "x" + std::to_string(info.param.height) +
                                    "_to_" + std::to_string(info.param.size);
                         });

TEST(Preprocess, GeometryFollowsTorchvision)
{
    // int(224 * 856 / 480) = 399; (399 - 224) / 2 = 87.5 -> round half even = 88.
    const auto g = clip::clipGeometry(856, 480, 224);
    EXPECT_EQ(g.resizedWidth, 399);
    EXPECT_EQ(g.resizedHeight, 224);
    EXPECT_EQ(g.cropLeft, 88);
    EXPECT_EQ(g.cropTop, 0);
    // (301 - 224) / 2 = 38.5 -> 38 (even).
    EXPECT_EQ(clip::clipGeometry(224, 301, 224).cropTop, 38);
    EXPECT_THROW(clip::clipGeometry(0, 10, 224), Error);
    EXPECT_THROW(ClipPreprocessor(0), Error);
}

TEST(Preprocess, ReferenceImagesGiveTheReferenceTensor)
{
    // The Python reference normalised these 32x32 PNGs (README: /255, minus mean, over std).
    const auto dir = vaclip::test::sharedDir() / "reference/clip/tiny-a";
    const NpyArray ref = readNpy((dir / "images_normalized.npy").string());
    ASSERT_EQ(ref.shape, (std::vector<int64_t>{3, 3, 32, 32}));
    std::vector<Image> images;
    for (int i = 0; i < 3; ++i)
        images.push_back(readImage((dir / ("image_" + std::to_string(i) + ".png")).string()));
    const torch::Tensor batch = clip::preprocessImages(images, 32);
    ASSERT_EQ(batch.sizes(), (std::vector<int64_t>{3, 3, 32, 32}));
    const torch::Tensor expected = torch::from_blob(const_cast<uint8_t*>(ref.data.data()), {3, 3, 32, 32}, torch::kFloat32);
    EXPECT_LE((batch - expected).abs().max().item<float>(), 1e-6f);
}

TEST(Preprocess, BatchEqualsSingleImagesAndKeepsOrder)
{
    std::vector<Image> images = {testImage(320, 240, 1), testImage(64, 200, 2), testImage(400, 400, 3),
                                 testImage(320, 240, 4)};
    const torch::Tensor parallel = clip::preprocessImages(images, 64, 0);
    const torch::Tensor serial = clip::preprocessImages(images, 64, 1);
    ASSERT_EQ(parallel.sizes(), (std::vector<int64_t>{4, 3, 64, 64}));
    EXPECT_TRUE(torch::equal(parallel, serial));
    ClipPreprocessor pre(64);
    std::vector<float> one(pre.floatsPerImage());
    for (int i = 0; i < 4; ++i) {
        pre.run(images[std::size_t(i)], one.data());
        const torch::Tensor t = torch::from_blob(one.data(), {3, 64, 64}, torch::kFloat32);
        EXPECT_TRUE(torch::equal(parallel[i], t)) << "image " << i;
    }
    // Frames 0 and 3 differ: the per-size plan must not leak pixels between images.
    EXPECT_FALSE(torch::equal(parallel[0], parallel[3]));
}

TEST(Preprocess, RejectsEmptyAndTruncatedImages)
{
    ClipPreprocessor pre(32);
    std::vector<float> out(pre.floatsPerImage());
    Image empty;
    EXPECT_THROW(pre.run(empty, out.data()), Error);
    Image truncated = testImage(40, 40, 5);
    truncated.rgb.resize(100);
    EXPECT_THROW(pre.run(truncated, out.data()), Error);
    EXPECT_THROW(clip::preprocessImages({truncated}, 32), Error);
    EXPECT_EQ(pre.id(), "clip-bicubic-32");
}
