#pragma once
// Training of the temporal transformer and the prompt context on cached CLIP features.
//
//   std::vector<TrainVideo> train = ...;  // feature_data.h: loadSplitFeatures(config, backbone, "train")
//   Trainer trainer(config, backbone);
//   TrainResult r = trainer.run(train, validation, [&](const TrainProgress& p) {
//       std::printf("epoch %d step %lld loss %.4f\n", p.epoch, (long long)p.step, p.loss);
//       return !stopRequested;            // false stops within one optimiser step (< 1 s)
//   });
//
// What a step does: a batch of `training.batch_size` windows (clip_length frames, windows as in
// model/windowing.h) -> temporal transformer -> V (unit) -> per-frame abnormal probability
// p_t = softmax(s * [cos(V_t, T_normal), cos(V_t, T_abnormal)])[1] with T_* the generic prompts
// encoded with the learned context (s = CLIP's logit scale) -> loss -> AdamW.
// Supervision (training.supervision; auto = frame labels if any video has them, else video labels
// if both classes occur, else normal_only):
//   frame        binary cross-entropy of p_t against the frame labels (padded frames masked)
//   video        multiple-instance learning with the whole video as the bag: a step takes
//                batch_size videos, each as its non-overlapping windows; BCE of the mean of the
//                video's top-k p_t (k = max(1, frames / 16)) against its label
//   normal_only  windows of normal videos; half of them turned into pseudo-anomalies on a random
//                segment of L/2 frames (training.pseudo_anomalies: skip_frames = 2-4x speed-up,
//                reverse, shuffle, paste_patches = the segment blended 50/50 with another video's
//                frames — a feature-space paste, as only pooled embeddings are trained on); frame
//                BCE with the segment labelled abnormal
//   pixel        frame supervision plus the pixel loss below, which must then be possible (an
//                error otherwise)
// plus smoothness_weight * mean((p_t - p_{t-1})^2).
// Pixel loss (training.pixel_loss, frame/video/pixel supervision, when some training video has
// patchMasks with an anomalous cell): for frames_per_window evenly spaced frames of each window
// whose video has patchMasks, each patch token (unit) gets the same two-way softmax against the
// learned generic features, p_abn [F, g*g]; the loss adds
//   focal_weight * focalLoss(p_abn, y, focal_gamma) + dice_weight * (diceLoss(p_abn, y) +
//   diceLoss(1 - p_abn, 1 - y))        (train/losses.h; y = patchMasks of those frames)
// i.e. AnomalyCLIP's pixel objective on the patch grid (masks are reduced to the grid, not maps
// upsampled to the masks: the grid is the resolution the features have). Patches bypass the
// temporal transformer, so this term trains the prompt context only. Learning rate: linear warm-up over
// warmup_epochs, then cosine decay to 0 over the remaining steps.
//
// Reproducibility: parameters are initialised, windows shuffled, pseudo-anomalies drawn and
// dropout sampled from generators seeded with training.seed and owned by this run (no global
// state). Distributed, every rank shuffles with the same generator and pseudo-anomalies and
// dropout draw from per-rank generators re-seeded from (seed, epoch, rank) every epoch. Checkpoints (model/vad_model.h) go to training.checkpoint_dir/last.ckpt every
// checkpoint_every epochs and at the end, with the optimizer and generator states, so a resumed
// run (training.resume) continues exactly as the uninterrupted one would have. With validation
// videos, every epoch scores them and best.ckpt keeps the highest frame AUC.
// Data parallel (setProcessGroup, core/distributed/): each of W ranks takes its shard of every
// epoch's window permutation (distributed/sampler.h) in batches of ceil(batch_size / W), so the
// ranks' batches of a step together are the one-process batch of batch_size; gradients are
// averaged by a bucketed all-reduce overlapped with backward (distributed/grad_sync.h), the
// reported loss is the mean over ranks, rank 0 alone validates and writes checkpoints (all ranks
// read last.ckpt to resume and must agree on its epoch), and a stop request on any rank stops all
// ranks one step later. A dead or hung rank makes run() throw vaclip::Error(Io) naming the rank,
// the step and the timeout.
// Threads: training.threads sets LibTorch's intra-op threads (process-wide) when > 0.
// Thread safety: one run() at a time per Trainer; different Trainers may run on different threads.

#include "config/config.h"
#include "features/feature_cache.h"
#include "model/backbone.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace vaclip::distributed {
class ProcessGroup;
}

namespace vaclip::train {

/// One video's cached features and labels.
struct TrainVideo {
    std::string name;
    int64_t frames = 0;
    int dim = 0;
    std::vector<float> features;      ///< frames * dim, CLIP embeddings (not normalised)
    std::vector<uint8_t> frameLabels; ///< empty or frames values (1 = anomalous)
    int videoLabel = -1;              ///< 1 anomalous, 0 normal, -1 unknown
    /// Pixel supervision (optional, training.pixel_loss): the cached projected patch tokens
    /// (class token first, 1 + patchGrid^2 per frame) and, per frame, the fraction of each patch
    /// cell's pixels that are anomalous (feature_data.h patchMaskFractions; all 0 for a normal video).
    std::shared_ptr<const CachedFeatures> tokens;
    int patchGrid = 0;
    std::vector<float> patchMasks;    ///< empty or frames * patchGrid^2 values in [0, 1]
};

struct TrainProgress {
    int epoch = 0;          ///< 1-based
    int epochs = 0;
    int64_t step = 0;       ///< optimiser steps so far (whole run)
    int64_t totalSteps = 0;
    double loss = 0;        ///< this step's loss
    double lr = 0;
    double clipsPerSecond = 0;
    bool epochEnd = false;  ///< the call after an epoch's last step (loss = epoch mean)
    double validationAuc = -1;
    int rank = 0;           ///< of the process group (0 without one)
};
/// Return false to stop.
using TrainCallback = std::function<bool(const TrainProgress&)>;

struct TrainResult {
    bool cancelled = false;
    int epochsDone = 0;
    int64_t steps = 0;
    SupervisionMode supervision = SupervisionMode::Auto;  ///< what auto resolved to
    std::vector<double> epochLoss;      ///< mean loss per epoch run in this call
    std::vector<double> validationAuc;  ///< per epoch run in this call, when validating
    double bestAuc = -1;
    std::string lastCheckpoint, bestCheckpoint;  ///< "" when none written
    int resumedFromEpoch = 0;           ///< 0 = fresh start
    int pixelVideos = 0;                ///< videos whose patch maps the pixel loss supervised (0 = off)
    int worldSize = 1;                  ///< ranks that trained together
    int64_t rankBatch = 0;              ///< windows per step on each rank (global batch = rankBatch * worldSize)
    double commSecondsPerStep = 0;      ///< mean time a step waited for the gradient all-reduce (0 alone)
};

class Trainer {
public:
    Trainer(Config config, model::Backbone backbone);
    ~Trainer();
    /// Throws vaclip::Error on bad data (dimension mismatch with the backbone, labels of the wrong
    /// length, no windows), an unsupported supervision or an unusable checkpoint to resume.
    TrainResult run(const std::vector<TrainVideo>& train, const std::vector<TrainVideo>& validation = {},
                    const TrainCallback& progress = {});
    /// Trains data-parallel with the other ranks of `group` (every rank calls run() with the same
    /// config and videos). nullptr (the default) trains alone.
    void setProcessGroup(std::shared_ptr<distributed::ProcessGroup> group);

private:
    Config m_config;
    model::Backbone m_backbone;
    std::shared_ptr<distributed::ProcessGroup> m_group;
};

/// Which supervision `auto` means for these videos.
SupervisionMode resolveSupervision(SupervisionMode requested, const std::vector<TrainVideo>& videos);

/// Frame-level ROC AUC with ties counted half (Mann-Whitney); -1 when one class is missing.
double rocAuc(const std::vector<float>& scores, const std::vector<uint8_t>& labels);

} // namespace vaclip::train
