#include "model/windowing.h"

#include "common/error.h"

#include <torch/torch.h>

namespace vaclip::model {

std::vector<int64_t> windowStarts(int64_t frames, int64_t clipLength, int64_t stride)
{
    if (clipLength < 1 || stride < 1 || stride > clipLength)
        throw Error(ErrorCode::InvalidArgument, "windows need 1 <= stride (" + std::to_string(stride) +
                                                    ") <= clip_length (" + std::to_string(clipLength) + ")");
    std::vector<int64_t> starts;
    if (frames <= 0)
        return starts;
    for (int64_t s = 0;; s += stride) {
        starts.push_back(s);
        if (s + clipLength >= frames)
            break;
    }
    return starts;
}

torch::Tensor temporalFeatures(TemporalTransformerImpl& temporal, const torch::Tensor& frames, int64_t clipLength,
                               int64_t stride, int64_t batch)
{
    if (frames.dim() != 2)
        throw Error(ErrorCode::InvalidArgument, "frame features must be [T, D], got " + c10::str(frames.sizes()));
    const int64_t T = frames.size(0), D = frames.size(1);
    const auto starts = windowStarts(T, clipLength, stride);
    torch::Tensor x = frames.to(torch::kFloat);
    // Zero padding at the tail so every window is a plain slice.
    const int64_t padded = starts.empty() ? 0 : starts.back() + clipLength;
    torch::Tensor xp = torch::zeros({std::max(padded, T), D});
    xp.slice(0, 0, T).copy_(x);
    torch::Tensor sum = torch::zeros({std::max(padded, T), D});
    torch::Tensor count = torch::zeros({std::max(padded, T), 1});
    torch::Tensor pos = torch::arange(clipLength);
    for (std::size_t b0 = 0; b0 < starts.size(); b0 += std::size_t(batch)) {
        const std::size_t b1 = std::min(starts.size(), b0 + std::size_t(batch));
        const int64_t B = int64_t(b1 - b0);
        torch::Tensor st = torch::tensor(std::vector<int64_t>(starts.begin() + b0, starts.begin() + b1));
        torch::Tensor idx = st.view({B, 1}) + pos.view({1, clipLength});  // [B, L]
        torch::Tensor valid = idx < T;
        torch::Tensor out = temporal.forward(xp.index_select(0, idx.view({-1})).view({B, clipLength, D}), valid);
        torch::Tensor w = valid.to(torch::kFloat).view({-1, 1});
        sum.index_add_(0, idx.view({-1}), out.reshape({-1, D}) * w);
        count.index_add_(0, idx.view({-1}), w);
    }
    return (sum.slice(0, 0, T) / count.slice(0, 0, T).clamp_min(1)).contiguous();
}

} // namespace vaclip::model
