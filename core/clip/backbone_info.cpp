// The plain-C++ face of the CLIP loader (backbone_info.h).
#include "clip/backbone_info.h"

#include "clip/clip_loader.h"
#include "common/error.h"

#include <filesystem>

namespace vaclip::clip {

namespace fs = std::filesystem;

const char* toString(ClipFormat f)
{
    switch (f) {
    case ClipFormat::TorchScript: return "torchscript";
    case ClipFormat::Pickle: return "pickle";
    case ClipFormat::Safetensors: return "safetensors";
    case ClipFormat::HuggingFace: return "huggingface";
    }
    return "unknown";
}

BackboneSummary summarizeBackbone(const std::string& path, const LoadOptions& options)
{
    return summarizeModel(*loadClip(path, options));
}

BackboneSummary summarizeModel(const ClipModelImpl& model)
{
    const ClipConfig& c = model.config();
    const std::string& path = model.identity().path;
    BackboneSummary s;
    s.path = path;
    s.format = model.identity().format;
    s.architecture = c.architectureName();
    s.backboneId = model.identity().backboneId;
    s.description = c.summary();
    s.embedDim = c.embedDim;
    s.imageResolution = c.imageResolution;
    s.patchSize = c.visionPatchSize;
    s.visionWidth = c.visionWidth;
    s.visionLayers = c.visionLayers;
    s.visionHeads = c.visionHeads;
    s.textWidth = c.transformerWidth;
    s.textLayers = c.transformerLayers;
    s.textHeads = c.transformerHeads;
    s.contextLength = c.contextLength;
    s.vocabSize = c.vocabSize;
    for (const auto& p : model.parameters())
        s.parameters += p.numel();
    s.logitScale = model.logitScale();
    try {
        s.tokenizerPath = findTokenizerVocabulary(path);
    } catch (const Error&) {
        s.tokenizerPath.clear();
    }
    return s;
}

std::string findTokenizerVocabulary(const std::string& weightsPath, const std::string& explicitPath)
{
    if (!explicitPath.empty()) {
        if (!fs::exists(explicitPath))
            throw Error(ErrorCode::NotFound, "tokenizer vocabulary " + quoted(explicitPath) +
                                                 " does not exist");
        return explicitPath;
    }
    const fs::path p(weightsPath);
    const fs::path dir = fs::is_directory(p) ? p : p.parent_path();
    if (fs::exists(dir / "vocab.json") && fs::exists(dir / "merges.txt"))
        return dir.string();
    const fs::path candidates[] = {dir / "bpe_simple_vocab_16e6.txt.gz",
                                   dir.parent_path() / "bpe_simple_vocab_16e6.txt.gz"};
    for (const fs::path& c : candidates)
        if (fs::exists(c))
            return c.string();
    throw Error(ErrorCode::NotFound,
                "no tokenizer vocabulary for " + quoted(weightsPath) + ": looked for vocab.json + "
                "merges.txt in " + quoted(dir.string()) + " and bpe_simple_vocab_16e6.txt.gz there "
                "and one folder up; give its path (--vocab)");
}

Tokenizer loadTokenizerFor(const std::string& weightsPath, const std::string& explicitPath)
{
    return Tokenizer::fromFile(findTokenizerVocabulary(weightsPath, explicitPath));
}

} // namespace vaclip::clip
