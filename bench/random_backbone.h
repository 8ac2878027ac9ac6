#pragma once
// A CLIP backbone with ViT-B's text dims (width 512, 8 heads) and random weights, for benchmarks
// whose speed does not depend on the values (training steps, re-scoring). The vision tower is a
// token one (1 layer, 32 px): the benchmarks feed cached features, not images.
//
//     model::Backbone b = bench::randomTextBackbone(12);
//
// Deterministic (torch::manual_seed(1)); not thread-safe (seeds LibTorch's global generator).
#include "clip/clip_model.h"
#include "clip/tokenizer.h"
#include "model/backbone_parts.h"

#include <torch/torch.h>

#include <string>

namespace vaclip::bench {

inline model::Backbone randomTextBackbone(int textLayers)
{
    clip::ClipConfig c;
    c.embedDim = 512;
    c.imageResolution = 32;
    c.visionLayers = 1;
    c.visionWidth = 64;
    c.visionHeads = 1;
    c.visionPatchSize = 16;
    c.visionMlpWidth = 256;
    c.contextLength = 77;
    c.vocabSize = 49408;
    c.transformerWidth = 512;
    c.transformerHeads = 8;
    c.transformerLayers = textLayers;
    c.textMlpWidth = 2048;
    torch::manual_seed(1);
    clip::ClipModel m(c);
    {
        torch::NoGradGuard g;  // the constructor leaves some weights uninitialised (loadClip fills them)
        for (auto& p : m->named_parameters())
            if (p.key() != "logit_scale")
                p.key().find("ln_") != std::string::npos ? p.value().fill_(1.0) : p.value().normal_(0.0, 0.02);
    }
    return model::makeBackbone(m, clip::Tokenizer::fromFile(VACLIP_SHARED_DIR "/reference/clip/bpe_simple_vocab_16e6.txt.gz"));
}

} // namespace vaclip::bench
