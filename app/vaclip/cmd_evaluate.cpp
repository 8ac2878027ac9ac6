// vaclip evaluate: frame/video/pixel metrics, curves, reports and plots of a scored test set.
#include "cmd_evaluate_plots.h"
#include "commands.h"
#include "common/error.h"
#include "config/config.h"
#include "eval/eval_inputs.h"
#include "eval/evaluator.h"
#include "eval/pixel_maps.h"
#include "eval/report.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>

namespace fs = std::filesystem;

namespace vaclip::cli {

namespace {

struct EvaluateOptions {
    std::string config;
    std::string configPositional;
    std::string gtPath;
    std::string predPath;
    std::string dataset = "auto";
    std::string outputDir;
    std::string pixelMaps;
    bool plotCurves = false;
    bool noPlots = false;
    double gaussianSigma = 0;
    int movingAverage = 0;
    bool minMax = false;
    std::string videoScore = "max";
    int topK = 1;
    std::string ap = "step";
    int bootstrapSamples = 0;
    uint64_t bootstrapSeed = 42;
    double aupro = 0.3;
    int pixelBins = 1 << 20;
};

bool given(const CLI::App* cmd, const std::string& name)
{
    return cmd->count(name) > 0;
}

void run(const EvaluateOptions& cli, const CLI::App* cmd)
{
    EvaluateOptions o = cli;
    const std::string configPath = !o.config.empty() ? o.config : o.configPositional;
    bool plots = o.plotCurves;
    std::vector<std::string> requested;
    std::vector<std::pair<std::string, double>> configSmoothing;
    if (!configPath.empty()) {
        // The config supplies defaults; options on the command line win.
        const Config cfg = loadConfig(configPath);
        const std::string stem = fs::path(configPath).stem().string();
        if (o.gtPath.empty())
            o.gtPath = cfg.dataset.meta;
        if (o.predPath.empty())  // where `vaclip test CONFIG` writes by default
            o.predPath = (fs::path("results") / stem / "frame_scores.npy").string();
        if (o.outputDir.empty())
            o.outputDir = (fs::path("results") / stem / "evaluation").string();
        std::error_code ec;  // where `vaclip test CONFIG` writes maps when testing.pixel_maps is on
        const fs::path maps = fs::path("results") / stem / "pixel_maps";
        if (o.pixelMaps.empty() && cfg.testing.pixelMaps && fs::is_directory(maps, ec))
            o.pixelMaps = maps.string();
        // testing.smoothing is NOT applied again: `vaclip test` already smoothed the scores it
        // wrote. It is recorded in metrics.json; --gaussian_sigma / --moving_average add more.
        configSmoothing = {{"gaussian_sigma", cfg.testing.smoothing.gaussianSigma},
                           {"moving_average", cfg.testing.smoothing.movingAverage}};
        if (!given(cmd, "--bootstrap_samples"))
            o.bootstrapSamples = cfg.evaluation.bootstrapSamples;
        if (!given(cmd, "--bootstrap_seed"))
            o.bootstrapSeed = cfg.evaluation.bootstrapSeed;
        if (!given(cmd, "--ap"))
            o.ap = toString(cfg.evaluation.apDefinition);
        if (!given(cmd, "--video_score"))
            o.videoScore = toString(cfg.evaluation.videoScore);
        if (!given(cmd, "--top_k"))
            o.topK = cfg.evaluation.topK;
        plots = plots || cfg.evaluation.plotCurves;
        requested = cfg.evaluation.metrics;
    }
    if (o.noPlots)
        plots = false;
    if (o.gtPath.empty())
        throw CLI::RequiredError("--gt_path (or a config with dataset.meta)");
    if (o.predPath.empty())
        throw CLI::RequiredError("--pred_path (or a config)");
    if (o.outputDir.empty())
        o.outputDir = "results/evaluation";

    eval::EvalOptions opt;
    opt.post.gaussianSigma = o.gaussianSigma;
    opt.post.movingAverage = o.movingAverage;
    opt.post.minMax = o.minMax;
    opt.videoScore = eval::parseVideoScoreMode(o.videoScore);
    opt.topK = o.topK;
    opt.ap = eval::parseApDefinition(o.ap);
    opt.bootstrap.samples = o.bootstrapSamples;
    opt.bootstrap.seed = o.bootstrapSeed;

    const GroundTruthSet gt = loadGroundTruthSet(o.gtPath, o.dataset);
    std::vector<std::vector<double>> scores = loadPredictions(o.predPath, gt);
    std::vector<eval::VideoScores> videos;
    for (std::size_t i = 0; i < gt.videos.size(); ++i)
        videos.push_back({gt.videos[i].name, std::move(scores[i]), gt.videos[i].labels});
    eval::EvaluationResult result;
    try {
        result = eval::evaluate(videos, opt);
    } catch (const Error& e) {
        throw Error(e.code(), quoted(o.predPath) + ": " + e.what());
    }

    std::unique_ptr<eval::PixelEvaluation> pixel;
    if (!o.pixelMaps.empty()) {
        eval::PixelOptions po;
        po.fprLimit = o.aupro;
        po.bins = o.pixelBins;
        pixel = std::make_unique<eval::PixelEvaluation>(eval::evaluatePixelMaps(gt, o.pixelMaps, po));
    }

    eval::ReportInputs in{o.gtPath, gt.dataset, o.predPath, o.pixelMaps, configPath, configSmoothing};
    std::vector<std::string> files = eval::writeReport(o.outputDir, in, result, pixel.get());
    if (plots) {
        const std::vector<std::string> p = writeEvaluationPlots(o.outputDir, result);
        files.insert(files.end(), p.begin(), p.end());
    }

    std::cout << gt.videos.size() << " videos, " << gt.totalFrames() << " frames (" << gt.dataset << "), predictions "
              << o.predPath << "\n\n"
              << eval::summaryTable(result, pixel.get());
    const bool wantsPixel = std::find(requested.begin(), requested.end(), "pixel_auc") != requested.end()
                            || std::find(requested.begin(), requested.end(), "aupro") != requested.end();
    if (wantsPixel && !pixel)
        std::cout << "pixel_auc/aupro requested by the config: pass --pixel_maps DIR (per-video .npy [T,H,W]) to "
                     "compute them\n";
    std::cout << "\nwrote " << files.size() << " files to " << o.outputDir << " (metrics.json, per_video.csv, roc.csv, "
              << "pr.csv" << (plots ? ", roc/pr/scores_<video> .png .pdf .svg" : "") << ")\n";
}

} // namespace

void addEvaluateCommand(CLI::App& app)
{
    auto o = std::make_shared<EvaluateOptions>();
    CLI::App* cmd = app.add_subcommand(
        "evaluate", "Frame, video and pixel metrics of predicted scores against ground truth; reports and plots");
    cmd->add_option("config", o->configPositional, "a YAML config (same as --config)");
    cmd->add_option("--config,-c", o->config,
                    "YAML config: dataset.meta and evaluation.* give defaults (testing.smoothing is "
                    "recorded, not re-applied: vaclip test already smoothed its scores)");
    cmd->add_option("--gt_path,--gt-path", o->gtPath,
                    "ground truth: a meta.json, a dataset root (see --dataset) or a folder of per-video label files");
    cmd->add_option("--pred_path,--pred-path", o->predPath,
                    "predictions: one .npy of all frames in ground-truth order, a folder of per-video .npy/.json, "
                    "or the scores.json of 'vaclip test'");
    cmd->add_option("--dataset", o->dataset, "ground-truth reader")
        ->check(CLI::IsMember({"auto", "ucsd", "shanghaitech", "avenue", "generic"}));
    cmd->add_option("--output_dir,--output-dir,-o", o->outputDir,
                    "report folder (default results/evaluation, or results/<config>/evaluation)");
    cmd->add_flag("--plot_curves,--plot-curves", o->plotCurves,
                  "also write roc, pr and scores_<video> plots as .png .pdf .svg");
    cmd->add_flag("--no_plots,--no-plots", o->noPlots, "no plots even when the config asks for them");
    cmd->add_option("--pixel_maps,--pixel-maps", o->pixelMaps,
                    "folder of per-video pixel maps <video>.npy [T,H,W]: adds pixel AUROC and AUPRO");
    cmd->add_option("--gaussian_sigma,--gaussian-sigma", o->gaussianSigma,
                    "post-process: Gaussian smoothing per video, sigma in frames (0 = off)")
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--moving_average,--moving-average", o->movingAverage,
                    "post-process: centred moving average per video, window in frames (0 = off)")
        ->check(CLI::NonNegativeNumber);
    cmd->add_flag("--minmax", o->minMax, "post-process: per-video min-max normalisation");
    cmd->add_option("--video_score,--video-score", o->videoScore, "a video's score: max or topk_mean")
        ->check(CLI::IsMember({"max", "topk_mean"}));
    cmd->add_option("--top_k,--top-k", o->topK, "frames averaged by topk_mean")->check(CLI::PositiveNumber);
    cmd->add_option("--ap", o->ap, "AP definition: step (sklearn average_precision_score) or trapezoid")
        ->check(CLI::IsMember({"step", "trapezoid"}));
    cmd->add_option("--bootstrap_samples,--bootstrap-samples", o->bootstrapSamples,
                    "bootstrap resamples over videos for confidence intervals (0 = none)")
        ->check(CLI::Range(0, 1000000));
    cmd->add_option("--bootstrap_seed,--bootstrap-seed", o->bootstrapSeed, "bootstrap random seed");
    cmd->add_option("--aupro_fpr_limit", o->aupro, "AUPRO integration limit (FPR)")->check(CLI::Range(1e-6, 1.0));
    cmd->add_option("--pixel_bins", o->pixelBins, "histogram bins of the streaming pixel metrics")
        ->check(CLI::Range(1, 1 << 28));
    cmd->footer("Examples:\n"
                "  vaclip evaluate --gt_path data/ped2/meta.json --pred_path results/ucsd/frame_scores.npy \\\n"
                "      --output_dir results/evaluation --plot_curves\n"
                "  vaclip evaluate configs/ucsd_test.yaml          # paths and options from the config\n"
                "Writes metrics.json (every number with its definition and the options used), per_video.csv,\n"
                "roc.csv, pr.csv. Definitions: docs/evaluation.md");
    cmd->callback([o, cmd] { run(*o, cmd); });
}

} // namespace vaclip::cli
