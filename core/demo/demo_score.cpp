// The demo's test and evaluation stages: scoring a labelled test set, writing what `vaclip test`
// writes, per-category and per-prompt AUC, pixel maps.
#include "demo/demo_internal.h"

#include "common/error.h"
#include "data/ground_truth.h"
#include "data/meta.h"
#include "eval/eval_inputs.h"
#include "eval/evaluator.h"
#include "eval/pixel_maps.h"
#include "eval/report.h"
#include "features/feature_cache.h"
#include "infer/pixel_maps.h"
#include "io/atomic_file.h"
#include "io/npy.h"
#include "train/feature_data.h"
#include "train/trainer.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <memory>

namespace vaclip::demo::detail {

namespace fs = std::filesystem;

namespace {
std::string safeName(const std::string& videoPath)
{
    std::string s;
    for (char c : videoPath)
        s += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.') ? c : '_';
    return s;
}

DatasetMeta metaOf(const Config& config)
{
    LoadMetaOptions mo;
    mo.root = config.dataset.root;
    return loadMeta(config.dataset.meta, mo);
}

/// Frames of the videos accepted by `keep`, with their scores and labels; AUC (-1 undefined).
template <class Keep>
double aucOver(const LabelledSet& set, const std::vector<float>& scores, Keep keep)
{
    std::vector<float> s;
    std::vector<uint8_t> l;
    int64_t offset = 0;
    for (std::size_t i = 0; i < set.videos.size(); ++i) {
        const int64_t n = set.videos[i].frames;
        if (keep(i) && int64_t(set.labels[i].size()) == n) {
            s.insert(s.end(), scores.begin() + offset, scores.begin() + offset + n);
            l.insert(l.end(), set.labels[i].begin(), set.labels[i].end());
        }
        offset += n;
    }
    return train::rocAuc(s, l);
}
} // namespace

LabelledSet loadLabelledSet(const Config& config, const std::string& backboneId, const std::string& split,
                            bool withReference)
{
    const DatasetMeta meta = metaOf(config);
    LabelledSet set;
    auto videos = train::loadSplitFeatures(config, backboneId, split);
    const auto& entries = meta.split(split);
    for (std::size_t i = 0; i < videos.size(); ++i) {
        auto& v = videos[i];
        if (int64_t(v.frameLabels.size()) != v.frames)
            throw Error(ErrorCode::Format, "demo: video " + quoted(v.name) + " of " + quoted(config.dataset.meta) +
                                               " has no frame labels");
        set.labels.push_back(v.frameLabels);
        set.categories.push_back(i < entries.size() ? entries[i].category : "");
        set.videos.push_back({v.name, v.frames, v.dim, std::move(v.features)});
    }
    if (withReference && !meta.train.empty() && split != config.dataset.trainSplit) {
        for (auto& v : train::loadSplitFeatures(config, backboneId, config.dataset.trainSplit))
            if (v.videoLabel == 0)
                set.normalReference.push_back({v.name, v.frames, v.dim, std::move(v.features)});
    }
    return set;
}

std::vector<CategoryAuc> perCategoryAuc(const LabelledSet& set, const std::vector<float>& scores)
{
    std::vector<std::string> cats;
    for (const auto& c : set.categories)
        if (c != "normal" && std::find(cats.begin(), cats.end(), c) == cats.end())
            cats.push_back(c);
    std::vector<CategoryAuc> out;
    for (const auto& c : cats)
        out.push_back({c, aucOver(set, scores, [&](std::size_t i) {
                           return set.categories[i] == c || set.categories[i] == "normal";
                       })});
    return out;
}

double frameAuc(const LabelledSet& set, const std::vector<float>& scores)
{
    return aucOver(set, scores, [](std::size_t) { return true; });
}

ModeMetrics scoreAndWrite(const std::string& name, const infer::Scorer& scorer, const infer::PromptFeatures& pf,
                          const LabelledSet& set, const std::string& dir, const std::string& backboneId,
                          const std::string& configPath, const eval::PixelEvaluation* pixel,
                          const std::string& pixelMapsDir)
{
    const Config& cfg = scorer.config();
    const infer::TestScores s = scorer.rescore(pf);
    const int64_t N = int64_t(s.scores.size()), P = int64_t(pf.prompts.size());
    writeNpy((fs::path(dir) / "frame_scores.npy").string(), NpyArray::fromFloats(s.scores, {N}));
    writeNpy((fs::path(dir) / "prompt_tracks.npy").string(), NpyArray::fromFloats(scorer.promptTracks(pf), {N, P}));
    writeNpy((fs::path(dir) / "winner.npy").string(),
             NpyArray::fromInt64(std::vector<int64_t>(s.winner.begin(), s.winner.end()), {N}));
    nlohmann::json j;
    j["format"] = "vaclip-test-scores";
    j["version"] = 1;
    j["config"] = configPath;
    j["checkpoint"] = scorer.checkpointPath().empty() ? nlohmann::json(nullptr) : nlohmann::json(scorer.checkpointPath());
    j["backbone_id"] = backboneId;
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
    std::vector<eval::VideoScores> ev;
    for (std::size_t i = 0; i < set.videos.size(); ++i) {
        const int64_t a = s.videoOffsets[i], b = s.videoOffsets[i + 1];
        std::vector<float> vs(s.scores.begin() + a, s.scores.begin() + b);
        std::vector<int32_t> vw(s.winner.begin() + a, s.winner.begin() + b);
        const std::string file = "videos/" + safeName(set.videos[i].name) + ".npy";
        writeNpy((fs::path(dir) / file).string(), NpyArray::fromFloats(vs, {b - a}));
        jv.push_back({{"video_path", set.videos[i].name}, {"category", set.categories[i]}, {"frames", b - a},
                      {"offset", a}, {"scores_npy", file}, {"scores", vs}, {"winner", vw}});
        ev.push_back({set.videos[i].name, std::vector<double>(vs.begin(), vs.end()), set.labels[i]});
    }
    j["videos"] = jv;
    writeFileAtomic((fs::path(dir) / "scores.json").string(), j.dump(1) + "\n");

    eval::EvalOptions eo;
    eo.bootstrap.samples = cfg.evaluation.bootstrapSamples;
    eo.bootstrap.seed = cfg.evaluation.bootstrapSeed;
    const eval::EvaluationResult er = eval::evaluate(ev, eo);
    eval::ReportInputs ri;
    ri.gtPath = cfg.dataset.meta;
    ri.dataset = "meta";
    ri.predPath = (fs::path(dir) / "frame_scores.npy").string();
    ri.config = configPath;
    if (pixel)
        ri.pixelMaps = pixelMapsDir;
    eval::writeReport((fs::path(dir) / "evaluation").string(), ri, er, pixel);

    ModeMetrics m;
    m.name = name;
    m.scoring = toString(cfg.testing.scoring);
    m.calibration = s.calibration;
    m.resultsDir = dir;
    auto val = [](double v) { return std::isnan(v) ? -1.0 : v; };
    m.frameAuc = val(er.micro.auc);
    m.frameAp = val(er.micro.apStep);
    m.macroAuc = val(er.macro.auc);
    m.macroAp = val(er.macro.ap);
    m.videoAuc = er.videoLevel.defined ? val(er.videoLevel.auc) : -1;
    m.videoAp = er.videoLevel.defined ? val(er.videoLevel.apStep) : -1;
    m.perCategory = perCategoryAuc(set, s.scores);
    return m;
}

std::vector<PromptSpecificity> promptSpecificity(const infer::Scorer& scorer, const infer::PromptFeatures& pf,
                                                 const LabelledSet& set)
{
    const std::vector<float> tracks = scorer.promptTracks(pf);
    const std::size_t P = pf.prompts.size();
    std::vector<PromptSpecificity> out;
    for (std::size_t p = 0; p < P; ++p) {
        std::string category;
        for (const auto& c : set.categories)
            if (c != "normal" && pf.prompts[p].find(c) != std::string::npos)
                category = c;
        if (category.empty())
            continue;
        std::vector<float> own(tracks.size() / P);
        for (std::size_t i = 0; i < own.size(); ++i)
            own[i] = tracks[i * P + p];
        // Relabel: positives = anomalous frames of the prompt's category.
        LabelledSet relabelled;
        relabelled.categories = set.categories;
        for (std::size_t v = 0; v < set.videos.size(); ++v) {
            relabelled.videos.push_back({set.videos[v].name, set.videos[v].frames, 0, {}});
            std::vector<uint8_t> l = set.labels[v];
            if (set.categories[v] != category)
                std::fill(l.begin(), l.end(), 0);
            relabelled.labels.push_back(std::move(l));
        }
        PromptSpecificity ps;
        ps.prompt = pf.prompts[p];
        ps.category = category;
        ps.aucVsAll = frameAuc(relabelled, own);
        // Against the other categories' anomalous frames only: drop normal frames everywhere.
        std::vector<float> s;
        std::vector<uint8_t> l;
        int64_t offset = 0;
        for (std::size_t v = 0; v < set.videos.size(); ++v) {
            for (int64_t t = 0; t < set.videos[v].frames; ++t)
                if (set.labels[v][std::size_t(t)]) {
                    s.push_back(own[std::size_t(offset + t)]);
                    l.push_back(set.categories[v] == category ? 1 : 0);
                }
            offset += set.videos[v].frames;
        }
        ps.aucVsOtherCategories = train::rocAuc(s, l);
        out.push_back(ps);
    }
    return out;
}

eval::PixelEvaluation writePixelMaps(const Config& cfg, const std::string& backboneId,
                                         const infer::PromptFeatures& pf, const std::string& mapsDir,
                                         StageReporter& reporter)
{
    const DatasetMeta meta = metaOf(cfg);
    FeatureCache cache(cfg.features.cacheDir);
    const auto& entries = meta.split(cfg.dataset.testSplit);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const VideoEntry& e = entries[i];
        FeatureKey key{videoContentId(e.absolutePath), backboneId, train::preprocessingId(cfg), true};
        std::string why;
        auto f = cache.open(key, &why);
        if (!f)
            throw Error(ErrorCode::NotFound, "pixel maps: no patch tokens cached for " + e.videoPath + " (" + why + ")");
        int height = cfg.backbone.inputSize, width = cfg.backbone.inputSize;
        if (!e.maskAbsolutePath.empty()) {
            const FrameMasks masks = loadFrameMasks(e, f->frames());
            height = masks.height, width = masks.width;
        }
        auto maps = infer::videoPixelMaps(*f, pf, 1.0 / cfg.testing.softmaxTemperature, height, width, 4.0);
        writeNpy(eval::pixelMapPath(mapsDir, e.videoPath),
                 NpyArray::fromFloats(maps, {f->frames(), int64_t(height), int64_t(width)}));
        reporter.report(0.5 * double(i + 1) / double(entries.size()),
                        "pixel maps " + std::to_string(i + 1) + "/" + std::to_string(entries.size()));
    }
    reporter.report(0.5, "pixel AUROC / AUPRO");
    return eval::evaluatePixelMaps(loadGroundTruthSet(cfg.dataset.meta), mapsDir);
}

} // namespace vaclip::demo::detail
