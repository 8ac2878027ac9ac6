#pragma once
// Learnable prompt context for a frozen CLIP text encoder (AnomalyCLIP's object-agnostic prompts).
//
//   PromptLearner pl(clip, tokenizer, PromptLearnerOptions{{"a normal scene"}, {"an abnormal event"}, 12, 0});
//   torch::Tensor g = pl->genericFeatures();                   // [2, D]: normal, abnormal (unit norm)
//   torch::Tensor t = pl->encodePrompts({"a bicycle"}, true);  // [1, D] with the learned context
//
// Token layout of a prompt with context (n = nCtx):
//   [SOT] [c_1 ... c_n] [BPE ids of the text] [EOT] [0 ...]
// The c_k are learnable vectors in the token-embedding space (width W of the text transformer):
// one context for the normal prompts and one for the abnormal ones. The positional embedding is
// added by the text encoder, the EOT index moves by n. With deepLayers = d > 0, blocks 1..d of the
// text transformer see their n context positions replaced by further learnable vectors (shared by
// both classes: AnomalyCLIP's deeper compound prompts). A class feature is the mean of its
// templates' unit features, normalised again.
//
// "Test-specific" prompts are typed texts encoded plain (pure CLIP zero-shot) or with the learned
// abnormal context in front (and the deep prompts). The learned normal prompt is the reference
// "normal" text for scoring (normalFeature()).
//
// CLIP stays frozen: its parameters get requires_grad(false) here; gradients still flow through
// the text transformer into the context vectors. The ClipModel is shared (not registered as a
// submodule): parameters() lists only the learnable context.
// Thread safety: encoding in eval mode / under NoGrad may run concurrently.

#include "clip/clip_model.h"
#include "clip/tokenizer.h"

#include <string>
#include <vector>

namespace vaclip::model {

struct PromptLearnerOptions {
    std::vector<std::string> normal;    ///< generic normal templates (at least one)
    std::vector<std::string> abnormal;  ///< generic abnormal templates (at least one)
    int nCtx = 12;                      ///< learnable context vectors per class; 0 = plain prompts
    int deepLayers = 0;                 ///< text blocks (after the first) with deep prompts
};

class PromptLearnerImpl : public torch::nn::Module {
public:
    PromptLearnerImpl(clip::ClipModel clip, clip::Tokenizer tokenizer, PromptLearnerOptions options);

    /// [2, D] unit rows: the normal and the abnormal class feature (with the learned context).
    torch::Tensor genericFeatures();
    /// The learned normal class feature [D] (unit).
    torch::Tensor normalFeature() { return genericFeatures()[0]; }
    /// texts -> [P, D] unit rows; learnedContext puts the abnormal context (and deep prompts) in
    /// front, otherwise the texts are encoded exactly as CLIP does. Throws vaclip::Error
    /// (InvalidArgument) naming a prompt that does not fit in 77 tokens with the context.
    torch::Tensor encodePrompts(const std::vector<std::string>& texts, bool learnedContext);

    clip::ClipModel clip() const { return m_clip; }
    const clip::Tokenizer& tokenizer() const { return m_tokenizer; }
    const PromptLearnerOptions& options() const { return m_options; }
    int64_t embedDim() const;

    torch::Tensor ctxNormal, ctxAbnormal;  ///< [nCtx, W]
    std::vector<torch::Tensor> deep;       ///< deepLayers x [nCtx, W]

private:
    torch::Tensor encodeWithContext(const std::vector<std::string>& texts, const torch::Tensor& ctx);
    torch::Tensor encodePlain(const std::vector<std::string>& texts);

    clip::ClipModel m_clip;
    clip::Tokenizer m_tokenizer;
    PromptLearnerOptions m_options;
};
TORCH_MODULE(PromptLearner);

} // namespace vaclip::model
