#pragma once
// Contrastive (CLIP) pretraining of a small backbone on the demo world, with the project's own
// ClipModel classes, saved in OpenAI/open_clip naming so loadClip() reads it like a real CLIP.
//
//   PretrainConfig cfg = loadPretrainConfig("configs/demo_backbone.yaml");   // pretrain_config.h
//   PretrainResult r = pretrainBackbone(cfg, "out/demo_backbone", {}, [](const PretrainProgress& p) {
//       std::printf("\rstep %d/%d loss %.3f eta %.0fs", p.step, p.steps, p.loss, p.etaSeconds);
//       return true;                                      // false = stop after this step
//   });
//   ClipModel clip = loadClip(r.weightsPath);             // clip_loader.h, vocabulary next to it
//
// What a step does: B samples i = step * B + j of synth::sampleImage / sampleClip (seed
// hashCombine(seed, i)), rendered at the input size, randomly mirrored, normalised like CLIP; the
// captions are tokenised with a BPE vocabulary learned from the world's caption words
// (bpe_learner.h); the loss is CLIP's symmetric InfoNCE over the distinct captions of the batch
// (identical captions are one positive class: an image's target is its caption, a caption's
// positives are all images carrying it); AdamW (decay on matrices only), linear warm-up then
// cosine decay; the logit scale is learned and clamped to 100. Curriculum: the fraction of
// single-actor images goes linearly from curriculum.single_actor_start to _end over the run.
// Hard negatives and a second stage from given weights: PretrainConfig::hardNegative*, initWeights.
//
// Output folder: demo_backbone.safetensors (fp16, OpenAI names, heads in __metadata__),
// vocab.json + merges.txt + known_words.txt, loss.csv (step, loss, lr, logit scale, seconds),
// pretrain.json (the config and the result) and checkpoint.safetensors (fp32 weights + AdamW
// moments + step, written atomically every checkpoint_every steps). Resume continues from the
// checkpoint and gives the same weights as an uninterrupted run (the data of a step depends only
// on the seed and the step; same thread count).
//
// Threads: set them before calling (setComputeThreads); rendering runs on one helper thread that
// prepares the next batch while the current one trains.
// Thread safety: one pretraining per process at a time (LibTorch's global seed is set).

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace vaclip::pretrain {

struct PretrainConfig {
    // model (a CLIP ViT of OpenAI's architecture)
    int imageSize = 96;       ///< input side S; the renderer draws at S
    int patchSize = 8;
    int visionWidth = 128;
    int visionLayers = 4;
    int visionHeads = 4;
    int textWidth = 128;
    int textLayers = 3;
    int textHeads = 4;
    int contextLength = 32;   ///< room for 12 learned context tokens + a prompt
    int embedDim = 64;
    // optimisation
    int steps = 2000;
    int batchSize = 64;
    double learningRate = 5e-4;
    double minLearningRateFraction = 0.05;  ///< cosine floor, fraction of learningRate
    int warmupSteps = 100;
    double weightDecay = 0.05;
    uint64_t seed = 1;
    // data and curriculum
    double singleActorStart = 0.7;  ///< fraction of one-actor images at step 0
    double singleActorEnd = 0.4;    ///< ... at the last step (linear in between)
    double emptyFraction = 0.05;
    int maxCrowd = 5;
    double clipFraction = 0.5;      ///< samples taken from a video (sampleClip, one frame)
    double flipProbability = 0.5;
    // hard negatives: the first round(hardNegativeFraction * B) samples of each batch are one
    // group in ONE scene (world and scene drawn per batch): one actor each of hardNegativeKinds in
    // turn, each kind's samples sharing one caption phrasing, so the contrastive loss must tell
    // these kinds apart on the same background; the rest of the batch is the usual mix above.
    double hardNegativeFraction = 0;
    std::vector<std::string> hardNegativeKinds = {"bicycle", "skateboard", "cart", "wheelchair", "pedestrian", "running"};
    double zoomFraction = 0;   ///< of the group's samples rendered closer (synth::SampleOptions::zoom) ...
    double maxZoom = 2.0;      ///< ... with zoom uniform in [1, maxZoom]
    int hardNegativeCrowd = 0; ///< > 0: each group actor among 0..N walking pedestrians (the test videos'
                               ///< look); the group's captions are then the plainest phrasing
    // second stage: start from these weights (a CLIP safetensors file of the same architecture,
    // fp16 or fp32, e.g. a first stage's demo_backbone.safetensors) with a fresh optimiser; "" =
    // OpenAI-style random initialisation from the seed. Their FNV-1a hash goes into pretrain.json.
    std::string initWeights;
    // bookkeeping
    int checkpointEvery = 100;
    int logEvery = 10;
};

struct PretrainProgress {
    int step = 0;              ///< steps done
    int steps = 0;             ///< total
    double loss = 0;           ///< this step's loss
    double averageLoss = 0;    ///< mean over the last logEvery steps
    double learningRate = 0;
    double logitScale = 0;
    double elapsedSeconds = 0; ///< this session (resumed runs count from the resume)
    double etaSeconds = 0;
};
/// Return false to stop after the current step (a checkpoint is written first).
using PretrainCallback = std::function<bool(const PretrainProgress&)>;

struct PretrainOptions {
    bool resume = false;   ///< continue from out/checkpoint.safetensors when it exists
    int stopAfter = 0;     ///< > 0: stop (with a checkpoint) once this many steps are done
};

struct PretrainResult {
    int stepsDone = 0;
    bool finished = false;      ///< all steps done and the weights written
    double finalLoss = 0;       ///< mean of the last logEvery losses
    double firstLoss = 0;       ///< mean of the first logged window of this session
    double seconds = 0;         ///< this session
    std::string weightsPath;    ///< out/demo_backbone.safetensors ("" until finished)
};

/// Runs (or resumes) the pretraining into `outDir`. Throws vaclip::Error: InvalidArgument for a
/// bad config, Mismatch when resuming a checkpoint made with another config, Io on write errors.
PretrainResult pretrainBackbone(const PretrainConfig& config, const std::string& outDir,
                                const PretrainOptions& options = {}, const PretrainCallback& progress = {});

/// Checks the ranges and the divisibility rules (S % patch, width % heads); throws InvalidArgument
/// naming the key.
void validatePretrainConfig(const PretrainConfig& config);

/// The caption corpus the vocabulary is learned from: every caption word and phrase the world
/// can produce (synth::captionVocabulary and the actor/place phrases).
std::vector<std::string> worldCaptionCorpus();

} // namespace vaclip::pretrain
