#pragma once
// The trainable part of VideoAnomalyCLIP on top of a frozen CLIP: the temporal transformer and the
// prompt learner, built from a Config, plus checkpoints.
//
//   VadModel m(config, clip, tokenizer);                  // CLIP frozen, shared
//   torch::Tensor v = m->temporal->forward(windows, valid);  // [B, L, D] -> [B, L, D]
//   torch::Tensor g = m->prompts->genericFeatures();      // [2, D]
//   saveCheckpoint("ckpt/last.ckpt", *m, &optimizer, info);  // atomic
//
// Checkpoint file (torch::serialize archive, written to a temporary name then renamed):
//   "model"     parameters and buffers of VadModel (temporal.*, prompts.*), not CLIP's
//   "optimizer" the optimizer state (when saved with one)
//   "meta"      epoch, step, best validation AUC, backbone id, the effective config YAML, the
//               trainer's RNG state (text) and the dropout generator state.
// Loading into a model of other dimensions is a Mismatch error naming the file.
// Thread safety: one thread per model while training; see the parts' headers.

#include "clip/clip_model.h"
#include "clip/tokenizer.h"
#include "config/config.h"
#include "model/prompt_learner.h"
#include "model/temporal_transformer.h"

#include <string>

namespace torch::optim {
class Optimizer;
}

namespace vaclip::model {

class VadModelImpl : public torch::nn::Module {
public:
    VadModelImpl(const Config& config, clip::ClipModel clip, clip::Tokenizer tokenizer);

    /// exp(logit_scale) of the CLIP model (100 for OpenAI's).
    double logitScale() const;
    int64_t dim() const;

    TemporalTransformer temporal{nullptr};
    PromptLearner prompts{nullptr};
};
TORCH_MODULE(VadModel);

TemporalTransformerOptions temporalOptions(const Config& config, int64_t dim);
PromptLearnerOptions promptOptions(const Config& config);

struct CheckpointInfo {
    int epoch = 0;              ///< completed epochs
    int64_t step = 0;           ///< optimiser steps taken
    double bestAuc = -1;        ///< best validation frame AUC so far (-1 = none)
    double lastLoss = 0;        ///< mean loss of the last epoch
    std::string backboneId;
    std::string configYaml;     ///< effectiveYaml() of the training config
    std::string rngState;       ///< the trainer's std::mt19937_64, streamed as text
    torch::Tensor dropoutState; ///< TemporalTransformer::dropoutState()
};

/// Writes atomically (temporary + rename). Throws vaclip::Error (Io) naming the path.
void saveCheckpoint(const std::string& path, VadModelImpl& model, torch::optim::Optimizer* optimizer,
                    const CheckpointInfo& info);
/// Loads parameters (and the optimizer state when given). Throws vaclip::Error: NotFound, Format
/// (not a checkpoint), Mismatch (other dimensions, naming both).
CheckpointInfo loadCheckpoint(const std::string& path, VadModelImpl& model, torch::optim::Optimizer* optimizer);
/// The meta block only (config, epoch, ...), without a model.
CheckpointInfo readCheckpointInfo(const std::string& path);
/// A checkpoint file, or a folder -> its last.ckpt. Throws NotFound.
std::string resolveCheckpoint(const std::string& fileOrFolder);

} // namespace vaclip::model
