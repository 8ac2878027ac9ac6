#include "features/extractor.h"

#include "clip/clip_model.h"
#include "clip/preprocess.h"
#include "common/error.h"
#include "data/meta.h"
#include "io/frame_reader.h"
#include "runtime/torch_runtime.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <thread>

namespace vaclip {
namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t0)
{
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

/// Preprocessed frames handed from the decoding thread to the encoder.
struct DecodedBatch {
    std::vector<int64_t> indices;  ///< frame index of each image
    std::vector<int64_t> reused;   ///< decoded frames not encoded (reuseThreshold), before indices' last
    std::vector<float> pixels;     ///< indices.size() * 3 * S * S, normalised CHW per frame
    std::vector<std::string> warnings;
    double fps = 0;                ///< the video's frame rate
    std::string error;             ///< set: decoding failed, this is the message
    bool end = false;              ///< no more batches after this one
};

/// A bounded single-producer / single-consumer queue with a stop switch for cancellation.
class BatchQueue {
public:
    explicit BatchQueue(std::size_t capacity) : m_capacity(std::max<std::size_t>(1, capacity)) {}

    /// Blocks while full; false when stopped (the batch is dropped).
    bool push(DecodedBatch batch)
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_notFull.wait(lock, [&] { return m_stopped || m_items.size() < m_capacity; });
        if (m_stopped)
            return false;
        m_items.push_back(std::move(batch));
        m_notEmpty.notify_one();
        return true;
    }
    DecodedBatch pop()
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_notEmpty.wait(lock, [&] { return !m_items.empty(); });
        DecodedBatch b = std::move(m_items.front());
        m_items.pop_front();
        m_notFull.notify_one();
        return b;
    }
    void stop()
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopped = true;
        m_notFull.notify_all();
    }
    bool stopped() const
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_stopped;
    }

private:
    std::size_t m_capacity;
    mutable std::mutex m_mutex;
    std::condition_variable m_notFull, m_notEmpty;
    std::deque<DecodedBatch> m_items;
    bool m_stopped = false;
};

/// What the run knows about a video before it starts on it.
struct VideoPlan {
    std::string path;
    FeatureKey key;
    std::optional<CachedFeatures> cached;  ///< valid cache file: reuse
    std::string rebuildReason;             ///< a file existed but is not trusted
    int64_t frames = 0;
};

/// Progress bookkeeping over a whole run.
struct RunState {
    const ExtractionProgressFn* callback = nullptr;
    Clock::time_point start = Clock::now();
    int64_t framesTotal = 0;
    int64_t framesDone = 0;     ///< includes reused videos
    int64_t framesEncoded = 0;  ///< only what the encoder ran on
    int videoIndex = 0, videoCount = 0;

    /// false = the callback asked to stop.
    bool report(const std::string& path, int64_t videoDone, int64_t videoFrames) const
    {
        if (!callback || !*callback)
            return true;
        ExtractionProgress p;
        p.framesDone = framesDone;
        p.framesTotal = framesTotal;
        const double elapsed = secondsSince(start);
        p.framesPerSecond = elapsed > 0 && framesEncoded > 0 ? double(framesEncoded) / elapsed : 0.0;
        p.etaSeconds = p.framesPerSecond > 0 ? double(framesTotal - framesDone) / p.framesPerSecond : -1.0;
        p.videoIndex = videoIndex;
        p.videoCount = videoCount;
        p.videoPath = path;
        p.videoFramesDone = videoDone;
        p.videoFrames = videoFrames;
        return (*callback)(p);
    }
};

void copyHalfBits(const torch::Tensor& t, std::vector<uint16_t>& dst)
{
    const torch::Tensor h = t.to(torch::kHalf).contiguous();
    const std::size_t offset = dst.size();
    dst.resize(offset + std::size_t(h.numel()));
    std::memcpy(dst.data() + offset, h.data_ptr<at::Half>(), std::size_t(h.numel()) * 2);
}

} // namespace

const char* toString(VideoOutcome outcome)
{
    switch (outcome) {
    case VideoOutcome::Extracted: return "extracted";
    case VideoOutcome::Resumed: return "resumed";
    case VideoOutcome::Reused: return "reused";
    case VideoOutcome::Rebuilt: return "rebuilt";
    }
    return "?";
}

int ExtractionResult::count(VideoOutcome outcome) const
{
    return int(std::count_if(videos.begin(), videos.end(), [&](const VideoExtraction& v) { return v.outcome == outcome; }));
}

struct FeatureExtractor::Impl {
    std::shared_ptr<clip::ClipModelImpl> model;
    ExtractionParams params;
    std::string backboneId;
    clip::ClipPreprocessor pre;
    FeatureCache cache;
    int64_t forwardFrames = 0;   ///< frames per encoder forward (adapted to maxBatchSeconds)

    Impl(std::shared_ptr<clip::ClipModelImpl> m, const ExtractionParams& p)
        : model(std::move(m)), params(p), pre(p.inputSize), cache(p.cacheDir),
          forwardFrames(std::min(4, p.batchSize))
    {
    }

    std::string preprocessingId() const
    {
        if (params.reuseThreshold <= 0)
            return pre.id();
        char buf[32];
        std::snprintf(buf, sizeof buf, "-reuse%g", params.reuseThreshold);
        return pre.id() + buf;
    }
    VideoPlan plan(const std::string& path) const;
    VideoExtraction run(const VideoPlan& plan, RunState& state);
    void produce(const std::string& path, int64_t start, int64_t frameCount, BatchQueue& queue) const;
};

VideoPlan FeatureExtractor::Impl::plan(const std::string& path) const
{
    VideoPlan p;
    p.path = path;
    p.key = FeatureKey{videoContentId(path), backboneId, preprocessingId(), params.patchTokens};
    std::string why;
    p.cached = cache.open(p.key, &why);
    if (p.cached) {
        p.frames = p.cached->frames();
        return p;
    }
    if (why != "not cached")
        p.rebuildReason = why;
    // Opening builds the frame index (one demuxing pass) and fails early, naming the file, for
    // missing, corrupt or unsupported input.
    FrameReaderOptions o;
    o.threads = 1;
    p.frames = FrameReader::open(path, o)->info().frameCount;
    if (p.frames <= 0)
        throw Error(ErrorCode::Format, quoted(path) + ": no frames to extract");
    return p;
}

void FeatureExtractor::Impl::produce(const std::string& path, int64_t start, int64_t frameCount, BatchQueue& queue) const
{
    const std::size_t per = pre.floatsPerImage();
    const std::size_t batchSize = std::size_t(std::max(1, params.batchSize));
    DecodedBatch batch;
    try {
        FrameReaderOptions o;
        o.threads = 1;  // this is the decoding thread; the cores belong to the encoder
        auto reader = FrameReader::open(path, o);
        batch.fps = reader->info().fps;
        if (start > 0)
            reader->seek(start);
        Frame frame;
        Image crop, lastEncoded;
        const int S = pre.size();
        batch.pixels.resize(batchSize * per);
        while (reader->next(frame)) {
            if (frame.index >= frameCount)
                break;
            pre.resizeCrop(frame.image, crop);
            if (params.reuseThreshold > 0 && !lastEncoded.empty()) {
                uint64_t sum = 0;
                for (std::size_t k = 0; k < crop.rgb.size(); ++k)
                    sum += uint64_t(std::abs(int(crop.rgb[k]) - int(lastEncoded.rgb[k])));
                if (double(sum) / double(std::size_t(S) * S * 3) < params.reuseThreshold) {
                    batch.reused.push_back(frame.index);
                    continue;
                }
            }
            if (params.reuseThreshold > 0)
                std::swap(lastEncoded, crop);  // crop's old buffer is overwritten next time
            pre.normalize(params.reuseThreshold > 0 ? lastEncoded : crop, batch.pixels.data() + batch.indices.size() * per);
            batch.indices.push_back(frame.index);
            if (batch.indices.size() == batchSize) {
                for (std::string& w : reader->takeWarnings())
                    batch.warnings.push_back(std::move(w));
                if (!queue.push(std::move(batch)))
                    return;
                batch = DecodedBatch();
                batch.fps = reader->info().fps;
                batch.pixels.resize(batchSize * per);
            }
            if (queue.stopped())
                return;
        }
        for (std::string& w : reader->takeWarnings())
            batch.warnings.push_back(std::move(w));
    } catch (const std::exception& e) {
        batch.error = e.what();
    }
    batch.pixels.resize(batch.indices.size() * per);
    batch.end = true;
    queue.push(std::move(batch));
}

VideoExtraction FeatureExtractor::Impl::run(const VideoPlan& plan, RunState& state)
{
    VideoExtraction out;
    out.videoPath = plan.path;
    out.cacheFile = cache.videoFile(plan.key);
    out.frames = plan.frames;
    if (plan.cached) {
        out.outcome = VideoOutcome::Reused;
        state.framesDone += plan.frames;
        if (!state.report(plan.path, plan.frames, plan.frames))
            throw Error(ErrorCode::Cancelled, "feature extraction cancelled");
        return out;
    }

    // Resume after the valid chunks of an interrupted run.
    int64_t start = 0;
    int dim = 0, tokens = 0;
    for (const FeatureBlock& b : cache.validParts(plan.key)) {
        start = b.start + b.frames;
        dim = b.dim;
        tokens = b.tokens;
    }
    if (start > plan.frames)  // chunks of a longer video with the same content id: start over
        throw Error(ErrorCode::Mismatch, quoted(plan.path) + ": cached chunks cover " + std::to_string(start)
                                             + " frames, the video has " + std::to_string(plan.frames));
    out.resumedFrom = start;
    out.outcome = !plan.rebuildReason.empty() ? VideoOutcome::Rebuilt
                  : start > 0                 ? VideoOutcome::Resumed
                                              : VideoOutcome::Extracted;
    out.rebuildReason = plan.rebuildReason;
    state.framesDone += start;

    BatchQueue queue(std::size_t(std::max(1, params.queueBatches)));
    std::thread producer([&] { produce(plan.path, start, plan.frames, queue); });
    struct Joiner {  // the producer never outlives this frame, whatever throws
        BatchQueue& q;
        std::thread& t;
        ~Joiner()
        {
            q.stop();
            // Unblock a producer waiting to push its end marker: stop() makes push return.
            if (t.joinable())
                t.join();
        }
    } joiner{queue, producer};

    FeatureBlock chunk;
    chunk.start = start;
    chunk.dim = dim;
    chunk.tokens = tokens;
    int64_t nextRow = start;  // next frame index without features
    std::vector<uint16_t> lastEmb, lastTok;
    const std::size_t per = pre.floatsPerImage();
    const int S = params.inputSize;

    auto appendRow = [&](const uint16_t* emb, const uint16_t* tok) {
        chunk.embeddings.insert(chunk.embeddings.end(), emb, emb + chunk.dim);
        if (chunk.tokens > 0)
            chunk.patchTokens.insert(chunk.patchTokens.end(), tok, tok + std::size_t(chunk.tokens) * chunk.dim);
        ++chunk.frames;
        ++nextRow;
    };
    auto flushChunk = [&] {
        if (chunk.frames == 0)
            return;
        cache.writePart(plan.key, chunk);
        FeatureBlock next;
        next.start = nextRow;
        next.dim = chunk.dim;
        next.tokens = chunk.tokens;
        chunk = std::move(next);
    };
    auto stopNow = [&] {
        flushChunk();
        throw Error(ErrorCode::Cancelled, "feature extraction cancelled in " + quoted(plan.path) + " at frame "
                                              + std::to_string(nextRow) + " (the next run resumes there)");
    };

    // Fills frames [nextRow, upTo) with the last encoded features: reused frames silently,
    // frames the decoder skipped with a warning.
    std::deque<int64_t> reused;
    auto fillTo = [&](int64_t upTo, const uint16_t* e, const uint16_t* t) {
        int64_t skipped = 0;
        const int64_t from = nextRow, source = lastEmb.empty() ? upTo : nextRow - 1;
        while (nextRow < upTo) {
            while (!reused.empty() && reused.front() < nextRow)
                reused.pop_front();
            if (!reused.empty() && reused.front() == nextRow) {
                reused.pop_front();
                ++out.framesReused;
            } else {
                ++skipped;
            }
            appendRow(lastEmb.empty() ? e : lastEmb.data(), lastEmb.empty() ? t : lastTok.data());
            ++state.framesDone;
            if (chunk.frames >= params.chunkFrames)
                flushChunk();
        }
        if (skipped > 0)
            out.warnings.push_back(quoted(plan.path) + ": " + std::to_string(skipped) + " frame(s) in " + std::to_string(from)
                                   + ".." + std::to_string(upTo - 1) + " not decoded; features of frame "
                                   + std::to_string(source) + " used");
    };

    c10::InferenceMode guard;
    std::vector<uint16_t> emb, tok;
    double fps = 0;
    for (;;) {
        DecodedBatch batch = queue.pop();
        fps = std::max(fps, batch.fps);
        reused.insert(reused.end(), batch.reused.begin(), batch.reused.end());
        for (std::string& w : batch.warnings)
            out.warnings.push_back(std::move(w));
        const int64_t n = int64_t(batch.indices.size());
        int64_t i = 0;
        while (i < n) {
            // Forwards of forwardFrames frames, kept near maxBatchSeconds so that a stop request
            // is seen in time: doubled while a forward takes under half of it, halved above 1.5x.
            // (Sizing from time per frame alone would lock at 1 under load: a forward has a large
            // fixed cost, which makes single frames look expensive.)
            const int64_t m = std::min<int64_t>(n - i, forwardFrames);
            const auto t0 = Clock::now();
            torch::Tensor x = torch::from_blob(batch.pixels.data() + std::size_t(i) * per, {m, 3, S, S}, torch::kFloat32);
            emb.clear();
            tok.clear();
            int64_t d = 0, nt = 0;
            try {
                if (params.patchTokens) {
                    // Dense tokens (the last block's value path per patch): the ordinary
                    // last-block patch outputs are not aligned with text (clip/vision_transformer.h).
                    clip::VisualTokens vt = model->encodeImageDenseTokens(x);
                    copyHalfBits(vt.embedding, emb);
                    copyHalfBits(vt.projected.back(), tok);
                    d = vt.embedding.size(1);
                    nt = vt.projected.back().size(1);
                } else {
                    torch::Tensor e = model->encodeImage(x);
                    copyHalfBits(e, emb);
                    d = e.size(1);
                }
            } catch (const c10::Error& e) {
                throw Error(ErrorCode::Unsupported, quoted(plan.path) + ": the image encoder failed: " + e.what_without_backtrace());
            }
            const double took = secondsSince(t0);
            if (m == forwardFrames && took < 0.5 * params.maxBatchSeconds)
                forwardFrames = std::min<int64_t>(forwardFrames * 2, params.batchSize);
            else if (took > 1.5 * params.maxBatchSeconds)
                forwardFrames = std::max<int64_t>(1, forwardFrames / 2);
            if (chunk.dim == 0) {
                chunk.dim = int(d);
                chunk.tokens = int(nt);
            } else if (chunk.dim != d || chunk.tokens != nt) {
                throw Error(ErrorCode::Mismatch, quoted(plan.path) + ": cached chunks have " + std::to_string(chunk.dim)
                                                     + "-d features, the model gives " + std::to_string(d));
            }
            for (int64_t k = 0; k < m; ++k) {
                const int64_t index = batch.indices[std::size_t(i + k)];
                const uint16_t* e = emb.data() + std::size_t(k) * std::size_t(d);
                const uint16_t* t = nt > 0 ? tok.data() + std::size_t(k) * std::size_t(nt * d) : nullptr;
                if (index > nextRow)  // reused or undecodable frames: repeat the nearest encoded one
                    fillTo(index, e, t);
                appendRow(e, t);
                lastEmb.assign(e, e + d);
                if (t)
                    lastTok.assign(t, t + nt * d);
                if (chunk.frames >= params.chunkFrames)
                    flushChunk();
            }
            i += m;
            state.framesDone += m;  // plus the filled frames, counted in fillTo
            state.framesEncoded += m;
            out.framesEncoded += m;
            if (!state.report(plan.path, nextRow, plan.frames))
                stopNow();
        }
        if (!batch.error.empty())
            throw Error(ErrorCode::Format, batch.error.find(plan.path) != std::string::npos
                                               ? batch.error
                                               : quoted(plan.path) + ": " + batch.error);
        if (batch.end)
            break;
    }
    if (lastEmb.empty())
        throw Error(ErrorCode::Format, quoted(plan.path) + ": no frame could be decoded");
    fillTo(plan.frames, nullptr, nullptr);
    flushChunk();
    FeatureVideoInfo info;
    info.videoPath = plan.path;
    info.frames = plan.frames;
    info.fps = fps;
    cache.finalize(plan.key, info);
    return out;
}

// ---- FeatureExtractor ---------------------------------------------------------------------------

FeatureExtractor::FeatureExtractor(std::shared_ptr<clip::ClipModelImpl> model, const ExtractionParams& params)
{
    if (!model)
        throw Error(ErrorCode::InvalidArgument, "feature extractor: no model");
    if (params.batchSize < 1 || params.chunkFrames < 1 || params.inputSize < 1)
        throw Error(ErrorCode::InvalidArgument, "feature extractor: batch size, chunk frames and input size must be >= 1");
    m_impl = std::make_unique<Impl>(std::move(model), params);
    m_impl->backboneId = !params.backboneId.empty() ? params.backboneId : m_impl->model->identity().backboneId;
    if (m_impl->backboneId.empty())
        throw Error(ErrorCode::InvalidArgument, "feature extractor: the model has no backbone id (load it with loadClip or set one)");
    const int patch = m_impl->model->config().visionPatchSize;
    if (patch > 0 && params.inputSize % patch != 0)
        throw Error(ErrorCode::InvalidArgument, "backbone.input_size " + std::to_string(params.inputSize)
                                                    + " is not a multiple of the patch size " + std::to_string(patch));
    m_impl->model->eval();
    setComputeThreads(params.threads);
}

FeatureExtractor::~FeatureExtractor() = default;

const ExtractionParams& FeatureExtractor::params() const { return m_impl->params; }
const std::string& FeatureExtractor::backboneId() const { return m_impl->backboneId; }
std::string FeatureExtractor::preprocessingId() const
{
    return m_impl->preprocessingId();
}

FeatureKey FeatureExtractor::keyFor(const std::string& videoPath) const
{
    return FeatureKey{videoContentId(videoPath), m_impl->backboneId, m_impl->preprocessingId(), m_impl->params.patchTokens};
}

VideoExtraction FeatureExtractor::extractVideo(const std::string& videoPath, const ExtractionProgressFn& progress)
{
    RunState state;
    state.callback = &progress;
    state.videoCount = 1;
    VideoPlan plan = m_impl->plan(videoPath);
    state.framesTotal = plan.frames;
    return m_impl->run(plan, state);
}

ExtractionResult FeatureExtractor::extract(const std::vector<std::string>& videoPaths, const ExtractionProgressFn& progress)
{
    ExtractionResult result;
    RunState state;
    state.callback = &progress;
    state.videoCount = int(videoPaths.size());
    std::vector<std::optional<VideoPlan>> plans;
    for (const std::string& path : videoPaths) {
        try {
            plans.push_back(m_impl->plan(path));
            state.framesTotal += plans.back()->frames;
        } catch (const Error& e) {
            plans.emplace_back();
            result.failed.push_back(e.what());
        }
    }
    for (std::size_t i = 0; i < plans.size(); ++i) {
        if (!plans[i])
            continue;
        state.videoIndex = int(i);
        const int64_t doneBefore = state.framesDone;
        try {
            result.videos.push_back(m_impl->run(*plans[i], state));
        } catch (const Error& e) {
            if (e.code() == ErrorCode::Cancelled) {
                result.cancelled = true;
                break;
            }
            result.failed.push_back(e.what());
            state.framesDone = doneBefore + plans[i]->frames;  // count it as handled for the ETA
        } catch (const std::exception& e) {  // I/O surprises from the standard library
            result.failed.push_back(quoted(plans[i]->path) + ": " + e.what());
            state.framesDone = doneBefore + plans[i]->frames;
        }
    }
    result.framesEncoded = state.framesEncoded;
    result.seconds = secondsSince(state.start);
    return result;
}

// ---- shards and splits --------------------------------------------------------------------------

Shard parseShard(const std::string& text)
{
    const auto slash = text.find('/');
    Shard s;
    try {
        if (slash == std::string::npos)
            throw std::invalid_argument("no slash");
        std::size_t used = 0;
        s.index = std::stoi(text.substr(0, slash), &used);
        if (used != slash)
            throw std::invalid_argument("junk");
        const std::string n = text.substr(slash + 1);
        s.count = std::stoi(n, &used);
        if (used != n.size())
            throw std::invalid_argument("junk");
    } catch (const std::exception&) {
        throw Error(ErrorCode::InvalidArgument, "shard '" + text + "': expected i/N, e.g. 0/4");
    }
    if (s.count < 1 || s.index < 0 || s.index >= s.count)
        throw Error(ErrorCode::InvalidArgument,
                    "shard '" + text + "': need 0 <= i < N (shards are numbered from 0)");
    return s;
}

std::vector<std::string> selectShard(std::vector<std::string> videos, const Shard& shard)
{
    if (shard.count < 1 || shard.index < 0 || shard.index >= shard.count)
        throw Error(ErrorCode::InvalidArgument, "invalid shard " + std::to_string(shard.index) + "/" + std::to_string(shard.count));
    std::sort(videos.begin(), videos.end());
    videos.erase(std::unique(videos.begin(), videos.end()), videos.end());
    std::vector<std::string> out;
    for (std::size_t i = std::size_t(shard.index); i < videos.size(); i += std::size_t(shard.count))
        out.push_back(videos[i]);
    return out;
}

std::vector<std::string> metaVideos(const DatasetMeta& meta, const std::string& split)
{
    std::vector<std::string> out;
    auto add = [&](const std::vector<VideoEntry>& entries) {
        for (const VideoEntry& v : entries)
            out.push_back(v.absolutePath);
    };
    if (split == "all") {
        add(meta.train);
        add(meta.test);
    } else {
        add(meta.split(split));
    }
    return out;
}

} // namespace vaclip
