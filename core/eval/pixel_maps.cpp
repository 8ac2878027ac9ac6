#include "eval/pixel_maps.h"

#include "common/error.h"
#include "data/ground_truth.h"
#include "eval/validate.h"
#include "io/npy.h"

#include <filesystem>

namespace fs = std::filesystem;

namespace vaclip::eval {

std::string pixelMapPath(const std::string& mapsDir, const std::string& videoName)
{
    return (fs::path(mapsDir) / (predictionStem(videoName) + ".npy")).string();
}

namespace {

struct VideoMaps {
    int64_t frames = 0;
    int height = 0;
    int width = 0;
    std::vector<float> scores;
};

VideoMaps readMaps(const std::string& path, const VideoGroundTruth& v)
{
    std::error_code ec;
    if (!fs::is_regular_file(path, ec))
        throw Error(ErrorCode::NotFound, quoted(path) + ": no pixel map for video '" + v.name + "'");
    NpyArray a = readNpy(path);
    if (a.shape.size() != 3)
        throw Error(ErrorCode::Format, quoted(path) + ": video '" + v.name + "': expected a [T, H, W] array of pixel "
                                           + "scores, got " + std::to_string(a.shape.size()) + " dimensions");
    VideoMaps m;
    m.frames = a.shape[0];
    m.height = int(a.shape[1]);
    m.width = int(a.shape[2]);
    if (m.frames != int64_t(v.labels.size()))
        throw Error(ErrorCode::Mismatch, quoted(path) + ": video '" + v.name + "' has " + std::to_string(m.frames)
                                             + " pixel maps but " + std::to_string(v.labels.size())
                                             + " ground-truth frames");
    m.scores = a.toFloats();
    validateFinite(quoted(path) + ": video '" + v.name + "'", m.scores.data(), m.scores.size());
    return m;
}

} // namespace

PixelEvaluation evaluatePixelMaps(const GroundTruthSet& gt, const std::string& mapsDir, const PixelOptions& options)
{
    std::error_code ec;
    if (!fs::is_directory(mapsDir, ec))
        throw Error(ErrorCode::NotFound, quoted(mapsDir) + ": not a folder of per-video pixel maps (.npy [T, H, W])");
    PixelEvaluation result;
    std::vector<const VideoGroundTruth*> withMasks;
    for (const VideoGroundTruth& v : gt.videos) {
        if (v.maskPath.empty())
            result.withoutMasks.push_back(v.name);
        else
            withMasks.push_back(&v);
    }
    if (withMasks.empty())
        throw Error(ErrorCode::NotFound, quoted(gt.source) + ": the ground truth has no pixel masks (none of its "
                                             + std::to_string(gt.videos.size()) + " videos has a mask path)");
    ScoreRange range;
    for (const VideoGroundTruth* v : withMasks) {
        const VideoMaps m = readMaps(pixelMapPath(mapsDir, v->name), *v);
        range.add(m.scores.data(), m.scores.size());
    }
    PixelAccumulator acc(range, options);
    for (const VideoGroundTruth* v : withMasks) {
        const std::string path = pixelMapPath(mapsDir, v->name);
        const VideoMaps m = readMaps(path, *v);
        const FrameMasks masks = loadFrameMasks(v->maskPath, LabelFormat::Auto, int64_t(v->labels.size()));
        if (masks.height != m.height || masks.width != m.width)
            throw Error(ErrorCode::Mismatch, quoted(path) + ": video '" + v->name + "': maps are "
                                                 + std::to_string(m.height) + "x" + std::to_string(m.width)
                                                 + " (H x W) but its masks (" + quoted(v->maskPath) + ") are "
                                                 + std::to_string(masks.height) + "x" + std::to_string(masks.width));
        const std::size_t hw = std::size_t(m.height) * std::size_t(m.width);
        for (int64_t t = 0; t < m.frames; ++t)
            acc.addFrame(m.scores.data() + std::size_t(t) * hw, masks.frame(t), m.height, m.width);
        ++result.videos;
    }
    result.metrics = acc.finish();
    return result;
}

} // namespace vaclip::eval
