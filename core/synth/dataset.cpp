#include "synth/dataset.h"

#include "common/error.h"
#include "data/ground_truth.h"
#include "data/meta.h"
#include "io/atomic_file.h"
#include "io/npy.h"
#include "io/video_writer.h"
#include "synth/captions.h"
#include "synth/render.h"
#include "synth/rng.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <thread>

namespace fs = std::filesystem;

namespace vaclip::synth {

namespace {

struct Job {
    std::string split;
    int index = 0;
    int scene = 0;
    std::optional<ActorKind> kind;
    std::string name;
    // filled by the worker
    uint64_t seed = 0;
    std::vector<uint8_t> labels;
    bool writeMask = false;
};

std::vector<Job> planJobs(const SynthDatasetOptions& o)
{
    const std::vector<ActorKind> kinds = anomalyKinds(o.world);
    const int scenes = sceneCount(o.world);
    std::vector<Job> jobs;
    auto addSplit = [&](const std::string& split, int count, bool anomalies) {
        int a = 0, n = 0;
        for (int i = 0; i < count; ++i) {
            Job j;
            j.split = split;
            j.index = i;
            // one normal video in three, anomalies cycling through the world's kinds; each kind
            // (and the normal videos) cycles through the scenes on its own
            if (anomalies && i % 3 != 0) {
                const int k = int(kinds.size());
                j.kind = kinds[std::size_t(a % k)];
                j.scene = (a % k + a / k) % scenes;
                ++a;
            } else {
                j.scene = n++ % scenes;
            }
            char buf[160];
            std::snprintf(buf, sizeof buf, "%s%d_%s_%03d_%s", worldName(o.world), j.scene, split.c_str(), i,
                          j.kind ? actorKindName(*j.kind) : "normal");
            j.name = buf;
            j.writeMask = split == "test" || (o.trainMasks && j.kind);
            jobs.push_back(j);
        }
    };
    if (o.world == World::Campus) {
        addSplit("train", o.videos, true);
        addSplit("test", std::max(2, o.videos / 4), true);
    } else {
        addSplit("train", std::max(1, o.videos / 4), false);
        addSplit("test", o.videos, true);
    }
    return jobs;
}

void renderJob(const SynthDatasetOptions& o, Job& job)
{
    const fs::path root(o.outDir);
    const VideoShape shape{o.width, o.height, o.fps, o.frames};
    const uint64_t base = hashCombine(hashCombine(o.seed, uint64_t(o.world == World::Campus ? 11 : 22)),
                                      hashCombine(job.split == "train" ? 1 : 2, uint64_t(job.index)));
    for (int attempt = 0;; ++attempt) {
        job.seed = hashCombine(base, uint64_t(attempt));
        const SceneSpec spec = makeVideoSpec(o.world, job.scene, job.kind, shape, job.seed);
        SceneRenderer renderer(spec);
        std::vector<RenderedFrame> frames;
        frames.reserve(std::size_t(o.frames));
        int64_t anomalous = 0;
        for (int t = 0; t < o.frames; ++t) {
            frames.push_back(renderer.render(t));
            anomalous += frames.back().anomalous ? 1 : 0;
        }
        if (job.kind && anomalous == 0) {
            if (attempt < 20)
                continue;
            throw Error(ErrorCode::InvalidArgument, job.name + ": the " + actorKindName(*job.kind)
                                                        + " never became visible in 20 draws (too few frames?)");
        }
        // video
        VideoWriterOptions vo;
        vo.codec = "libx264";
        vo.width = o.width;
        vo.height = o.height;
        vo.fps = o.fps;
        vo.pixelFormat = "yuv420p";
        vo.threads = 1;
        vo.codecOptions = {{"crf", std::to_string(o.crf)}, {"preset", "medium"}};
        VideoWriter writer((root / "videos" / job.split / (job.name + ".mp4")).string(), vo);
        for (const RenderedFrame& f : frames)
            writer.write(f.image);
        writer.finish();
        // labels, masks, captions
        job.labels.clear();
        std::string captions = "# one caption per frame, frame 0 first\n";
        std::vector<uint8_t> masks;
        if (job.writeMask)
            masks.reserve(std::size_t(o.frames) * o.width * o.height);
        for (const RenderedFrame& f : frames) {
            job.labels.push_back(f.anomalous ? 1 : 0);
            captions += f.caption + "\n";
            if (job.writeMask)
                masks.insert(masks.end(), f.anomalyMask.begin(), f.anomalyMask.end());
        }
        writeLabelText((root / "gt" / (job.name + ".txt")).string(), job.labels,
                       "vaclip synth " + std::string(worldName(o.world)) + " " + job.name + ": 1 = a frame with an anomalous actor ("
                           + (job.kind ? actorKindName(*job.kind) : "none") + ")");
        if (job.writeMask)
            writeNpy((root / "masks" / (job.name + ".npy")).string(),
                     NpyArray::fromUint8(masks, {int64_t(o.frames), int64_t(o.height), int64_t(o.width)}));
        writeFileAtomic((root / "captions" / (job.name + ".txt")).string(), captions);
        return;
    }
}

} // namespace

SynthDatasetResult writeSynthDataset(const SynthDatasetOptions& o, const SynthProgress& progress)
{
    if (o.outDir.empty())
        throw Error(ErrorCode::InvalidArgument, "synth: no output folder given");
    if (o.videos < 1 || o.videos > 100000)
        throw Error(ErrorCode::InvalidArgument, "synth: --videos must be 1..100000, not " + std::to_string(o.videos));
    if (o.frames < 8 || o.frames > 100000)
        throw Error(ErrorCode::InvalidArgument, "synth: --frames must be 8..100000, not " + std::to_string(o.frames));
    if (o.width < 32 || o.height < 32 || o.width > 4096 || o.height > 4096 || o.width % 2 || o.height % 2)
        throw Error(ErrorCode::InvalidArgument, "synth: size " + std::to_string(o.width) + "x" + std::to_string(o.height)
                                                    + " must be even and within 32..4096");
    if (!(o.fps > 0 && o.fps <= 120))
        throw Error(ErrorCode::InvalidArgument, "synth: fps must be in (0, 120]");
    const auto start = std::chrono::steady_clock::now();
    std::vector<Job> jobs = planJobs(o);
    std::error_code ec;
    fs::create_directories(o.outDir, ec);
    if (ec)
        throw Error(ErrorCode::Io, quoted(o.outDir) + ": cannot create the folder: " + ec.message());

    std::atomic<std::size_t> next{0};
    std::atomic<bool> stop{false};
    std::mutex lock;
    int done = 0;
    std::string firstError;
    ErrorCode firstCode = ErrorCode::Io;
    auto worker = [&] {
        for (;;) {
            const std::size_t i = next.fetch_add(1);
            if (i >= jobs.size() || stop)
                return;
            try {
                renderJob(o, jobs[i]);
            } catch (const Error& e) {
                std::lock_guard<std::mutex> g(lock);
                if (firstError.empty()) {
                    firstError = e.what();
                    firstCode = e.code();
                }
                stop = true;
                return;
            } catch (const std::exception& e) {
                std::lock_guard<std::mutex> g(lock);
                if (firstError.empty())
                    firstError = e.what();
                stop = true;
                return;
            }
            std::lock_guard<std::mutex> g(lock);
            ++done;
            if (progress && !progress(done, int(jobs.size()), jobs[i].name)) {
                stop = true;
                if (firstError.empty()) {
                    firstError = "synth: cancelled after " + std::to_string(done) + " of " + std::to_string(jobs.size()) + " videos";
                    firstCode = ErrorCode::Cancelled;
                }
            }
        }
    };
    const int nThreads = std::max(1, std::min<int>(o.threads, int(jobs.size())));
    std::vector<std::thread> pool;
    for (int k = 1; k < nThreads; ++k)
        pool.emplace_back(worker);
    worker();
    for (std::thread& t : pool)
        t.join();
    if (!firstError.empty())
        throw Error(firstCode, firstError);

    // meta.json
    DatasetMeta meta;
    meta.root = fs::absolute(o.outDir).lexically_normal().string();
    SynthDatasetResult result;
    for (const Job& j : jobs) {
        VideoEntry e;
        e.split = j.split;
        e.category = j.kind ? actorKindName(*j.kind) : "normal";
        e.videoPath = "videos/" + j.split + "/" + j.name + ".mp4";
        e.anomaly = j.kind.has_value();
        e.gtPath = "gt/" + j.name + ".txt";
        if (j.writeMask)
            e.maskPath = "masks/" + j.name + ".npy";
        e.frameCount = int64_t(j.labels.size());
        e.extra = {{"scene", nlohmann::json(std::string(worldName(o.world)) + "-" + std::to_string(j.scene)).dump()},
                   {"seed", nlohmann::json(std::to_string(j.seed)).dump()},
                   {"captions_path", nlohmann::json("captions/" + j.name + ".txt").dump()}};
        (j.split == "train" ? meta.train : meta.test).push_back(e);
        (j.split == "train" ? result.trainVideos : result.testVideos)++;
        result.anomalousVideos += e.anomaly ? 1 : 0;
        result.frames += int64_t(j.labels.size());
        result.anomalousFrames += countAnomalous(j.labels);
    }
    nlohmann::json info = {{"generator", "vaclip synth"},
                           {"world", worldName(o.world)},
                           {"seed", o.seed},
                           {"videos", o.videos},
                           {"frames", o.frames},
                           {"width", o.width},
                           {"height", o.height},
                           {"fps", o.fps},
                           {"crf", o.crf}};
    writeFileAtomic((fs::path(o.outDir) / "synth.json").string(), info.dump(2) + "\n");
    result.metaPath = (fs::path(o.outDir) / "meta.json").string();
    saveMeta(meta, result.metaPath);
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

} // namespace vaclip::synth
