#pragma once
// Per-frame CLIP features of videos and image folders into the feature cache (feature_cache.h):
// decoding and CLIP preprocessing on a producer thread, the image encoder on the calling thread
// (with LibTorch's intra-op threads), a bounded queue between them; resumable, validated,
// cancellable, shardable. Plain C++ (no torch in this header) for the CLI and the studio.
//
//   ExtractionParams p;  p.cacheDir = cfg.features.cacheDir;  p.inputSize = cfg.backbone.inputSize;
//   auto ex = FeatureExtractor::fromBackbone(cfg.backbone.path, p);       // loads the CLIP model
//   auto videos = selectShard(metaVideos(meta, "all"), parseShard("2/8"));
//   ExtractionResult r = ex->extract(videos, [](const ExtractionProgress& pr) {
//       std::printf("%lld/%lld frames, %.1f f/s\n", ...);  return !stopRequested;  });
//   CachedFeatures f = *FeatureCache(p.cacheDir).open(ex->keyFor(videos[0]));
//
// Per video: the cache file is opened and validated; a valid one is reused (not decoded). A stale
// or corrupt one is rebuilt. Otherwise extraction continues after the valid chunk files an
// earlier, interrupted run left ("resumed"), writing a chunk every `chunkFrames` frames and when
// cancelled, then merges them into the video's file.
//
// Frame alignment: the cache holds exactly VideoInfo::frameCount rows, row t = frame t. Frames the
// decoder cannot read (FrameReader skips them) get the features of the nearest earlier decoded
// frame (the first decoded frame for a gap at the start) and a warning in VideoExtraction::warnings.
//
// Cancellation: the progress callback runs on the calling thread after every encoder batch, and
// encoder forwards are sized to take about `maxBatchSeconds` (doubling from 4 frames while
// faster, halving while slower, at most batchSize), so returning false stops within about that
// long (longer only when a single frame takes more, e.g. ViT-L on a slow CPU). The chunk in progress is
// written first, so the next run resumes exactly there. extract() then returns with
// `cancelled` set; extractVideo() throws vaclip::Error(ErrorCode::Cancelled).
//
// Errors: a missing, corrupt or unsupported video throws vaclip::Error naming it from
// extractVideo(); extract() records it in `failed` and continues with the next video.
//
// Thread safety: one FeatureExtractor per thread. It sets LibTorch's process-wide thread count
// on construction (params.threads).

#include "features/feature_cache.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace vaclip {

struct DatasetMeta;

namespace clip {
class ClipModelImpl;
}

struct ExtractionParams {
    std::string cacheDir = "cache/features";
    int inputSize = 224;          ///< backbone.input_size (square side S)
    int batchSize = 32;           ///< features.batch_size: frames preprocessed per queue item and max per forward
    bool patchTokens = false;     ///< also store projected patch tokens [1 + N, D] per frame
    int threads = 0;              ///< LibTorch intra-op threads; 0 = all cores
    int64_t chunkFrames = 256;    ///< frames per resumable chunk file
    double maxBatchSeconds = 1.0; ///< target encoder time per forward (cancellation latency)
    int queueBatches = 2;         ///< decoded batches buffered ahead of the encoder
    std::string backboneId;       ///< overrides the model's id ("" = ClipIdentity::backboneId)
    /// Static-camera shortcut, 0 = off: a frame whose S x S crop differs from the last *encoded*
    /// frame's by less than this mean absolute difference (in 0..255 levels) reuses its features
    /// instead of being encoded. It changes the features (see bench_extract for the error), so it
    /// is part of the cache key: preprocessing id "clip-bicubic-224-reuse1.5".
    double reuseThreshold = 0;
};

struct ExtractionProgress {
    int64_t framesDone = 0;       ///< in this run, over all videos (reused videos count as done)
    int64_t framesTotal = 0;      ///< all frames of all videos of the run
    double framesPerSecond = 0;   ///< encoded frames per second of wall time in this run
    double etaSeconds = -1;       ///< -1 until a rate is known
    int videoIndex = 0;           ///< 0-based, of videoCount
    int videoCount = 0;
    std::string videoPath;
    int64_t videoFramesDone = 0;
    int64_t videoFrames = 0;
};

/// Return false to stop.
using ExtractionProgressFn = std::function<bool(const ExtractionProgress&)>;

enum class VideoOutcome {
    Extracted,  ///< nothing usable was cached
    Resumed,    ///< continued after chunks of an interrupted run
    Reused,     ///< a valid cache file was used as is
    Rebuilt,    ///< a stale or corrupt cache file was replaced
};
const char* toString(VideoOutcome outcome);

struct VideoExtraction {
    std::string videoPath;
    std::string cacheFile;
    VideoOutcome outcome = VideoOutcome::Extracted;
    int64_t frames = 0;           ///< rows in the cache file
    int64_t framesEncoded = 0;    ///< frames run through the encoder in this run
    int64_t framesReused = 0;     ///< frames given the previous encoded frame's features (reuseThreshold)
    int64_t resumedFrom = 0;      ///< first frame encoded in this run (0 unless resumed)
    std::string rebuildReason;    ///< why the old file was not trusted (Rebuilt)
    std::vector<std::string> warnings;  ///< decoder warnings, filled gaps
};

struct ExtractionResult {
    std::vector<VideoExtraction> videos;  ///< finished videos, in order
    std::vector<std::string> failed;      ///< one message per video that could not be extracted
    bool cancelled = false;
    int64_t framesEncoded = 0;
    double seconds = 0;
    int count(VideoOutcome outcome) const;
};

/// A shard of a job array: videos index, index + count, ... of the sorted, de-duplicated list.
struct Shard {
    int index = 0;  ///< 0-based (Slurm's SLURM_ARRAY_TASK_ID with --array=0-(N-1))
    int count = 1;
};
/// "i/N" with 0 <= i < N. Throws vaclip::Error(InvalidArgument) otherwise.
Shard parseShard(const std::string& text);
/// Sorts and de-duplicates `videos`, then keeps every count-th starting at index: the shards of
/// one list are disjoint and together hold every video exactly once, whatever the input order.
std::vector<std::string> selectShard(std::vector<std::string> videos, const Shard& shard);
/// The absolute video paths of a meta.json split: "train", "test" or "all" (both).
std::vector<std::string> metaVideos(const DatasetMeta& meta, const std::string& split);

class FeatureExtractor {
public:
    /// Loads the backbone (clip_loader.h: OpenAI .pt, safetensors or a Hugging Face folder).
    static std::unique_ptr<FeatureExtractor> fromBackbone(const std::string& backbonePath,
                                                          const ExtractionParams& params);
    /// Uses a model already loaded (it is put in eval mode). Its identity, or params.backboneId,
    /// must name it: throws InvalidArgument when both are empty.
    FeatureExtractor(std::shared_ptr<clip::ClipModelImpl> model, const ExtractionParams& params);
    ~FeatureExtractor();
    FeatureExtractor(const FeatureExtractor&) = delete;
    FeatureExtractor& operator=(const FeatureExtractor&) = delete;

    const ExtractionParams& params() const;
    const std::string& backboneId() const;
    std::string preprocessingId() const;  ///< "clip-bicubic-224" (+ "-reuse<threshold>")
    /// The cache key of a video (hashes parts of its content: videoContentId).
    FeatureKey keyFor(const std::string& videoPath) const;

    /// Extracts (or reuses) one video. Throws vaclip::Error naming it; Cancelled when stopped.
    VideoExtraction extractVideo(const std::string& videoPath, const ExtractionProgressFn& progress = {});
    /// Every video in order; per-video failures are collected, cancellation stops the run.
    ExtractionResult extract(const std::vector<std::string>& videoPaths, const ExtractionProgressFn& progress = {});

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace vaclip
