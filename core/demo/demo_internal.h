#pragma once
// Pieces of runDemo shared by its translation units (not a public header).
#include "config/config.h"
#include "demo/demo.h"
#include "eval/pixel_maps.h"
#include "infer/scorer.h"
#include "model/backbone.h"

#include <chrono>
#include <string>
#include <vector>

namespace vaclip::demo::detail {

/// Progress reporting for one stage: fraction, ETA from the elapsed time, cancellation.
class StageReporter {
public:
    StageReporter(const DemoProgressFn& fn, std::chrono::steady_clock::time_point start, int stageCount)
        : m_fn(fn), m_start(start), m_count(stageCount) {}
    void begin(DemoStage stage, int index);
    /// Throws Error(Cancelled) when the callback says stop.
    void report(double fraction, const std::string& detail, double etaSeconds = -2);
    /// Returns the stage's seconds.
    double end(const std::string& detail);
    bool keepGoing(double fraction, const std::string& detail, double etaSeconds = -2);

private:
    DemoProgressFn m_fn;
    std::chrono::steady_clock::time_point m_start, m_stageStart;
    DemoStage m_stage = DemoStage::Synth;
    int m_index = 0, m_count = 5;
};

/// A test set with per-video labels and categories, in dataset order.
struct LabelledSet {
    std::vector<infer::TestVideo> videos;
    std::vector<std::vector<uint8_t>> labels;
    std::vector<std::string> categories;
    std::vector<infer::TestVideo> normalReference;  ///< the train split's normal videos (may be empty)
};

/// Loads cached features of `split` (and the train split's normal videos for calibration).
LabelledSet loadLabelledSet(const Config& config, const std::string& backboneId, const std::string& split,
                            bool withReference);

/// Frame AUC per category: that category's videos + the normal videos (Mann-Whitney); -1 undefined.
std::vector<CategoryAuc> perCategoryAuc(const LabelledSet& set, const std::vector<float>& scores);
/// Frame AUC over the whole set.
double frameAuc(const LabelledSet& set, const std::vector<float>& scores);

/// Scores `set` with `scorer` + `prompts`, writes what `vaclip test` writes into `dir`
/// (frame_scores.npy, videos/, scores.json, prompt_tracks.npy, winner.npy, evaluation/) and
/// returns the metrics. pixel (with its maps folder): included in the evaluation report when given.
ModeMetrics scoreAndWrite(const std::string& name, const infer::Scorer& scorer, const infer::PromptFeatures& prompts,
                          const LabelledSet& set, const std::string& dir, const std::string& backboneId,
                          const std::string& configPath, const eval::PixelEvaluation* pixel,
                          const std::string& pixelMapsDir);

/// Per prompt whose text names one of the set's categories: own anomalous frames vs the others.
std::vector<PromptSpecificity> promptSpecificity(const infer::Scorer& scorer, const infer::PromptFeatures& prompts,
                                                 const LabelledSet& set);

/// Pixel maps of the test split into `mapsDir` (needs patch tokens cached), evaluated.
eval::PixelEvaluation writePixelMaps(const Config& config, const std::string& backboneId,
                                         const infer::PromptFeatures& prompts, const std::string& mapsDir,
                                         StageReporter& reporter);

/// The temporal ablation on a held-out campus world (demo_ablation.cpp).
TemporalAblation runTemporalAblation(const DemoOptions& options, const DemoLayout& layout, const Config& trainConfig,
                                     const Config& testConfig, const model::Backbone& backbone,
                                     StageReporter& reporter, std::vector<std::string>& notes);

/// Trains `config` on its train split unless checkpoint_dir/last.ckpt already holds this exact
/// training (same effective config, backbone and epochs) and `force` is off. Returns true if trained.
bool trainIfNeeded(const Config& config, const model::Backbone& backbone, bool force, StageReporter& reporter,
                   const std::string& label);

/// Renders a world unless `dir` holds a complete one made with the same options. Returns true if rendered.
bool ensureWorld(const std::string& world, const std::string& dir, int videos, int frames, int size, uint64_t seed,
                 bool force, StageReporter& reporter, double fractionBase, double fractionSpan);

/// Extracts features of a meta.json split ("train", "test", "all"), optionally with patch tokens.
void extractSplit(const model::Backbone& backbone, const Config& config, const std::string& split, bool tokens,
                  StageReporter& reporter, double fractionBase, double fractionSpan, const std::string& label);

} // namespace vaclip::demo::detail
