// vaclip test: score every test video against the prompts and write the results.
#include "commands.h"
#include "common/error.h"
#include "config/config.h"
#include "eval/report.h"
#include "infer/scorer.h"
#include "infer/test_results.h"
#include "model/backbone.h"
#include "runtime/torch_runtime.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>

namespace vaclip::cli {

namespace fs = std::filesystem;

namespace {
struct TestOptions {
    std::string config;
    std::string out;
    std::string checkpoint;
    bool zeroShot = false;
    std::vector<std::string> prompts;
};
} // namespace

void addTestCommand(CLI::App& app)
{
    auto o = std::make_shared<TestOptions>();
    CLI::App* cmd = app.add_subcommand("test", "Score the test videos against the semantic prompts and write results");
    cmd->add_option("--config,-c", o->config, "the run configuration (YAML)")->required();
    cmd->add_option("--out,-o", o->out, "result folder (default: results/<config name>)");
    cmd->add_option("--checkpoint", o->checkpoint, "override testing.checkpoint (file or folder)");
    cmd->add_flag("--zero-shot", o->zeroShot, "no checkpoint: V_t = CLIP embedding, prompts encoded plain");
    cmd->add_option("--prompt", o->prompts, "override semantic_prompts (repeatable)");
    cmd->footer("Needs the test split's features in features.cache_dir (vaclip extract).\n"
                "Writes frame_scores.npy (all test frames, dataset order), videos/<video>.npy,\n"
                "scores.json (prompts, scoring, checkpoint, per-video scores and winning prompt),\n"
                "prompt_tracks.npy [frames, prompts] and winner.npy [frames].");
    cmd->callback([o] {
        Config cfg = loadConfig(o->config);
        setComputeThreads(cfg.training.threads);  // 0 = all cores
        std::vector<std::string> prompts = o->prompts.empty() ? cfg.semanticPrompts : o->prompts;
        if (prompts.empty())
            prompts = cfg.genericPrompts.abnormal;
        std::string checkpoint;
        if (!o->zeroShot) {
            checkpoint = !o->checkpoint.empty() ? o->checkpoint
                         : !cfg.testing.checkpoint.empty() ? cfg.testing.checkpoint
                                                            : cfg.training.checkpointDir;
            if (!fs::exists(checkpoint))
                throw Error(ErrorCode::NotFound, "checkpoint " + quoted(checkpoint) +
                                                     " does not exist (train first, or pass --zero-shot)");
        }
        const std::string outDir =
            !o->out.empty() ? o->out : (fs::path("results") / fs::path(o->config).stem()).string();

        model::Backbone backbone = model::Backbone::load(cfg.backbone.path);
        // Words the backbone's vocabulary does not know (the scored prompts and the reference
        // normal prompts) are reported, not silently dropped.
        for (const std::string& w : backbone.unknownWordsWarnings(infer::promptsToCheck(cfg, prompts)))
            std::cerr << "vaclip: warning: " << w << "\n";
        infer::Scorer scorer(cfg, backbone, checkpoint);
        infer::LoadedTestSet loaded = infer::loadTestSet(cfg, backbone.id());
        const std::vector<infer::TestVideo>& test = loaded.videos;
        const std::vector<std::vector<uint8_t>>& labels = loaded.labels;
        scorer.setTestSet(test);
        std::string calibrationNote;
        if (cfg.testing.scoring == ScoringMode::CalibratedMax) {
            try {
                scorer.setCalibrationSet(infer::loadNormalTrainingVideos(cfg, backbone.id()));
            } catch (const Error& e) {
                calibrationNote = e.what();
            }
        }
        infer::PromptFeatures pf = scorer.encodePrompts(prompts);
        infer::TestScores s = scorer.rescore(pf);
        const int64_t N = int64_t(s.scores.size()), P = int64_t(prompts.size());
        const infer::ResultContext ctx{&cfg, fs::absolute(o->config).string(), backbone.id(), scorer.checkpointPath()};
        infer::writeTestScores(outDir, ctx, pf, s, scorer.promptTracks(pf), test);

        std::cout << "scored " << test.size() << " videos, " << N << " frames, " << P << " prompts, "
                  << toString(cfg.testing.scoring) << (s.calibration.empty() ? "" : " (" + s.calibration + ")")
                  << ", checkpoint " << (checkpoint.empty() ? std::string("none (zero-shot)") : scorer.checkpointPath())
                  << "\n";
        if (!calibrationNote.empty())
            std::cout << "calibration on normal training frames unavailable: " << calibrationNote << "\n";
        std::vector<int64_t> wins(std::size_t(P), 0);
        for (int32_t w : s.winner)
            ++wins[std::size_t(w)];
        for (int64_t i = 0; i < P; ++i)
            std::cout << "  prompt " << i << " '" << prompts[std::size_t(i)] << "' wins " << wins[std::size_t(i)]
                      << " frames\n";
        // Pixel maps from cached patch tokens (testing.pixel_maps), at the size of the video's masks
        // (else the backbone's input size), named as vaclip evaluate --pixel_maps expects.
        infer::SplitPixelMaps pixel;
        if (cfg.testing.pixelMaps) {
            pixel = infer::writeSplitPixelMaps(cfg, backbone.id(), scorer.encodePatchPrompts(prompts),
                                               (fs::path(outDir) / "pixel_maps").string());
            std::cout << "pixel maps: " << pixel.mapsDir << "\n";
        }
        // Evaluation against the ground truth (core/eval, the same as `vaclip evaluate`), when every
        // test video has frame labels. Scores are already smoothed as testing.smoothing says.
        const eval::PixelEvaluation* pe = pixel.evaluation ? &*pixel.evaluation : nullptr;
        const auto er = infer::evaluateTestScores(outDir, ctx, s, test, labels, pe, pixel.mapsDir);
        const bool complete = er.has_value();
        if (er)
            std::cout << eval::summaryTable(*er, pe);
        else
            std::cout << "not evaluated: some test videos have no frame ground truth\n";
        std::cout << "results: " << outDir << (complete ? " (report in evaluation/)" : "")
                  << "\nplots: vaclip evaluate --gt_path " << cfg.dataset.meta << " --pred_path "
                  << (fs::path(outDir) / "scores.json").string() << " --plot_curves\n";
    });
}

} // namespace vaclip::cli
