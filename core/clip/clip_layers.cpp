#include "clip/clip_layers.h"

#include <cmath>

namespace vaclip::clip {

LayerNormImpl::LayerNormImpl(int64_t width, double eps) : m_width(width), m_eps(eps)
{
    weight = register_parameter("weight", torch::ones({width}));
    bias = register_parameter("bias", torch::zeros({width}));
}

torch::Tensor LayerNormImpl::forward(const torch::Tensor& x)
{
    const auto dtype = x.scalar_type();
    torch::Tensor y = at::layer_norm(x.to(torch::kFloat), {m_width}, weight, bias, m_eps);
    return dtype == torch::kFloat ? y : y.to(dtype);
}

MultiheadAttentionImpl::MultiheadAttentionImpl(int64_t width, int64_t heads)
    : m_width(width), m_heads(heads)
{
    in_proj_weight = register_parameter("in_proj_weight", torch::empty({3 * width, width}));
    in_proj_bias = register_parameter("in_proj_bias", torch::zeros({3 * width}));
    out_proj = register_module("out_proj", torch::nn::Linear(width, width));
}

torch::Tensor MultiheadAttentionImpl::forward(const torch::Tensor& x, const torch::Tensor& mask)
{
    const int64_t B = x.size(0), L = x.size(1), W = m_width, H = m_heads, Dh = W / H;
    // One GEMM for q, k and v, then [3, B, H, L, Dh] contiguous so each is a free [B*H, L, Dh] view.
    const torch::Tensor qkv = at::linear(x, in_proj_weight, in_proj_bias)
                                  .view({B, L, 3, H, Dh})
                                  .permute({2, 0, 3, 1, 4})
                                  .contiguous();
    // Like PyTorch 1.13's F.multi_head_attention_forward: q is divided by sqrt(head_dim).
    const torch::Tensor q = qkv[0].view({B * H, L, Dh}).div(std::sqrt(double(Dh)));
    const torch::Tensor k = qkv[1].view({B * H, L, Dh});
    const torch::Tensor v = qkv[2].view({B * H, L, Dh});
    torch::Tensor scores = mask.defined() ? at::baddbmm(mask, q, k.transpose(1, 2))
                                          : at::bmm(q, k.transpose(1, 2));
    scores = at::softmax(scores, -1);
    const torch::Tensor out = at::bmm(scores, v)          // [B*H, L, Dh]
                                  .view({B, H, L, Dh})
                                  .transpose(1, 2)
                                  .reshape({B, L, W});
    return out_proj->forward(out);
}

MlpImpl::MlpImpl(int64_t width, int64_t hidden)
{
    c_fc = register_module("c_fc", torch::nn::Linear(width, hidden));
    c_proj = register_module("c_proj", torch::nn::Linear(hidden, width));
}

torch::Tensor MlpImpl::forward(const torch::Tensor& x)
{
    torch::Tensor h = c_fc->forward(x);
    // QuickGELU: x * sigmoid(1.702 * x). Without autograd the in-place ops give the same values
    // with fewer buffers; with it (prompt learning backpropagates through the frozen encoder)
    // h must stay intact.
    torch::Tensor gate = h.mul(1.702).sigmoid_();
    if (c10::InferenceMode::is_enabled() || !torch::GradMode::is_enabled())
        return c_proj->forward(h.mul_(gate));
    return c_proj->forward(h * gate);
}

ResidualAttentionBlockImpl::ResidualAttentionBlockImpl(int64_t width, int64_t heads,
                                                       int64_t mlpWidth, double eps)
{
    attn = register_module("attn", MultiheadAttention(width, heads));
    ln_1 = register_module("ln_1", LayerNorm(width, eps));
    mlp = register_module("mlp", Mlp(width, mlpWidth));
    ln_2 = register_module("ln_2", LayerNorm(width, eps));
}

torch::Tensor ResidualAttentionBlockImpl::forward(const torch::Tensor& x, const torch::Tensor& mask)
{
    torch::Tensor y = x + attn->forward(ln_1->forward(x), mask);
    return y + mlp->forward(ln_2->forward(y));
}

TransformerImpl::TransformerImpl(int64_t width, int64_t layers, int64_t heads, int64_t mlpWidth,
                                 double eps)
{
    resblocks = register_module("resblocks", torch::nn::ModuleList());
    for (int64_t i = 0; i < layers; ++i)
        resblocks->push_back(ResidualAttentionBlock(width, heads, mlpWidth, eps));
}

torch::Tensor TransformerImpl::forward(torch::Tensor x, const torch::Tensor& mask,
                                       const BlockInputHook& before, const BlockOutputHook& after)
{
    const int n = int(resblocks->size());
    for (int i = 0; i < n; ++i) {
        if (before)
            x = before(i, x);
        x = resblocks[i]->as<ResidualAttentionBlockImpl>()->forward(x, mask);
        if (after)
            after(i, x);
    }
    return x;
}

} // namespace vaclip::clip
