#pragma once
// Embedding a few images and prompts by hand (vaclip embed), behind a plain header so the CLI
// does not compile LibTorch:
//
//   EmbedRequest r;
//   r.backbone = "ViT-B-16.pt";
//   r.images = {"cat.jpg"};  r.texts = {"a photo of a cat", "a car crash"};
//   EmbedResult e = computeEmbeddings(r);
//   e.imageFeatures;   // float32 [I, D], not normalised (encode_image)
//   e.cosine;          // [I][T] cosine similarities (I x I or T x T when one side is empty)
//
// Images are decoded (io/image.h) and preprocessed as CLIP's (preprocess.h: bicubic shorter-side
// resize to the model's input size, centre crop, normalise), encoded in batches of 16 under
// InferenceMode. Texts go through the backbone's tokenizer (backbone_info.h), 77 tokens.
//
// Thread safety: independent calls may run concurrently (each loads its own model).

#include "clip/backbone_info.h"
#include "io/npy.h"

#include <string>
#include <vector>

namespace vaclip::clip {

struct EmbedRequest {
    std::string backbone;              ///< weights: .pt, .safetensors or Hugging Face folder
    std::string vocabulary;            ///< "" = findTokenizerVocabulary(backbone)
    std::vector<std::string> images;   ///< image files
    std::vector<std::string> texts;    ///< prompts
    bool tokens = false;               ///< also every visual token, projected
    LoadOptions load;
};

struct EmbedResult {
    BackboneSummary backbone;
    NpyArray imageFeatures;           ///< float32 [I, D] (empty shape when no images)
    NpyArray textFeatures;            ///< float32 [T, D]
    NpyArray textTokenIds;            ///< int64 [T, contextLength]
    NpyArray visualTokensProjected;   ///< float32 [I, 1 + N, D] (class token first), with tokens
    std::vector<std::vector<double>> cosine;  ///< rows x columns, see rowLabels / columnLabels
    std::vector<std::string> rowLabels, columnLabels;
    std::vector<std::string> warnings;        ///< e.g. prompts truncated to the context length
};

/// Throws vaclip::Error naming the file for unreadable images or weights; InvalidArgument when
/// neither images nor texts are given.
EmbedResult computeEmbeddings(const EmbedRequest& request);

} // namespace vaclip::clip
