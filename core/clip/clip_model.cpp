#include "clip/clip_model.h"

#include "common/error.h"

#include <limits>

namespace vaclip::clip {

ClipModelImpl::ClipModelImpl(const ClipConfig& config) : m_config(config)
{
    const ClipConfig& c = config;
    // Registration order = OpenAI's CLIP.__init__ (visual, transformer, token_embedding, ...).
    visual = register_module("visual", VisionTransformer(c));
    transformer = register_module("transformer",
                                  Transformer(c.transformerWidth, c.transformerLayers,
                                              c.transformerHeads, c.textMlpWidth, c.layerNormEps));
    token_embedding = register_module("token_embedding",
                                      torch::nn::Embedding(c.vocabSize, c.transformerWidth));
    positional_embedding = register_parameter("positional_embedding",
                                              torch::zeros({c.contextLength, c.transformerWidth}));
    ln_final = register_module("ln_final", LayerNorm(c.transformerWidth, c.layerNormEps));
    text_projection = register_parameter("text_projection",
                                         torch::zeros({c.transformerWidth, c.embedDim}));
    logit_scale = register_parameter("logit_scale", torch::full({}, std::log(1 / 0.07)));
}

torch::Tensor ClipModelImpl::encodeImage(const torch::Tensor& images)
{
    return visual->forward(images);
}

VisualTokens ClipModelImpl::encodeImageTokens(const torch::Tensor& images, const std::vector<int>& layers)
{
    return visual->tokens(images, layers);
}

VisualTokens ClipModelImpl::encodeImageDenseTokens(const torch::Tensor& images)
{
    return visual->denseTokens(images);
}

torch::Tensor ClipModelImpl::tokenEmbedding(const torch::Tensor& ids)
{
    return token_embedding->forward(ids);
}

torch::Tensor ClipModelImpl::encodeText(const torch::Tensor& ids)
{
    if (ids.dim() != 2 || ids.scalar_type() != torch::kLong)
        throw Error(ErrorCode::InvalidArgument,
                    "CLIP text ids must be an int64 [B, L] tensor, got " +
                        std::string(c10::toString(ids.scalar_type())) + " " +
                        shapeString(ids.sizes().vec()));
    return encodeTextFromEmbeddings(tokenEmbedding(ids), ids.argmax(-1));
}

torch::Tensor ClipModelImpl::encodeTextFromEmbeddings(const torch::Tensor& embeddings,
                                                      const torch::Tensor& eotIndex,
                                                      const DeepTextPrompts* deep)
{
    const int64_t W = m_config.transformerWidth;
    if (embeddings.dim() != 3 || embeddings.size(2) != W ||
        embeddings.size(1) > m_config.contextLength || embeddings.size(1) < 1)
        throw Error(ErrorCode::InvalidArgument,
                    "CLIP text embeddings must be [B, L <= " + std::to_string(m_config.contextLength) +
                        ", " + std::to_string(W) + "], got " + shapeString(embeddings.sizes().vec()));
    const int64_t B = embeddings.size(0), L = embeddings.size(1);
    if (eotIndex.dim() != 1 || eotIndex.size(0) != B || !c10::isIntegralType(eotIndex.scalar_type(), false))
        throw Error(ErrorCode::InvalidArgument,
                    "CLIP EOT indices must be an integer [" + std::to_string(B) + "] tensor, got " +
                        shapeString(eotIndex.sizes().vec()));
    if (B > 0 && (eotIndex.min().item<int64_t>() < 0 || eotIndex.max().item<int64_t>() >= L))
        throw Error(ErrorCode::InvalidArgument,
                    "CLIP EOT index outside the " + std::to_string(L) + " text positions");

    torch::Tensor x = embeddings.to(positional_embedding.scalar_type()) +
                      positional_embedding.slice(0, 0, L);
    // Causal mask as in build_attention_mask(): -inf above the diagonal.
    const torch::Tensor mask =
        torch::full({L, L}, -std::numeric_limits<float>::infinity(), x.options()).triu_(1);

    BlockInputHook before;
    if (deep && !deep->perLayer.empty()) {
        before = [deep, B, L, W](int layer, const torch::Tensor& in) -> torch::Tensor {
            if (layer < 1 || std::size_t(layer - 1) >= deep->perLayer.size() ||
                !deep->perLayer[std::size_t(layer - 1)].defined())
                return in;
            torch::Tensor p = deep->perLayer[std::size_t(layer - 1)].to(in.scalar_type());
            if (p.dim() == 2)
                p = p.unsqueeze(0).expand({B, p.size(0), p.size(1)});
            const int64_t n = p.size(1), at = deep->offset;
            if (p.dim() != 3 || p.size(0) != B || p.size(2) != W || at < 0 || at + n > L)
                throw Error(ErrorCode::InvalidArgument,
                            "deep text prompt for block " + std::to_string(layer) + " has shape " +
                                shapeString(p.sizes().vec()) + ", which does not fit at offset " +
                                std::to_string(at) + " of " + std::to_string(L) + " tokens");
            return torch::cat({in.slice(1, 0, at), p, in.slice(1, at + n)}, 1);
        };
    }
    x = transformer->forward(x, mask, before);
    // Pool at EOT first: ln_final works per token, so this equals OpenAI's ln_final-then-index.
    const torch::Tensor pooled =
        x.index({torch::arange(B, eotIndex.options().dtype(torch::kLong)), eotIndex.to(torch::kLong)});
    return at::matmul(ln_final->forward(pooled), text_projection);
}

double ClipModelImpl::logitScale() const
{
    return logit_scale.exp().item<double>();
}

torch::Tensor ClipModelImpl::logitsPerImage(const torch::Tensor& imageFeatures,
                                            const torch::Tensor& textFeatures) const
{
    const torch::Tensor img = imageFeatures / imageFeatures.norm(2, {1}, true);
    const torch::Tensor txt = textFeatures / textFeatures.norm(2, {1}, true);
    return at::matmul(logit_scale.exp() * img, txt.t());
}

} // namespace vaclip::clip
