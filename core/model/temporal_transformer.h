#pragma once
// A small transformer over a window of per-frame CLIP embeddings that stays in CLIP's joint space.
//
//   TemporalTransformer tt(TemporalTransformerOptions{512, 2, 8, 16, 0.1, TemporalPosition::Learned});
//   tt->seedDropout(42);
//   torch::Tensor v = tt->forward(x, valid);   // x [B, L, D] float, valid [B, L] bool -> [B, L, D]
//
// Architecture: h = x + P (P: learned [maxLength, D] or fixed sinusoidal positions), then `layers`
// pre-norm blocks (multi-head self-attention + GELU MLP of width 4D, dropout on both residual
// branches), a final LayerNorm and an output projection whose weight and bias start at zero; the
// result is x + proj(h). So before training forward(x) == x exactly: V_t is the CLIP embedding and
// zero-shot prompts work from step 0.
//
// Masking: `valid` (optional) marks real frames; padded positions are never attended to (keys are
// masked), and their outputs are meaningless (callers ignore them). A window of only padding is an
// error.
//
// Dropout draws from the module's own generator (seedDropout / dropoutState), not the global one,
// so training is reproducible and resumable and several models can train on different threads.
// Thread safety: forward() in eval mode may run concurrently; training mutates the generator.

#include "config/config.h"

#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>
#include <torch/nn/pimpl.h>
#include <ATen/core/Generator.h>

namespace vaclip::model {

struct TemporalTransformerOptions {
    int64_t dim = 512;        ///< D, CLIP's joint embedding size
    int64_t layers = 2;       ///< 0 = identity (positions unused)
    int64_t heads = 8;        ///< must divide dim
    int64_t maxLength = 16;   ///< longest window (clip_length)
    double dropout = 0.1;
    TemporalPosition position = TemporalPosition::Learned;
};

class TemporalBlockImpl : public torch::nn::Module {
public:
    TemporalBlockImpl(int64_t dim, int64_t heads);
    /// x [B, L, D]; keyMask additive [B, 1, 1, L] (0 or -inf) or undefined.
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& keyMask,
                          const std::function<torch::Tensor(const torch::Tensor&)>& drop);

    torch::nn::LayerNorm ln1{nullptr}, ln2{nullptr};
    torch::nn::Linear qkv{nullptr}, out{nullptr}, fc1{nullptr}, fc2{nullptr};

private:
    int64_t m_heads;
};
TORCH_MODULE(TemporalBlock);

class TemporalTransformerImpl : public torch::nn::Module {
public:
    explicit TemporalTransformerImpl(const TemporalTransformerOptions& options);

    /// x [B, L, D] float, L <= maxLength; valid [B, L] bool or undefined (all valid) -> [B, L, D].
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& valid = {});

    const TemporalTransformerOptions& options() const { return m_options; }
    void seedDropout(uint64_t seed);
    torch::Tensor dropoutState() const;             ///< generator state (uint8 tensor)
    void setDropoutState(const torch::Tensor& state);

    torch::nn::ModuleList blocks;
    torch::nn::LayerNorm lnFinal{nullptr};
    torch::nn::Linear proj{nullptr};  ///< zero-initialised
    torch::Tensor position;           ///< [maxLength, D]; a parameter when learned, else a buffer

private:
    TemporalTransformerOptions m_options;
    mutable at::Generator m_generator;
};
TORCH_MODULE(TemporalTransformer);

/// The fixed sinusoidal table of "Attention is all you need": [length, dim].
torch::Tensor sinusoidalPositions(int64_t length, int64_t dim);

} // namespace vaclip::model
