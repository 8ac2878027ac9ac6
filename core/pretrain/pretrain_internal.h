#pragma once
// Internal to core/pretrain (LibTorch): the model set-up, the data of a step, the loss and the
// files, split from the training loop so each piece stays small and testable.

#include "clip/clip_model.h"
#include "clip/tokenizer.h"
#include "pretrain/pretrain.h"

#include <torch/torch.h>

#include <map>
#include <string>
#include <vector>

namespace vaclip::pretrain {

/// The ClipConfig of a pretraining config with a vocabulary of `vocabSize` ids.
clip::ClipConfig clipConfigFor(const PretrainConfig& c, int vocabSize);

/// A ClipModel initialised like OpenAI's CLIP.initialize_parameters (normal(0.02) token
/// embedding, normal(0.01) text positions, width^-0.5-scaled attention / projections, the
/// vision class embedding, positions and projection), from torch's generator seeded with `seed`.
clip::ClipModel makeInitialModel(const clip::ClipConfig& config, uint64_t seed);

/// Copies the weights of a CLIP safetensors file (fp16 or fp32, the names saveWeightsFp16
/// writes) into `model`. Throws NotFound for a missing file, Mismatch naming the file and the
/// tensor when one is missing or has another shape.
void loadInitialWeights(clip::ClipModelImpl& model, const std::string& path);

/// Kinds, world and scene of the hard-negative group of the batch starting at `firstIndex`:
/// sample j < groupSize has kind kinds[j % kinds.size()]. Pure function.
struct HardNegativeGroup {
    int size = 0;
    std::vector<int> kinds;          ///< synth::ActorKind per group sample
    int world = 0, scene = 0;        ///< synth::World, scene index
    std::vector<uint64_t> variants;  ///< caption variant per sample (shared by a kind)
};
HardNegativeGroup hardNegativeGroup(const PretrainConfig& c, uint64_t firstIndex, int count);

struct Batch {
    torch::Tensor images;               ///< [B, 3, S, S] float32, CLIP-normalised
    std::vector<std::string> captions;  ///< B captions
    std::vector<int> kinds;             ///< B: synth::ActorKind of a hard-negative group sample, -1 outside it
};

/// Samples [firstIndex, firstIndex + count) of the run (see pretrain.h), at curriculum `progress`
/// in [0, 1]. Pure function of its arguments.
Batch makeBatch(const PretrainConfig& c, uint64_t firstIndex, int count, double progress);

/// CLIP's symmetric InfoNCE with identical captions merged: logits [B, U] of B images against
/// the U distinct captions, target[i] = the caption index of image i. Returns the scalar loss
/// (mean of the image->text and text->image cross entropies).
torch::Tensor contrastiveLoss(const torch::Tensor& logits, const torch::Tensor& target);

/// Distinct captions in first-seen order and each input's index among them.
std::vector<std::string> distinctCaptions(const std::vector<std::string>& captions, std::vector<int64_t>& index);

/// Token ids [N, L] (L = the longest text + 2, at most contextLength) for the texts.
torch::Tensor tokenizeTexts(const clip::Tokenizer& tok, const std::vector<std::string>& texts, int contextLength);

/// AdamW state: first and second moments per parameter name.
struct AdamState {
    std::map<std::string, torch::Tensor> m, v;
};
/// One AdamW step (beta 0.9 / 0.98, eps 1e-6, CLIP's settings) at 1-based step `t`; weight decay
/// on parameters with two or more dimensions except embeddings.
void adamwStep(clip::ClipModelImpl& model, AdamState& state, int t, double lr, double weightDecay);

/// The weights in fp16 with OpenAI names (+ heads, config summary in __metadata__), atomically.
void saveWeightsFp16(clip::ClipModelImpl& model, const std::string& path,
                     const std::map<std::string, std::string>& metadata);
/// Checkpoint: fp32 weights "model.<name>", moments "adam_m.<name>" / "adam_v.<name>", metadata
/// {"step", "config"}.
void saveCheckpoint(clip::ClipModelImpl& model, const AdamState& state, int step, const std::string& configJson,
                    const std::string& path);
/// Reads it back into model + state; returns the step. Throws Mismatch when `configJson` differs
/// or a tensor is missing / misshaped.
int loadCheckpoint(clip::ClipModelImpl& model, AdamState& state, const std::string& configJson,
                   const std::string& path);

} // namespace vaclip::pretrain
