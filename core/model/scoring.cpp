#include "model/scoring.h"

#include "common/error.h"
#include "common/smoothing.h"
#include "clip/preprocess.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace vaclip::model {
namespace F = torch::nn::functional;

torch::Tensor normalizeRows(const torch::Tensor& x)
{
    return F::normalize(x.to(torch::kFloat), F::NormalizeFuncOptions().dim(-1).eps(1e-12));
}

torch::Tensor cosineTable(const torch::Tensor& frames, const torch::Tensor& prompts)
{
    if (frames.dim() != 2 || prompts.dim() != 2 || frames.size(1) != prompts.size(1))
        throw Error(ErrorCode::Mismatch, "cosine table: frames " + c10::str(frames.sizes()) + " and prompts " +
                                             c10::str(prompts.sizes()) + " must be [T, D] and [P, D]");
    return torch::matmul(frames, prompts.t());
}

FrameScores scoreFromTable(const torch::Tensor& table, const torch::Tensor& normalSim, ScoringMode mode,
                           double logitScale, const PromptCalibration& calibration)
{
    if (table.dim() != 2 || table.size(1) == 0)
        throw Error(ErrorCode::InvalidArgument, "scoring needs at least one prompt");
    torch::Tensor s;
    switch (mode) {
    case ScoringMode::MaxCosine: s = table; break;
    case ScoringMode::SoftmaxVsNormal:
        if (!normalSim.defined() || normalSim.numel() != table.size(0))
            throw Error(ErrorCode::InvalidArgument, "softmax_vs_normal needs the similarity to the normal prompt");
        s = torch::sigmoid(logitScale * (table - normalSim.view({-1, 1})));
        break;
    case ScoringMode::CalibratedMax:
        if (!calibration.defined() || calibration.mean.numel() != table.size(1))
            throw Error(ErrorCode::InvalidArgument, "calibrated_max needs a calibration of every prompt");
        s = (table - calibration.mean.view({1, -1})) / calibration.stddev.view({1, -1});
        break;
    }
    auto [score, winner] = s.max(1);
    return {score.contiguous(), winner.contiguous()};
}

FrameScores scoreFrames(const torch::Tensor& frames, const torch::Tensor& prompts, const torch::Tensor& normal,
                        ScoringMode mode, double logitScale, const PromptCalibration& calibration)
{
    torch::Tensor normalSim;
    if (mode == ScoringMode::SoftmaxVsNormal)
        normalSim = torch::matmul(frames, normal.view({-1}));
    return scoreFromTable(cosineTable(frames, prompts), normalSim, mode, logitScale, calibration);
}

PromptCalibration calibrateOnNormal(const torch::Tensor& normalFrames, const torch::Tensor& prompts)
{
    if (normalFrames.size(0) < 2)
        throw Error(ErrorCode::InvalidArgument, "calibration needs at least two normal frames");
    torch::Tensor c = cosineTable(normalFrames, prompts);
    return {c.mean(0), c.std(0).clamp_min(1e-4)};
}

PromptCalibration calibrateRobust(const torch::Tensor& frames, const torch::Tensor& prompts)
{
    if (frames.size(0) < 2)
        throw Error(ErrorCode::InvalidArgument, "calibration needs at least two frames");
    torch::Tensor c = cosineTable(frames, prompts);
    torch::Tensor med = std::get<0>(c.median(0));
    torch::Tensor mad = std::get<0>((c - med.view({1, -1})).abs().median(0));
    return {med, (1.4826 * mad).clamp_min(1e-4)};
}

torch::Tensor abnormalProbability(const torch::Tensor& frames, const torch::Tensor& generic, double logitScale)
{
    torch::Tensor logits = logitScale * torch::matmul(frames, generic.t());  // [..., 2]
    return torch::softmax(logits, -1).select(-1, 1);
}

namespace {
/// A 1-D float tensor through a std::vector smoothing function of common/smoothing.h.
template <typename Fn>
torch::Tensor viaVector(const torch::Tensor& x, Fn fn)
{
    torch::Tensor c = x.to(torch::kFloat).contiguous().view({-1});
    std::vector<float> v(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
    v = fn(v);
    return torch::from_blob(v.data(), {int64_t(v.size())}, torch::kFloat).clone().view(x.sizes());
}
} // namespace

torch::Tensor gaussianSmooth1d(const torch::Tensor& x, double sigma)
{
    if (sigma <= 0 || x.numel() < 2)
        return x;
    return viaVector(x, [sigma](const std::vector<float>& v) { return gaussianFilter1d(v, sigma); });
}

torch::Tensor movingAverage1d(const torch::Tensor& x, int window)
{
    if (window <= 1 || x.numel() < 2)
        return x;
    return viaVector(x, [window](const std::vector<float>& v) { return uniformFilter1d(v, window); });
}

namespace {
/// For each of n output pixels along one axis: the two grid cells and the weight of the second
/// (bilinear, half-pixel centres, clamped at the grid's edges) through resize + centre crop.
struct Taps {
    std::vector<int64_t> lo, hi;
    std::vector<float> w;
};
Taps axisTaps(int64_t n, int64_t g, double resized, double cropStart, double side)
{
    Taps t;
    for (int64_t i = 0; i < n; ++i) {
        const double crop = (double(i) + 0.5) * resized / double(n) - cropStart;  // in the S x S crop
        const double c = std::clamp(crop * double(g) / side - 0.5, 0.0, double(g - 1));
        const auto lo = int64_t(std::floor(c));
        t.lo.push_back(lo);
        t.hi.push_back(std::min(lo + 1, g - 1));
        t.w.push_back(float(c - double(lo)));
    }
    return t;
}
} // namespace

torch::Tensor pixelMap(const torch::Tensor& patchTokens, const torch::Tensor& prompts, const torch::Tensor& normal,
                       double logitScale, int64_t height, int64_t width, double sigma, int inputSize)
{
    const int64_t n = patchTokens.size(0);
    const int64_t g = int64_t(std::llround(std::sqrt(double(n))));
    if (g * g != n)
        throw Error(ErrorCode::InvalidArgument, "pixel map: " + std::to_string(n) + " patch tokens are not a square grid");
    torch::Tensor t = normalizeRows(patchTokens);
    torch::Tensor s = scoreFrames(t, prompts, normal, ScoringMode::SoftmaxVsNormal, logitScale).score.contiguous();
    // Where the grid lies in the frame: the whole frame, or CLIP's centre crop of it.
    double rw = double(width), rh = double(height), left = 0, top = 0, sw = double(width), sh = double(height);
    if (inputSize > 0) {
        const clip::ResizeCropGeometry geo = clip::clipGeometry(int(width), int(height), inputSize);
        rw = geo.resizedWidth, rh = geo.resizedHeight, left = geo.cropLeft, top = geo.cropTop;
        sw = sh = double(inputSize);
    }
    const Taps tx = axisTaps(width, g, rw, left, sw), ty = axisTaps(height, g, rh, top, sh);
    torch::Tensor m = torch::empty({height, width}, torch::kFloat);
    const float* sp = s.data_ptr<float>();
    float* mp = m.data_ptr<float>();
    for (int64_t y = 0; y < height; ++y) {
        const float* r0 = sp + ty.lo[std::size_t(y)] * g;
        const float* r1 = sp + ty.hi[std::size_t(y)] * g;
        const float wy = ty.w[std::size_t(y)];
        for (int64_t x = 0; x < width; ++x) {
            const int64_t a = tx.lo[std::size_t(x)], b = tx.hi[std::size_t(x)];
            const float wx = tx.w[std::size_t(x)];
            const float top0 = r0[a] + wx * (r0[b] - r0[a]), bottom = r1[a] + wx * (r1[b] - r1[a]);
            mp[y * width + x] = top0 + wy * (bottom - top0);
        }
    }
    if (sigma > 0)
        gaussianFilter2d(mp, int(height), int(width), sigma);
    return m;
}

} // namespace vaclip::model
