// vaclip extract: CLIP features of a dataset's videos into the feature cache, resumable and
// shardable (one job of a cluster array per shard).
#include "commands.h"
#include "common/error.h"
#include "config/config.h"
#include "data/meta.h"
#include "distributed/shard_merge.h"
#include "features/extractor.h"

#include <CLI/CLI.hpp>

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <memory>

namespace vaclip::cli {

namespace {

struct ExtractArgs {
    std::string config;
    std::string shard = "0/1";
    std::string split = "all";
    std::vector<std::string> videos;
    bool tokens = false;
    double reuseThreshold = 0;
    bool merge = false;
    int shards = 0;
};

std::atomic<bool> g_interrupted{false};

extern "C" void onInterrupt(int)
{
    g_interrupted = true;
    std::signal(SIGINT, SIG_DFL);  // a second Ctrl-C ends the process at once
}

std::string duration(double seconds)
{
    if (seconds < 0)
        return "?";
    const long long s = (long long)(seconds + 0.5);
    char buf[32];
    if (s >= 3600)
        std::snprintf(buf, sizeof buf, "%lldh%02lldm", s / 3600, (s / 60) % 60);
    else if (s >= 60)
        std::snprintf(buf, sizeof buf, "%lldm%02llds", s / 60, s % 60);
    else
        std::snprintf(buf, sizeof buf, "%llds", s);
    return buf;
}

/// A progress bar on a terminal (redrawn at most 5 times a second), plain lines otherwise
/// (every 10 s and at each new video).
class ProgressPrinter {
public:
    explicit ProgressPrinter(bool terminal) : m_terminal(terminal) {}

    bool operator()(const ExtractionProgress& p)
    {
        const auto now = std::chrono::steady_clock::now();
        const bool newVideo = p.videoIndex != m_lastVideo;
        const double since = std::chrono::duration<double>(now - m_lastPrint).count();
        const bool done = p.framesDone >= p.framesTotal;
        if (newVideo || done || since >= (m_terminal ? 0.2 : 10.0)) {
            m_lastPrint = now;
            m_lastVideo = p.videoIndex;
            print(p);
        }
        return !g_interrupted;
    }
    void finish()
    {
        if (m_terminal && m_drawn)
            std::fputs("\n", stderr);
    }

private:
    void print(const ExtractionProgress& p)
    {
        const double frac = p.framesTotal > 0 ? double(p.framesDone) / double(p.framesTotal) : 0.0;
        const std::string name = std::filesystem::path(p.videoPath).filename().string();
        if (m_terminal) {
            constexpr int width = 30;
            const int filled = int(frac * width + 0.5);
            std::fprintf(stderr, "\r\033[K[%s%s] %5.1f%% %lld/%lld frames  %.1f frames/s  ETA %s  video %d/%d %s",
                         std::string(std::size_t(filled), '#').c_str(), std::string(std::size_t(width - filled), '.').c_str(),
                         100.0 * frac, (long long)p.framesDone, (long long)p.framesTotal, p.framesPerSecond,
                         duration(p.etaSeconds).c_str(), p.videoIndex + 1, p.videoCount, name.c_str());
            m_drawn = true;
        } else {
            std::fprintf(stderr, "extract: %lld/%lld frames (%.1f%%), %.1f frames/s, ETA %s, video %d/%d %s\n",
                         (long long)p.framesDone, (long long)p.framesTotal, 100.0 * frac, p.framesPerSecond,
                         duration(p.etaSeconds).c_str(), p.videoIndex + 1, p.videoCount, name.c_str());
        }
        std::fflush(stderr);
    }

    bool m_terminal;
    bool m_drawn = false;
    int m_lastVideo = -1;
    std::chrono::steady_clock::time_point m_lastPrint{};
};

void runExtract(const ExtractArgs& a)
{
    const Config cfg = loadConfig(a.config);
    const Shard shard = parseShard(a.shard);

    std::vector<std::string> videos = a.videos;
    if (videos.empty()) {
        if (cfg.dataset.meta.empty())
            throw Error(ErrorCode::InvalidArgument, quoted(a.config) + ": dataset.meta is not set (or pass --video)");
        LoadMetaOptions mo;
        mo.root = cfg.dataset.root;
        const DatasetMeta meta = loadMeta(cfg.dataset.meta, mo);
        if (a.split == "train" || a.split == "all")
            for (const std::string& v : metaVideos(meta, cfg.dataset.trainSplit))
                videos.push_back(v);
        if (a.split == "test" || a.split == "all")
            for (const std::string& v : metaVideos(meta, cfg.dataset.testSplit))
                videos.push_back(v);
    }
    if (!a.merge)
        videos = selectShard(std::move(videos), shard);

    ExtractionParams p;
    p.cacheDir = cfg.features.cacheDir;
    p.inputSize = cfg.backbone.inputSize;
    p.batchSize = cfg.features.batchSize;
    p.patchTokens = a.tokens || cfg.testing.pixelMaps;
    p.threads = cfg.training.threads;
    p.reuseThreshold = a.reuseThreshold;
    p.maxBatchSeconds = 5.0;  // batch jobs: bigger forwards on a busy machine; Ctrl-C within ~5 s
    auto extractor = FeatureExtractor::fromBackbone(cfg.backbone.path, p);
    if (a.merge) {
        distributed::MergeOptions mo;
        mo.cacheDir = p.cacheDir;
        mo.backboneId = extractor->backboneId();
        mo.preprocessing = extractor->preprocessingId();
        mo.tokens = p.patchTokens;
        mo.shards = a.shards;
        const distributed::MergeReport r = distributed::mergeShards(videos, mo);
        std::printf("merged: %d videos, %lld frames, %d-d features%s, backbone %s, %s; index %s\n", r.videos,
                    (long long)r.frames, r.dim, r.tokens > 0 ? (" + " + std::to_string(r.tokens) + " tokens").c_str() : "",
                    mo.backboneId.c_str(), mo.preprocessing.c_str(), r.indexPath.c_str());
        if (!r.extraFiles.empty())
            std::printf("note: %zu cached file(s) of videos outside this list were left alone (first: %s)\n",
                        r.extraFiles.size(), r.extraFiles.front().c_str());
        return;
    }

    const bool terminal = isatty(fileno(stderr)) != 0;
    std::printf("vaclip extract: %zu video(s) in shard %d/%d, backbone %s, %s%s, cache %s\n", videos.size(),
                shard.index, shard.count, extractor->backboneId().c_str(), extractor->preprocessingId().c_str(),
                p.patchTokens ? " + patch tokens" : "", p.cacheDir.c_str());
    std::fflush(stdout);

    g_interrupted = false;
    auto previous = std::signal(SIGINT, onInterrupt);
    ProgressPrinter printer(terminal);
    const ExtractionResult r = extractor->extract(videos, [&](const ExtractionProgress& pr) { return printer(pr); });
    std::signal(SIGINT, previous);
    printer.finish();

    int64_t reused = 0;
    for (const VideoExtraction& v : r.videos) {
        reused += v.framesReused;
        if (v.outcome == VideoOutcome::Rebuilt)
            std::printf("  rebuilt %s: %s\n", v.videoPath.c_str(), v.rebuildReason.c_str());
        for (const std::string& w : v.warnings)
            std::printf("  warning: %s\n", w.c_str());
    }
    std::printf("%s %zu of %zu video(s): %d extracted, %d resumed, %d reused from cache, %d rebuilt, %zu failed; "
                "%lld frames encoded in %s (%.1f frames/s)\n",
                r.cancelled ? "interrupted after" : "done:", r.videos.size(), videos.size(),
                r.count(VideoOutcome::Extracted), r.count(VideoOutcome::Resumed), r.count(VideoOutcome::Reused),
                r.count(VideoOutcome::Rebuilt), r.failed.size(), (long long)r.framesEncoded, duration(r.seconds).c_str(),
                r.seconds > 0 ? double(r.framesEncoded) / r.seconds : 0.0);
    if (reused > 0)
        std::printf("%lld frames reused the previous encoded frame's features (--reuse-threshold)\n", (long long)reused);
    std::fflush(stdout);
    for (std::size_t i = 1; i < r.failed.size(); ++i)
        std::fprintf(stderr, "vaclip: failed: %s\n", r.failed[i].c_str());
    if (!r.failed.empty())
        throw Error(ErrorCode::Format, std::to_string(r.failed.size()) + " video(s) failed; " + r.failed[0]);
    if (r.cancelled)
        throw Error(ErrorCode::Cancelled, "interrupted; run the same command again to resume");
}

} // namespace

void addExtractCommand(CLI::App& app)
{
    auto args = std::make_shared<ExtractArgs>();
    CLI::App* cmd = app.add_subcommand("extract", "Extract CLIP frame features of a dataset into the feature cache");
    cmd->add_option("--config", args->config, "YAML config (backbone, dataset.meta, features.*)")->required();
    cmd->add_option("--shard", args->shard, "i/N: only every N-th video starting at the i-th (0-based) of the sorted list")
        ->capture_default_str()
        ->check(CLI::Validator(
            [](std::string& text) {
                try {
                    parseShard(text);
                } catch (const Error& e) {
                    return std::string(e.what());
                }
                return std::string();
            },
            "i/N"));
    cmd->add_option("--split", args->split, "which videos of dataset.meta")
        ->check(CLI::IsMember({"train", "test", "all"}))
        ->capture_default_str();
    cmd->add_option("--video", args->videos, "extract these videos or image folders instead of dataset.meta");
    cmd->add_flag("--merge", args->merge,
                  "after all shards ran: check that every video is cached, complete and consistent (one backbone, "
                  "no duplicates) and write the cache index (extracts nothing)");
    cmd->add_option("--shards", args->shards, "with --merge: the job array's N, to name the shard of a missing video")
        ->check(CLI::PositiveNumber);
    cmd->add_flag("--tokens", args->tokens, "also store projected patch tokens (implied by testing.pixel_maps)");
    cmd->add_option("--reuse-threshold", args->reuseThreshold,
                    "static cameras: a frame whose 224x224 crop differs from the last encoded one by less than this "
                    "mean level (0-255) reuses its features (0 = off, exact; cached separately)")
        ->check(CLI::Range(0.0, 255.0));
    cmd->footer("Cached features are reused; a stale or corrupt cache file is rebuilt; an interrupted run\n"
                "(Ctrl-C, a killed job) resumes at its last chunk. Shards split a dataset over a job array:\n"
                "  sbatch --array=0-7 --wrap 'vaclip extract --config c.yaml --shard $SLURM_ARRAY_TASK_ID/8'\n"
                "  vaclip extract --config c.yaml --merge --shards 8      # then: check + index.json\n"
                "Threads: training.threads (0 = all cores). Batch: features.batch_size.");
    cmd->callback([args] { runExtract(*args); });
}

} // namespace vaclip::cli
