// vaclip test: score every test video against the prompts and write the results.
#include "commands.h"
#include "common/error.h"
#include "config/config.h"
#include "eval/evaluator.h"
#include "eval/report.h"
#include "eval/pixel_maps.h"
#include "data/ground_truth.h"
#include "data/meta.h"
#include "features/feature_cache.h"
#include "infer/pixel_maps.h"
#include "infer/scorer.h"
#include "io/atomic_file.h"
#include "io/npy.h"
#include "model/backbone.h"
#include "runtime/torch_runtime.h"
#include "train/feature_data.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>
#include <memory>

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

std::string safeName(const std::string& videoPath)
{
    std::string s;
    for (char c : videoPath)
        s += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.') ? c : '_';
    return s;
}
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
        infer::Scorer scorer(cfg, backbone, checkpoint);
        auto videos = train::loadSplitFeatures(cfg, backbone.id(), cfg.dataset.testSplit);
        std::vector<infer::TestVideo> test;
        std::vector<std::vector<uint8_t>> labels;
        for (auto& v : videos) {
            labels.push_back(v.frameLabels);
            test.push_back({v.name, v.frames, v.dim, std::move(v.features)});
        }
        scorer.setTestSet(test);
        std::string calibrationNote;
        if (cfg.testing.scoring == ScoringMode::CalibratedMax) {
            try {
                auto train = train::loadSplitFeatures(cfg, backbone.id(), cfg.dataset.trainSplit);
                std::vector<infer::TestVideo> normals;
                for (auto& v : train)
                    if (v.videoLabel == 0)
                        normals.push_back({v.name, v.frames, v.dim, std::move(v.features)});
                scorer.setCalibrationSet(normals);
            } catch (const Error& e) {
                calibrationNote = e.what();
            }
        }
        infer::PromptFeatures pf = scorer.encodePrompts(prompts);
        infer::TestScores s = scorer.rescore(pf);
        const int64_t N = int64_t(s.scores.size()), P = int64_t(prompts.size());

        writeNpy((fs::path(outDir) / "frame_scores.npy").string(), NpyArray::fromFloats(s.scores, {N}));
        writeNpy((fs::path(outDir) / "prompt_tracks.npy").string(),
                 NpyArray::fromFloats(scorer.promptTracks(pf), {N, P}));
        writeNpy((fs::path(outDir) / "winner.npy").string(),
                 NpyArray::fromInt64(std::vector<int64_t>(s.winner.begin(), s.winner.end()), {N}));
        nlohmann::json j;
        j["format"] = "vaclip-test-scores";
        j["version"] = 1;
        j["config"] = fs::absolute(o->config).string();
        j["checkpoint"] = scorer.checkpointPath().empty() ? nlohmann::json(nullptr) : nlohmann::json(scorer.checkpointPath());
        j["backbone_id"] = backbone.id();
        j["prompts"] = prompts;
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
        for (std::size_t i = 0; i < test.size(); ++i) {
            const int64_t a = s.videoOffsets[i], b = s.videoOffsets[i + 1];
            std::vector<float> vs(s.scores.begin() + a, s.scores.begin() + b);
            std::vector<int32_t> vw(s.winner.begin() + a, s.winner.begin() + b);
            const std::string file = "videos/" + safeName(test[i].name) + ".npy";
            writeNpy((fs::path(outDir) / file).string(), NpyArray::fromFloats(vs, {b - a}));
            jv.push_back({{"video_path", test[i].name}, {"frames", b - a}, {"offset", a}, {"scores_npy", file},
                          {"scores", vs}, {"winner", vw}});
        }
        j["videos"] = jv;
        writeFileAtomic((fs::path(outDir) / "scores.json").string(), j.dump(1) + "\n");

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
        std::unique_ptr<eval::PixelEvaluation> pixel;
        if (cfg.testing.pixelMaps) {
            LoadMetaOptions mo;
            mo.root = cfg.dataset.root;
            const DatasetMeta meta = loadMeta(cfg.dataset.meta, mo);
            FeatureCache cache(cfg.features.cacheDir);
            const std::string mapsDir = (fs::path(outDir) / "pixel_maps").string();
            bool anyMasks = false;
            for (const VideoEntry& e : meta.split(cfg.dataset.testSplit)) {
                FeatureKey key{videoContentId(e.absolutePath), backbone.id(), train::preprocessingId(cfg), true};
                std::string why;
                auto f = cache.open(key, &why);
                if (!f)
                    throw Error(ErrorCode::NotFound, "pixel maps: no patch tokens cached for " + e.videoPath + " (" + why +
                                                         "); run vaclip extract --tokens");
                int height = cfg.backbone.inputSize, width = cfg.backbone.inputSize;
                try {
                    const FrameMasks masks = loadFrameMasks(e, f->frames());
                    height = masks.height, width = masks.width, anyMasks = true;
                } catch (const Error&) {
                    // no pixel ground truth for this video: maps at the input size
                }
                auto maps = infer::videoPixelMaps(*f, pf, 1.0 / cfg.testing.softmaxTemperature, height, width, 4.0,
                                                  cfg.backbone.inputSize);
                writeNpy(eval::pixelMapPath(mapsDir, e.videoPath),
                         NpyArray::fromFloats(maps, {f->frames(), int64_t(height), int64_t(width)}));
            }
            std::cout << "pixel maps: " << mapsDir << "\n";
            if (anyMasks)
                pixel = std::make_unique<eval::PixelEvaluation>(
                    eval::evaluatePixelMaps(loadGroundTruthSet(cfg.dataset.meta), mapsDir));
        }
        // Evaluation against the ground truth (core/eval, the same as `vaclip evaluate`), when every
        // test video has frame labels. Scores are already smoothed as testing.smoothing says.
        bool complete = !labels.empty();
        for (std::size_t i = 0; i < labels.size(); ++i)
            complete &= int64_t(labels[i].size()) == s.videoOffsets[i + 1] - s.videoOffsets[i];
        if (complete) {
            std::vector<eval::VideoScores> ev;
            for (std::size_t i = 0; i < test.size(); ++i)
                ev.push_back({test[i].name,
                              std::vector<double>(s.scores.begin() + s.videoOffsets[i], s.scores.begin() + s.videoOffsets[i + 1]),
                              labels[i]});
            eval::EvalOptions eo;
            eo.bootstrap.samples = cfg.evaluation.bootstrapSamples;
            eo.bootstrap.seed = cfg.evaluation.bootstrapSeed;
            const eval::EvaluationResult er = eval::evaluate(ev, eo);
            eval::ReportInputs ri;
            ri.gtPath = cfg.dataset.meta;
            ri.dataset = "meta";
            ri.predPath = (fs::path(outDir) / "frame_scores.npy").string();
            ri.config = fs::absolute(o->config).string();
            if (pixel)
                ri.pixelMaps = (fs::path(outDir) / "pixel_maps").string();
            eval::writeReport((fs::path(outDir) / "evaluation").string(), ri, er, pixel.get());
            std::cout << eval::summaryTable(er, pixel.get());
        } else {
            std::cout << "not evaluated: some test videos have no frame ground truth\n";
        }
        std::cout << "results: " << outDir << (complete ? " (report in evaluation/)" : "")
                  << "\nplots: vaclip evaluate --gt_path " << cfg.dataset.meta << " --pred_path "
                  << (fs::path(outDir) / "scores.json").string() << " --plot_curves\n";
    });
}

} // namespace vaclip::cli
