// The result files of a scored test set (test_results.h): scores, evaluation, pixel maps.
#include "infer/test_results.h"

#include "common/error.h"
#include "data/ground_truth.h"
#include "data/meta.h"
#include "eval/report.h"
#include "features/feature_cache.h"
#include "infer/pixel_maps.h"
#include "io/atomic_file.h"
#include "io/npy.h"
#include "train/feature_data.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace vaclip::infer {

namespace fs = std::filesystem;

std::string safeVideoFileName(const std::string& videoPath)
{
    std::string s;
    for (char c : videoPath)
        s += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.') ? c : '_';
    return s;
}

void writeTestScores(const std::string& outDir, const ResultContext& ctx, const PromptFeatures& pf,
                     const TestScores& s, const std::vector<float>& tracks, const std::vector<TestVideo>& videos,
                     const std::vector<std::string>& categories)
{
    if (!ctx.config)
        throw Error(ErrorCode::InvalidArgument, "test results: no config given");
    const Config& cfg = *ctx.config;
    const int64_t N = int64_t(s.scores.size()), P = int64_t(pf.prompts.size());
    if (s.videoOffsets.size() != videos.size() + 1 || int64_t(tracks.size()) != N * P ||
        int64_t(s.winner.size()) != N || (!categories.empty() && categories.size() != videos.size()))
        throw Error(ErrorCode::InvalidArgument, "test results for " + quoted(outDir) + ": " + std::to_string(videos.size()) +
                                                    " videos, " + std::to_string(N) + " frames, " + std::to_string(P) +
                                                    " prompts and the score arrays' sizes disagree");
    writeNpy((fs::path(outDir) / "frame_scores.npy").string(), NpyArray::fromFloats(s.scores, {N}));
    writeNpy((fs::path(outDir) / "prompt_tracks.npy").string(), NpyArray::fromFloats(tracks, {N, P}));
    writeNpy((fs::path(outDir) / "winner.npy").string(),
             NpyArray::fromInt64(std::vector<int64_t>(s.winner.begin(), s.winner.end()), {N}));
    nlohmann::json j;
    j["format"] = "vaclip-test-scores";
    j["version"] = 1;
    j["config"] = ctx.configPath;
    j["checkpoint"] = ctx.checkpoint.empty() ? nlohmann::json(nullptr) : nlohmann::json(ctx.checkpoint);
    j["backbone_id"] = ctx.backboneId;
    j["prompts"] = pf.prompts;
    j["scoring"] = toString(cfg.testing.scoring);
    j["prompt_mode"] = toString(cfg.testing.promptMode);
    j["calibration"] = s.calibration;
    j["softmax_temperature"] = cfg.testing.softmaxTemperature;
    j["smoothing"] = {{"gaussian_sigma", cfg.testing.smoothing.gaussianSigma},
                      {"moving_average", cfg.testing.smoothing.movingAverage}};
    j["clip_length"] = cfg.clipLength;
    j["stride"] = cfg.stride;
    j["split"] = cfg.dataset.testSplit;
    nlohmann::json jv = nlohmann::json::array();
    for (std::size_t i = 0; i < videos.size(); ++i) {
        const int64_t a = s.videoOffsets[i], b = s.videoOffsets[i + 1];
        std::vector<float> vs(s.scores.begin() + a, s.scores.begin() + b);
        std::vector<int32_t> vw(s.winner.begin() + a, s.winner.begin() + b);
        const std::string file = "videos/" + safeVideoFileName(videos[i].name) + ".npy";
        writeNpy((fs::path(outDir) / file).string(), NpyArray::fromFloats(vs, {b - a}));
        nlohmann::json v = {{"video_path", videos[i].name}};
        if (!categories.empty())
            v["category"] = categories[i];
        v["frames"] = b - a;
        v["offset"] = a;
        v["scores_npy"] = file;
        v["scores"] = vs;
        v["winner"] = vw;
        jv.push_back(std::move(v));
    }
    j["videos"] = jv;
    writeFileAtomic((fs::path(outDir) / "scores.json").string(), j.dump(1) + "\n");
}

std::optional<eval::EvaluationResult> evaluateTestScores(const std::string& outDir, const ResultContext& ctx,
                                                         const TestScores& s, const std::vector<TestVideo>& videos,
                                                         const std::vector<std::vector<uint8_t>>& labels,
                                                         const eval::PixelEvaluation* pixel,
                                                         const std::string& pixelMapsDir)
{
    if (!ctx.config)
        throw Error(ErrorCode::InvalidArgument, "test results: no config given");
    const Config& cfg = *ctx.config;
    if (videos.empty() || labels.size() != videos.size() || s.videoOffsets.size() != videos.size() + 1)
        return std::nullopt;
    for (std::size_t i = 0; i < labels.size(); ++i)
        if (int64_t(labels[i].size()) != s.videoOffsets[i + 1] - s.videoOffsets[i])
            return std::nullopt;
    std::vector<eval::VideoScores> ev;
    for (std::size_t i = 0; i < videos.size(); ++i)
        ev.push_back({videos[i].name,
                      std::vector<double>(s.scores.begin() + s.videoOffsets[i], s.scores.begin() + s.videoOffsets[i + 1]),
                      labels[i]});
    eval::EvalOptions eo;
    eo.bootstrap.samples = cfg.evaluation.bootstrapSamples;
    eo.bootstrap.seed = cfg.evaluation.bootstrapSeed;
    eval::EvaluationResult er = eval::evaluate(ev, eo);
    eval::ReportInputs ri;
    ri.gtPath = cfg.dataset.meta;
    ri.dataset = "meta";
    ri.predPath = (fs::path(outDir) / "frame_scores.npy").string();
    ri.config = ctx.configPath;
    if (pixel)
        ri.pixelMaps = pixelMapsDir;
    eval::writeReport((fs::path(outDir) / "evaluation").string(), ri, er, pixel);
    return er;
}

SplitPixelMaps writeSplitPixelMaps(const Config& cfg, const std::string& backboneId, const PromptFeatures& pf,
                                   const std::string& mapsDir, const std::function<void(int, int)>& progress)
{
    LoadMetaOptions mo;
    mo.root = cfg.dataset.root;
    const DatasetMeta meta = loadMeta(cfg.dataset.meta, mo);
    FeatureCache cache(cfg.features.cacheDir);
    const auto& entries = meta.split(cfg.dataset.testSplit);
    SplitPixelMaps out;
    out.mapsDir = mapsDir;
    bool anyMasks = false;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const VideoEntry& e = entries[i];
        FeatureKey key{videoContentId(e.absolutePath), backboneId, train::preprocessingId(cfg), true};
        std::string why;
        auto f = cache.open(key, &why);
        if (!f)
            throw Error(ErrorCode::NotFound, "pixel maps: no patch tokens cached for " + e.videoPath + " (" + why +
                                                 "); run vaclip extract --tokens");
        int height = cfg.backbone.inputSize, width = cfg.backbone.inputSize;
        std::optional<FrameMasks> masks;
        if (!e.maskAbsolutePath.empty()) {
            masks = loadFrameMasks(e, f->frames());  // a named mask that cannot be read is an error
        } else {
            try {
                masks = loadFrameMasks(e, f->frames());  // gt_path may hold masks
            } catch (const Error& err) {
                if (err.code() != ErrorCode::NotFound && err.code() != ErrorCode::Unsupported)
                    throw;
            }
        }
        if (masks) {
            height = masks->height, width = masks->width;
            anyMasks = true;
        }
        const std::vector<float> maps = videoPixelMaps(*f, pf, 1.0 / cfg.testing.softmaxTemperature, height, width,
                                                       4.0, cfg.backbone.inputSize);
        writeNpy(eval::pixelMapPath(mapsDir, e.videoPath),
                 NpyArray::fromFloats(maps, {f->frames(), int64_t(height), int64_t(width)}));
        ++out.videos;
        if (progress)
            progress(int(i + 1), int(entries.size()));
    }
    if (anyMasks)
        out.evaluation = eval::evaluatePixelMaps(loadGroundTruthSet(cfg.dataset.meta), mapsDir);
    return out;
}

LoadedTestSet loadTestSet(const Config& config, const std::string& backboneId)
{
    LoadedTestSet out;
    for (auto& v : train::loadSplitFeatures(config, backboneId, config.dataset.testSplit)) {
        out.labels.push_back(std::move(v.frameLabels));
        out.videos.push_back({v.name, v.frames, v.dim, std::move(v.features)});
    }
    return out;
}

std::vector<TestVideo> loadNormalTrainingVideos(const Config& config, const std::string& backboneId)
{
    std::vector<TestVideo> normals;
    for (auto& v : train::loadSplitFeatures(config, backboneId, config.dataset.trainSplit))
        if (v.videoLabel == 0)
            normals.push_back({v.name, v.frames, v.dim, std::move(v.features)});
    return normals;
}

std::vector<std::string> promptsToCheck(const Config& config, const std::vector<std::string>& prompts)
{
    std::vector<std::string> used = prompts;
    for (const std::string& p : config.genericPrompts.normal)
        if (std::find(used.begin(), used.end(), p) == used.end())
            used.push_back(p);
    return used;
}

} // namespace vaclip::infer
