#pragma once
// Pixel AUROC / AUPRO of the studio's current prompts, computed on the scoring engine's thread
// from the test split's cached patch tokens and its ground-truth pixel masks — the same maps
// `vaclip test` writes with testing.pixel_maps (infer/test_results.h: videoPixelMaps at the
// masks' size, logit scale 1 / testing.softmax_temperature, Gaussian sigma 4 px, the prompts
// encoded by Scorer::encodePatchPrompts), evaluated in memory instead of through .npy files.
//
//   QString why;
//   auto live = LivePixelMetrics::prepare(config, backboneId, &why);   // null + why when unavailable
//   eval::PixelMetrics m = live->evaluate(scorer.encodePatchPrompts(prompts), [] { return newerRequest(); });
//
// Available only when the configuration asks for pixel maps (testing.pixel_maps), some test
// video has pixel masks, and every video with masks has patch tokens cached; otherwise `why`
// says which of the three is missing (a sentence for the metrics panel).
// Maps are probabilities in [0, 1], so one pass suffices (the score range is fixed to [0, 1]);
// only a chunk of 8 frames' maps is held at a time. Videos without masks are left out, as
// in `vaclip evaluate --pixel_maps`.
// Thread safety: prepare() and evaluate() run on one thread (the engine's); no Qt GUI types.

#include "config/config.h"
#include "eval/pixel.h"
#include "infer/scorer.h"

#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace vaclip {
class CachedFeatures;
struct FrameMasks;
} // namespace vaclip

namespace vaclip::studio {

class LivePixelMetrics {
public:
    ~LivePixelMetrics();
    static std::unique_ptr<LivePixelMetrics> prepare(const vaclip::Config& config, const std::string& backboneId,
                                                     QString* whyNot);
    /// nullopt when `cancelled()` said so (asked every 8 frames: a newer re-scoring is waiting).
    std::optional<vaclip::eval::PixelMetrics> evaluate(const vaclip::infer::PromptFeatures& patchPrompts,
                                                       const std::function<bool()>& cancelled) const;
    int videos() const { return int(m_videos.size()); }

private:
    LivePixelMetrics() = default;
    struct Video;
    std::vector<std::unique_ptr<Video>> m_videos;  ///< the test videos with masks
    double m_logitScale = 100;
    int m_inputSize = 224;
};

} // namespace vaclip::studio
