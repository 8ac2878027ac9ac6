#pragma once
// The on-disk feature cache: per-frame CLIP embeddings (and optionally projected patch tokens)
// of one video for one backbone and one preprocessing, as an fp16 safetensors file that is
// memory-mapped on read and readable from Python (safetensors or plain numpy).
//
//   FeatureCache cache("cache/features");
//   FeatureKey key{videoContentId("Test001/"), backbone.id(), "clip-bicubic-224"};
//   if (auto f = cache.open(key)) use(f->embedding(t));           // validated, never stale
//   else { ...extract...; cache.writePart(key, block); ...; cache.finalize(key, meta); }
//
// Layout: <root>/<backbone id>/<preprocessing>/<video content id>.safetensors with tensors
//   "embeddings"   F16 [T, D]      per-frame pooled image embedding (not normalised)
//   "patch_tokens" F16 [T, N, D]   projected visual tokens, class token first (optional): the
//                                  dense tokens of ClipModelImpl::encodeImageDenseTokens
// and __metadata__ {format: "vaclip-features", version, video_path, video_id, backbone_id,
// preprocessing, frames, dim, tokens, fps, checksum (FNV-1a 64 of the tensor bytes, hex),
// patch_tokens: "value_path" (with tokens; a file with tokens of another kind is stale)}.
//
// Trust: open() rejects (and reports why) a file whose metadata names another video, backbone or
// preprocessing (stale), whose checksum or sizes do not match (corrupt), or that is not a valid
// safetensors file; the caller rebuilds it. Resume: extraction writes chunks as
// "<id>.part-<start>.safetensors" (atomically); validParts() returns the ones still usable,
// finalize() merges them into the video file and removes them.
//
// Thread safety: distinct keys may be written concurrently; one key from one writer at a time.

#include "io/safetensors.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace vaclip {

struct FeatureKey {
    std::string videoId;        ///< videoContentId() of the video
    std::string backboneId;     ///< the CLIP backbone's id (architecture + weight hash)
    std::string preprocessing;  ///< e.g. "clip-bicubic-224"; file-name safe
    bool withTokens = false;    ///< patch tokens stored too
};

/// A run of consecutive frames' features in fp16 (IEEE half bits).
struct FeatureBlock {
    int64_t start = 0;
    int64_t frames = 0;
    int dim = 0;
    int tokens = 0;                    ///< 0 = no patch tokens
    std::vector<uint16_t> embeddings;  ///< frames * dim
    std::vector<uint16_t> patchTokens; ///< frames * tokens * dim
};

/// Metadata stored with a finished video file.
struct FeatureVideoInfo {
    std::string videoPath;
    int64_t frames = 0;
    double fps = 0;
};

/// A validated, memory-mapped cache file.
class CachedFeatures {
public:
    int64_t frames() const { return m_frames; }
    int dim() const { return m_dim; }
    int tokens() const { return m_tokens; }
    double fps() const { return m_fps; }
    const std::string& videoPath() const { return m_videoPath; }
    const std::string& path() const;
    /// fp16 bits of frame t's embedding (dim values).
    const uint16_t* embedding(int64_t t) const;
    /// fp16 bits of frame t's tokens (tokens * dim values); nullptr when not stored.
    const uint16_t* patchTokens(int64_t t) const;
    /// All embeddings converted to float, frames * dim.
    std::vector<float> embeddingsAsFloat() const;

private:
    friend class FeatureCache;
    std::shared_ptr<SafetensorsFile> m_file;
    const uint16_t* m_emb = nullptr;
    const uint16_t* m_tok = nullptr;
    int64_t m_frames = 0;
    int m_dim = 0;
    int m_tokens = 0;
    double m_fps = 0;
    std::string m_videoPath;
};

class FeatureCache {
public:
    explicit FeatureCache(std::string root);
    const std::string& root() const { return m_root; }

    /// Where the finished file of `key` lives.
    std::string videoFile(const FeatureKey& key) const;
    /// The finished, validated features; nullopt when absent or not trustworthy (`why` says which).
    std::optional<CachedFeatures> open(const FeatureKey& key, std::string* why = nullptr) const;

    /// Writes one chunk (atomically) so that an interrupted extraction can resume.
    void writePart(const FeatureKey& key, const FeatureBlock& block) const;
    /// Valid chunks of `key`, by start frame, contiguous from frame 0 (stops at the first gap or
    /// invalid chunk; invalid chunks are deleted).
    std::vector<FeatureBlock> validParts(const FeatureKey& key) const;
    /// Merges the chunks (which must cover [0, info.frames)) into the video file and removes them.
    void finalize(const FeatureKey& key, const FeatureVideoInfo& info) const;
    /// Writes a whole video's features at once (tests, small videos).
    void write(const FeatureKey& key, const FeatureBlock& all, const FeatureVideoInfo& info) const;

private:
    std::string m_root;
};

/// A stable identity of a video's content: size + hash of its first and last 4 MiB for a file;
/// names, sizes and the hash of the first, middle and last image for a frame folder. It survives
/// copies and renames; editing the content changes it. 16 hex digits plus the stem for humans:
/// "Test001-3f2a9c0d11e4b7a5".
std::string videoContentId(const std::string& path);

/// FNV-1a 64-bit over bytes (continuing from `seed`).
uint64_t fnv1a64(const void* data, std::size_t size, uint64_t seed = 0xcbf29ce484222325ull);

} // namespace vaclip
