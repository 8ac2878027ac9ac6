// No Qt GUI and no Qt signals here (LibTorch-free too: infer/pixel_maps.h is plain C++).
#include "studio/live_pixel_metrics.h"

#include "common/error.h"
#include "data/ground_truth.h"
#include "data/meta.h"
#include "features/feature_cache.h"
#include "infer/pixel_maps.h"
#include "train/feature_data.h"

#include <QCoreApplication>

#include <algorithm>

namespace vaclip::studio {

using namespace vaclip;

namespace {
constexpr int64_t kChunkFrames = 8;  ///< frames per videoPixelMaps call (~3 ms each on the demo world)
} // namespace

struct LivePixelMetrics::Video {
    std::string name;
    CachedFeatures features;
    FrameMasks masks;
};

LivePixelMetrics::~LivePixelMetrics() = default;

std::unique_ptr<LivePixelMetrics> LivePixelMetrics::prepare(const Config& config, const std::string& backboneId,
                                                            QString* whyNot)
{
    auto fail = [&](const QString& why) {
        if (whyNot)
            *whyNot = why;
        return std::unique_ptr<LivePixelMetrics>();
    };
    if (!config.testing.pixelMaps)
        return fail(QCoreApplication::translate("vaclip::studio::LivePixelMetrics", "testing.pixel_maps is off in the configuration (turn it on and extract patch tokens: "
                       "vaclip extract --tokens)"));
    std::unique_ptr<LivePixelMetrics> live(new LivePixelMetrics);
    live->m_logitScale = 1.0 / config.testing.softmaxTemperature;
    live->m_inputSize = config.backbone.inputSize;
    try {
        LoadMetaOptions mo;
        mo.root = config.dataset.root;
        const DatasetMeta meta = loadMeta(config.dataset.meta, mo);
        const FeatureCache cache(config.features.cacheDir);
        const std::string preprocessing = train::preprocessingId(config);
        for (const VideoEntry& e : meta.split(config.dataset.testSplit)) {
            std::optional<FrameMasks> masks;
            try {
                masks = loadFrameMasks(e);
            } catch (const Error& err) {
                if (!e.maskAbsolutePath.empty() || (err.code() != ErrorCode::NotFound && err.code() != ErrorCode::Unsupported))
                    throw;  // a named mask that cannot be read is an error, as in vaclip test
            }
            if (!masks)
                continue;
            std::string why;
            auto f = cache.open({videoContentId(e.absolutePath), backboneId, preprocessing, true}, &why);
            if (!f || f->tokens() <= 0)
                return fail(QCoreApplication::translate("vaclip::studio::LivePixelMetrics", "no patch tokens cached for %1 (%2): run vaclip extract --tokens")
                                .arg(QString::fromStdString(e.videoPath), QString::fromStdString(why)));
            if (masks->frames != f->frames())
                return fail(QCoreApplication::translate("vaclip::studio::LivePixelMetrics", "the pixel masks of %1 have %n frame(s), its features %2",
                                                        nullptr, int(masks->frames))
                                .arg(QString::fromStdString(e.videoPath))
                                .arg(f->frames()));
            live->m_videos.push_back(std::make_unique<Video>(Video{e.videoPath, std::move(*f), std::move(*masks)}));
        }
    } catch (const std::exception& e) {
        return fail(QString::fromStdString(e.what()));
    }
    if (live->m_videos.empty())
        return fail(QCoreApplication::translate("vaclip::studio::LivePixelMetrics", "the test split has no pixel masks"));
    return live;
}

std::optional<eval::PixelMetrics> LivePixelMetrics::evaluate(const infer::PromptFeatures& patchPrompts,
                                                             const std::function<bool()>& cancelled) const
{
    eval::ScoreRange range;  // softmax probabilities: the maps stay within [0, 1]
    range.min = 0;
    range.max = 1;
    eval::PixelAccumulator acc(range);
    for (const auto& v : m_videos) {
        const int h = v->masks.height, w = v->masks.width;
        // In chunks of frames, so that a newer request waits for one chunk at most, not a video.
        for (int64_t first = 0; first < v->masks.frames; first += kChunkFrames) {
            if (cancelled && cancelled())
                return std::nullopt;
            const int64_t count = std::min<int64_t>(kChunkFrames, v->masks.frames - first);
            const std::vector<float> maps =
                infer::videoPixelMaps(v->features, patchPrompts, m_logitScale, h, w, 4.0, m_inputSize, first, count);
            for (int64_t t = 0; t < count; ++t)
                acc.addFrame(maps.data() + t * int64_t(h) * w, v->masks.frame(first + t), h, w);
        }
    }
    return acc.finish();
}

} // namespace vaclip::studio
