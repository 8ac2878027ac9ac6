#include "model/temporal_transformer.h"

#include "common/error.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include <cmath>
#include <limits>

namespace vaclip::model {

TemporalBlockImpl::TemporalBlockImpl(int64_t dim, int64_t heads) : m_heads(heads)
{
    ln1 = register_module("ln1", torch::nn::LayerNorm(torch::nn::LayerNormOptions({dim})));
    ln2 = register_module("ln2", torch::nn::LayerNorm(torch::nn::LayerNormOptions({dim})));
    qkv = register_module("qkv", torch::nn::Linear(dim, 3 * dim));
    out = register_module("out", torch::nn::Linear(dim, dim));
    fc1 = register_module("fc1", torch::nn::Linear(dim, 4 * dim));
    fc2 = register_module("fc2", torch::nn::Linear(4 * dim, dim));
}

torch::Tensor TemporalBlockImpl::forward(const torch::Tensor& x, const torch::Tensor& keyMask,
                                         const std::function<torch::Tensor(const torch::Tensor&)>& drop)
{
    const int64_t B = x.size(0), L = x.size(1), D = x.size(2), hd = D / m_heads;
    torch::Tensor q, k, v;
    {
        auto parts = qkv->forward(ln1->forward(x)).view({B, L, 3, m_heads, hd}).permute({2, 0, 3, 1, 4});
        q = parts[0], k = parts[1], v = parts[2];  // [B, H, L, hd]
    }
    torch::Tensor att = torch::matmul(q, k.transpose(-2, -1)) / std::sqrt(double(hd));
    if (keyMask.defined())
        att = att + keyMask;
    att = torch::softmax(att, -1);
    torch::Tensor a = torch::matmul(att, v).permute({0, 2, 1, 3}).reshape({B, L, D});
    torch::Tensor h = x + drop(out->forward(a));
    return h + drop(fc2->forward(torch::gelu(fc1->forward(ln2->forward(h)))));
}

torch::Tensor sinusoidalPositions(int64_t length, int64_t dim)
{
    torch::Tensor pos = torch::arange(length, torch::kFloat).unsqueeze(1);
    torch::Tensor i = torch::arange(0, dim, 2, torch::kFloat);
    torch::Tensor freq = torch::exp(-std::log(10000.0) * i / double(dim));
    torch::Tensor table = torch::zeros({length, dim});
    table.index_put_({torch::indexing::Slice(), torch::indexing::Slice(0, torch::indexing::None, 2)},
                     torch::sin(pos * freq));
    const int64_t odd = dim / 2;
    table.index_put_({torch::indexing::Slice(), torch::indexing::Slice(1, torch::indexing::None, 2)},
                     torch::cos(pos * freq.slice(0, 0, odd)));
    return table;
}

TemporalTransformerImpl::TemporalTransformerImpl(const TemporalTransformerOptions& options)
    : m_options(options), m_generator(at::make_generator<at::CPUGeneratorImpl>(0))
{
    if (options.dim <= 0 || options.layers < 0 || options.heads <= 0 || options.maxLength <= 0)
        throw Error(ErrorCode::InvalidArgument, "temporal transformer: dim, heads and clip length must be positive");
    if (options.dim % options.heads != 0)
        throw Error(ErrorCode::InvalidArgument,
                    "temporal_heads (" + std::to_string(options.heads) + ") must divide the embedding size " +
                        std::to_string(options.dim));
    if (options.dropout < 0 || options.dropout >= 1)
        throw Error(ErrorCode::InvalidArgument, "temporal transformer dropout must be in [0, 1)");
    blocks = register_module("blocks", torch::nn::ModuleList());
    for (int64_t i = 0; i < options.layers; ++i)
        blocks->push_back(TemporalBlock(options.dim, options.heads));
    lnFinal = register_module("ln_final", torch::nn::LayerNorm(torch::nn::LayerNormOptions({options.dim})));
    proj = register_module("proj", torch::nn::Linear(options.dim, options.dim));
    {
        torch::NoGradGuard g;
        proj->weight.zero_();
        proj->bias.zero_();
    }
    if (options.position == TemporalPosition::Learned)
        position = register_parameter("position", torch::randn({options.maxLength, options.dim}) * 0.02);
    else
        position = register_buffer("position", sinusoidalPositions(options.maxLength, options.dim));
}

void TemporalTransformerImpl::seedDropout(uint64_t seed)
{
    std::lock_guard<std::mutex> lock(m_generator.mutex());
    m_generator.set_current_seed(seed);
}

torch::Tensor TemporalTransformerImpl::dropoutState() const
{
    std::lock_guard<std::mutex> lock(m_generator.mutex());
    return m_generator.get_state();
}

void TemporalTransformerImpl::setDropoutState(const torch::Tensor& state)
{
    std::lock_guard<std::mutex> lock(m_generator.mutex());
    m_generator.set_state(state);
}

torch::Tensor TemporalTransformerImpl::forward(const torch::Tensor& x, const torch::Tensor& valid)
{
    if (x.dim() != 3 || x.size(2) != m_options.dim || x.size(1) < 1 || x.size(1) > m_options.maxLength)
        throw Error(ErrorCode::InvalidArgument,
                    "temporal transformer input must be [B, 1.." + std::to_string(m_options.maxLength) + ", " +
                        std::to_string(m_options.dim) + "], got " + c10::str(x.sizes()));
    if (m_options.layers == 0)
        return x;
    const int64_t L = x.size(1);
    torch::Tensor keyMask;
    if (valid.defined()) {
        if (valid.sizes() != torch::IntArrayRef({x.size(0), L}))
            throw Error(ErrorCode::InvalidArgument, "temporal transformer mask must be [B, L] like the input, got " +
                                                        c10::str(valid.sizes()));
        torch::Tensor v = valid.to(torch::kBool);
        if (x.size(0) > 0 && (v.sum(1) == 0).any().item<bool>())
            throw Error(ErrorCode::InvalidArgument, "temporal transformer: a window has no valid frame");
        keyMask = torch::zeros({x.size(0), 1, 1, L}, x.options())
                      .masked_fill(v.logical_not().view({x.size(0), 1, 1, L}),
                                   -std::numeric_limits<float>::infinity());
    }
    const double p = is_training() ? m_options.dropout : 0.0;
    auto drop = [this, p](const torch::Tensor& t) -> torch::Tensor {
        if (p <= 0)
            return t;
        torch::Tensor keep = torch::empty_like(t);
        keep.bernoulli_(1.0 - p, m_generator);  // locks the generator itself
        return t * keep / (1.0 - p);
    };
    torch::Tensor h = x + position.slice(0, 0, L).unsqueeze(0);
    for (const auto& b : *blocks)
        h = b->as<TemporalBlock>()->forward(h, keyMask, drop);
    return x + proj->forward(lnFinal->forward(h));
}

} // namespace vaclip::model
