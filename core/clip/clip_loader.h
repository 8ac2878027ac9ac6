#pragma once
// Loading CLIP weights from what users actually have, detected from the path:
//
//   ClipModel clip = loadClip("ViT-B-16.pt");                 // OpenAI's TorchScript release
//   ClipModel clip = loadClip("open_clip_ViT-B-32.safetensors");  // OpenAI/open_clip key names
//   ClipModel clip = loadClip("clip-vit-base-patch32/");      // Hugging Face CLIPModel folder
//   clip->identity().backboneId;                               // "ViT-B-16-3f2a9c0d18e4b7a1"
//   Tokenizer tok = loadTokenizerFor("clip-vit-base-patch32/");
//
// Formats (ClipFormat):
//   torchscript  a zip archive torch::jit::load reads (OpenAI's released .pt, parameters fp16);
//                the attention head counts are read off the traced graphs.
//   pickle       a zip archive written by torch.save holding a state dict (or {"state_dict": ...},
//                "module." prefixes stripped), read with torch::pickle_load.
//   safetensors  OpenAI/open_clip key names (visual.conv1.weight, ...), F16/BF16/F32, memory-mapped.
//                Heads: __metadata__ "vision_heads"/"text_heads" if present, else width / 64.
//   huggingface  a folder with config.json + model.safetensors (CLIPModel names): q/k/v are
//                concatenated into in_proj, visual_projection/text_projection transposed; heads,
//                layer-norm eps and the activation (must be quick_gelu) come from config.json.
//                (A path to the folder's model.safetensors or config.json means the folder.)
// Every parameter becomes float32. Dimensions come from the shapes (clip_config.h).
//
// Errors (vaclip::Error naming the file): missing file (NotFound), unknown content (Format:
// "not a CLIP checkpoint"), a missing tensor (Format, names the key and the shape expected), an
// extra tensor (Format, names it and its shape), a misshaped tensor (Mismatch, names the key, the
// shape the file has and the shape the model needs), truncated or corrupt files (Format). LibTorch's
// own exceptions (c10::Error) never escape.
//
// Identity: backboneId = architectureName() + "-" + 16 hex digits of a 64-bit hash of every
// parameter's name, shape and float32 value (sorted by name). The same weights give the same id in
// every format; caches key on it.
//
// Thread safety: loadClip may run concurrently for different models; the returned model is in eval
// mode and its parameters do not require gradients.

#include "clip/backbone_info.h"
#include "clip/clip_model.h"

#include <string>

namespace vaclip::clip {

/// Loads the model in float32, eval mode, no gradients. See the file comment for errors.
ClipModel loadClip(const std::string& path, const LoadOptions& options = {});

/// A loaded model described in plain types (summarizeBackbone without loading again).
BackboneSummary summarizeModel(const ClipModelImpl& model);

} // namespace vaclip::clip
