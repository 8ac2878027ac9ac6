// vaclip demo: the whole product on the built-in demo world (core/demo/demo.h), with progress.
#include "commands.h"
#include "common/error.h"
#include "demo/demo.h"

#include <CLI/CLI.hpp>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <memory>
#include <string>
#include <unistd.h>

namespace vaclip::cli {

namespace {
struct DemoArgs {
    std::string dir, backbone;
    bool quick = false, force = false, ablate = false, noPixel = false;
    int epochs = 0;
    int threads = demo::DemoOptions{}.threads;   // 1: see DemoOptions::threads
};

std::atomic<bool> g_demoInterrupted{false};
void onDemoInterrupt(int) { g_demoInterrupted = true; }

std::string clock(double seconds)
{
    if (seconds < 0)
        return "--:--";
    const long s = long(seconds + 0.5);
    char b[32];
    std::snprintf(b, sizeof b, "%ld:%02ld", s / 60, s % 60);
    return b;
}

std::string num(double v) { return v < 0 ? std::string("  -  ") : [&] { char b[16]; std::snprintf(b, sizeof b, "%.3f", v); return std::string(b); }(); }

void printTable(const demo::DemoResult& r)
{
    std::printf("\nwalkway (zero-shot test world), prompts:");
    for (const auto& p : r.prompts)
        std::printf(" \"%s\"", p.c_str());
    std::printf("\n%-16s %-16s %7s %7s %7s %7s %7s %7s\n", "run", "scoring", "AUC", "AP", "AUCvid", "APvid", "vidAUC",
                "vidAP");
    std::printf("%-16s %-16s %7s %7s %7s %7s %7s %7s\n", "", "", "frame", "frame", "macro", "macro", "video", "video");
    for (const auto& m : r.modes)
        std::printf("%-16s %-16s %7s %7s %7s %7s %7s %7s\n", m.name.c_str(), m.scoring.c_str(), num(m.frameAuc).c_str(),
                    num(m.frameAp).c_str(), num(m.macroAuc).c_str(), num(m.macroAp).c_str(), num(m.videoAuc).c_str(),
                    num(m.videoAp).c_str());
    std::printf("\nper-category frame AUC (the category's videos + the normal videos):\n%-16s", "run");
    if (!r.modes.empty())
        for (const auto& c : r.modes.front().perCategory)
            std::printf(" %11s", c.category.c_str());
    std::printf("\n");
    for (const auto& m : r.modes) {
        std::printf("%-16s", m.name.c_str());
        for (const auto& c : m.perCategory)
            std::printf(" %11s", num(c.auc).c_str());
        std::printf("\n");
    }
    if (!r.specificity.empty()) {
        std::printf("\neach prompt on its own category (AUC of its cosine: own anomalous frames vs the other\n"
                    "categories' anomalous frames / vs normal videos' frames / vs every other frame):\n");
        for (const auto& s : r.specificity)
            std::printf("  %-30s %-11s %s / %s / %s\n", ("\"" + s.prompt + "\"").c_str(), s.category.c_str(),
                        num(s.aucVsOtherCategories).c_str(), num(s.aucVsNormal).c_str(), num(s.aucVsAll).c_str());
    }
    if (r.pixelAuroc >= 0 || r.pixelAupro >= 0)
        std::printf("\npixel level (patch maps, %s): AUROC %s  AUPRO(0.3) %s\n", r.layout.pixelMaps.c_str(),
                    num(r.pixelAuroc).c_str(), num(r.pixelAupro).c_str());
    if (r.ablation.run) {
        std::printf("\ntemporal transformer on / off (held-out campus world, learned generic prompts):\n");
        for (std::size_t i = 0; i < r.ablation.withTemporal.size(); ++i)
            std::printf("  %-11s %s / %s\n", r.ablation.withTemporal[i].category.c_str(),
                        num(r.ablation.withTemporal[i].auc).c_str(),
                        i < r.ablation.withoutTemporal.size() ? num(r.ablation.withoutTemporal[i].auc).c_str() : "-");
        std::printf("  %-11s %s / %s\n  walkway calibrated_max frame AUC %s / %s\n", "all frames",
                    num(r.ablation.allWith).c_str(), num(r.ablation.allWithout).c_str(),
                    num(r.ablation.walkwayWith).c_str(), num(r.ablation.walkwayWithout).c_str());
    }
}
} // namespace

void addDemoCommand(CLI::App& app)
{
    auto a = std::make_shared<DemoArgs>();
    CLI::App* cmd = app.add_subcommand("demo", "Run the whole pipeline on the built-in demo world and print the metrics");
    cmd->add_option("--dir", a->dir, "the demo workspace (default: $VACLIP_DEMO_DIR, else ~/.local/share/vaclip/demo)");
    cmd->add_option("--backbone", a->backbone, "CLIP weights or folder (default: the shipped demo backbone)");
    cmd->add_flag("--quick", a->quick, "a smaller world (12 videos of 64 frames) and half the epochs");
    cmd->add_flag("--force", a->force, "render, extract and train again even when the workspace has them");
    cmd->add_flag("--ablate-temporal", a->ablate,
                  "also train without the temporal transformer and compare on a held-out campus world");
    cmd->add_flag("--no-pixel-maps", a->noPixel, "skip patch tokens and pixel AUROC/AUPRO");
    cmd->add_option("--epochs", a->epochs, "override training.epochs of configs/demo_campus_train.yaml");
    cmd->add_option("--threads", a->threads, "LibTorch threads (0 = all cores; default 1: the demo models are small)");
    cmd->footer("Stages: render campus + walkway (kept when complete), extract CLIP features (cached), train on\n"
                "campus with the generic prompts, test on walkway with the semantic prompts (max_cosine and\n"
                "calibrated_max; plus no checkpoint and unrelated prompts for reference), evaluate.\n"
                "The workspace layout is in core/demo/demo.h; demo.json holds every number printed.");
    cmd->callback([a] {
        demo::DemoOptions o;
        o.root = a->dir;
        o.backbone = a->backbone;
        o.quick = a->quick;
        o.force = a->force;
        o.ablateTemporal = a->ablate;
        o.pixelMaps = !a->noPixel;
        o.epochs = a->epochs;
        o.threads = a->threads;
        const bool tty = isatty(STDOUT_FILENO);
        auto lastLine = std::chrono::steady_clock::now();
        std::signal(SIGINT, onDemoInterrupt);
        std::printf("vaclip demo: workspace %s\n", demo::demoLayout(o.root.empty() ? demo::defaultDemoRoot() : o.root).root.c_str());
        std::fflush(stdout);
        demo::DemoResult r;
        try {
            r = demo::runDemo(o, [&](const demo::DemoProgress& p) {
                const auto now = std::chrono::steady_clock::now();
                const bool due = std::chrono::duration<double>(now - lastLine).count() >= (tty ? 0.2 : 10.0);
                if (p.stageDone || due) {
                    lastLine = now;
                    std::printf("%s[%d/%d] %-17s %3.0f%%  eta %s  elapsed %s  %s%s", tty ? "\r\033[K" : "",
                                p.stageIndex + 1, p.stageCount, demo::stageName(p.stage), 100 * p.fraction,
                                clock(p.etaSeconds).c_str(), clock(p.elapsedSeconds).c_str(), p.detail.c_str(),
                                p.stageDone || !tty ? "\n" : "");
                    std::fflush(stdout);
                }
                return !g_demoInterrupted.load();
            });
        } catch (...) {
            std::signal(SIGINT, SIG_DFL);
            std::printf("\n");
            throw;
        }
        std::signal(SIGINT, SIG_DFL);
        std::printf("backbone %s (%s, input %d px)\n", r.backbonePath.c_str(), r.backboneId.c_str(), r.inputSize);
        for (const auto& n : r.notes)
            std::printf("note: %s\n", n.c_str());
        std::fflush(stdout);
        for (const auto& w : r.promptWarnings)  // words the backbone cannot read: not silently dropped
            std::fprintf(stderr, "vaclip: warning: %s\n", w.c_str());
        printTable(r);
        std::printf("\ntotal %.1f min (", r.totalSeconds / 60);
        for (std::size_t i = 0; i < r.stageSeconds.size(); ++i)
            std::printf("%s%s %.0f s", i ? ", " : "", r.stageSeconds[i].first.c_str(), r.stageSeconds[i].second);
        std::printf(")\nresults: %s (summary: %s)\n", r.layout.walkwayRun.c_str(), r.layout.summary.c_str());
    });
}

} // namespace vaclip::cli
