#pragma once
// Scoring a test set's cached features against prompts: V_t once, prompts cached, fast re-scoring.
//
//   Scorer scorer(config, backbone, "checkpoints/last.ckpt");    // "" = untrained (pure zero-shot)
//   scorer.setTestSet(videos);                                     // V_t of every frame, normalised
//   TestScores s = scorer.score({"a person riding a bicycle", "a car on the walkway"});
//   s.scores[i], s.winner[i], s.videoOffsets                         // all frames, dataset order
//   PromptFeatures p = scorer.encodePrompts(prompts);               // once per prompt text
//   TestScores again = scorer.rescore(p);                            // one matmul + max (studio, per keystroke)
//
// V_t follows model/windowing.h (mean over the sliding windows covering t, tail padded and masked).
// Scoring functions: model/scoring.h. The reference "normal" text is the learned generic normal
// prompt (the plain generic normal prompts without a checkpoint). Prompt text features are
// encoded plain or with the learned context (testing.prompt_mode) and cached by text.
// calibrated_max: each prompt z-scored on the calibration frames set by setCalibrationSet()
// (normal training videos); without them, robustly on the test set itself (median / MAD).
// Smoothing (testing.smoothing) is applied per video after the max: Gaussian, then moving average.
//
// Cost: setTestSet runs the temporal transformer over every window (seconds for 100k frames);
// rescore is O(N * D * P): one [N, D] x [D, P] matrix product and a row max.
// Thread safety: const functions may run concurrently once the test set is set; encodePrompts
// serialises on an internal mutex.

#include "config/config.h"
#include "model/backbone.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace vaclip::infer {

struct TestVideo {
    std::string name;
    int64_t frames = 0;
    int dim = 0;
    std::vector<float> features;  ///< frames * dim CLIP embeddings
};

/// Unit-norm text features of the prompts and of the reference normal text.
struct PromptFeatures {
    std::vector<std::string> prompts;
    int dim = 0;
    std::vector<float> features;  ///< prompts.size() * dim
    std::vector<float> normal;    ///< dim
};

struct TestScores {
    std::vector<float> scores;          ///< every test frame, videos concatenated in order
    std::vector<int32_t> winner;        ///< index of the prompt that gave each frame its score
    std::vector<int64_t> videoOffsets;  ///< video i is [videoOffsets[i], videoOffsets[i + 1])
    ScoringMode mode = ScoringMode::MaxCosine;
    std::string calibration;            ///< "", "normal_reference" or "test_set_robust"
};

class Scorer {
public:
    /// checkpoint: a file or folder (model/vad_model.h resolveCheckpoint), or "" for none.
    /// Throws vaclip::Error when the checkpoint does not fit the config / backbone.
    Scorer(Config config, model::Backbone backbone, const std::string& checkpoint);
    ~Scorer();
    Scorer(Scorer&&) noexcept;

    void setTestSet(const std::vector<TestVideo>& videos);
    void setCalibrationSet(const std::vector<TestVideo>& normalVideos);
    int64_t frameCount() const;
    const std::vector<int64_t>& videoOffsets() const;

    PromptFeatures encodePrompts(const std::vector<std::string>& prompts) const;
    /// For pixel maps (infer/pixel_maps.h). testing.prompt_mode plain: the prompts and the
    /// reference normal text (the mean of the generic normal prompts) encoded plain — unlike
    /// encodePrompts(), whose normal text carries the checkpoint's learned context, trained on
    /// temporal frame features that patches bypass (on the demo world: pixel AUROC 0.66 with it,
    /// 0.83 plain). learned_context: encodePrompts() (the pixel loss trains that context on patches).
    PromptFeatures encodePatchPrompts(const std::vector<std::string>& prompts) const;
    TestScores rescore(const PromptFeatures& prompts) const;
    TestScores score(const std::vector<std::string>& prompts) const { return rescore(encodePrompts(prompts)); }
    /// The per-frame cosine similarity to each prompt: [frames x prompts], row-major.
    std::vector<float> promptTracks(const PromptFeatures& prompts) const;

    const std::string& checkpointPath() const;
    const Config& config() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m;
};

/// The naive per-frame, per-prompt loop computing the same as rescore() for max_cosine (the
/// benchmark's baseline). features/prompts unit rows.
std::vector<float> naiveMaxCosine(const std::vector<float>& frames, const std::vector<float>& prompts, int dim);

} // namespace vaclip::infer
