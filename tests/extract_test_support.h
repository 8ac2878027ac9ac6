#pragma once
// Shared by the extraction tests and the extraction benchmark: a small CLIP with random weights
// (fixed seed) and test videos / image folders made with the project's VideoWriter.
#include "clip/clip_config.h"
#include "clip/clip_model.h"
#include "io/image.h"
#include "io/video_writer.h"

#include <torch/torch.h>

#include <cstdint>
#include <string>

namespace vaclip::test {

/// OpenAI's architecture with tiny dims (like ../shared/reference/clip/tiny-a): 32 px input,
/// patch 8, width 64, 2 layers, D = 48.
inline clip::ClipConfig tinyClipConfig()
{
    clip::ClipConfig c;
    c.embedDim = 48;
    c.imageResolution = 32;
    c.visionLayers = 2;
    c.visionWidth = 64;
    c.visionHeads = 1;
    c.visionPatchSize = 8;
    c.visionMlpWidth = 256;
    c.contextLength = 77;
    c.vocabSize = 1000;
    c.transformerWidth = 32;
    c.transformerHeads = 2;
    c.transformerLayers = 1;
    c.textMlpWidth = 128;
    return c;
}

/// A model with every parameter random (PyTorch's defaults leave projections at zero): layer-norm
/// weights near 1, everything else N(0, scale^2). Deterministic for a seed.
inline clip::ClipModel randomClip(const clip::ClipConfig& config, uint64_t seed = 7, double scale = 0.05)
{
    torch::manual_seed(seed);
    clip::ClipModel model(config);
    torch::NoGradGuard noGrad;
    for (auto& p : model->named_parameters()) {
        const std::string& name = p.key();
        const bool norm = name.find("ln_") != std::string::npos || name.find(".ln_") != std::string::npos;
        if (norm && name.size() > 7 && name.compare(name.size() - 7, 7, ".weight") == 0)
            p.value().copy_(1.0 + 0.1 * torch::randn_like(p.value()));
        else
            p.value().copy_(scale * torch::randn_like(p.value()));
    }
    model->eval();
    return model;
}

/// A smooth moving scene (different every frame, realistic for lossy codecs).
inline Image sceneFrame(int w, int h, int i)
{
    Image im;
    im.width = w;
    im.height = h;
    im.rgb.resize(std::size_t(w) * h * 3);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            uint8_t* p = im.rgb.data() + (std::size_t(y) * w + x) * 3;
            const bool box = std::abs(x - (i * 5) % w) < w / 8 && std::abs(y - h / 2) < h / 6;
            p[0] = box ? 230 : uint8_t((x * 255 / w + i * 3) & 255);
            p[1] = box ? 40 : uint8_t(y * 255 / h);
            p[2] = box ? 40 : uint8_t((128 + i * 7) & 255);
        }
    return im;
}

inline void writeSceneVideo(const std::string& path, int w, int h, int frames, const std::string& codec = "libx264")
{
    VideoWriterOptions o;
    o.codec = codec;
    o.width = w;
    o.height = h;
    o.fps = 25;
    VideoWriter writer(path, o);
    for (int i = 0; i < frames; ++i)
        writer.write(sceneFrame(w, h, i));
    writer.finish();
}

} // namespace vaclip::test
