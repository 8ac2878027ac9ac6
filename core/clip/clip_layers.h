#pragma once
// The building blocks of OpenAI's clip/model.py, as LibTorch modules whose parameter names are
// OpenAI's (ln_1.weight, attn.in_proj_weight, attn.out_proj.weight, mlp.c_fc.weight, ...), so
// named_parameters() of a ClipModel lists exactly the keys of an OpenAI state dict.
//
// Layout: activations are batch first, [B, L, W] (OpenAI permutes to [L, B, W] around its
// transformer; the arithmetic per token is the same). Attention is nn.MultiheadAttention's
// (PyTorch 1.13): q / sqrt(head_dim), baddbmm with the additive mask, softmax, bmm, out_proj.
//
// Thread safety: forward() may run concurrently on one module in eval mode (no state changes).

#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/pimpl.h>

#include <functional>

namespace vaclip::clip {

/// OpenAI's LayerNorm subclass: computes in float32 and casts back to the input dtype.
class LayerNormImpl : public torch::nn::Module {
public:
    LayerNormImpl(int64_t width, double eps);
    torch::Tensor forward(const torch::Tensor& x);
    double eps() const { return m_eps; }

    torch::Tensor weight, bias;

private:
    int64_t m_width;
    double m_eps;
};
TORCH_MODULE(LayerNorm);

/// nn.MultiheadAttention(width, heads) used as self-attention (q = k = v = x).
class MultiheadAttentionImpl : public torch::nn::Module {
public:
    MultiheadAttentionImpl(int64_t width, int64_t heads);
    /// x [B, L, W]; mask undefined or additive [L, L] (-inf where not allowed). -> [B, L, W]
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& mask = {});
    int64_t heads() const { return m_heads; }

    torch::Tensor in_proj_weight, in_proj_bias;  // OpenAI names: [3W, W], [3W]
    torch::nn::Linear out_proj{nullptr};

private:
    int64_t m_width, m_heads;
};
TORCH_MODULE(MultiheadAttention);

/// c_fc -> QuickGELU (x * sigmoid(1.702 x)) -> c_proj.
class MlpImpl : public torch::nn::Module {
public:
    MlpImpl(int64_t width, int64_t hidden);
    torch::Tensor forward(const torch::Tensor& x);

    torch::nn::Linear c_fc{nullptr}, c_proj{nullptr};
};
TORCH_MODULE(Mlp);

/// x + attn(ln_1(x)), then x + mlp(ln_2(x)).
/// Without autograd (InferenceMode / NoGradGuard, float32, x not requiring grad) forward() takes
/// forwardInference(): the same function tiled for the caches, with no full-size intermediates
/// but the output (same values up to float rounding, ~1e-6 relative).
class ResidualAttentionBlockImpl : public torch::nn::Module {
public:
    ResidualAttentionBlockImpl(int64_t width, int64_t heads, int64_t mlpWidth, double eps);
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& mask = {});
    torch::Tensor forwardInference(const torch::Tensor& x, const torch::Tensor& mask = {});

    MultiheadAttention attn{nullptr};
    LayerNorm ln_1{nullptr}, ln_2{nullptr};
    Mlp mlp{nullptr};
};
TORCH_MODULE(ResidualAttentionBlock);

/// Called before block `layer` (0-based) runs, with that block's input; returns the input to use.
/// The hook for deep prompts (replace some tokens at each layer) and other per-layer edits.
using BlockInputHook = std::function<torch::Tensor(int layer, const torch::Tensor& x)>;
/// Called with the output of block `layer` (0-based); e.g. to keep intermediate tokens.
using BlockOutputHook = std::function<void(int layer, const torch::Tensor& x)>;

/// A stack of residual attention blocks ("resblocks.N.*").
class TransformerImpl : public torch::nn::Module {
public:
    TransformerImpl(int64_t width, int64_t layers, int64_t heads, int64_t mlpWidth, double eps);
    /// x [B, L, W] -> [B, L, W]; the hooks are optional.
    torch::Tensor forward(torch::Tensor x, const torch::Tensor& mask = {},
                          const BlockInputHook& before = {}, const BlockOutputHook& after = {});
    int64_t layers() const { return int64_t(resblocks->size()); }

    torch::nn::ModuleList resblocks;
};
TORCH_MODULE(Transformer);

} // namespace vaclip::clip
