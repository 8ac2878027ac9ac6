#include "features/feature_cache.h"

#include "common/error.h"
#include "io/atomic_file.h"
#include "io/dtype.h"
#include "io/frame_reader.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

namespace fs = std::filesystem;

namespace vaclip {

namespace {

constexpr const char* kFormat = "vaclip-features";
constexpr const char* kVersion = "1";
/// What "patch_tokens" holds: the last block's value path per patch (clip::VisionTransformerImpl::
/// denseTokens). Files with tokens of another kind (before it: the plain last-block outputs) are stale.
constexpr const char* kTokenKind = "value_path";

std::string hex64(uint64_t v)
{
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    return buf;
}

uint64_t checksumOf(const FeatureBlock& b)
{
    uint64_t h = fnv1a64(b.embeddings.data(), b.embeddings.size() * 2);
    return fnv1a64(b.patchTokens.data(), b.patchTokens.size() * 2, h);
}

std::vector<uint8_t> bytesOf(const std::vector<uint16_t>& v)
{
    std::vector<uint8_t> out(v.size() * 2);
    for (std::size_t i = 0; i < v.size(); ++i) {  // little endian on every host
        out[2 * i] = uint8_t(v[i] & 0xff);
        out[2 * i + 1] = uint8_t(v[i] >> 8);
    }
    return out;
}

void checkBlock(const FeatureBlock& b, const std::string& where)
{
    if (b.frames < 0 || b.dim <= 0 || b.tokens < 0 || b.embeddings.size() != std::size_t(b.frames) * std::size_t(b.dim)
        || b.patchTokens.size() != std::size_t(b.frames) * std::size_t(b.tokens) * std::size_t(b.dim))
        throw Error(ErrorCode::InvalidArgument, where + ": feature block sizes do not match its shape");
}

std::map<std::string, std::string> baseMetadata(const FeatureKey& key, const FeatureBlock& b)
{
    std::map<std::string, std::string> m{{"format", kFormat},
            {"version", kVersion},
            {"video_id", key.videoId},
            {"backbone_id", key.backboneId},
            {"preprocessing", key.preprocessing},
            {"start", std::to_string(b.start)},
            {"frames", std::to_string(b.frames)},
            {"dim", std::to_string(b.dim)},
            {"tokens", std::to_string(b.tokens)},
            {"checksum", hex64(checksumOf(b))}};
    if (b.tokens > 0)
        m["patch_tokens"] = kTokenKind;
    return m;
}

void writeBlock(const std::string& path, const FeatureBlock& b, std::map<std::string, std::string> meta)
{
    std::vector<SafetensorsEntry> entries;
    entries.push_back({"embeddings", DType::F16, {b.frames, b.dim}, bytesOf(b.embeddings)});
    if (b.tokens > 0)
        entries.push_back({"patch_tokens", DType::F16, {b.frames, b.tokens, b.dim}, bytesOf(b.patchTokens)});
    writeSafetensors(path, entries, meta);
}

std::string metaValue(const SafetensorsFile& f, const char* key)
{
    auto it = f.metadata().find(key);
    return it == f.metadata().end() ? std::string() : it->second;
}

/// Opens a cache file and checks it against `key`: returns the reason it cannot be trusted, or "".
std::string validate(const SafetensorsFile& f, const FeatureKey& key)
{
    if (metaValue(f, "format") != kFormat || metaValue(f, "version") != kVersion)
        return "not a feature file of this version";
    if (metaValue(f, "video_id") != key.videoId)
        return "stale: made for video " + metaValue(f, "video_id") + ", now " + key.videoId;
    if (metaValue(f, "backbone_id") != key.backboneId)
        return "stale: made with backbone " + metaValue(f, "backbone_id") + ", now " + key.backboneId;
    if (metaValue(f, "preprocessing") != key.preprocessing)
        return "stale: made with preprocessing " + metaValue(f, "preprocessing");
    const SafetensorsFile::Tensor* e = f.find("embeddings");
    if (!e || e->dtype != DType::F16 || e->shape.size() != 2)
        return "corrupt: no [T, D] fp16 'embeddings'";
    const SafetensorsFile::Tensor* t = f.find("patch_tokens");
    if (key.withTokens && !t)
        return "stale: made without patch tokens";
    if (t && metaValue(f, "patch_tokens") != kTokenKind)
        return "stale: patch tokens of another kind (not " + std::string(kTokenKind) + ")";
    if (t && (t->dtype != DType::F16 || t->shape.size() != 3 || t->shape[0] != e->shape[0] || t->shape[2] != e->shape[1]))
        return "corrupt: 'patch_tokens' does not match 'embeddings'";
    if (metaValue(f, "frames") != std::to_string(e->shape[0]) || metaValue(f, "dim") != std::to_string(e->shape[1]))
        return "corrupt: metadata and tensor shapes disagree";
    uint64_t h = fnv1a64(e->data, e->nbytes);
    if (t)
        h = fnv1a64(t->data, t->nbytes, h);
    if (hex64(h) != metaValue(f, "checksum"))
        return "corrupt: checksum mismatch";
    return {};
}

FeatureBlock blockFrom(const SafetensorsFile& f)
{
    FeatureBlock b;
    const SafetensorsFile::Tensor& e = f.at("embeddings");
    b.start = std::stoll(metaValue(f, "start").empty() ? "0" : metaValue(f, "start"));
    b.frames = e.shape[0];
    b.dim = int(e.shape[1]);
    b.embeddings.resize(e.nbytes / 2);
    for (std::size_t i = 0; i < b.embeddings.size(); ++i)
        b.embeddings[i] = uint16_t(e.data[2 * i] | (e.data[2 * i + 1] << 8));
    if (const SafetensorsFile::Tensor* t = f.find("patch_tokens")) {
        b.tokens = int(t->shape[1]);
        b.patchTokens.resize(t->nbytes / 2);
        for (std::size_t i = 0; i < b.patchTokens.size(); ++i)
            b.patchTokens[i] = uint16_t(t->data[2 * i] | (t->data[2 * i + 1] << 8));
    }
    return b;
}

std::string partPrefix(const FeatureCache& c, const FeatureKey& key)
{
    std::string v = c.videoFile(key);
    return v.substr(0, v.size() - std::string(".safetensors").size()) + ".part-";
}

} // namespace

uint64_t fnv1a64(const void* data, std::size_t size, uint64_t h)
{
    const auto* p = static_cast<const uint8_t*>(data);
    for (std::size_t i = 0; i < size; ++i) {
        h ^= p[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

const std::string& CachedFeatures::path() const
{
    return m_file->path();
}

const uint16_t* CachedFeatures::embedding(int64_t t) const
{
    if (t < 0 || t >= m_frames)
        throw Error(ErrorCode::InvalidArgument, quoted(path()) + ": frame " + std::to_string(t) + " outside [0, "
                                                    + std::to_string(m_frames) + ")");
    return m_emb + t * m_dim;
}

const uint16_t* CachedFeatures::patchTokens(int64_t t) const
{
    if (!m_tok)
        return nullptr;
    embedding(t);  // range check
    return m_tok + t * int64_t(m_tokens) * m_dim;
}

std::vector<float> CachedFeatures::embeddingsAsFloat() const
{
    std::vector<float> out(std::size_t(m_frames) * std::size_t(m_dim));
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = halfToFloat(m_emb[i]);
    return out;
}

FeatureCache::FeatureCache(std::string root) : m_root(std::move(root)) {}

std::string FeatureCache::videoFile(const FeatureKey& key) const
{
    for (const std::string* s : {&key.videoId, &key.backboneId, &key.preprocessing})
        if (s->empty() || s->find('/') != std::string::npos || *s == "." || *s == "..")
            throw Error(ErrorCode::InvalidArgument, "feature cache key parts must be non-empty file names, got '" + *s + "'");
    return (fs::path(m_root) / key.backboneId / key.preprocessing / (key.videoId + ".safetensors")).string();
}

std::optional<CachedFeatures> FeatureCache::open(const FeatureKey& key, std::string* why) const
{
    const std::string path = videoFile(key);
    if (!fs::exists(path)) {
        if (why)
            *why = "not cached";
        return std::nullopt;
    }
    std::shared_ptr<SafetensorsFile> file;
    try {
        file = std::make_shared<SafetensorsFile>(SafetensorsFile::open(path));
    } catch (const Error& e) {
        if (why)
            *why = std::string("corrupt: ") + e.what();
        return std::nullopt;
    }
    const std::string problem = validate(*file, key);
    if (!problem.empty()) {
        if (why)
            *why = quoted(path) + ": " + problem;
        return std::nullopt;
    }
    CachedFeatures c;
    const SafetensorsFile::Tensor& e = file->at("embeddings");
    c.m_frames = e.shape[0];
    c.m_dim = int(e.shape[1]);
    c.m_emb = reinterpret_cast<const uint16_t*>(e.data);  // the mapping is 8-byte aligned + even offsets
    if (const SafetensorsFile::Tensor* t = file->find("patch_tokens")) {
        c.m_tokens = int(t->shape[1]);
        c.m_tok = reinterpret_cast<const uint16_t*>(t->data);
    }
    const std::string fps = metaValue(*file, "fps");
    c.m_fps = fps.empty() ? 0.0 : std::stod(fps);
    c.m_videoPath = metaValue(*file, "video_path");
    c.m_file = std::move(file);
    return c;
}

void FeatureCache::writePart(const FeatureKey& key, const FeatureBlock& block) const
{
    checkBlock(block, quoted(videoFile(key)));
    char start[32];
    std::snprintf(start, sizeof start, "%012lld", static_cast<long long>(block.start));
    writeBlock(partPrefix(*this, key) + start + ".safetensors", block, baseMetadata(key, block));
}

std::vector<FeatureBlock> FeatureCache::validParts(const FeatureKey& key) const
{
    const std::string prefix = partPrefix(*this, key);
    const fs::path dir = fs::path(prefix).parent_path();
    const std::string stem = fs::path(prefix).filename().string();
    std::vector<std::string> files;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        const std::string name = e.path().filename().string();
        if (name.rfind(stem, 0) == 0 && e.path().extension() == ".safetensors")
            files.push_back(e.path().string());
    }
    std::sort(files.begin(), files.end());  // zero-padded start frames sort numerically
    std::vector<FeatureBlock> parts;
    int64_t next = 0;
    for (const std::string& f : files) {
        bool ok = false;
        try {
            SafetensorsFile file = SafetensorsFile::open(f);
            if (validate(file, key).empty()) {
                FeatureBlock b = blockFrom(file);
                if (b.start == next && (key.withTokens == (b.tokens > 0))) {
                    next += b.frames;
                    parts.push_back(std::move(b));
                    ok = true;
                }
            }
        } catch (const Error&) {
        }
        if (!ok) {  // an invalid chunk and everything after it is redone
            fs::remove(f, ec);
            next = -1;
        }
    }
    return parts;
}

void FeatureCache::finalize(const FeatureKey& key, const FeatureVideoInfo& info) const
{
    std::vector<FeatureBlock> parts = validParts(key);
    FeatureBlock all;
    for (const FeatureBlock& p : parts) {
        if (all.frames == 0) {
            all.dim = p.dim;
            all.tokens = p.tokens;
        }
        all.embeddings.insert(all.embeddings.end(), p.embeddings.begin(), p.embeddings.end());
        all.patchTokens.insert(all.patchTokens.end(), p.patchTokens.begin(), p.patchTokens.end());
        all.frames += p.frames;
    }
    if (all.frames != info.frames)
        throw Error(ErrorCode::Mismatch, quoted(videoFile(key)) + ": chunks cover " + std::to_string(all.frames)
                                             + " frames, the video has " + std::to_string(info.frames));
    write(key, all, info);
    const std::string prefix = partPrefix(*this, key);
    std::error_code ec;
    for (const FeatureBlock& p : parts) {
        char start[32];
        std::snprintf(start, sizeof start, "%012lld", static_cast<long long>(p.start));
        fs::remove(prefix + start + ".safetensors", ec);
    }
}

void FeatureCache::write(const FeatureKey& key, const FeatureBlock& all, const FeatureVideoInfo& info) const
{
    const std::string path = videoFile(key);
    checkBlock(all, quoted(path));
    if (all.start != 0 || all.frames != info.frames)
        throw Error(ErrorCode::Mismatch, quoted(path) + ": features for " + std::to_string(all.frames)
                                             + " frames, the video has " + std::to_string(info.frames));
    auto meta = baseMetadata(key, all);
    meta["video_path"] = info.videoPath;
    char fps[32];
    std::snprintf(fps, sizeof fps, "%.6f", info.fps);
    meta["fps"] = fps;
    writeBlock(path, all, meta);
}

std::string videoContentId(const std::string& path)
{
    constexpr std::size_t kSpan = 4u << 20;
    auto hashFileSpans = [&](const fs::path& p, uint64_t h) {
        std::ifstream in(p, std::ios::binary);
        if (!in)
            throw Error(ErrorCode::Io, quoted(p.string()) + ": cannot read");
        const auto size = uint64_t(fs::file_size(p));
        h = fnv1a64(&size, sizeof size, h);
        std::vector<char> buf(std::min<uint64_t>(kSpan, size));
        in.read(buf.data(), std::streamsize(buf.size()));
        h = fnv1a64(buf.data(), std::size_t(in.gcount()), h);
        if (size > kSpan) {
            const uint64_t tail = std::min<uint64_t>(kSpan, size - kSpan);
            in.seekg(std::streamoff(size - tail));
            buf.resize(tail);
            in.read(buf.data(), std::streamsize(tail));
            h = fnv1a64(buf.data(), std::size_t(in.gcount()), h);
        }
        return h;
    };
    std::error_code ec;
    if (!fs::exists(path, ec))
        throw Error(ErrorCode::NotFound, quoted(path) + ": no such file or folder");
    uint64_t h = 0xcbf29ce484222325ull;
    fs::path p(path);
    std::string stem;
    if (fs::is_directory(p)) {
        std::vector<std::string> files = FrameReader::listImageSequence(path);
        if (files.empty())
            throw Error(ErrorCode::NotFound, quoted(path) + ": the folder holds no image files");
        for (const std::string& f : files) {
            const std::string name = fs::path(f).filename().string();
            const auto size = uint64_t(fs::file_size(f));
            h = fnv1a64(name.data(), name.size(), h);
            h = fnv1a64(&size, sizeof size, h);
        }
        for (std::size_t i : {std::size_t(0), files.size() / 2, files.size() - 1})
            h = hashFileSpans(files[i], h);
        stem = p.lexically_normal().filename().string();
        if (stem.empty())
            stem = p.lexically_normal().parent_path().filename().string();
    } else {
        h = hashFileSpans(p, h);
        stem = p.stem().string();
    }
    for (char& c : stem)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.'))
            c = '_';
    return (stem.empty() ? std::string("video") : stem) + "-" + hex64(h);
}

} // namespace vaclip
