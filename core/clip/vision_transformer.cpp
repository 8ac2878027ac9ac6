#include "clip/vision_transformer.h"

#include "clip/clip_config.h"
#include "common/error.h"

#include <algorithm>

namespace vaclip::clip {

namespace F = torch::nn::functional;

VisionTransformerImpl::VisionTransformerImpl(const ClipConfig& c)
    : m_width(c.visionWidth), m_patch(c.visionPatchSize), m_resolution(c.imageResolution)
{
    const int64_t grid = c.visionGrid();
    conv1 = register_module("conv1", torch::nn::Conv2d(torch::nn::Conv2dOptions(3, m_width, m_patch)
                                                           .stride(m_patch)
                                                           .bias(false)));
    class_embedding = register_parameter("class_embedding", torch::zeros({m_width}));
    positional_embedding =
        register_parameter("positional_embedding", torch::zeros({grid * grid + 1, m_width}));
    ln_pre = register_module("ln_pre", LayerNorm(m_width, c.layerNormEps));
    transformer = register_module(
        "transformer", Transformer(m_width, c.visionLayers, c.visionHeads, c.visionMlpWidth,
                                   c.layerNormEps));
    ln_post = register_module("ln_post", LayerNorm(m_width, c.layerNormEps));
    proj = register_parameter("proj", torch::zeros({m_width, int64_t(c.embedDim)}));
}

torch::Tensor VisionTransformerImpl::positionalEmbeddingFor(int64_t size)
{
    if (size == m_resolution)
        return positional_embedding;
    if (size <= 0 || size % m_patch != 0)
        throw Error(ErrorCode::InvalidArgument,
                    "CLIP image size " + std::to_string(size) + " is not a multiple of the patch size " +
                        std::to_string(m_patch));
    const int64_t grid = m_resolution / m_patch, newGrid = size / m_patch;
    const torch::Tensor patches = positional_embedding.slice(0, 1)
                                      .reshape({1, grid, grid, m_width})
                                      .permute({0, 3, 1, 2});  // [1, W, g, g]
    const torch::Tensor resized =
        F::interpolate(patches, F::InterpolateFuncOptions()
                                    .size(std::vector<int64_t>{newGrid, newGrid})
                                    .mode(torch::kBicubic)
                                    .align_corners(false))
            .permute({0, 2, 3, 1})
            .reshape({newGrid * newGrid, m_width});
    return torch::cat({positional_embedding.slice(0, 0, 1), resized}, 0);
}

torch::Tensor VisionTransformerImpl::embed(const torch::Tensor& images)
{
    if (images.dim() != 4 || images.size(1) != 3 || images.size(2) != images.size(3))
        throw Error(ErrorCode::InvalidArgument,
                    "CLIP images must be [B, 3, S, S], got " + shapeString(images.sizes().vec()));
    const int64_t B = images.size(0);
    const torch::Tensor pos = positionalEmbeddingFor(images.size(2));
    torch::Tensor x = conv1->forward(images.to(class_embedding.scalar_type()));  // [B, W, g, g]
    x = x.flatten(2).transpose(1, 2);                                             // [B, g*g, W]
    const torch::Tensor cls = class_embedding.view({1, 1, m_width}).expand({B, 1, m_width});
    x = torch::cat({cls, x}, 1) + pos;
    return ln_pre->forward(x);
}

torch::Tensor VisionTransformerImpl::forward(const torch::Tensor& images)
{
    const torch::Tensor x = transformer->forward(embed(images));
    return at::matmul(ln_post->forward(x.select(1, 0)), proj);
}

VisualTokens VisionTransformerImpl::tokens(const torch::Tensor& images, const std::vector<int>& layers)
{
    const int n = int(transformer->layers());
    VisualTokens out;
    out.layers = layers.empty() ? std::vector<int>{n} : layers;
    for (int layer : out.layers)
        if (layer < 1 || layer > n)
            throw Error(ErrorCode::InvalidArgument,
                        "CLIP visual layer " + std::to_string(layer) + " out of range 1.." +
                            std::to_string(n));
    std::vector<torch::Tensor> kept(std::size_t(n) + 1);  // by 1-based block number
    const torch::Tensor last = transformer->forward(
        embed(images), {}, {}, [&](int i, const torch::Tensor& x) {
            if (std::find(out.layers.begin(), out.layers.end(), i + 1) != out.layers.end())
                kept[std::size_t(i) + 1] = x;
        });
    for (int layer : out.layers) {
        torch::Tensor normed = ln_post->forward(kept[std::size_t(layer)]);
        out.projected.push_back(at::matmul(normed, proj));
        out.normed.push_back(std::move(normed));
    }
    out.embedding = at::matmul(ln_post->forward(last.select(1, 0)), proj);
    return out;
}

VisualTokens VisionTransformerImpl::denseTokens(const torch::Tensor& images)
{
    const int n = int(transformer->layers());
    torch::Tensor lastInput;  // the input of the last block, [B, 1 + N, W]
    const torch::Tensor last = transformer->forward(embed(images), {}, [&](int i, const torch::Tensor& x) {
        if (i == n - 1)
            lastInput = x;
        return x;
    });
    auto* block = transformer->resblocks[std::size_t(n - 1)]->as<ResidualAttentionBlockImpl>();
    const int64_t W = m_width;
    const torch::Tensor value = at::linear(block->ln_1->forward(lastInput.slice(1, 1)),
                                           block->attn->in_proj_weight.slice(0, 2 * W, 3 * W),
                                           block->attn->in_proj_bias.slice(0, 2 * W, 3 * W));
    const torch::Tensor patches = block->attn->out_proj->forward(value);  // [B, N, W]
    torch::Tensor normed = ln_post->forward(torch::cat({last.slice(1, 0, 1), patches}, 1));
    VisualTokens out;
    out.layers = {n};
    out.projected.push_back(at::matmul(normed, proj));
    out.normed.push_back(std::move(normed));
    out.embedding = out.projected.back().select(1, 0);
    return out;
}

} // namespace vaclip::clip
