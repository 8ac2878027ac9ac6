#pragma once
// Internal to clip_loader.cpp: each checkpoint format read into one map of tensors under OpenAI's
// key names (visual.conv1.weight, transformer.resblocks.0.attn.in_proj_weight, ...), before the
// shapes are checked and the values copied into a ClipModel.
//
//   CheckpointTensors ck = readSafetensorsCheckpoint("model.safetensors");
//   ck.tensors.at("visual.proj");    // a view into the memory-mapped file, its own dtype
//
// Tensors keep their stored dtype (fp16, bf16, fp32) and may be views into a mapping that
// `keepAlive` owns; copy them out before dropping the CheckpointTensors.
// Thread safety: the functions have no shared state.

#include "clip/clip_config.h"

#include <torch/types.h>

#include <map>
#include <memory>
#include <string>

namespace vaclip::clip {

struct CheckpointTensors {
    std::map<std::string, torch::Tensor> tensors;  ///< OpenAI names
    ClipConfigHints hints;                         ///< what the file says about heads / eps
    std::shared_ptr<void> keepAlive;               ///< owns memory the tensors point into
};

/// OpenAI's TorchScript release (torch::jit::load): named parameters and buffers; heads read off
/// each attention module's traced graph.
CheckpointTensors readTorchScriptCheckpoint(const std::string& path);
/// torch.save zip archive with a state dict ({"state_dict": ...} and "module." handled); Hugging
/// Face names are mapped when found.
CheckpointTensors readPickleCheckpoint(const std::string& path);
/// A safetensors file with OpenAI/open_clip names or Hugging Face CLIPModel names (then
/// `hfConfigPath`, if not empty, is the config.json giving heads, eps and the activation).
CheckpointTensors readSafetensorsCheckpoint(const std::string& path, const std::string& hfConfigPath = {});

/// True when the names look like Hugging Face's CLIPModel (vision_model.*, text_model.*).
bool hasHuggingFaceNames(const std::map<std::string, torch::Tensor>& tensors);
/// Renames Hugging Face CLIPModel tensors to OpenAI's (q/k/v concatenated, projections
/// transposed). Unknown names are kept as they are (reported later as unexpected tensors);
/// position_ids buffers are dropped. Throws Format naming `source` when a q/k/v triple is
/// incomplete.
std::map<std::string, torch::Tensor> mapHuggingFaceNames(std::map<std::string, torch::Tensor> hf,
                                                         const std::string& source);
/// Heads, eps and activation from a Hugging Face config.json. Throws Unsupported for an activation
/// other than quick_gelu (LAION's GELU models) or differing eps in the two towers.
ClipConfigHints readHuggingFaceConfig(const std::string& configPath);

} // namespace vaclip::clip
