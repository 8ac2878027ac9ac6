#include "clip/preprocess.h"

#include "common/error.h"

#include <ATen/Parallel.h>
#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace vaclip::clip {
namespace {

// Pillow's Resample.c: 8-bit images use 32 - 8 - 2 bits of fixed-point precision.
constexpr int kPrecisionBits = 32 - 8 - 2;

double bicubicFilter(double x)
{
    constexpr double a = -0.5;
    if (x < 0.0)
        x = -x;
    if (x < 1.0)
        return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
    if (x < 2.0)
        return (((x - 5) * x + 8) * x - 4) * a;
    return 0.0;
}

inline uint8_t clip8(int32_t in)
{
    if (in >= (1 << kPrecisionBits << 8))
        return 255;
    if (in <= 0)
        return 0;
    return uint8_t(in >> kPrecisionBits);
}

/// Resampling of one axis from inSize to outSize, restricted to outputs [first, first + count):
/// per output its first input index, its tap count and `ksize` fixed-point weights.
struct AxisPlan {
    bool identity = false;  ///< inSize == outSize: PIL skips the pass
    int ksize = 0;
    std::vector<int> start, taps;
    std::vector<int32_t> weights;  ///< count * ksize
};

/// Pillow's precompute_coeffs() + normalize_coeffs_8bpc() for the box [0, inSize).
AxisPlan planAxis(int inSize, int outSize, int first, int count)
{
    AxisPlan p;
    p.start.resize(count);
    p.taps.resize(count);
    if (inSize == outSize) {
        p.identity = true;
        p.ksize = 1;
        p.weights.assign(count, 1 << kPrecisionBits);
        for (int i = 0; i < count; ++i) {
            p.start[i] = first + i;
            p.taps[i] = 1;
        }
        return p;
    }
    const float in0 = 0.0f, in1 = float(inSize);
    const double scale = double(in1 - in0) / outSize;
    const double filterscale = std::max(scale, 1.0);
    const double support = 2.0 * filterscale;
    p.ksize = int(std::ceil(support)) * 2 + 1;
    p.weights.assign(std::size_t(count) * p.ksize, 0);
    std::vector<double> k(p.ksize);
    for (int i = 0; i < count; ++i) {
        const int xx = first + i;
        const double center = in0 + (xx + 0.5) * scale;
        const double ss = 1.0 / filterscale;
        int xmin = int(center - support + 0.5);
        if (xmin < 0)
            xmin = 0;
        int xmax = int(center + support + 0.5);
        if (xmax > inSize)
            xmax = inSize;
        xmax -= xmin;
        double ww = 0.0;
        for (int x = 0; x < xmax; ++x) {
            k[x] = bicubicFilter((x + xmin - center + 0.5) * ss);
            ww += k[x];
        }
        int32_t* w = p.weights.data() + std::size_t(i) * p.ksize;
        for (int x = 0; x < xmax; ++x) {
            const double v = ww != 0.0 ? k[x] / ww : k[x];
            w[x] = v < 0 ? int32_t(-0.5 + v * (1 << kPrecisionBits)) : int32_t(0.5 + v * (1 << kPrecisionBits));
        }
        p.start[i] = xmin;
        p.taps[i] = xmax;
    }
    return p;
}

int pythonRoundHalfEven(int numerator)  // round(numerator / 2.0) as Python 3 does
{
    const int q = numerator / 2;  // numerator >= 0
    if (numerator % 2 == 0)
        return q;
    return q % 2 == 0 ? q : q + 1;
}

} // namespace

ResizeCropGeometry clipGeometry(int width, int height, int size)
{
    if (width <= 0 || height <= 0)
        throw Error(ErrorCode::InvalidArgument, "CLIP preprocessing: empty image");
    if (size < 1)
        throw Error(ErrorCode::InvalidArgument, "CLIP preprocessing: size must be >= 1, got " + std::to_string(size));
    ResizeCropGeometry g;
    g.size = size;
    const int shortSide = std::min(width, height), longSide = std::max(width, height);
    // torchvision: new_long = int(size * long / short) (Python true division, then truncation).
    const int newLong = int(double(int64_t(size) * longSide) / double(shortSide));
    if (width <= height) {
        g.resizedWidth = size;
        g.resizedHeight = newLong;
    } else {
        g.resizedWidth = newLong;
        g.resizedHeight = size;
    }
    g.cropLeft = pythonRoundHalfEven(g.resizedWidth - size);
    g.cropTop = pythonRoundHalfEven(g.resizedHeight - size);
    return g;
}

struct ClipPreprocessor::Plan {
    ResizeCropGeometry geometry;
    AxisPlan horizontal;  ///< output columns [cropLeft, cropLeft + S)
    AxisPlan vertical;    ///< output rows [cropTop, cropTop + S)
    int firstRow = 0;     ///< source rows the vertical pass reads: [firstRow, firstRow + rows)
    int rows = 0;
};

ClipPreprocessor::ClipPreprocessor(int size, ClipNormalization norm) : m_size(size)
{
    if (size < 1)
        throw Error(ErrorCode::InvalidArgument, "CLIP preprocessing: size must be >= 1, got " + std::to_string(size));
    for (int c = 0; c < 3; ++c)
        for (int v = 0; v < 256; ++v) {
            // ToTensor: float(v) / 255 in float32; Normalize: (x - mean) / std in float32.
            const float x = float(v) / 255.0f;
            m_lut[c][v] = (x - norm.mean[c]) / norm.std[c];
        }
}

ClipPreprocessor::~ClipPreprocessor() = default;

std::string ClipPreprocessor::id() const
{
    return "clip-bicubic-" + std::to_string(m_size);
}

std::shared_ptr<const ClipPreprocessor::Plan> ClipPreprocessor::planFor(int width, int height) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    auto it = m_plans.find({width, height});
    if (it != m_plans.end())
        return it->second;
    auto plan = std::make_shared<Plan>();
    plan->geometry = clipGeometry(width, height, m_size);
    const ResizeCropGeometry& g = plan->geometry;
    plan->horizontal = planAxis(width, g.resizedWidth, g.cropLeft, m_size);
    plan->vertical = planAxis(height, g.resizedHeight, g.cropTop, m_size);
    int lo = height, hi = 0;
    for (int i = 0; i < m_size; ++i) {
        lo = std::min(lo, plan->vertical.start[i]);
        hi = std::max(hi, plan->vertical.start[i] + plan->vertical.taps[i]);
    }
    plan->firstRow = lo;
    plan->rows = hi - lo;
    for (int i = 0; i < m_size; ++i)
        plan->vertical.start[i] -= lo;
    if (m_plans.size() > 64)  // many differently sized images (an image folder): bound the cache
        m_plans.clear();
    m_plans.emplace(std::make_pair(width, height), plan);
    return plan;
}

void ClipPreprocessor::resizeCrop(const Image& image, Image& out) const
{
    if (image.empty() || image.rgb.size() < std::size_t(image.width) * image.height * 3)
        throw Error(ErrorCode::InvalidArgument, "CLIP preprocessing: empty or truncated image");
    const auto plan = planFor(image.width, image.height);
    const int S = m_size;
    const AxisPlan& hp = plan->horizontal;
    const AxisPlan& vp = plan->vertical;

    // Horizontal pass over the source rows the crop needs: temp [rows][S][3] uint8.
    thread_local std::vector<uint8_t> temp;
    temp.resize(std::size_t(plan->rows) * S * 3);
    const std::size_t srcStride = std::size_t(image.width) * 3;
    for (int r = 0; r < plan->rows; ++r) {
        const uint8_t* src = image.rgb.data() + std::size_t(plan->firstRow + r) * srcStride;
        uint8_t* dst = temp.data() + std::size_t(r) * S * 3;
        if (hp.identity) {
            std::memcpy(dst, src + std::size_t(hp.start[0]) * 3, std::size_t(S) * 3);
            continue;
        }
        for (int x = 0; x < S; ++x) {
            const int32_t* w = hp.weights.data() + std::size_t(x) * hp.ksize;
            const uint8_t* p = src + std::size_t(hp.start[x]) * 3;
            int32_t s0 = 1 << (kPrecisionBits - 1), s1 = s0, s2 = s0;
            for (int k = 0, n = hp.taps[x]; k < n; ++k) {
                s0 += int32_t(p[3 * k]) * w[k];
                s1 += int32_t(p[3 * k + 1]) * w[k];
                s2 += int32_t(p[3 * k + 2]) * w[k];
            }
            dst[3 * x] = clip8(s0);
            dst[3 * x + 1] = clip8(s1);
            dst[3 * x + 2] = clip8(s2);
        }
    }

    // Vertical pass: row-wise accumulation (vectorises over the S * 3 values of a row).
    out.width = S;
    out.height = S;
    out.rgb.resize(std::size_t(S) * S * 3);
    const int rowLen = S * 3;
    thread_local std::vector<int32_t> acc;
    acc.resize(rowLen);
    for (int y = 0; y < S; ++y) {
        uint8_t* dst = out.rgb.data() + std::size_t(y) * rowLen;
        if (vp.identity) {
            std::memcpy(dst, temp.data() + std::size_t(vp.start[y]) * rowLen, rowLen);
            continue;
        }
        std::fill(acc.begin(), acc.end(), 1 << (kPrecisionBits - 1));
        const int32_t* w = vp.weights.data() + std::size_t(y) * vp.ksize;
        for (int k = 0, n = vp.taps[y]; k < n; ++k) {
            const uint8_t* src = temp.data() + std::size_t(vp.start[y] + k) * rowLen;
            const int32_t wk = w[k];
            int32_t* a = acc.data();
            for (int i = 0; i < rowLen; ++i)
                a[i] += int32_t(src[i]) * wk;
        }
        for (int i = 0; i < rowLen; ++i)
            dst[i] = clip8(acc[i]);
    }
}

void ClipPreprocessor::run(const Image& image, float* out) const
{
    thread_local Image crop;
    resizeCrop(image, crop);
    normalize(crop, out);
}

void ClipPreprocessor::normalize(const Image& crop, float* out) const
{
    if (crop.width != m_size || crop.height != m_size || crop.rgb.size() < std::size_t(m_size) * m_size * 3)
        throw Error(ErrorCode::InvalidArgument, "CLIP preprocessing: normalize() needs an S x S crop");
    const std::size_t plane = std::size_t(m_size) * m_size;
    const uint8_t* p = crop.rgb.data();
    float* r = out;
    float* g = out + plane;
    float* b = out + 2 * plane;
    for (std::size_t i = 0; i < plane; ++i) {
        r[i] = m_lut[0][p[3 * i]];
        g[i] = m_lut[1][p[3 * i + 1]];
        b[i] = m_lut[2][p[3 * i + 2]];
    }
}

Image clipResizeCrop(const Image& image, int size)
{
    ClipPreprocessor pre(size);
    Image out;
    pre.resizeCrop(image, out);
    return out;
}

at::Tensor preprocessImages(const std::vector<Image>& images, int size, int threads)
{
    ClipPreprocessor pre(size);
    const int64_t n = int64_t(images.size());
    torch::Tensor batch = torch::empty({n, 3, size, size}, torch::kFloat32);
    float* data = batch.data_ptr<float>();
    const std::size_t per = pre.floatsPerImage();
    if (threads == 1 || n <= 1) {
        for (int64_t i = 0; i < n; ++i)
            pre.run(images[std::size_t(i)], data + std::size_t(i) * per);
    } else {
        // Errors inside parallel_for come back as c10::Error; keep ours by checking up front.
        for (const Image& im : images)
            if (im.empty() || im.rgb.size() < std::size_t(im.width) * im.height * 3)
                throw Error(ErrorCode::InvalidArgument, "CLIP preprocessing: empty or truncated image");
        at::parallel_for(0, n, 1, [&](int64_t begin, int64_t end) {
            for (int64_t i = begin; i < end; ++i)
                pre.run(images[std::size_t(i)], data + std::size_t(i) * per);
        });
    }
    return batch;
}

} // namespace vaclip::clip
