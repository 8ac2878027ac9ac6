#include "infer/pixel_maps.h"

#include "common/error.h"
#include "io/dtype.h"
#include "model/scoring.h"

#include <torch/torch.h>

namespace vaclip::infer {

std::vector<float> videoPixelMaps(const CachedFeatures& features, const PromptFeatures& prompts, double logitScale,
                                  int height, int width, double sigma, int inputSize, int64_t firstFrame,
                                  int64_t frameCount)
{
    const int64_t frames = features.frames();
    const int64_t end = frameCount < 0 ? frames : firstFrame + frameCount;
    if (firstFrame < 0 || firstFrame > frames || end < firstFrame || end > frames)
        throw Error(ErrorCode::InvalidArgument, "pixel maps: frames [" + std::to_string(firstFrame) + ", " +
                                                    std::to_string(end) + ") outside " + quoted(features.path()) +
                                                    " (" + std::to_string(frames) + " frames)");
    if (features.tokens() < 2)
        throw Error(ErrorCode::InvalidArgument, "pixel maps need patch tokens in the feature cache (" +
                                                    quoted(features.path()) + " has none: vaclip extract --tokens)");
    if (features.dim() != prompts.dim)
        throw Error(ErrorCode::Mismatch, "pixel maps: token dimension " + std::to_string(features.dim()) +
                                             " differs from the prompts' " + std::to_string(prompts.dim));
    torch::NoGradGuard ng;
    const int64_t P = int64_t(prompts.prompts.size()), N = features.tokens(), D = features.dim();
    torch::Tensor t = torch::from_blob(const_cast<float*>(prompts.features.data()), {P, D});
    torch::Tensor normal = torch::from_blob(const_cast<float*>(prompts.normal.data()), {D});
    std::vector<float> out;
    out.reserve(std::size_t(end - firstFrame) * std::size_t(height) * std::size_t(width));
    std::vector<float> tok(std::size_t((N - 1) * D));
    for (int64_t f = firstFrame; f < end; ++f) {
        const uint16_t* h = features.patchTokens(f) + D;  // skip the class token
        for (std::size_t i = 0; i < tok.size(); ++i)
            tok[i] = halfToFloat(h[i]);
        torch::Tensor m = model::pixelMap(torch::from_blob(tok.data(), {N - 1, D}), t, normal, logitScale, height,
                                          width, sigma, inputSize)
                              .contiguous();
        out.insert(out.end(), m.data_ptr<float>(), m.data_ptr<float>() + m.numel());
    }
    return out;
}

} // namespace vaclip::infer
