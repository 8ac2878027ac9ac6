#include "train/losses.h"

#include "common/error.h"

#include <torch/torch.h>

namespace vaclip::train {

torch::Tensor focalLoss(const torch::Tensor& p, const torch::Tensor& y, double gamma)
{
    if (p.sizes() != y.sizes())
        throw Error(ErrorCode::Mismatch, "focal loss: probabilities " + c10::str(p.sizes()) + " and targets " +
                                             c10::str(y.sizes()) + " differ in shape");
    torch::Tensor q = p.clamp(1e-6, 1 - 1e-6);
    torch::Tensor pos = y * (1 - q).pow(gamma) * torch::log(q);
    torch::Tensor neg = (1 - y) * q.pow(gamma) * torch::log(1 - q);
    return -(pos + neg).mean();
}

torch::Tensor diceLoss(const torch::Tensor& p, const torch::Tensor& y, double smooth)
{
    if (p.sizes() != y.sizes() || p.dim() < 1)
        throw Error(ErrorCode::Mismatch, "dice loss: maps " + c10::str(p.sizes()) + " and targets " +
                                             c10::str(y.sizes()) + " differ in shape");
    torch::Tensor pf = p.reshape({p.size(0), -1}), yf = y.reshape({y.size(0), -1});
    torch::Tensor dice = (2 * (pf * yf).sum(1) + smooth) / (pf.sum(1) + yf.sum(1) + smooth);
    return 1 - dice.mean();
}

torch::Tensor milRankingLoss(const torch::Tensor& anomalous, const torch::Tensor& normal, double margin)
{
    if (anomalous.numel() == 0 || normal.numel() == 0)
        return torch::zeros({}, anomalous.options());
    torch::Tensor d = margin - anomalous.view({-1, 1}) + normal.view({1, -1});
    return torch::relu(d).mean();
}

} // namespace vaclip::train
