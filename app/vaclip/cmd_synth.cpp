// vaclip synth: render the built-in demo world (campus or walkway) as a dataset.
//
//   vaclip synth --world campus --out data/campus
//   vaclip synth --world walkway --out data/walkway --videos 24 --frames 96 --seed 7 --size 128x128
//   vaclip synth --world walkway --gallery walkway.png      # one still per actor kind and scene
#include "commands.h"

#include "common/error.h"
#include "io/image.h"
#include "synth/captions.h"
#include "synth/dataset.h"
#include "synth/render.h"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

namespace fs = std::filesystem;

namespace vaclip::cli {

namespace {

struct SynthArgs {
    std::string world;
    std::string out;
    std::string gallery;
    int videos = 24;
    int frames = 96;
    uint64_t seed = 1;
    std::string size = "128x128";
    double fps = 15;
    int threads = 2;
    bool force = false;
    bool quiet = false;
};

void parseSize(const std::string& s, int& w, int& h)
{
    const auto x = s.find('x');
    try {
        std::size_t a = 0, b = 0;
        if (x == std::string::npos)
            throw std::invalid_argument("no x");
        w = std::stoi(s.substr(0, x), &a);
        h = std::stoi(s.substr(x + 1), &b);
        if (a != x || b != s.size() - x - 1)
            throw std::invalid_argument("trailing");
    } catch (const std::exception&) {
        throw CLI::ValidationError("--size", "expected WIDTHxHEIGHT such as 128x128, got '" + s + "'");
    }
}

/// A contact sheet: one row per scene of the world, one column per actor kind (first: empty scene).
void writeGallery(const SynthArgs& args, synth::World world, int w, int h)
{
    const int cols = synth::kActorKindCount + 1, rows = synth::sceneCount(world), pad = 2;
    Image sheet;
    sheet.width = cols * (w + pad) - pad;
    sheet.height = rows * (h + pad) - pad;
    sheet.rgb.assign(std::size_t(sheet.width) * sheet.height * 3, 255);
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < cols; ++c) {
            std::vector<synth::ActorKind> kinds;
            if (c > 0)
                kinds.push_back(synth::ActorKind(c - 1));
            const synth::SceneSpec spec = synth::makeImageSpec(world, r, kinds, w, h, args.seed * 1000 + uint64_t(r * cols + c));
            const synth::RenderedFrame f = synth::render(spec, 0);
            for (int y = 0; y < h; ++y)
                std::copy_n(f.image.rgb.data() + std::size_t(y) * w * 3, std::size_t(w) * 3,
                            sheet.rgb.data() + (std::size_t(r * (h + pad) + y) * sheet.width + std::size_t(c) * (w + pad)) * 3);
            if (!args.quiet)
                std::printf("%s %-11s %s\n", spec.layout.name.c_str(), c ? synth::actorKindName(kinds[0]) : "(empty)",
                            f.caption.c_str());
        }
    }
    writePng(args.gallery, sheet);
    std::printf("wrote %s (%d scenes x %d actor kinds, %dx%d each)\n", args.gallery.c_str(), rows, cols, w, h);
}

void runSynth(const SynthArgs& args)
{
    const synth::World world = synth::parseWorld(args.world);
    int w = 0, h = 0;
    parseSize(args.size, w, h);
    if (!args.gallery.empty()) {
        writeGallery(args, world, w, h);
        if (args.out.empty())
            return;
    }
    if (args.out.empty())
        throw CLI::RequiredError("--out");
    const fs::path meta = fs::path(args.out) / "meta.json";
    std::error_code ec;
    if (!args.force && fs::exists(meta, ec))
        throw Error(ErrorCode::InvalidArgument, quoted(meta.string()) + ": already exists (pass --force to replace it)");

    synth::SynthDatasetOptions o;
    o.world = world;
    o.outDir = args.out;
    o.videos = args.videos;
    o.frames = args.frames;
    o.seed = args.seed;
    o.width = w;
    o.height = h;
    o.fps = args.fps;
    o.threads = args.threads;
    const bool tty = !args.quiet;
    const synth::SynthDatasetResult r = synth::writeSynthDataset(o, [&](int done, int total, const std::string& name) {
        if (tty)
            std::fprintf(stderr, "\r  %d/%d videos  %-40s", done, total, name.c_str());
        return true;
    });
    if (tty)
        std::fprintf(stderr, "\n");
    std::printf("%s world -> %s\n", args.world.c_str(), r.metaPath.c_str());
    std::printf("  train: %d videos, test: %d videos, %d anomalous\n", r.trainVideos, r.testVideos, r.anomalousVideos);
    std::printf("  %lld frames of %dx%d at %g fps, %lld anomalous\n", static_cast<long long>(r.frames), w, h, args.fps,
                static_cast<long long>(r.anomalousFrames));
    std::printf("  %.1f s (%.0f frames/s rendered and encoded, %d threads)\n", r.seconds,
                r.seconds > 0 ? double(r.frames) / r.seconds : 0.0, args.threads);
}

} // namespace

void addSynthCommand(CLI::App& app)
{
    auto args = std::make_shared<SynthArgs>();
    CLI::App* cmd = app.add_subcommand("synth", "Render the built-in demo world (campus or walkway) as a dataset with ground truth");
    cmd->add_option("--world", args->world, "campus (training world) or walkway (zero-shot test world)")
        ->required()
        ->check(CLI::IsMember({"campus", "walkway"}));
    cmd->add_option("--out", args->out, "output folder (meta.json, videos/, gt/, masks/, captions/)");
    cmd->add_option("--videos", args->videos, "videos in the main split (campus: train, walkway: test)")->capture_default_str();
    cmd->add_option("--frames", args->frames, "frames per video")->capture_default_str();
    cmd->add_option("--seed", args->seed, "random seed: the same seed gives the same frames")->capture_default_str();
    cmd->add_option("--size", args->size, "frame size WIDTHxHEIGHT (even numbers)")->capture_default_str();
    cmd->add_option("--fps", args->fps, "frame rate")->capture_default_str();
    cmd->add_option("--threads", args->threads, "videos rendered in parallel")->capture_default_str();
    cmd->add_option("--gallery", args->gallery, "also write a PNG with one still per actor kind and scene");
    cmd->add_flag("--force", args->force, "replace an existing dataset in --out");
    cmd->add_flag("--quiet", args->quiet, "no progress output");
    cmd->footer("Examples:\n  vaclip synth --world campus --out data/campus\n"
                "  vaclip synth --world walkway --out data/walkway --videos 24 --seed 7\n"
                "  vaclip synth --world walkway --gallery walkway.png");
    cmd->callback([args] { runSynth(*args); });
}

} // namespace vaclip::cli
