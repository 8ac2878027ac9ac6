// vaclip pretrain-backbone: contrastive pretraining of the demo backbone on the demo world.
#include "commands.h"
#include "common/error.h"
#include "pretrain/pretrain.h"
#include "pretrain/pretrain_config.h"
#include "runtime/torch_runtime.h"

#include <CLI/CLI.hpp>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <memory>
#include <unistd.h>

namespace vaclip::cli {

namespace {
struct PretrainCliOptions {
    std::string config;
    std::string out;
    int steps = 0;
    int stopAfter = 0;
    bool resume = false;
};

std::atomic<bool> g_stop{false};
void onPretrainInterrupt(int) { g_stop = true; }

std::string clock(double seconds)
{
    const int s = int(seconds + 0.5);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    return buf;
}
} // namespace

void addPretrainBackboneCommand(CLI::App& app)
{
    auto o = std::make_shared<PretrainCliOptions>();
    CLI::App* cmd = app.add_subcommand("pretrain-backbone",
                                       "Pretrain the small demo CLIP contrastively on the demo world");
    cmd->add_option("--config,-c", o->config, "the pretraining configuration (configs/demo_backbone.yaml)")->required();
    cmd->add_option("--out", o->out, "output folder (overrides output.dir)");
    cmd->add_option("--steps", o->steps, "override training.steps (changes the schedule)")->check(CLI::PositiveNumber);
    cmd->add_option("--stop-after", o->stopAfter, "stop with a checkpoint once this many steps are done")
        ->check(CLI::PositiveNumber);
    cmd->add_flag("--resume", o->resume, "continue from OUT/checkpoint.safetensors");
    cmd->footer("Writes OUT/demo_backbone.safetensors (fp16, OpenAI names: give it to --backbone or\n"
                "backbone.path), vocab.json + merges.txt + known_words.txt, loss.csv, pretrain.json and\n"
                "checkpoint.safetensors. Ctrl-C stops after the current step with a checkpoint; --resume\n"
                "continues it and ends with the same weights as an uninterrupted run.");
    cmd->callback([o] {
        pretrain::PretrainFile f = pretrain::loadPretrainConfig(o->config);
        if (!o->out.empty())
            f.outDir = o->out;
        if (o->steps > 0) {
            f.config.steps = o->steps;
            pretrain::validatePretrainConfig(f.config);
        }
        setComputeThreads(f.threads);
        std::cout << torchRuntimeSummary() << "\n"
                  << "pretraining " << f.config.steps << " steps of " << f.config.batchSize << " into " << f.outDir
                  << (o->resume ? " (resuming)" : "") << "\n";
        std::cout.flush();
        const bool tty = isatty(STDOUT_FILENO);
        std::signal(SIGINT, onPretrainInterrupt);
        pretrain::PretrainOptions options;
        options.resume = o->resume;
        options.stopAfter = o->stopAfter;
        const auto r = pretrain::pretrainBackbone(f.config, f.outDir, options, [&](const pretrain::PretrainProgress& p) {
            const bool line = p.step % f.config.logEvery == 0 || p.step == p.steps;
            if (tty || line) {
                std::printf("%sstep %d/%d  loss %.4f (avg %.4f)  lr %.2e  scale %.1f  %s elapsed  eta %s%s",
                            tty ? "\r\033[K" : "", p.step, p.steps, p.loss, p.averageLoss, p.learningRate,
                            p.logitScale, clock(p.elapsedSeconds).c_str(), clock(p.etaSeconds).c_str(),
                            tty ? "" : "\n");
                std::fflush(stdout);
            }
            return !g_stop.load();
        });
        std::signal(SIGINT, SIG_DFL);
        if (tty)
            std::printf("\n");
        if (!r.finished) {
            std::printf("stopped after step %d (checkpoint saved; --resume continues)\n", r.stepsDone);
            return;
        }
        std::printf("done: %d steps, loss %.4f -> %.4f, %.1f min; weights %s\n", r.stepsDone, r.firstLoss,
                    r.finalLoss, r.seconds / 60.0, r.weightsPath.c_str());
    });
}

} // namespace vaclip::cli
