#include "model/prompt_learner.h"

#include "common/error.h"

#include <torch/torch.h>

#include <algorithm>

namespace vaclip::model {

PromptLearnerImpl::PromptLearnerImpl(clip::ClipModel clip, clip::Tokenizer tokenizer,
                                     PromptLearnerOptions options)
    : m_clip(std::move(clip)), m_tokenizer(std::move(tokenizer)), m_options(std::move(options))
{
    if (!m_clip)
        throw Error(ErrorCode::InvalidArgument, "prompt learner: no CLIP model");
    if (m_options.normal.empty() || m_options.abnormal.empty())
        throw Error(ErrorCode::InvalidArgument,
                    "generic_prompts.normal and generic_prompts.abnormal need at least one prompt each");
    const auto& cc = m_clip->config();
    if (m_options.nCtx < 0 || m_options.nCtx + 3 > cc.contextLength)
        throw Error(ErrorCode::InvalidArgument,
                    "n_ctx must be in [0, " + std::to_string(cc.contextLength - 3) + "], got " +
                        std::to_string(m_options.nCtx));
    if (m_options.deepLayers < 0)
        throw Error(ErrorCode::InvalidArgument, "deep_prompt_layers must be >= 0");
    // Deep prompts replace the context positions, so they need a context; block 0 sees the shallow one.
    const int deepLayers =
        m_options.nCtx == 0 ? 0 : std::min<int>(m_options.deepLayers, cc.transformerLayers - 1);
    m_options.deepLayers = deepLayers;
    for (auto& p : m_clip->parameters())
        p.set_requires_grad(false);
    const int64_t W = cc.transformerWidth;
    ctxNormal = register_parameter("ctx_normal", torch::randn({m_options.nCtx, W}) * 0.02);
    ctxAbnormal = register_parameter("ctx_abnormal", torch::randn({m_options.nCtx, W}) * 0.02);
    for (int i = 0; i < deepLayers; ++i)
        deep.push_back(register_parameter("deep_" + std::to_string(i), torch::randn({m_options.nCtx, W}) * 0.02));
}

int64_t PromptLearnerImpl::embedDim() const { return m_clip->config().embedDim; }

torch::Tensor PromptLearnerImpl::encodePlain(const std::vector<std::string>& texts)
{
    const int ctxLen = m_clip->config().contextLength;
    std::vector<int64_t> ids;
    int maxEot = 0;
    for (const auto& t : texts) {
        auto r = m_tokenizer.tokenize(t, ctxLen);
        ids.insert(ids.end(), r.ids.begin(), r.ids.end());
        maxEot = std::max(maxEot, r.eotIndex);
    }
    torch::Tensor idt = torch::tensor(ids, torch::kLong).view({int64_t(texts.size()), ctxLen});
    // The causal mask makes positions after EOT irrelevant: drop them (exact, and faster).
    return torch::nn::functional::normalize(m_clip->encodeText(idt.slice(1, 0, maxEot + 1)),
                                            torch::nn::functional::NormalizeFuncOptions().dim(-1));
}

torch::Tensor PromptLearnerImpl::encodeWithContext(const std::vector<std::string>& texts, const torch::Tensor& ctx)
{
    const int ctxLen = m_clip->config().contextLength;
    const int64_t n = m_options.nCtx, P = int64_t(texts.size());
    std::vector<int64_t> ids, eot;
    for (const auto& t : texts) {
        auto r = m_tokenizer.tokenize(t, ctxLen);
        if (r.truncated || r.eotIndex + n >= ctxLen)
            throw Error(ErrorCode::InvalidArgument,
                        "prompt '" + t + "' has " + std::to_string(r.tokenCount) + " tokens; with " +
                            std::to_string(n) + " context vectors at most " + std::to_string(ctxLen - 2 - n) +
                            " fit in CLIP's " + std::to_string(ctxLen) + " positions");
        ids.insert(ids.end(), r.ids.begin(), r.ids.end());
        eot.push_back(r.eotIndex + n);
    }
    const int64_t L = *std::max_element(eot.begin(), eot.end()) + 1;
    torch::Tensor idt = torch::tensor(ids, torch::kLong).view({P, ctxLen});
    torch::Tensor emb;
    {
        torch::NoGradGuard g;  // frozen token embedding
        emb = m_clip->tokenEmbedding(idt.slice(1, 0, L - n));
    }
    const int64_t W = emb.size(2);
    torch::Tensor x = torch::cat({emb.slice(1, 0, 1), ctx.unsqueeze(0).expand({P, n, W}), emb.slice(1, 1)}, 1);
    clip::DeepTextPrompts dp;
    dp.offset = 1;
    dp.perLayer = deep;
    torch::Tensor f = m_clip->encodeTextFromEmbeddings(x, torch::tensor(eot, torch::kLong), deep.empty() ? nullptr : &dp);
    return torch::nn::functional::normalize(f, torch::nn::functional::NormalizeFuncOptions().dim(-1));
}

torch::Tensor PromptLearnerImpl::encodePrompts(const std::vector<std::string>& texts, bool learnedContext)
{
    if (texts.empty())
        return torch::empty({0, embedDim()});
    if (!learnedContext || m_options.nCtx == 0)
        return encodePlain(texts);
    return encodeWithContext(texts, ctxAbnormal);
}

torch::Tensor PromptLearnerImpl::genericFeatures()
{
    auto classFeature = [&](const std::vector<std::string>& texts, const torch::Tensor& ctx) {
        torch::Tensor f = m_options.nCtx == 0 ? encodePlain(texts) : encodeWithContext(texts, ctx);
        return torch::nn::functional::normalize(f.mean(0), torch::nn::functional::NormalizeFuncOptions().dim(0));
    };
    return torch::stack({classFeature(m_options.normal, ctxNormal), classFeature(m_options.abnormal, ctxAbnormal)});
}

} // namespace vaclip::model
