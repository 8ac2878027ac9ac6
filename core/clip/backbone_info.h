#pragma once
// What a CLIP backbone is, for the CLI and the studio, without LibTorch headers:
//
//   BackboneSummary s = summarizeBackbone("ViT-B-16.pt");   // loads the weights once
//   std::printf("%s  %s\n", s.backboneId.c_str(), s.description.c_str());
//   ClipFormat f = detectClipFormat(path);                  // cheap: looks at the content only
//   Tokenizer tok = loadTokenizerFor(path);                 // the vocabulary next to the weights
//
// Loading itself (ClipModel) is clip_loader.h, which includes LibTorch.
// Thread safety: free functions without shared state.

#include "clip/tokenizer.h"

#include <cstdint>
#include <string>

namespace vaclip::clip {

enum class ClipFormat { TorchScript, Pickle, Safetensors, HuggingFace };

/// "torchscript", "pickle", "safetensors", "huggingface"
const char* toString(ClipFormat f);

/// What `path` holds, from its content (zip magic + archive entries, safetensors header, folder
/// with config.json). Throws vaclip::Error: NotFound, Format (not a checkpoint), Unsupported
/// (legacy pickle).
ClipFormat detectClipFormat(const std::string& path);

struct LoadOptions {
    int visionHeads = 0;     ///< override the head counts (0 = from the file, else width / 64)
    int textHeads = 0;
    bool computeId = true;   ///< hash the weights for the backbone id (~0.2 s per 100 M parameters)
};

/// A loaded backbone described in plain types.
struct BackboneSummary {
    std::string path;          ///< what was given
    std::string format;        ///< toString(ClipFormat)
    std::string architecture;  ///< ClipConfig::architectureName(), e.g. "ViT-B-16"
    std::string backboneId;    ///< architecture + "-" + weight hash (caches key on it)
    std::string description;   ///< ClipConfig::summary(), one line
    int embedDim = 0, imageResolution = 0, patchSize = 0;
    int visionWidth = 0, visionLayers = 0, visionHeads = 0;
    int textWidth = 0, textLayers = 0, textHeads = 0, contextLength = 0, vocabSize = 0;
    int64_t parameters = 0;     ///< number of scalar parameters
    double logitScale = 0;      ///< exp(logit_scale)
    std::string tokenizerPath;  ///< findTokenizerVocabulary(path), "" when none is found
};

/// Loads the weights (clip_loader.h) and describes them. Throws what loadClip throws.
BackboneSummary summarizeBackbone(const std::string& path, const LoadOptions& options = {});

/// The vocabulary that belongs to the backbone at `weightsPath`, in this order: `explicitPath` if
/// not empty; vocab.json + merges.txt in a Hugging Face folder (or next to the weights file);
/// bpe_simple_vocab_16e6.txt.gz next to the weights or one folder up. Returns the path to give to
/// Tokenizer::fromFile; throws NotFound listing where it looked.
std::string findTokenizerVocabulary(const std::string& weightsPath, const std::string& explicitPath = {});
/// Tokenizer::fromFile(findTokenizerVocabulary(weightsPath, explicitPath)).
Tokenizer loadTokenizerFor(const std::string& weightsPath, const std::string& explicitPath = {});

} // namespace vaclip::clip
