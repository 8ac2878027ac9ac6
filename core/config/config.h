#pragma once
// The run configuration: every setting of training, testing and evaluation in one typed struct,
// read from and written to YAML.
//
//   vaclip::Config cfg = vaclip::loadConfig("configs/ucsd_test.yaml");  // throws vaclip::Error
//   int window = cfg.clipLength;                                       // 16 unless the file says
//   for (const std::string& p : cfg.semanticPrompts) ...
//   cfg.training.epochs = 3;
//   vaclip::saveConfig(cfg, "runs/exp1/config.yaml");                  // every key, atomically
//
// Defaults are the member initialisers below; docs/configuration.md (rendered from the key table
// in config/schema.h) is the one place they are documented, with each key's allowed range, so
// the comments here name keys and meanings, not values. A default-constructed Config (or group)
// holds the defaults.
//
// File format (details in docs/configuration.md):
//   - every key is optional; an empty file means "all defaults";
//   - unknown keys, wrong types, out-of-range numbers and bad choices are errors naming
//     file:line:column and the key path ("cfg.yaml:4:9: stride: expected an integer, got 'eight'");
//   - relative paths (type "path") resolve against the folder of the config file, so a config
//     means the same thing whatever the working directory. loadConfig() returns them absolute.
//
// Thread safety: free functions without shared state; Config is a plain value.

#include <cstdint>
#include <string>
#include <vector>

namespace vaclip {

/// How the temporal transformer encodes a frame's position inside its window.
enum class TemporalPosition { Learned, Sinusoidal };
/// Which labels training uses. Auto picks the finest the dataset provides.
enum class SupervisionMode { Auto, Frame, Video, Pixel, NormalOnly };
/// How a frame's anomaly score is computed from its feature and the prompt embeddings.
enum class ScoringMode { MaxCosine, SoftmaxVsNormal, CalibratedMax };
/// Whether test prompts are encoded as typed, or wrapped in the learned generic context.
enum class PromptMode { Plain, LearnedContext };
/// Which area under the precision-recall curve evaluation reports as AP (docs/evaluation.md).
enum class ApDefinition { Step, Trapezoid };
/// How evaluation turns a video's frame scores into one video score.
enum class VideoScoreMode { Max, TopKMean };

/// The YAML spelling of each choice ("learned", "normal_only", "max_cosine", ...).
const char* toString(TemporalPosition value);
const char* toString(SupervisionMode value);
const char* toString(ScoringMode value);
const char* toString(PromptMode value);
const char* toString(ApDefinition value);
const char* toString(VideoScoreMode value);

/// generic_prompts: the normal/abnormal prompt pair whose context is learned in training.
struct GenericPrompts {
    std::vector<std::string> normal{"a normal scene", "people walking normally"};
    std::vector<std::string> abnormal{"an abnormal event", "an unusual activity"};
};

/// dataset: which videos and which splits.
struct DatasetConfig {
    std::string meta;               ///< meta.json describing videos and ground truth ("" = none)
    std::string root;               ///< folder the video paths in meta.json resolve against ("" = meta.json's folder)
    std::string trainSplit = "train";
    std::string testSplit = "test";
};

/// backbone: the frozen CLIP model.
struct BackboneConfig {
    std::string path;               ///< weights file (.pt/.safetensors) or Hugging Face folder ("" = none)
    int inputSize = 224;            ///< square input side in pixels
    std::string device = "cpu";     ///< "cpu", "cuda" or "cuda:N"
};

/// features: the on-disk cache of CLIP frame embeddings.
struct FeaturesConfig {
    std::string cacheDir = "cache/features";
    int batchSize = 32;             ///< frames per image-encoder batch during extraction
};

/// training.pseudo_anomalies: synthetic anomalies made from normal windows.
struct PseudoAnomalyConfig {
    bool skipFrames = true;         ///< drop frames to fake a speed-up
    bool reverse = true;            ///< play a window backwards
    bool shuffle = false;           ///< permute frames of a window
    bool pastePatches = false;      ///< paste a patch from another video (needs pixel-level features)
};

/// training.pixel_loss: AnomalyCLIP's focal + dice losses on patch-level anomaly maps, for the
/// training videos with pixel masks (and normal ones) when the feature cache has patch tokens.
struct PixelLossConfig {
    bool enabled = true;            ///< used whenever masks and patch tokens exist
    double focalWeight = 1.0;
    double diceWeight = 1.0;
    double focalGamma = 2.0;
    int framesPerWindow = 4;        ///< frames of a window whose patches are supervised
};

/// training: learning the temporal transformer and the generic prompt context.
struct TrainingConfig {
    double learningRate = 1e-3;
    double weightDecay = 0.0;
    int epochs = 15;
    int batchSize = 8;              ///< windows per optimiser step
    int warmupEpochs = 0;           ///< linear learning-rate warm-up
    std::uint64_t seed = 42;
    int threads = 0;                ///< CPU threads for every stage; 0 = all cores
    int nCtx = 12;                  ///< learnable context tokens per prompt
    int deepPromptLayers = 0;       ///< text-encoder layers that get learnable deep prompts
    double dropout = 0.1;           ///< inside the temporal transformer
    TemporalPosition temporalPosition = TemporalPosition::Learned;
    SupervisionMode supervision = SupervisionMode::Auto;
    PseudoAnomalyConfig pseudoAnomalies;
    PixelLossConfig pixelLoss;
    double smoothnessWeight = 8e-5; ///< temporal smoothness penalty on consecutive scores
    std::string checkpointDir = "checkpoints";
    int checkpointEvery = 1;        ///< epochs between checkpoints
    bool resume = false;            ///< continue from the latest checkpoint in checkpointDir
    std::string validationSplit;    ///< meta.json split scored after each epoch for best.ckpt ("" = none)
};

/// testing.smoothing: post-processing of per-frame scores (0 turns a filter off).
struct SmoothingConfig {
    double gaussianSigma = 0.0;     ///< in frames
    int movingAverage = 0;          ///< window in frames
};

/// testing: scoring test videos against prompts.
struct TestingConfig {
    std::string checkpoint;         ///< checkpoint file or folder ("" = latest in training.checkpoint_dir)
    ScoringMode scoring = ScoringMode::MaxCosine;
    PromptMode promptMode = PromptMode::Plain;
    double softmaxTemperature = 0.01; ///< for softmax_vs_normal (CLIP's 1/100)
    SmoothingConfig smoothing;
    bool pixelMaps = false;         ///< also produce per-pixel anomaly maps from patch tokens
};

/// evaluation: metrics and curves.
struct EvaluationConfig {
    std::vector<std::string> metrics{"frame_auc", "frame_ap", "video_auc", "video_ap"};
    int bootstrapSamples = 1000;    ///< resamples for confidence intervals; 0 = none
    std::uint64_t bootstrapSeed = 42;
    bool plotCurves = true;
    ApDefinition apDefinition = ApDefinition::Step;
    VideoScoreMode videoScore = VideoScoreMode::Max;
    int topK = 1;                   ///< frames averaged by topk_mean
};

/// Every setting. The top-level keys keep the research code's names (clip_length, stride, ...).
struct Config {
    int temporalTransformerLayers = 2;
    int temporalHeads = 8;
    int clipLength = 16;            ///< frames per window
    int stride = 8;                 ///< frames between window starts (1 .. clipLength)
    GenericPrompts genericPrompts;
    std::vector<std::string> semanticPrompts; ///< test-time prompts; empty = generic abnormal ones
    std::string outputDir = "runs";
    DatasetConfig dataset;
    BackboneConfig backbone;
    FeaturesConfig features;
    TrainingConfig training;
    TestingConfig testing;
    EvaluationConfig evaluation;
};

/// Every key compared (through the key table), so "equal" means "same effective settings".
bool operator==(const Config& a, const Config& b);
inline bool operator!=(const Config& a, const Config& b) { return !(a == b); }

/// Reads and validates a YAML config. Relative paths resolve against the file's folder and come
/// back absolute. Throws vaclip::Error: NotFound/Io when the file cannot be read, Format (with
/// file:line:column and key path) for anything wrong inside it.
Config loadConfig(const std::string& path);

/// Parses YAML text. sourceName prefixes error messages; relative paths resolve against baseDir,
/// or stay as written when baseDir is empty.
Config configFromYaml(const std::string& text, const std::string& sourceName = "<config>",
                      const std::string& baseDir = "");

/// The effective configuration as YAML: every key, defaults filled in, one comment per key.
/// configFromYaml(effectiveYaml(c)) == c.
std::string effectiveYaml(const Config& config);

/// Writes effectiveYaml(config) atomically (temporary file + rename). Throws vaclip::Error (Io).
void saveConfig(const Config& config, const std::string& path);

} // namespace vaclip
