#include "model/scoring.h"

#include "common/error.h"

#include <torch/torch.h>

#include <cmath>

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
torch::Tensor gaussianKernel(double sigma)
{
    const int64_t r = int64_t(std::ceil(3.0 * sigma));
    torch::Tensor x = torch::arange(-r, r + 1, torch::kFloat);
    torch::Tensor k = torch::exp(-0.5 * (x / sigma).pow(2));
    return k / k.sum();
}
} // namespace

torch::Tensor gaussianSmooth1d(const torch::Tensor& x, double sigma)
{
    if (sigma <= 0 || x.numel() < 2)
        return x;
    torch::Tensor k = gaussianKernel(sigma);
    const int64_t r = (k.numel() - 1) / 2;
    torch::Tensor in = x.to(torch::kFloat).view({1, 1, -1});
    // Reflect padding needs pad < length: repeat reflection by falling back to replicate.
    const bool reflect = r < x.numel();
    F::PadFuncOptions::mode_t mode = torch::kReplicate;
    if (reflect)
        mode = torch::kReflect;
    torch::Tensor padded = F::pad(in, F::PadFuncOptions({r, r}).mode(mode));
    return F::conv1d(padded, k.view({1, 1, -1})).view({-1});
}

torch::Tensor movingAverage1d(const torch::Tensor& x, int window)
{
    if (window <= 1 || x.numel() < 2)
        return x;
    const int64_t n = x.numel(), left = (window - 1) / 2, right = window - 1 - left;
    torch::Tensor c = torch::cat({torch::zeros({1}), x.to(torch::kDouble).view({-1}).cumsum(0).to(torch::kFloat)});
    torch::Tensor idx = torch::arange(n);
    torch::Tensor lo = (idx - left).clamp_min(0), hi = (idx + right + 1).clamp_max(n);
    return (c.index_select(0, hi) - c.index_select(0, lo)) / (hi - lo).to(torch::kFloat);
}

torch::Tensor pixelMap(const torch::Tensor& patchTokens, const torch::Tensor& prompts, const torch::Tensor& normal,
                       double logitScale, int64_t height, int64_t width, double sigma)
{
    const int64_t n = patchTokens.size(0);
    const int64_t g = int64_t(std::llround(std::sqrt(double(n))));
    if (g * g != n)
        throw Error(ErrorCode::InvalidArgument, "pixel map: " + std::to_string(n) + " patch tokens are not a square grid");
    torch::Tensor t = normalizeRows(patchTokens);
    torch::Tensor s = scoreFrames(t, prompts, normal, ScoringMode::SoftmaxVsNormal, logitScale).score;
    torch::Tensor m = F::interpolate(s.view({1, 1, g, g}), F::InterpolateFuncOptions()
                                                             .size(std::vector<int64_t>{height, width})
                                                             .mode(torch::kBilinear)
                                                             .align_corners(false));
    if (sigma > 0) {
        torch::Tensor k = gaussianKernel(sigma);
        const int64_t r = (k.numel() - 1) / 2;
        m = F::pad(m, F::PadFuncOptions({r, r, r, r}).mode(torch::kReplicate));
        m = F::conv2d(m, k.view({1, 1, 1, -1}));
        m = F::conv2d(m, k.view({1, 1, -1, 1}));
    }
    return m.view({height, width});
}

} // namespace vaclip::model
