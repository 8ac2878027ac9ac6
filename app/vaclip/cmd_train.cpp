// vaclip train: learn the temporal transformer and the prompt context on cached features.
#include "commands.h"
#include "common/error.h"
#include "config/config.h"
#include "model/backbone.h"
#include "runtime/torch_runtime.h"
#include "train/feature_data.h"
#include "train/trainer.h"

#include <CLI/CLI.hpp>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <memory>
#include <unistd.h>

namespace vaclip::cli {

namespace {
struct TrainOptions {
    std::string config;
    int epochs = 0;
    bool resume = false;
};

std::atomic<bool> g_interrupted{false};  // set by SIGINT only; the trainer itself has no globals
void onTrainInterrupt(int) { g_interrupted = true; }
} // namespace

void addTrainCommand(CLI::App& app)
{
    auto o = std::make_shared<TrainOptions>();
    CLI::App* cmd = app.add_subcommand("train", "Train the temporal transformer and the learnable prompt context");
    cmd->add_option("--config,-c", o->config, "the run configuration (YAML)")->required();
    cmd->add_option("--epochs", o->epochs, "override training.epochs");
    cmd->add_flag("--resume", o->resume, "continue from training.checkpoint_dir/last.ckpt (= training.resume)");
    cmd->footer("Needs the features of the training split in features.cache_dir (vaclip extract).\n"
                "Writes training.checkpoint_dir/last.ckpt (and best.ckpt with training.validation_split).\n"
                "Ctrl-C stops after the current step; the last finished epoch's checkpoint stays.");
    cmd->callback([o] {
        Config cfg = loadConfig(o->config);
        if (o->epochs > 0)
            cfg.training.epochs = o->epochs;
        if (o->resume)
            cfg.training.resume = true;
        setComputeThreads(cfg.training.threads);  // 0 = all cores
        std::cout << torchRuntimeSummary() << "\n";
        model::Backbone backbone = model::Backbone::load(cfg.backbone.path);
        const bool pixelTargets = cfg.training.pixelLoss.enabled || cfg.training.supervision == SupervisionMode::Pixel;
        auto train = train::loadSplitFeatures(cfg, backbone.id(), cfg.dataset.trainSplit, pixelTargets);
        std::vector<train::TrainVideo> validation;
        if (!cfg.training.validationSplit.empty())
            validation = train::loadSplitFeatures(cfg, backbone.id(), cfg.training.validationSplit);
        int64_t frames = 0;
        for (const auto& v : train)
            frames += v.frames;
        std::cout << "training on " << train.size() << " videos (" << frames << " frames) of split '"
                  << cfg.dataset.trainSplit << "', backbone " << backbone.id() << "\n";
        const bool tty = isatty(STDOUT_FILENO);
        std::signal(SIGINT, onTrainInterrupt);
        train::Trainer trainer(cfg, backbone);
        auto result = trainer.run(train, validation, [&](const train::TrainProgress& p) {
            if (p.epochEnd) {
                std::printf("%sepoch %d/%d  loss %.5f  lr %.2e  %.1f clips/s", tty ? "\r\033[K" : "", p.epoch,
                            p.epochs, p.loss, p.lr, p.clipsPerSecond);
                if (p.validationAuc >= 0)
                    std::printf("  validation frame AUC %.4f", p.validationAuc);
                std::printf("\n");
            } else if (tty) {
                std::printf("\r\033[Kepoch %d/%d  step %lld/%lld  loss %.5f  lr %.2e  %.1f clips/s", p.epoch,
                            p.epochs, (long long)p.step, (long long)p.totalSteps, p.loss, p.lr, p.clipsPerSecond);
            }
            std::fflush(stdout);
            return !g_interrupted.load();
        });
        std::signal(SIGINT, SIG_DFL);
        std::cout << "supervision: " << toString(result.supervision);
        if (result.pixelVideos > 0)
            std::cout << " + pixel loss (focal + dice on the patch maps of " << result.pixelVideos << " videos)";
        if (result.resumedFromEpoch > 0)
            std::cout << " (resumed after epoch " << result.resumedFromEpoch << ")";
        std::cout << "\n";
        if (!result.lastCheckpoint.empty())
            std::cout << "checkpoint: " << result.lastCheckpoint << "\n";
        if (!result.bestCheckpoint.empty())
            std::cout << "best: " << result.bestCheckpoint << " (validation frame AUC " << result.bestAuc << ")\n";
        if (result.cancelled)
            throw Error(ErrorCode::Cancelled, "training interrupted after " + std::to_string(result.epochsDone) +
                                                  " epochs; continue with --resume");
    });
}

} // namespace vaclip::cli
