#pragma once
// The dimensions of a CLIP ViT (OpenAI's clip/model.py CLIP with a VisionTransformer), inferred
// from the shapes of a checkpoint the way OpenAI's build_model() does — never hard-coded.
//
//   ShapeMap shapes = {{"visual.conv1.weight", {768, 3, 32, 32}}, ...};   // OpenAI key names
//   ClipConfig c = inferClipConfig(shapes, {}, "ViT-B-32.pt");
//   for (const auto& [name, shape] : expectedClipShapes(c)) ...         // every parameter
//
// Heads cannot be read off the weights: like build_model(), vision heads = vision width / 64 and
// text heads = text width / 64 unless a hint (Hugging Face config.json, safetensors metadata or
// the caller) says otherwise. Only ViT vision towers are supported (not OpenAI's ResNets).
//
// Thread safety: free functions, no shared state.

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace vaclip::clip {

struct ClipConfig {
    int embedDim = 0;          ///< joint embedding size D (text_projection.shape[1])
    int imageResolution = 0;   ///< training input size S (patch * grid)
    int visionLayers = 0;
    int visionWidth = 0;       ///< W of the vision transformer
    int visionHeads = 0;
    int visionPatchSize = 0;
    int visionMlpWidth = 0;    ///< c_fc output size (4 * width in OpenAI's models)
    int contextLength = 0;     ///< text positions (77)
    int vocabSize = 0;
    int transformerWidth = 0;  ///< text transformer width
    int transformerHeads = 0;
    int transformerLayers = 0;
    int textMlpWidth = 0;
    double layerNormEps = 1e-5;

    int visionGrid() const { return visionPatchSize > 0 ? imageResolution / visionPatchSize : 0; }
    /// "ViT-B-32" for OpenAI's standard shapes, else e.g. "ViT-w64l2h1p8r32-t32l2h2-e48"
    /// (file-name safe; part of the backbone id).
    std::string architectureName() const;
    /// One human line: "ViT-B-32: vision 768x12 (12 heads, patch 32, 224 px), text 512x12 ..."
    std::string summary() const;

    bool operator==(const ClipConfig& o) const;
    bool operator!=(const ClipConfig& o) const { return !(*this == o); }
};

/// Tensor shapes by OpenAI key name.
using ShapeMap = std::map<std::string, std::vector<int64_t>>;

/// What a file may say about what its shapes cannot (0 = not said).
struct ClipConfigHints {
    int visionHeads = 0;
    int textHeads = 0;
    double layerNormEps = 0;
};

/// build_model()'s inference. Throws vaclip::Error naming `sourceName` when a key it needs is
/// missing ("not a CLIP ViT checkpoint: no visual.conv1.weight"), a ResNet tower is found, or the
/// shapes are inconsistent (width not divisible by the heads, non-square grid, ...).
ClipConfig inferClipConfig(const ShapeMap& shapes, const ClipConfigHints& hints,
                           const std::string& sourceName);

/// The dimensions of one of OpenAI's released ViTs by name: "ViT-B-32", "ViT-B-16", "ViT-L-14",
/// "ViT-L-14-336" (for randomly initialised models of a real size: benchmarks, tests). Throws
/// vaclip::Error (InvalidArgument) listing the known names for any other name.
ClipConfig standardClipConfig(const std::string& name);

/// Every parameter of the model with its shape, OpenAI names, sorted by name (the canonical
/// order used for the content hash).
std::vector<std::pair<std::string, std::vector<int64_t>>> expectedClipShapes(const ClipConfig& c);

/// "[768, 512]"
std::string shapeString(const std::vector<int64_t>& shape);

} // namespace vaclip::clip
