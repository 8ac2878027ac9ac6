// runDemo: the five stages in order, the effective configs and the summary file.
#include "demo/demo.h"
#include "demo/demo_internal.h"

#include "common/error.h"
#include "io/atomic_file.h"
#include "model/backbone_parts.h"
#include "runtime/torch_runtime.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace vaclip::demo {

namespace fs = std::filesystem;
using namespace detail;

const char* stageName(DemoStage stage)
{
    switch (stage) {
    case DemoStage::Synth: return "render worlds";
    case DemoStage::Extract: return "extract features";
    case DemoStage::Train: return "train on campus";
    case DemoStage::Test: return "test on walkway";
    case DemoStage::Evaluate: return "evaluate";
    case DemoStage::Ablation: return "temporal ablation";
    }
    return "?";
}

const ModeMetrics* DemoResult::mode(const std::string& name) const
{
    for (const ModeMetrics& m : modes)
        if (m.name == name)
            return &m;
    return nullptr;
}

namespace {
Config loadTemplate(const std::string& path, const std::string& workspaceConfigs)
{
    std::ifstream in(path);
    if (!in)
        throw Error(ErrorCode::NotFound, "demo config template " + quoted(path) + " cannot be read");
    std::stringstream text;
    text << in.rdbuf();
    return configFromYaml(text.str(), path, workspaceConfigs);
}

nlohmann::json categoriesJson(const std::vector<CategoryAuc>& cats)
{
    nlohmann::json j = nlohmann::json::object();
    for (const auto& c : cats)
        j[c.category] = c.auc;
    return j;
}

nlohmann::json summaryJson(const DemoOptions& o, const DemoResult& r)
{
    nlohmann::json j;
    j["format"] = "vaclip-demo";
    j["version"] = 1;
    j["backbone"] = {{"path", r.backbonePath}, {"id", r.backboneId}, {"input_size", r.inputSize}};
    j["world"] = {{"campus_videos", o.campusVideos}, {"walkway_videos", o.walkwayVideos}, {"frames", o.frames},
                  {"size", o.size}, {"campus_seed", o.campusSeed}, {"walkway_seed", o.walkwaySeed}};
    j["configs"] = {{"campus_train", r.layout.campusConfig}, {"walkway_test", r.layout.walkwayConfig}};
    j["prompts"] = r.prompts;
    j["unrelated_prompts"] = o.unrelatedPrompts;
    nlohmann::json modes = nlohmann::json::array();
    for (const ModeMetrics& m : r.modes)
        modes.push_back({{"name", m.name}, {"scoring", m.scoring}, {"calibration", m.calibration},
                         {"results", m.resultsDir}, {"frame_auc", m.frameAuc}, {"frame_ap", m.frameAp},
                         {"frame_auc_per_video", m.macroAuc}, {"frame_ap_per_video", m.macroAp},
                         {"video_auc", m.videoAuc}, {"video_ap", m.videoAp},
                         {"per_category_auc", categoriesJson(m.perCategory)}});
    j["modes"] = modes;
    nlohmann::json spec = nlohmann::json::array();
    for (const auto& s : r.specificity)
        spec.push_back({{"prompt", s.prompt}, {"category", s.category},
                        {"auc_vs_other_categories", s.aucVsOtherCategories}, {"auc_vs_all_frames", s.aucVsAll},
                        {"auc_vs_normal_frames", s.aucVsNormal}});
    j["prompt_specificity"] = spec;
    j["pixel"] = {{"auroc", r.pixelAuroc}, {"aupro", r.pixelAupro}, {"maps", r.layout.pixelMaps}};
    if (r.ablation.run)
        j["temporal_ablation"] = {{"with_temporal", categoriesJson(r.ablation.withTemporal)},
                                  {"without_temporal", categoriesJson(r.ablation.withoutTemporal)},
                                  {"held_out_campus_auc_with", r.ablation.allWith},
                                  {"held_out_campus_auc_without", r.ablation.allWithout},
                                  {"walkway_calibrated_auc_with", r.ablation.walkwayWith},
                                  {"walkway_calibrated_auc_without", r.ablation.walkwayWithout}};
    nlohmann::json stages = nlohmann::json::object();
    for (const auto& [name, seconds] : r.stageSeconds)
        stages[name] = seconds;
    j["stage_seconds"] = stages;
    j["total_seconds"] = r.totalSeconds;
    j["notes"] = r.notes;
    j["prompt_warnings"] = r.promptWarnings;
    return j;
}
} // namespace

DemoResult runDemo(const DemoOptions& in, const DemoProgressFn& progress)
{
    const auto t0 = std::chrono::steady_clock::now();
    DemoOptions o = in;
    if (o.root.empty())
        o.root = defaultDemoRoot();
    if (o.backbone.empty())
        o.backbone = defaultDemoBackbone();
    if (o.configDir.empty())
        o.configDir = defaultDemoConfigDir();
    if (o.quick) {
        o.campusVideos = std::min(o.campusVideos, 12);
        o.walkwayVideos = std::min(o.walkwayVideos, 12);
        o.frames = std::min(o.frames, 64);
    }
    DemoResult r;
    r.layout = demoLayout(o.root);
    const DemoLayout& L = r.layout;
    for (const std::string& d : {L.configs, L.cache, L.campusRun, L.walkwayRun})
        fs::create_directories(d);
    StageReporter rep(progress, t0, o.ablateTemporal ? 6 : 5);

    // The backbone first: nothing else is worth doing without it.
    r.backbonePath = resolveBackbone(o.backbone);
    setComputeThreads(o.threads);
    const model::Backbone backbone = model::Backbone::load(r.backbonePath);
    r.backboneId = backbone.id();
    r.inputSize = backbone.parts().clip->config().imageResolution;

    Config trainCfg = loadTemplate((fs::path(o.configDir) / "demo_campus_train.yaml").string(), L.configs);
    Config testCfg = loadTemplate((fs::path(o.configDir) / "demo_walkway_test.yaml").string(), L.configs);
    for (Config* c : {&trainCfg, &testCfg}) {
        c->backbone.path = fs::absolute(r.backbonePath).string();
        c->backbone.inputSize = r.inputSize;
        c->training.threads = o.threads;
    }
    if (o.epochs > 0)
        trainCfg.training.epochs = o.epochs;
    else if (o.quick)
        trainCfg.training.epochs = std::max(2, trainCfg.training.epochs / 2);
    if (!o.prompts.empty())
        testCfg.semanticPrompts = o.prompts;
    testCfg.testing.pixelMaps = o.pixelMaps;
    r.prompts = testCfg.semanticPrompts;
    {
        std::vector<std::string> used;
        for (const auto* list : {&testCfg.semanticPrompts, &trainCfg.genericPrompts.normal,
                                 &trainCfg.genericPrompts.abnormal, &testCfg.genericPrompts.normal, &o.unrelatedPrompts})
            for (const std::string& p : *list)
                if (std::find(used.begin(), used.end(), p) == used.end())
                    used.push_back(p);
        r.promptWarnings = backbone.unknownWordsWarnings(used);
    }
    saveConfig(trainCfg, L.campusConfig);
    saveConfig(testCfg, L.walkwayConfig);

    // 1. worlds
    rep.begin(DemoStage::Synth, 0);
    const bool newCampus = ensureWorld("campus", L.campus, o.campusVideos, o.frames, o.size, o.campusSeed, o.force,
                                       rep, 0.0, 0.5);
    const bool newWalkway = ensureWorld("walkway", L.walkway, o.walkwayVideos, o.frames, o.size, o.walkwaySeed,
                                        o.force, rep, 0.5, 0.5);
    r.notes.push_back(std::string("campus world ") + (newCampus ? "rendered" : "reused") + ", walkway world " +
                      (newWalkway ? "rendered" : "reused"));
    r.stageSeconds.emplace_back("synth", rep.end("worlds ready"));

    // 2. features (the cache reuses valid files; walkway with patch tokens for the pixel maps)
    rep.begin(DemoStage::Extract, 1);
    extractSplit(backbone, trainCfg, "train", false, rep, 0.0, 0.5, "campus");
    extractSplit(backbone, testCfg, "all", o.pixelMaps, rep, 0.5, 0.5, "walkway");
    r.stageSeconds.emplace_back("extract", rep.end("features cached in " + L.cache));

    // 3. training on campus
    rep.begin(DemoStage::Train, 2);
    const bool trained = trainIfNeeded(trainCfg, backbone, o.force || newCampus, rep, "campus");
    r.notes.push_back(trained ? "trained on campus" : "campus checkpoint reused");
    r.stageSeconds.emplace_back("train", rep.end(L.checkpoints));

    // 4. test on walkway: V_t under the trained model and without it (pure zero-shot)
    rep.begin(DemoStage::Test, 3);
    const LabelledSet set = loadLabelledSet(testCfg, r.backboneId, testCfg.dataset.testSplit, true);
    if (set.normalReference.empty())
        r.notes.push_back("calibrated_max fell back to the test set itself: no normal walkway training videos");
    Config maxCfg = testCfg, calCfg = testCfg;
    maxCfg.testing.scoring = ScoringMode::MaxCosine;
    calCfg.testing.scoring = ScoringMode::CalibratedMax;
    infer::Scorer maxScorer(maxCfg, backbone, L.checkpoints), calScorer(calCfg, backbone, L.checkpoints);
    infer::Scorer zeroShot(calCfg, backbone, "");
    for (infer::Scorer* s : {&maxScorer, &calScorer, &zeroShot}) {
        s->setTestSet(set.videos);
        s->setCalibrationSet(set.normalReference);
    }
    const infer::PromptFeatures prompts = calScorer.encodePrompts(testCfg.semanticPrompts);
    std::unique_ptr<eval::PixelEvaluation> pixel;
    if (o.pixelMaps) {
        pixel = std::make_unique<eval::PixelEvaluation>(writePixelMaps(testCfg, r.backboneId, calScorer.encodePatchPrompts(testCfg.semanticPrompts), L.pixelMaps, rep));
        r.pixelAuroc = std::isnan(pixel->metrics.auroc) ? -1 : pixel->metrics.auroc;
        r.pixelAupro = std::isnan(pixel->metrics.aupro) ? -1 : pixel->metrics.aupro;
    }
    r.stageSeconds.emplace_back("test", rep.end("scored"));

    // 5. evaluation of every mode, written like `vaclip test` does
    rep.begin(DemoStage::Evaluate, 4);
    r.modes.push_back(scoreAndWrite("max_cosine", maxScorer, prompts, set, L.results("max_cosine"), r.backboneId,
                                    L.walkwayConfig, pixel.get(), L.pixelMaps));
    rep.report(0.25, "max_cosine");
    r.modes.push_back(scoreAndWrite("calibrated_max", calScorer, prompts, set, L.results("calibrated_max"),
                                    r.backboneId, L.walkwayConfig, pixel.get(), L.pixelMaps));
    rep.report(0.5, "calibrated_max");
    r.modes.push_back(scoreAndWrite("zero_shot", zeroShot, zeroShot.encodePrompts(testCfg.semanticPrompts), set,
                                    L.results("zero_shot"), r.backboneId, L.walkwayConfig, nullptr, ""));
    rep.report(0.75, "zero_shot (no checkpoint)");
    r.modes.push_back(scoreAndWrite("unrelated", calScorer, calScorer.encodePrompts(o.unrelatedPrompts), set,
                                    L.results("unrelated"), r.backboneId, L.walkwayConfig, nullptr, ""));
    r.specificity = promptSpecificity(calScorer, prompts, set);
    r.stageSeconds.emplace_back("evaluate", rep.end("metrics written"));

    if (o.ablateTemporal) {
        rep.begin(DemoStage::Ablation, 5);
        r.ablation = runTemporalAblation(o, L, trainCfg, testCfg, backbone, rep, r.notes);
        r.stageSeconds.emplace_back("ablation", rep.end("temporal ablation done"));
    }
    r.totalSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    writeFileAtomic(L.summary, summaryJson(o, r).dump(2) + "\n");
    return r;
}

} // namespace vaclip::demo
