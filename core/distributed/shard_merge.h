#pragma once
// `vaclip extract --merge`: after the shards of an extraction job array (vaclip extract --shard i/N)
// have run, check that together they cached every video of the list, consistently, and write the
// cache index. Plain C++ (no torch).
//
//   MergeOptions o{cfg.features.cacheDir, backbone.id(), "clip-bicubic-224"};
//   o.shards = 8;                                         // optional: name the shard to rerun
//   MergeReport r = mergeShards(metaVideos(meta, "all"), o);   // throws on any problem
//   std::cout << r.videos << " videos, index " << r.indexPath;
//
// Checks, over the sorted, de-duplicated video list (extractor.h selectShard order):
//   missing      a video has no valid file under <cache>/<backbone>/<preprocessing>/ — with why
//                (not cached, stale, corrupt) and, with o.shards, which shard i/N covered it
//   incomplete   chunk files "<id>.part-*.safetensors" left by an interrupted shard
//   backbone     a missing video cached under another backbone id (a shard ran another model)
//   duplicates   more than one finished file names the same video_path (its content changed
//                between shards) or two list entries resolve to the same cached content
//   consistency  every file has the same embedding size and token count
// Every problem is collected; then mergeShards throws one vaclip::Error (NotFound for missing
// or incomplete videos only, Mismatch otherwise) that counts them and lists the first few.
// On success it writes <cache>/<backbone>/<preprocessing>/index.json atomically:
//   {"format": "vaclip-feature-index", "version": 1, "backbone_id", "preprocessing", "dim",
//    "tokens", "videos": N, "frames": total, "entries": [{"video_path", "video_id", "file"
//    (relative to the index), "frames", "fps"}]}
// Files of videos outside the list are left alone and counted in MergeReport::extraFiles.
// Thread safety: free functions; do not run while shards are still writing.

#include <cstdint>
#include <string>
#include <vector>

namespace vaclip::distributed {

struct MergeOptions {
    std::string cacheDir;
    std::string backboneId;
    std::string preprocessing;   ///< e.g. "clip-bicubic-224" (train/feature_data.h preprocessingId)
    bool tokens = false;         ///< every file must hold patch tokens
    int shards = 0;              ///< the job array's N (0 = unknown): messages name shard i/N
};

struct MergeReport {
    int videos = 0;
    int64_t frames = 0;
    int dim = 0;
    int tokens = 0;
    std::string indexPath;
    std::vector<std::string> extraFiles;  ///< finished files of videos not in the list
};

MergeReport mergeShards(const std::vector<std::string>& videos, const MergeOptions& options);

struct FeatureIndexEntry {
    std::string videoPath;
    std::string videoId;
    std::string file;  ///< absolute path of the cache file
    int64_t frames = 0;
    double fps = 0;
};
/// Reads an index.json written by mergeShards (throws vaclip::Error naming the file when it is
/// missing or malformed).
std::vector<FeatureIndexEntry> readFeatureIndex(const std::string& indexPath);

} // namespace vaclip::distributed
