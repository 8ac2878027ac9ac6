#pragma once
// Helpers for the model / training / inference suites: a tiny randomly initialised CLIP and
// synthetic "cached features" with an injected anomaly direction.

#include "clip/clip_model.h"
#include "clip/tokenizer.h"
#include "test_support.h"

#include <torch/torch.h>

#include <random>
#include <vector>

namespace vaclip::test {

inline clip::ClipConfig tinyClipConfig(int embedDim = 32, int textLayers = 2)
{
    clip::ClipConfig c;
    c.embedDim = embedDim;
    c.imageResolution = 32;
    c.visionLayers = 1;
    c.visionWidth = 32;
    c.visionHeads = 2;
    c.visionPatchSize = 16;
    c.visionMlpWidth = 64;
    c.contextLength = 77;
    c.vocabSize = 49408;
    c.transformerWidth = 32;
    c.transformerHeads = 2;
    c.transformerLayers = textLayers;
    c.textMlpWidth = 64;
    return c;
}

/// ClipModelImpl's constructor leaves some tensors zero or uninitialised (loadClip fills them):
/// give every weight small random values (LayerNorm gains 1), keeping logit_scale.
inline void randomizeClip(clip::ClipModelImpl& m)
{
    torch::NoGradGuard g;
    for (auto& p : m.named_parameters()) {
        const std::string& k = p.key();
        if (k == "logit_scale")
            continue;
        const bool norm = k.find("ln_") != std::string::npos;
        if (norm)
            k.size() > 6 && k.compare(k.size() - 6, 6, "weight") == 0 ? p.value().fill_(1.0) : p.value().zero_();
        else
            p.value().normal_(0.0, k.find("embedding") != std::string::npos ? 0.02 : 0.1);
    }
}

inline clip::ClipModel tinyClip(uint64_t seed = 7, int embedDim = 32, int textLayers = 2)
{
    torch::manual_seed(seed);
    clip::ClipModel m(tinyClipConfig(embedDim, textLayers));
    randomizeClip(*m);
    m->eval();
    return m;
}

inline clip::Tokenizer referenceTokenizer()
{
    return clip::Tokenizer::fromFile((sharedDir() / "reference/clip/bpe_simple_vocab_16e6.txt.gz").string());
}

} // namespace vaclip::test
