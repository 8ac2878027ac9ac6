#pragma once
// `vaclip demo` as a library call: the whole pipeline on the built-in demo world, into one
// workspace folder that the CLI prints and the studio opens. No LibTorch in this header.
//
//   demo::DemoOptions o;
//   o.root = demo::defaultDemoRoot();              // ~/.local/share/vaclip/demo
//   o.backbone = demo::defaultDemoBackbone();      // resources/demo_backbone (shipped weights)
//   demo::DemoResult r = demo::runDemo(o, [](const demo::DemoProgress& p) {
//       std::printf("%s %.0f%% eta %.0f s\n", demo::stageName(p.stage), 100 * p.fraction, p.etaSeconds);
//       return !stopRequested;                     // false stops within about a second
//   });
//   for (const demo::ModeMetrics& m : r.modes) std::printf("%s frame AUC %.3f\n", m.scoring.c_str(), m.frameAuc);
//
//   demo::DemoLayout l = demo::demoLayout(root);   // paths only (no I/O): what the studio reads
//
// Stages: (1) synth: render campus (training world) and walkway (zero-shot test world) unless the
// folder already holds a complete world made with the same options (its synth.json and
// meta.json); (2) extract: CLIP features of every video with the backbone (walkway with patch
// tokens for pixel maps); reused when cached; (3) train: the temporal transformer + generic prompt
// context on campus (configs/demo_campus_train.yaml); (4) test: walkway scored with the semantic
// prompts (configs/demo_walkway_test.yaml) under max_cosine and calibrated_max, plus the pure
// zero-shot run (no checkpoint) and per-prompt specificity; (5) evaluate: metrics files.
//
// Workspace layout (DemoLayout, relative to root):
//   campus/, walkway/            the worlds (vaclip synth layout: meta.json, videos/, gt/, masks/)
//   cache/                       the feature cache (features/feature_cache.h)
//   configs/campus_train.yaml    the effective configs used (every key, absolute paths):
//   configs/walkway_test.yaml      `vaclip train|test --config` reproduce a stage by hand
//   runs/campus/checkpoints/     last.ckpt of the campus training
//   runs/walkway/<scoring>/      per scoring mode ("max_cosine", "calibrated_max", "zero_shot"):
//                                what `vaclip test` writes: frame_scores.npy, videos/*.npy,
//                                scores.json, prompt_tracks.npy, winner.npy, evaluation/
//                                (metrics.json, per_video.csv, roc.csv, pr.csv)
//   runs/walkway/pixel_maps/     <video>.npy float32 [T, H, W] per test video (from patch tokens)
//   runs/ablation/               with ablateTemporal: campus_holdout/ world, no_temporal/ checkpoints
//   demo.json                    the summary: options, backbone, stage seconds, every metric below
//
// Errors: vaclip::Error naming the file or stage (missing backbone, a folder in the way that
// is not a demo world, bad configs); Cancelled when the progress callback returns false.
// Thread safety: one runDemo per workspace at a time; it sets LibTorch's process-wide threads.

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace vaclip::demo {

struct DemoLayout {
    std::string root;
    std::string campus, walkway;            ///< world folders (meta.json inside)
    std::string cache;
    std::string configs;                    ///< folder of the effective configs
    std::string campusConfig, walkwayConfig;
    std::string campusRun;                  ///< runs/campus
    std::string checkpoints;                ///< runs/campus/checkpoints
    std::string walkwayRun;                 ///< runs/walkway
    std::string pixelMaps;                  ///< runs/walkway/pixel_maps
    std::string ablation;                   ///< runs/ablation
    std::string summary;                    ///< demo.json
    /// runs/walkway/<mode> for "max_cosine", "calibrated_max", "zero_shot".
    std::string results(const std::string& mode) const;
};

/// Paths only; no file is touched.
DemoLayout demoLayout(const std::string& root);
/// $VACLIP_DEMO_DIR, else $XDG_DATA_HOME/vaclip/demo, else $HOME/.local/share/vaclip/demo.
std::string defaultDemoRoot();
/// $VACLIP_DEMO_BACKBONE, else <exe>/../share/vaclip/demo_backbone, else the source tree's
/// resources/demo_backbone (whichever exists first; the last candidate when none does).
std::string defaultDemoBackbone();
/// The folder with demo_campus_train.yaml / demo_walkway_test.yaml (installed or source configs/).
std::string defaultDemoConfigDir();
/// A weights file for a backbone path: a file as is; a folder with config.json (Hugging Face)
/// as is; otherwise the folder's demo_backbone.safetensors, else its only *.safetensors other
/// than a pretraining checkpoint.safetensors (with vocab.json + merges.txt beside it).
/// Throws vaclip::Error (NotFound) naming the path.
std::string resolveBackbone(const std::string& path);

enum class DemoStage { Synth, Extract, Train, Test, Evaluate, Ablation };
const char* stageName(DemoStage stage);

struct DemoProgress {
    DemoStage stage = DemoStage::Synth;
    int stageIndex = 0;      ///< 0-based, of stageCount
    int stageCount = 5;
    double fraction = 0;     ///< of this stage, 0..1
    double etaSeconds = -1;  ///< of this stage; -1 unknown
    double elapsedSeconds = 0;  ///< since runDemo started
    std::string detail;      ///< e.g. "campus: 12/30 videos", "epoch 2/6 loss 0.31"
    bool stageDone = false;  ///< the last call of a stage
};
/// Return false to stop (Error Cancelled).
using DemoProgressFn = std::function<bool(const DemoProgress&)>;

struct DemoOptions {
    std::string root;                 ///< the workspace ("" = defaultDemoRoot())
    std::string backbone;             ///< weights or folder ("" = defaultDemoBackbone())
    std::string configDir;            ///< templates ("" = defaultDemoConfigDir())
    bool force = false;               ///< re-render, re-extract and re-train everything
    bool quick = false;               ///< a smaller world and fewer epochs (about a third)
    int campusVideos = 24, walkwayVideos = 24, frames = 96, size = 128;
    uint64_t campusSeed = 1, walkwaySeed = 2;
    int epochs = 0;                   ///< 0 = the config's training.epochs
    /// LibTorch threads; 0 = all cores. 1 by default: the demo models (0.5 M parameters) do not gain
    /// from threads, and on a busy 2-core machine OpenMP's barriers made extraction 30x slower.
    int threads = 1;
    bool pixelMaps = true;            ///< patch tokens + pixel maps on walkway
    std::vector<std::string> prompts; ///< override the config's semantic prompts
    std::vector<std::string> unrelatedPrompts{"a dog", "a tree"};
    bool ablateTemporal = false;      ///< also train without the temporal transformer (see below)
};

struct CategoryAuc {
    std::string category;
    double auc = -1;                  ///< its videos' frames + normal videos' frames; -1 undefined
};

struct ModeMetrics {
    std::string name;                 ///< "max_cosine", "calibrated_max", "zero_shot", "unrelated"
    std::string scoring, calibration, resultsDir;
    double frameAuc = -1, frameAp = -1, macroAuc = -1, macroAp = -1, videoAuc = -1, videoAp = -1;
    std::vector<CategoryAuc> perCategory;
};

/// How well a single prompt picks out its own category (category named in the prompt text).
struct PromptSpecificity {
    std::string prompt, category;
    double aucVsOtherCategories = -1; ///< its cosine: own anomalous frames vs other categories' anomalous frames
    double aucVsAll = -1;             ///< own anomalous frames vs every other frame
    double aucVsNormal = -1;          ///< own anomalous frames vs the normal videos' frames
};

/// Temporal transformer on vs off (temporal_transformer_layers 0, same training otherwise),
/// scored on a held-out campus world with the learned generic prompts (softmax_vs_normal).
struct TemporalAblation {
    bool run = false;
    std::vector<CategoryAuc> withTemporal, withoutTemporal;
    double allWith = -1, allWithout = -1;   ///< frame AUC over the whole held-out set
    double walkwayWith = -1, walkwayWithout = -1;  ///< walkway calibrated_max frame AUC
};

struct DemoResult {
    DemoLayout layout;
    std::string backbonePath, backboneId;
    int inputSize = 0;
    std::vector<std::string> prompts;
    std::vector<ModeMetrics> modes;   ///< max_cosine, calibrated_max, zero_shot, unrelated
    std::vector<PromptSpecificity> specificity;
    double pixelAuroc = -1, pixelAupro = -1;  ///< -1 when not computed
    TemporalAblation ablation;
    std::vector<std::pair<std::string, double>> stageSeconds;
    std::vector<std::string> notes;   ///< what was reused, calibration fallbacks, ...
    /// Prompts (semantic, generic, unrelated) with words the backbone's vocabulary does not know,
    /// one line each: "prompt 'an abnormal event': unknown words: abnormal, event" (prompt_words.h).
    std::vector<std::string> promptWarnings;
    double totalSeconds = 0;
    const ModeMetrics* mode(const std::string& name) const;
};

DemoResult runDemo(const DemoOptions& options, const DemoProgressFn& progress = {});

} // namespace vaclip::demo
