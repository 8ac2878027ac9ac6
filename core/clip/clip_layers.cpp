#include "clip/clip_layers.h"

#include <ATen/Parallel.h>

#include <algorithm>
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
    // nn.MultiheadAttention's initialisation (xavier_uniform_ weights, zero biases).
    in_proj_weight = register_parameter("in_proj_weight", torch::empty({3 * width, width}));
    {
        torch::NoGradGuard noGrad;
        torch::nn::init::xavier_uniform_(in_proj_weight);
    }
    in_proj_bias = register_parameter("in_proj_bias", torch::zeros({3 * width}));
    out_proj = register_module("out_proj", torch::nn::Linear(width, width));
    torch::NoGradGuard noGrad;
    out_proj->bias.zero_();
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
    if (!x.requires_grad() && (c10::InferenceMode::is_enabled() || !torch::GradMode::is_enabled()) &&
        x.scalar_type() == torch::kFloat && x.dim() == 3)
        return forwardInference(x, mask);
    torch::Tensor y = x + attn->forward(ln_1->forward(x), mask);
    return y + mlp->forward(ln_2->forward(y));
}

torch::Tensor ResidualAttentionBlockImpl::forwardInference(const torch::Tensor& xIn, const torch::Tensor& mask)
{
    // The same arithmetic as forward(), tiled so every intermediate of a tile stays in the caches
    // and nothing but the block output is allocated at full size: a tile of images for the
    // attention, a tile of tokens for the MLP. Residuals and biases are folded into the GEMMs
    // (addmm beta / alpha); QuickGELU h * sigmoid(1.702 h) is computed as silu(1.702 h) / 1.702
    // with the 1.702 in c_fc's alpha/beta and the 1 / 1.702 in c_proj's alpha (one in-place pass
    // instead of three allocating ones). Results differ from forward() only by float rounding.
    const torch::Tensor x = xIn.contiguous();
    const int64_t B = x.size(0), L = x.size(1), W = x.size(2);
    const int64_t H = attn->heads(), Dh = W / H;
    const double eps = ln_1->eps();
    const torch::Tensor& inW = attn->in_proj_weight;
    const torch::Tensor& inB = attn->in_proj_bias;
    const torch::Tensor& outW = attn->out_proj->weight;
    const torch::Tensor& outB = attn->out_proj->bias;

    // y = x + out_proj.bias, then y += attention(ln_1(x)) @ out_proj.weight^T tile by tile.
    torch::Tensor y = at::add(x, outB);
    // Tile: images whose q, k, v take at most ~2 M floats (8 MB), at least one image.
    const int64_t imagesPerTile = std::max<int64_t>(1, (int64_t(2) << 20) / std::max<int64_t>(1, 3 * L * W));
    const double scale = 1.0 / std::sqrt(double(Dh));
    for (int64_t b0 = 0; b0 < B; b0 += imagesPerTile) {
        const int64_t nb = std::min(imagesPerTile, B - b0);
        const torch::Tensor xt = x.narrow(0, b0, nb).view({nb * L, W});
        const torch::Tensor h = at::layer_norm(xt, {W}, ln_1->weight, ln_1->bias, eps);
        // [nb, L, 3, H, Dh] without a copy: each head's q, k, v is an [L, Dh] matrix with row
        // stride 3W, which BLAS reads in place.
        const torch::Tensor qkv = at::addmm(inB, h, inW.t()).view({nb, L, 3, H, Dh});
        torch::Tensor o = torch::empty({nb, L, W}, x.options());
        // One task per (image, head): scores, softmax and the weighted sum in one pass over a
        // cache-resident [L, L] tile, single-threaded GEMMs inside (at::parallel_for). The
        // batched bmm does one multi-threaded BLAS call per head instead, whose fork/join costs
        // more than the small product itself (measured: 2.6 GFLOP/s for ViT-B/16's q k^T).
        const bool inference = c10::InferenceMode::is_enabled();
        at::parallel_for(0, nb * H, 1, [&](int64_t begin, int64_t end) {
            c10::InferenceMode mode(inference);
            torch::NoGradGuard noGrad;
            torch::Tensor scores = torch::empty({L, L}, x.options());
            for (int64_t task = begin; task < end; ++task) {
                const int64_t b = task / H, head = task % H;
                const torch::Tensor qkvb = qkv.select(0, b);  // [L, 3, H, Dh]
                const torch::Tensor q = qkvb.select(1, 0).select(1, head);
                const torch::Tensor k = qkvb.select(1, 1).select(1, head);
                const torch::Tensor v = qkvb.select(1, 2).select(1, head);
                if (mask.defined()) {
                    scores.copy_(mask);
                    scores.addmm_(q, k.t(), 1.0, scale);
                } else {
                    scores.addmm_(q, k.t(), 0.0, scale);
                }
                at::_softmax_out(scores, scores, -1, false);
                torch::Tensor ob = o.select(0, b).narrow(1, head * Dh, Dh);  // [L, Dh], row stride W
                ob.addmm_(scores, v, 0.0, 1.0);
            }
        });
        o = o.view({nb * L, W});
        torch::Tensor yt = y.narrow(0, b0, nb).view({nb * L, W});
        yt.addmm_(o, outW.t());
    }

    // y += c_proj(quickgelu(c_fc(ln_2(y)))) tile by tile (~2 M floats of hidden activations).
    const torch::Tensor& fcW = mlp->c_fc->weight;
    const torch::Tensor& fcB = mlp->c_fc->bias;
    const torch::Tensor& prW = mlp->c_proj->weight;
    const torch::Tensor& prB = mlp->c_proj->bias;
    const int64_t hidden = fcW.size(0);
    const torch::Tensor flat = y.view({B * L, W});
    const int64_t rowsPerTile = std::max<int64_t>(64, (int64_t(2) << 20) / hidden);
    constexpr double kGelu = 1.702;
    for (int64_t r0 = 0; r0 < B * L; r0 += rowsPerTile) {
        torch::Tensor yt = flat.narrow(0, r0, std::min(rowsPerTile, B * L - r0));
        const torch::Tensor h = at::layer_norm(yt, {W}, ln_2->weight, ln_2->bias, eps);
        torch::Tensor g = at::addmm(fcB, h, fcW.t(), kGelu, kGelu);  // 1.702 * c_fc(h)
        at::silu_(g);                                                // 1.702 * quickgelu
        yt.add_(prB);
        yt.addmm_(g, prW.t(), 1.0, 1.0 / kGelu);
    }
    return y;
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
