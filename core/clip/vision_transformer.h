#pragma once
// CLIP's image tower (OpenAI's VisionTransformer): conv1 patch embedding (no bias), class token,
// positional embedding, ln_pre, transformer, ln_post, proj. Parameter names are OpenAI's
// relative to "visual.".
//
// Input sizes other than the training resolution work: the patch-grid part of the positional
// embedding is resized bicubically (align_corners = false, the class position kept), as
// open_clip's resize_pos_embed does. (AnomalyCLIP's own code resizes bilinearly.)
//
// Thread safety: forward may run concurrently in eval mode.

#include "clip/clip_layers.h"

#include <torch/nn/modules/conv.h>

#include <vector>

namespace vaclip::clip {

struct ClipConfig;

/// The transformer output of some blocks, each passed through ln_post and proj.
struct VisualTokens {
    std::vector<int> layers;               ///< 1-based block numbers, in request order
    std::vector<torch::Tensor> normed;     ///< per layer: [B, 1 + N, W] after ln_post (class first)
    std::vector<torch::Tensor> projected;  ///< per layer: [B, 1 + N, D] = normed @ proj
    torch::Tensor embedding;               ///< [B, D] the image embedding (last block, class token)
};

class VisionTransformerImpl : public torch::nn::Module {
public:
    explicit VisionTransformerImpl(const ClipConfig& config);

    /// images [B, 3, S, S] float, S a multiple of the patch size -> [B, D] (encode_image).
    torch::Tensor forward(const torch::Tensor& images);
    /// All tokens of the given 1-based blocks (empty = the last), after ln_post and proj.
    VisualTokens tokens(const torch::Tensor& images, const std::vector<int>& layers);
    /// Tokens for dense (per-patch) prompt matching, one layer: [B, 1 + N, D] in `projected`.
    /// The class token is the image embedding; each patch token is the last block's value path
    /// for that patch alone, ln_post(out_proj(v_proj(ln_1(x_j)))) @ proj, i.e. the patch's own
    /// contribution to the class token's attention output, without the residual, the MLP and the
    /// query-key mixing (MaskCLIP, Zhou et al. 2022; ClearCLIP, Lan et al. 2024). The last block's
    /// ordinary patch outputs never reach CLIP's loss (only the class token does), so they are not
    /// aligned with text: on the demo world they score background above the actors (patch AUROC
    /// 0.39 against the anomaly prompts; this path 0.88, see core/infer/pixel_maps.h).
    VisualTokens denseTokens(const torch::Tensor& images);

    /// The positional embedding for an input of `size` pixels: [1 + (size/patch)^2, W].
    torch::Tensor positionalEmbeddingFor(int64_t size);

    torch::nn::Conv2d conv1{nullptr};
    torch::Tensor class_embedding, positional_embedding, proj;
    LayerNorm ln_pre{nullptr}, ln_post{nullptr};
    Transformer transformer{nullptr};

private:
    /// conv1, class token, positions, ln_pre: [B, 1 + N, W], ready for the transformer.
    torch::Tensor embed(const torch::Tensor& images);

    int64_t m_width, m_patch, m_resolution;
};
TORCH_MODULE(VisionTransformer);

} // namespace vaclip::clip
