// ctest-labels: unit features
// The feature cache: round trips, readable by numpy, stale and corrupt files rejected,
// chunked writes resumed after an interruption.
#include "common/error.h"
#include "features/feature_cache.h"
#include "io/dtype.h"
#include "io/image.h"
#include "io/safetensors.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>

using namespace vaclip;
using vaclip::test::TempDir;
namespace fs = std::filesystem;

namespace {

FeatureBlock makeBlock(int64_t start, int64_t frames, int dim, int tokens)
{
    FeatureBlock b;
    b.start = start;
    b.frames = frames;
    b.dim = dim;
    b.tokens = tokens;
    for (int64_t t = 0; t < frames; ++t)
        for (int d = 0; d < dim; ++d)
            b.embeddings.push_back(floatToHalf(float(start + t) + float(d) / 8.0f));
    for (int64_t i = 0; i < frames * tokens * dim; ++i)
        b.patchTokens.push_back(floatToHalf(float(i % 97) / 16.0f));
    return b;
}

FeatureKey key(bool tokens = false)
{
    return FeatureKey{"Test001-0123456789abcdef", "vit-b-16-aaaa", "clip-bicubic-224", tokens};
}

} // namespace

TEST(FeatureCache, RoundTripIsMemoryMappedAndValidated)
{
    TempDir dir;
    FeatureCache cache(dir.file("cache"));
    EXPECT_FALSE(cache.open(key()).has_value());
    cache.write(key(true), makeBlock(0, 30, 8, 5), {"UCSDped2/Test/Test001", 30, 10.0});
    std::string why;
    auto f = cache.open(key(true), &why);
    ASSERT_TRUE(f.has_value()) << why;
    EXPECT_EQ(f->frames(), 30);
    EXPECT_EQ(f->dim(), 8);
    EXPECT_EQ(f->tokens(), 5);
    EXPECT_DOUBLE_EQ(f->fps(), 10.0);
    EXPECT_EQ(f->videoPath(), "UCSDped2/Test/Test001");
    EXPECT_FLOAT_EQ(halfToFloat(f->embedding(7)[3]), 7.375f);
    EXPECT_FLOAT_EQ(f->embeddingsAsFloat()[29 * 8], 29.0f);
    ASSERT_NE(f->patchTokens(2), nullptr);
    EXPECT_THROW(f->embedding(30), Error);
    // A request without tokens is served by a file with tokens, not the other way round.
    EXPECT_TRUE(cache.open(key(false)).has_value());
}

TEST(FeatureCache, StaleAndCorruptFilesAreNotTrusted)
{
    TempDir dir;
    FeatureCache cache(dir.file("cache"));
    cache.write(key(), makeBlock(0, 12, 4, 0), {"v", 12, 25.0});
    std::string why;
    FeatureKey other = key();
    other.backboneId = "vit-b-32-bbbb";
    // A file copied under another backbone's folder names its own backbone: stale.
    fs::create_directories(fs::path(cache.videoFile(other)).parent_path());
    fs::copy_file(cache.videoFile(key()), cache.videoFile(other));
    EXPECT_FALSE(cache.open(other, &why).has_value());
    EXPECT_NE(why.find("stale"), std::string::npos) << why;
    EXPECT_FALSE(cache.open(key(true), &why).has_value()) << "tokens were not stored";

    // Flip one data byte: the checksum catches it.
    std::string bytes = vaclip::test::readText(cache.videoFile(key()));
    bytes[bytes.size() - 3] ^= 0x40;
    vaclip::test::writeText(cache.videoFile(key()), bytes);
    EXPECT_FALSE(cache.open(key(), &why).has_value());
    EXPECT_NE(why.find("checksum"), std::string::npos) << why;
    // Truncated: the safetensors reader rejects it.
    vaclip::test::writeText(cache.videoFile(key()), bytes.substr(0, bytes.size() / 2));
    EXPECT_FALSE(cache.open(key(), &why).has_value());
    EXPECT_NE(why.find("corrupt"), std::string::npos) << why;
}

// Patch tokens made before the dense (value-path) tokens, without the "patch_tokens" kind in the
// metadata, are stale: pixel maps from them scored below chance, so they are re-extracted.
TEST(FeatureCache, PatchTokensOfAnotherKindAreStale)
{
    TempDir dir;
    FeatureCache cache(dir.file("cache"));
    cache.write(key(true), makeBlock(0, 6, 4, 3), {"v", 6, 25.0});
    const std::string path = cache.videoFile(key(true));
    std::string why;
    ASSERT_TRUE(cache.open(key(true), &why).has_value()) << why;
    std::vector<SafetensorsEntry> entries;
    std::map<std::string, std::string> meta;
    {
        const SafetensorsFile f = SafetensorsFile::open(path);
        EXPECT_EQ(f.metadata().at("patch_tokens"), "value_path");
        for (const auto& t : f.tensors())
            entries.push_back({t.name, t.dtype, t.shape, std::vector<uint8_t>(t.data, t.data + t.nbytes)});
        meta = f.metadata();
    }
    meta.erase("patch_tokens");  // what files written before the dense tokens look like
    writeSafetensors(path, entries, meta);
    EXPECT_FALSE(cache.open(key(true), &why).has_value());
    EXPECT_NE(why.find("stale: patch tokens of another kind"), std::string::npos) << why;
    meta["patch_tokens"] = "value_path";  // the same bytes with the kind: trusted again
    writeSafetensors(path, entries, meta);
    EXPECT_TRUE(cache.open(key(true), &why).has_value()) << why;
}

TEST(FeatureCache, ChunksResumeAfterAnInterruption)
{
    TempDir dir;
    FeatureCache cache(dir.file("cache"));
    cache.writePart(key(), makeBlock(0, 10, 4, 0));
    cache.writePart(key(), makeBlock(10, 10, 4, 0));
    cache.writePart(key(), makeBlock(30, 10, 4, 0));  // after a gap: not usable
    auto parts = cache.validParts(key());
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_EQ(parts[1].start, 10);
    // Resume: the missing chunk is made, then everything is merged.
    cache.writePart(key(), makeBlock(20, 10, 4, 0));
    cache.writePart(key(), makeBlock(30, 10, 4, 0));
    EXPECT_THROW(cache.finalize(key(), {"v", 41, 25.0}), Error);
    cache.finalize(key(), {"v", 40, 25.0});
    auto f = cache.open(key());
    ASSERT_TRUE(f.has_value());
    EXPECT_EQ(f->frames(), 40);
    EXPECT_FLOAT_EQ(halfToFloat(f->embedding(35)[0]), 35.0f);
    int leftover = 0;
    for (const auto& e : fs::directory_iterator(fs::path(cache.videoFile(key())).parent_path()))
        leftover += e.path().string().find(".part-") != std::string::npos;
    EXPECT_EQ(leftover, 0) << "chunks must be removed after the merge";
}

TEST(FeatureCache, NumpyReadsTheFileWithoutSafetensorsInstalled)
{
    const std::string py = vaclip::test::pythonWithNumpy();
    ASSERT_FALSE(py.empty()) << "Debian's python3 with numpy is needed";
    TempDir dir;
    FeatureCache cache(dir.file("cache"));
    cache.write(key(), makeBlock(0, 6, 4, 0), {"v", 6, 25.0});
    const std::string script = R"(
import json, struct, sys
import numpy as np
raw = open(sys.argv[1], 'rb').read()
n = struct.unpack('<Q', raw[:8])[0]
head = json.loads(raw[8:8 + n])
e = head['embeddings']
b, t = e['data_offsets']
a = np.frombuffer(raw[8 + n + b: 8 + n + t], dtype='<f2').reshape(e['shape'])
assert a.shape == (6, 4), a.shape
assert abs(float(a[5, 2]) - 5.25) < 1e-6, a[5, 2]
assert head['__metadata__']['format'] == 'vaclip-features'
print('ok')
)";
    vaclip::test::writeText(dir.file("read.py"), script);
    auto r = vaclip::test::runCommand(py + " " + dir.file("read.py") + " " + cache.videoFile(key()));
    EXPECT_EQ(r.exitCode, 0) << r.output;
}

TEST(FeatureCache, VideoContentIdFollowsContentNotName)
{
    TempDir dir;
    Image im;
    im.width = 4;
    im.height = 4;
    im.rgb.assign(48, 7);
    for (const char* d : {"a", "b"})
        for (int i = 1; i <= 3; ++i)
            writePng(dir.file(std::string(d) + "/" + std::to_string(i) + ".png"), im);
    const std::string a = videoContentId(dir.file("a"));
    const std::string b = videoContentId(dir.file("b"));
    EXPECT_EQ(a.substr(a.find('-')), b.substr(b.find('-'))) << "same content, same hash";
    EXPECT_EQ(a.rfind("a-", 0), 0u);
    im.rgb[5] = 200;
    writePng(dir.file("b/3.png"), im);
    EXPECT_NE(videoContentId(dir.file("b")).substr(2), b.substr(2)) << "changed content, new id";
    EXPECT_THROW(videoContentId(dir.file("nope")), Error);
}
