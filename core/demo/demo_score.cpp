// The demo's test and evaluation stages: scoring a labelled test set, writing what `vaclip test`
// writes (infer/test_results.h, shared with the CLI), per-category and per-prompt AUC, pixel maps.
#include "demo/demo_internal.h"

#include "common/error.h"
#include "data/meta.h"
#include "eval/pixel_maps.h"
#include "infer/test_results.h"
#include "train/feature_data.h"
#include "train/trainer.h"

#include <algorithm>
#include <cmath>

namespace vaclip::demo::detail {

namespace {
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
    const infer::ResultContext ctx{&cfg, configPath, backboneId, scorer.checkpointPath()};
    infer::writeTestScores(dir, ctx, pf, s, scorer.promptTracks(pf), set.videos, set.categories);
    const auto er = infer::evaluateTestScores(dir, ctx, s, set.videos, set.labels, pixel, pixelMapsDir);
    if (!er)
        throw Error(ErrorCode::Format, "demo: the walkway test videos' frame labels do not cover their frames");

    ModeMetrics m;
    m.name = name;
    m.scoring = toString(cfg.testing.scoring);
    m.calibration = s.calibration;
    m.resultsDir = dir;
    auto val = [](double v) { return std::isnan(v) ? -1.0 : v; };
    m.frameAuc = val(er->micro.auc);
    m.frameAp = val(er->micro.apStep);
    m.macroAuc = val(er->macro.auc);
    m.macroAp = val(er->macro.ap);
    m.videoAuc = er->videoLevel.defined ? val(er->videoLevel.auc) : -1;
    m.videoAp = er->videoLevel.defined ? val(er->videoLevel.apStep) : -1;
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
        ps.aucVsNormal = aucOver(relabelled, own, [&](std::size_t v) {
            return set.categories[v] == category || set.categories[v] == "normal";
        });
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
    infer::SplitPixelMaps maps = infer::writeSplitPixelMaps(cfg, backboneId, pf, mapsDir, [&](int done, int total) {
        reporter.report(0.5 * double(done) / double(total),
                        "pixel maps " + std::to_string(done) + "/" + std::to_string(total));
    });
    if (!maps.evaluation)
        throw Error(ErrorCode::Format, "demo: the walkway world " + quoted(cfg.dataset.meta) + " has no pixel masks");
    reporter.report(0.5, "pixel AUROC / AUPRO");
    return std::move(*maps.evaluation);
}

} // namespace vaclip::demo::detail
