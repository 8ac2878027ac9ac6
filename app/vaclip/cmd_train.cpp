// vaclip train: learn the temporal transformer and the prompt context on cached features.
#include "commands.h"
#include "common/error.h"
#include "config/config.h"
#include "distributed/dist_env.h"
#include "distributed/process_group.h"
#include "model/backbone.h"
#include "runtime/torch_runtime.h"
#include "train/feature_data.h"
#include "train/trainer.h"

#include <CLI/CLI.hpp>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdlib>
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
    double distTimeout = 0;  ///< seconds; 0 = $VACLIP_DIST_TIMEOUT or 300
    std::string distBackend = "gloo";
};

double distributedTimeout(double option)
{
    if (option > 0)
        return option;
    if (const char* e = std::getenv("VACLIP_DIST_TIMEOUT"); e && *e) {
        char* end = nullptr;
        const double v = std::strtod(e, &end);
        if (end == e || *end || !(v > 0))
            throw Error(ErrorCode::InvalidArgument, std::string("VACLIP_DIST_TIMEOUT='") + e + "' is not a positive number of seconds");
        return v;
    }
    return 300;
}

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
    cmd->add_option("--dist-timeout", o->distTimeout,
                    "distributed runs: seconds a rank waits for the others (rendezvous, each all-reduce) before it "
                    "stops with an error (default $VACLIP_DIST_TIMEOUT or 300)")
        ->check(CLI::PositiveNumber);
    cmd->add_option("--dist-backend", o->distBackend, "distributed runs: the c10d process group")
        ->check(CLI::IsMember({"gloo", "nccl"}))
        ->capture_default_str();
    cmd->footer("Needs the features of the training split in features.cache_dir (vaclip extract).\n"
                "Writes training.checkpoint_dir/last.ckpt (and best.ckpt with training.validation_split).\n"
                "Ctrl-C stops after the current step; the last finished epoch's checkpoint stays.\n"
                "Data parallel: started by torchrun-style launchers (RANK, WORLD_SIZE, MASTER_ADDR, MASTER_PORT)\n"
                "or srun (SLURM_PROCID, SLURM_NTASKS, MASTER_ADDR), every rank joins a c10d process group;\n"
                "training.batch_size is the global batch; rank 0 prints and writes checkpoints (docs/distributed.md).");
    cmd->callback([o] {
        Config cfg = loadConfig(o->config);
        if (o->epochs > 0)
            cfg.training.epochs = o->epochs;
        if (o->resume)
            cfg.training.resume = true;
        setComputeThreads(cfg.training.threads);  // 0 = all cores
        const distributed::DistEnvironment env = distributed::detectEnvironment();
        std::shared_ptr<distributed::ProcessGroup> group;
        if (env.distributed()) {
            distributed::ProcessGroupOptions po;
            po.backend = o->distBackend;
            po.timeout = std::chrono::milliseconds(int64_t(distributedTimeout(o->distTimeout) * 1000));
            group = distributed::ProcessGroup::connect(env, po);
        }
        const bool lead = !group || group->rank() == 0;  // rank 0 alone prints progress
        if (lead)
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
        if (lead)
            std::cout << "training on " << train.size() << " videos (" << frames << " frames) of split '"
                      << cfg.dataset.trainSplit << "', backbone " << backbone.id() << "\n";
        if (group && lead) {
            const int w = group->size();
            const int perRank = (std::max(1, cfg.training.batchSize) + w - 1) / w;
            std::cout << "distributed: " << w << " ranks, " << group->backend() << ", " << env.describe() << "; global batch "
                      << perRank * w << " = " << w << " x " << perRank;
            if (perRank * w != cfg.training.batchSize)
                std::cout << " (training.batch_size " << cfg.training.batchSize << " is not a multiple of " << w << ")";
            std::cout << "; timeout " << group->timeout().count() / 1000.0 << " s\n";
        }
        std::cout.flush();
        const bool tty = isatty(STDOUT_FILENO);
        std::signal(SIGINT, onTrainInterrupt);
        train::Trainer trainer(cfg, backbone);
        trainer.setProcessGroup(group);
        const auto train_ = [&](const train::TrainCallback& cb) {
            if (!group)
                return trainer.run(train, validation, cb);
            try {
                return trainer.run(train, validation, cb);
            } catch (const std::exception& e) {
                // A broken process group: report and leave at once. Unwinding would run c10d's
                // destructors, which drain collectives still queued against the dead peer (each up
                // to the timeout). The last checkpoint was written atomically before.
                std::fflush(stdout);
                std::fprintf(stderr, "vaclip: error: %s\n", e.what());
                std::fflush(stderr);
                std::_Exit(1);
            }
        };
        auto result = train_([&](const train::TrainProgress& p) {
            if (!lead) {
            } else if (p.epochEnd) {
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
        if (group && result.commSecondsPerStep > 0 && lead)
            std::printf("gradient all-reduce: %.2f ms waited per step (after backward)\n", 1000.0 * result.commSecondsPerStep);
        if (!lead) {
            if (result.cancelled)
                throw Error(ErrorCode::Cancelled, "training stopped on request after " + std::to_string(result.epochsDone) + " epochs");
            return;
        }
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
