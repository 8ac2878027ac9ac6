#pragma once
// CLIP (ViT) in LibTorch, numerically OpenAI's clip/model.py in float32 on the CPU.
//
//   ClipModel clip = loadClip("ViT-B-16.pt");          // clip_loader.h; eval mode, fp32
//   c10::InferenceMode guard;
//   torch::Tensor img = clip->encodeImage(images);     // [B, 3, 224, 224] normalised -> [B, 512]
//   torch::Tensor txt = clip->encodeText(ids);         // [T, 77] int64 -> [T, 512]
//   torch::Tensor logits = clip->logitsPerImage(img, txt);  // [B, T]
//
// Parameter names (named_parameters()) are exactly OpenAI's state-dict keys: visual.conv1.weight,
// visual.transformer.resblocks.0.attn.in_proj_weight, token_embedding.weight, text_projection,
// logit_scale, ... Features are not normalised (encode_image / encode_text semantics).
//
// Threads: set them once from the caller (setComputeThreads, runtime/torch_runtime.h).
// Thread safety: after loading, the encode functions may run concurrently in eval mode; nothing
// in the model changes during a forward.

#include "clip/clip_config.h"
#include "clip/clip_layers.h"
#include "clip/vision_transformer.h"

#include <torch/nn/modules/embedding.h>

#include <string>
#include <vector>

namespace vaclip::clip {

/// Per-layer prompt tokens for the text transformer (MaPLe / AnomalyCLIP "deeper" compound
/// prompts): before block i (0-based, i >= 1) runs, if perLayer[i - 1] is defined ([n, W] or
/// [B, n, W]), the tokens at positions [offset, offset + n) are replaced by it. Block 0 sees the
/// prompt embeddings passed in. Gradients flow into the given tensors.
struct DeepTextPrompts {
    std::vector<torch::Tensor> perLayer;
    int offset = 1;  ///< after the start-of-text token
};

/// Where a loaded model came from (set by loadClip).
struct ClipIdentity {
    std::string backboneId;  ///< architectureName() + "-" + 16 hex digits of the weights' hash
    std::string format;      ///< "torchscript", "safetensors", "huggingface", "pickle"
    std::string path;        ///< what the user pointed at
};

class ClipModelImpl : public torch::nn::Module {
public:
    /// Randomly initialised (PyTorch defaults) modules of the given shape; loadClip fills them.
    explicit ClipModelImpl(const ClipConfig& config);

    const ClipConfig& config() const { return m_config; }
    const ClipIdentity& identity() const { return m_identity; }
    void setIdentity(ClipIdentity identity) { m_identity = std::move(identity); }

    /// images [B, 3, S, S] float (normalised, preprocess.h), S any multiple of the patch size
    /// (positions are interpolated when S != config().imageResolution) -> [B, D].
    torch::Tensor encodeImage(const torch::Tensor& images);
    /// Every token of the given 1-based blocks (empty = {last}) after ln_post, and projected; the
    /// class token comes first. The embedding field equals encodeImage().
    VisualTokens encodeImageTokens(const torch::Tensor& images, const std::vector<int>& layers = {});
    /// Tokens for pixel maps: the class token (= encodeImage()) and per-patch value-path tokens
    /// of the last block (VisionTransformerImpl::denseTokens), projected: [B, 1 + N, D].
    VisualTokens encodeImageDenseTokens(const torch::Tensor& images);

    /// ids [B, L] int64 (L <= contextLength; SOT ... EOT 0-padded) -> [B, D], pooled at the EOT
    /// token = argmax(ids) (the highest id, 49407).
    torch::Tensor encodeText(const torch::Tensor& ids);
    /// embeddings [B, L, W] token embeddings (tokenEmbedding(ids), possibly with learned vectors
    /// spliced in; WITHOUT positions: the positional embedding is added here), eotIndex [B] int64
    /// -> [B, D]. encodeText(ids) == encodeTextFromEmbeddings(tokenEmbedding(ids), argmax(ids)).
    /// `deep` (optional) replaces prompt tokens at every block (see DeepTextPrompts).
    torch::Tensor encodeTextFromEmbeddings(const torch::Tensor& embeddings,
                                           const torch::Tensor& eotIndex,
                                           const DeepTextPrompts* deep = nullptr);
    /// ids [B, L] int64 -> [B, L, W] (token_embedding).
    torch::Tensor tokenEmbedding(const torch::Tensor& ids);

    /// exp(logit_scale): the factor applied to cosine similarities (100 in OpenAI's models).
    double logitScale() const;
    /// OpenAI's forward: exp(logit_scale) * normalise(image) @ normalise(text)^T -> [B, T].
    torch::Tensor logitsPerImage(const torch::Tensor& imageFeatures,
                                 const torch::Tensor& textFeatures) const;

    // OpenAI's module tree.
    VisionTransformer visual{nullptr};
    Transformer transformer{nullptr};
    torch::nn::Embedding token_embedding{nullptr};
    LayerNorm ln_final{nullptr};
    torch::Tensor positional_embedding, text_projection, logit_scale;

private:
    ClipConfig m_config;
    ClipIdentity m_identity;
};
TORCH_MODULE(ClipModel);

} // namespace vaclip::clip
