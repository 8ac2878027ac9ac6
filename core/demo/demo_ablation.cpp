// The temporal ablation of `vaclip demo --ablate-temporal`: the same training without the temporal
// transformer (temporal_transformer_layers 0), both scored on a held-out campus world (the
// training categories, motion ones like running among them) and on walkway.
#include "demo/demo_internal.h"

#include <filesystem>

namespace vaclip::demo::detail {

namespace fs = std::filesystem;

namespace {
/// Scores the held-out set with the learned generic prompts (softmax_vs_normal, learned context).
std::vector<float> genericScores(const Config& config, const model::Backbone& backbone, const std::string& checkpoint,
                                 const LabelledSet& set)
{
    Config c = config;
    c.testing.scoring = ScoringMode::SoftmaxVsNormal;
    c.testing.promptMode = PromptMode::LearnedContext;
    infer::Scorer scorer(c, backbone, checkpoint);
    scorer.setTestSet(set.videos);
    return scorer.score(c.genericPrompts.abnormal).scores;
}

double walkwayAuc(const Config& testConfig, const model::Backbone& backbone, const std::string& checkpoint,
                  const LabelledSet& walkway)
{
    Config c = testConfig;
    c.testing.scoring = ScoringMode::CalibratedMax;
    infer::Scorer scorer(c, backbone, checkpoint);
    scorer.setTestSet(walkway.videos);
    scorer.setCalibrationSet(walkway.normalReference);
    return frameAuc(walkway, scorer.score(c.semanticPrompts).scores);
}
} // namespace

TemporalAblation runTemporalAblation(const DemoOptions& o, const DemoLayout& L, const Config& trainConfig,
                                     const Config& testConfig, const model::Backbone& backbone,
                                     StageReporter& reporter, std::vector<std::string>& notes)
{
    // A held-out campus world: another seed, its train split (frame labels, every training
    // category) is the evaluation set; never trained on.
    const std::string holdout = (fs::path(L.ablation) / "campus_holdout").string();
    const bool rendered = ensureWorld("campus", holdout, o.campusVideos, o.frames, o.size, o.campusSeed + 100,
                                      o.force, reporter, 0.0, 0.3);
    Config heldOut = trainConfig;
    heldOut.dataset.meta = (fs::path(holdout) / "meta.json").string();
    extractSplit(backbone, heldOut, "train", false, reporter, 0.3, 0.2, "held-out campus");

    Config noTemporal = trainConfig;
    noTemporal.temporalTransformerLayers = 0;
    noTemporal.training.checkpointDir = (fs::path(L.ablation) / "no_temporal" / "checkpoints").string();
    const bool trained = trainIfNeeded(noTemporal, backbone, o.force, reporter, "campus without temporal");
    notes.push_back(std::string("ablation: held-out campus ") + (rendered ? "rendered" : "reused") +
                    ", model without temporal transformer " + (trained ? "trained" : "reused"));
    reporter.report(0.9, "scoring the held-out campus world");

    const LabelledSet set = loadLabelledSet(heldOut, backbone.id(), heldOut.dataset.trainSplit, false);
    TemporalAblation a;
    a.run = true;
    const std::vector<float> with = genericScores(trainConfig, backbone, trainConfig.training.checkpointDir, set);
    Config heldOut0 = heldOut;
    heldOut0.temporalTransformerLayers = 0;
    const std::vector<float> without = genericScores(heldOut0, backbone, noTemporal.training.checkpointDir, set);
    a.withTemporal = perCategoryAuc(set, with);
    a.withoutTemporal = perCategoryAuc(set, without);
    a.allWith = frameAuc(set, with);
    a.allWithout = frameAuc(set, without);

    const LabelledSet walkway = loadLabelledSet(testConfig, backbone.id(), testConfig.dataset.testSplit, true);
    a.walkwayWith = walkwayAuc(testConfig, backbone, trainConfig.training.checkpointDir, walkway);
    Config test0 = testConfig;
    test0.temporalTransformerLayers = 0;
    a.walkwayWithout = walkwayAuc(test0, backbone, noTemporal.training.checkpointDir, walkway);
    return a;
}

} // namespace vaclip::demo::detail
