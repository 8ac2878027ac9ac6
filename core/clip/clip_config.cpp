#include "clip/clip_config.h"

#include "common/error.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>
#include <sstream>

namespace vaclip::clip {

namespace {

struct KnownArchitecture {
    const char* name;
    int visionWidth, visionLayers, patch, resolution, textWidth, textLayers, embed;
};

// OpenAI's released ViTs (and open_clip's models of the same shapes).
constexpr KnownArchitecture kKnown[] = {
    {"ViT-B-32", 768, 12, 32, 224, 512, 12, 512},
    {"ViT-B-16", 768, 12, 16, 224, 512, 12, 512},
    {"ViT-L-14", 1024, 24, 14, 224, 768, 12, 768},
    {"ViT-L-14-336", 1024, 24, 14, 336, 768, 12, 768},
};

/// Layers = number of distinct "<prefix>N." block indices.
int countBlocks(const ShapeMap& shapes, const std::string& prefix)
{
    std::set<int> seen;
    for (const auto& [name, shape] : shapes) {
        if (name.compare(0, prefix.size(), prefix) != 0)
            continue;
        const std::size_t dot = name.find('.', prefix.size());
        const std::string index = name.substr(prefix.size(), dot - prefix.size());
        if (!index.empty() && std::all_of(index.begin(), index.end(),
                                            [](unsigned char ch) { return std::isdigit(ch) != 0; }))
            seen.insert(std::stoi(index));
    }
    // Indices must be 0..n-1; a gap shows up later as a missing key.
    return seen.empty() ? 0 : *seen.rbegin() + 1;
}

} // namespace

std::string shapeString(const std::vector<int64_t>& shape)
{
    std::string s = "[";
    for (std::size_t i = 0; i < shape.size(); ++i)
        s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + "]";
}

bool ClipConfig::operator==(const ClipConfig& o) const
{
    return embedDim == o.embedDim && imageResolution == o.imageResolution &&
           visionLayers == o.visionLayers && visionWidth == o.visionWidth &&
           visionHeads == o.visionHeads && visionPatchSize == o.visionPatchSize &&
           visionMlpWidth == o.visionMlpWidth && contextLength == o.contextLength &&
           vocabSize == o.vocabSize && transformerWidth == o.transformerWidth &&
           transformerHeads == o.transformerHeads && transformerLayers == o.transformerLayers &&
           textMlpWidth == o.textMlpWidth && layerNormEps == o.layerNormEps;
}

std::string ClipConfig::architectureName() const
{
    const bool standardRest = contextLength == 77 && vocabSize == 49408 &&
                              visionHeads * 64 == visionWidth &&
                              transformerHeads * 64 == transformerWidth &&
                              visionMlpWidth == 4 * visionWidth &&
                              textMlpWidth == 4 * transformerWidth && layerNormEps == 1e-5;
    if (standardRest) {
        for (const KnownArchitecture& k : kKnown) {
            if (k.visionWidth == visionWidth && k.visionLayers == visionLayers &&
                k.patch == visionPatchSize && k.resolution == imageResolution &&
                k.textWidth == transformerWidth && k.textLayers == transformerLayers &&
                k.embed == embedDim)
                return k.name;
        }
    }
    std::ostringstream s;
    s << "ViT-w" << visionWidth << 'l' << visionLayers << 'h' << visionHeads << 'p'
      << visionPatchSize << 'r' << imageResolution;
    if (visionMlpWidth != 4 * visionWidth)
        s << 'm' << visionMlpWidth;
    s << "-t" << transformerWidth << 'l' << transformerLayers << 'h' << transformerHeads;
    if (textMlpWidth != 4 * transformerWidth)
        s << 'm' << textMlpWidth;
    if (contextLength != 77)
        s << 'c' << contextLength;
    if (vocabSize != 49408)
        s << 'v' << vocabSize;
    s << "-e" << embedDim;
    if (layerNormEps != 1e-5)
        s << "-eps" << layerNormEps;
    return s.str();
}

ClipConfig standardClipConfig(const std::string& name)
{
    std::string known;
    for (const KnownArchitecture& k : kKnown) {
        if (name == k.name) {
            ClipConfig c;
            c.embedDim = k.embed;
            c.imageResolution = k.resolution;
            c.visionLayers = k.visionLayers;
            c.visionWidth = k.visionWidth;
            c.visionHeads = k.visionWidth / 64;
            c.visionPatchSize = k.patch;
            c.visionMlpWidth = 4 * k.visionWidth;
            c.contextLength = 77;
            c.vocabSize = 49408;
            c.transformerWidth = k.textWidth;
            c.transformerHeads = k.textWidth / 64;
            c.transformerLayers = k.textLayers;
            c.textMlpWidth = 4 * k.textWidth;
            return c;
        }
        known += std::string(known.empty() ? "" : ", ") + k.name;
    }
    throw Error(ErrorCode::InvalidArgument, "unknown CLIP architecture '" + name + "' (known: " + known + ")");
}

std::string ClipConfig::summary() const
{
    std::ostringstream s;
    s << architectureName() << ": vision " << visionWidth << "x" << visionLayers << " ("
      << visionHeads << " heads, patch " << visionPatchSize << ", " << imageResolution
      << " px), text " << transformerWidth << "x" << transformerLayers << " (" << transformerHeads
      << " heads, " << contextLength << " tokens, vocabulary " << vocabSize << "), embedding "
      << embedDim;
    return s.str();
}

ClipConfig inferClipConfig(const ShapeMap& shapes, const ClipConfigHints& hints,
                           const std::string& sourceName)
{
    const std::string where = quoted(sourceName) + ": ";
    if (shapes.count("visual.layer1.0.conv1.weight") || shapes.count("visual.attnpool.c_proj.weight"))
        throw Error(ErrorCode::Unsupported,
                    where + "a CLIP with a ResNet image tower (RN50, ...): only ViT backbones "
                            "are supported");
    auto need = [&](const std::string& key, std::size_t rank) -> const std::vector<int64_t>& {
        const auto it = shapes.find(key);
        if (it == shapes.end())
            throw Error(ErrorCode::Format, where + "not a CLIP ViT checkpoint: no tensor " + key);
        if (it->second.size() != rank || std::any_of(it->second.begin(), it->second.end(),
                                                     [](int64_t d) { return d <= 0; }))
            throw Error(ErrorCode::Mismatch,
                        where + "expected " + key + " with " + std::to_string(rank) +
                            " positive dimensions, the file has " + shapeString(it->second));
        return it->second;
    };
    ClipConfig c;
    const auto& conv = need("visual.conv1.weight", 4);
    c.visionWidth = int(conv[0]);
    c.visionPatchSize = int(conv[3]);
    c.visionLayers = countBlocks(shapes, "visual.transformer.resblocks.");
    const int64_t positions = need("visual.positional_embedding", 2)[0];
    const int64_t grid = std::llround(std::sqrt(double(positions - 1)));
    if (grid * grid + 1 != positions)
        throw Error(ErrorCode::Mismatch, where + "visual.positional_embedding has " +
                                             std::to_string(positions) +
                                             " rows, not 1 + a square patch grid");
    c.imageResolution = int(grid) * c.visionPatchSize;
    c.embedDim = int(need("text_projection", 2)[1]);
    c.contextLength = int(need("positional_embedding", 2)[0]);
    c.vocabSize = int(need("token_embedding.weight", 2)[0]);
    c.transformerWidth = int(need("ln_final.weight", 1)[0]);
    c.transformerLayers = countBlocks(shapes, "transformer.resblocks.");
    if (c.visionLayers == 0 || c.transformerLayers == 0)
        throw Error(ErrorCode::Format, where + "not a CLIP ViT checkpoint: no " +
                                           (c.visionLayers == 0 ? "visual." : "") +
                                           "transformer.resblocks.* tensors");
    c.visionMlpWidth = int(need("visual.transformer.resblocks.0.mlp.c_fc.weight", 2)[0]);
    c.textMlpWidth = int(need("transformer.resblocks.0.mlp.c_fc.weight", 2)[0]);
    c.visionHeads = hints.visionHeads > 0 ? hints.visionHeads : c.visionWidth / 64;
    c.transformerHeads = hints.textHeads > 0 ? hints.textHeads : c.transformerWidth / 64;
    if (hints.layerNormEps > 0)
        c.layerNormEps = hints.layerNormEps;
    auto checkHeads = [&](const char* what, int width, int heads) {
        if (heads <= 0 || width % heads != 0)
            throw Error(ErrorCode::Mismatch,
                        where + what + " width " + std::to_string(width) +
                            (heads <= 0 ? " gives no attention heads at 64 per head"
                                        : " is not divisible by " + std::to_string(heads) + " heads") +
                            ": say the head count (ClipLoadOptions)");
    };
    checkHeads("vision", c.visionWidth, c.visionHeads);
    checkHeads("text", c.transformerWidth, c.transformerHeads);
    return c;
}

std::vector<std::pair<std::string, std::vector<int64_t>>> expectedClipShapes(const ClipConfig& c)
{
    using Shape = std::vector<int64_t>;
    std::vector<std::pair<std::string, Shape>> out;
    auto blocks = [&](const std::string& prefix, int layers, int64_t w, int64_t mlp) {
        for (int i = 0; i < layers; ++i) {
            const std::string p = prefix + std::to_string(i) + ".";
            out.push_back({p + "attn.in_proj_weight", {3 * w, w}});
            out.push_back({p + "attn.in_proj_bias", {3 * w}});
            out.push_back({p + "attn.out_proj.weight", {w, w}});
            out.push_back({p + "attn.out_proj.bias", {w}});
            out.push_back({p + "ln_1.weight", {w}});
            out.push_back({p + "ln_1.bias", {w}});
            out.push_back({p + "mlp.c_fc.weight", {mlp, w}});
            out.push_back({p + "mlp.c_fc.bias", {mlp}});
            out.push_back({p + "mlp.c_proj.weight", {w, mlp}});
            out.push_back({p + "mlp.c_proj.bias", {w}});
            out.push_back({p + "ln_2.weight", {w}});
            out.push_back({p + "ln_2.bias", {w}});
        }
    };
    const int64_t vw = c.visionWidth, tw = c.transformerWidth, g = c.visionGrid();
    out.push_back({"visual.conv1.weight", {vw, 3, c.visionPatchSize, c.visionPatchSize}});
    out.push_back({"visual.class_embedding", {vw}});
    out.push_back({"visual.positional_embedding", {g * g + 1, vw}});
    out.push_back({"visual.ln_pre.weight", {vw}});
    out.push_back({"visual.ln_pre.bias", {vw}});
    blocks("visual.transformer.resblocks.", c.visionLayers, vw, c.visionMlpWidth);
    out.push_back({"visual.ln_post.weight", {vw}});
    out.push_back({"visual.ln_post.bias", {vw}});
    out.push_back({"visual.proj", {vw, c.embedDim}});
    out.push_back({"token_embedding.weight", {c.vocabSize, tw}});
    out.push_back({"positional_embedding", {c.contextLength, tw}});
    blocks("transformer.resblocks.", c.transformerLayers, tw, c.textMlpWidth);
    out.push_back({"ln_final.weight", {tw}});
    out.push_back({"ln_final.bias", {tw}});
    out.push_back({"text_projection", {tw, c.embedDim}});
    out.push_back({"logit_scale", {}});
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace vaclip::clip
