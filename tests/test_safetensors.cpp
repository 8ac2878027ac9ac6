// ctest-labels: unit io
// safetensors reading (memory-mapped) and writing: round trips, the reference CLIP checkpoints in
// shared/, and headers that lie about the data.

#include "common/error.h"
#include "io/dtype.h"
#include "io/safetensors.h"
#include "expect_error.h"
#include "test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <functional>

using namespace vaclip;
using ::testing::HasSubstr;
using vaclip::test::TempDir;

namespace {

const std::vector<DType> kAllDtypes = {DType::Bool, DType::U8,  DType::I8,   DType::U16, DType::I16,
                                       DType::U32,  DType::I32, DType::U64,  DType::I64, DType::F16,
                                       DType::BF16, DType::F32, DType::F64};

int64_t numelOf(const std::vector<int64_t>& shape)
{
    int64_t n = 1;
    for (int64_t d : shape)
        n *= d;
    return n;
}

/// Element i of a test tensor, as the float toFloats() must return.
float expectedValue(DType t, int64_t i)
{
    switch (t) {
    case DType::Bool: return float(i % 2);
    case DType::U8: return float(i % 256);
    case DType::I8: return float(i % 256 - 128);
    case DType::U16: return float(i * 300 % 65536);
    case DType::I16: return float(i * 300 % 65536 - 32768);
    case DType::U32: return float(i * 100000);
    case DType::I32: return float(-i * 100000);
    case DType::U64: return float(i << 20);
    case DType::I64: return float(-(i << 20));
    case DType::F16:
    case DType::BF16: return float(i) * 0.5f - 4.0f; // exact in both 16-bit formats
    case DType::F32: return float(i) * 0.1f;
    case DType::F64: return float(double(i) * 0.1);
    }
    return 0;
}

SafetensorsEntry makeEntry(const std::string& name, DType t, std::vector<int64_t> shape)
{
    SafetensorsEntry e;
    e.name = name;
    e.dtype = t;
    e.shape = std::move(shape);
    const int64_t n = numelOf(e.shape);
    e.data.resize(std::size_t(n) * dtypeSize(t));
    for (int64_t i = 0; i < n; ++i) {
        uint8_t* p = e.data.data() + i * int64_t(dtypeSize(t));
        auto put = [p](auto v) { std::memcpy(p, &v, sizeof v); };
        const float v = expectedValue(t, i);
        switch (t) {
        case DType::Bool: put(uint8_t(i % 2)); break;
        case DType::U8: put(uint8_t(v)); break;
        case DType::I8: put(int8_t(v)); break;
        case DType::U16: put(uint16_t(v)); break;
        case DType::I16: put(int16_t(v)); break;
        case DType::U32: put(uint32_t(i * 100000)); break;
        case DType::I32: put(int32_t(-i * 100000)); break;
        case DType::U64: put(uint64_t(i) << 20); break;
        case DType::I64: put(-(int64_t(i) << 20)); break;
        case DType::F16: put(floatToHalf(v)); break;
        case DType::BF16: put(floatToBfloat16(v)); break;
        case DType::F32: put(float(i) * 0.1f); break;
        case DType::F64: put(double(i) * 0.1); break;
        }
    }
    return e;
}

/// A safetensors file from a raw header text (padded with spaces to 8) and `dataBytes` bytes.
void writeRaw(const std::string& path, std::string header, std::size_t dataBytes,
              int64_t lengthOverride = -1)
{
    header.append((8 - header.size() % 8) % 8, ' ');
    const uint64_t n = lengthOverride >= 0 ? uint64_t(lengthOverride) : header.size();
    std::string out(8, '\0');
    for (int i = 0; i < 8; ++i)
        out[i] = char((n >> (8 * i)) & 0xff);
    out += header;
    out.append(dataBytes, '\x01');
    vaclip::test::writeText(path, out);
}

void expectError(const std::function<void()>& fn, ErrorCode code, const std::string& path,
                 std::vector<std::string> parts = {})
{
    parts.insert(parts.begin(), quoted(path));
    vaclip::test::expectError(fn, code, parts);
}

std::filesystem::path tinyA() { return vaclip::test::sharedDir() / "reference/clip/tiny-a"; }

std::vector<float> transpose(const std::vector<float>& v, int64_t rows, int64_t cols)
{
    std::vector<float> out(v.size());
    for (int64_t r = 0; r < rows; ++r)
        for (int64_t c = 0; c < cols; ++c)
            out[std::size_t(c * rows + r)] = v[std::size_t(r * cols + c)];
    return out;
}

} // namespace

// ---- round trips --------------------------------------------------------------------------------

TEST(Safetensors, RoundTripsEveryDtype)
{
    TempDir dir;
    const std::string path = dir.file("all.safetensors");
    std::vector<SafetensorsEntry> entries;
    const std::vector<std::vector<int64_t>> shapes = {{2, 3}, {}, {0}, {5}, {1, 2, 2}};
    for (std::size_t k = 0; k < kAllDtypes.size(); ++k)
        entries.push_back(makeEntry("t" + std::to_string(k) + "." + dtypeName(kAllDtypes[k]),
                                    kAllDtypes[k], shapes[k % shapes.size()]));
    entries.push_back(makeEntry("zero_sized_at_end", DType::F32, {3, 0}));
    const std::map<std::string, std::string> metadata = {{"format", "pt"}, {"note", "ünïcode \"quoted\""}};
    writeSafetensors(path, entries, metadata);

    const std::string bytes = vaclip::test::readText(path);
    uint64_t headerLen = 0;
    for (int i = 0; i < 8; ++i)
        headerLen |= uint64_t(uint8_t(bytes[std::size_t(i)])) << (8 * i);
    EXPECT_EQ(headerLen % 8, 0u);
    EXPECT_EQ(bytes[8], '{');

    SafetensorsFile f = SafetensorsFile::open(path);
    EXPECT_EQ(f.path(), path);
    EXPECT_EQ(f.metadata(), metadata);
    ASSERT_EQ(f.tensors().size(), entries.size());
    for (const SafetensorsEntry& e : entries) {
        SCOPED_TRACE(e.name);
        const SafetensorsFile::Tensor& t = f.at(e.name);
        EXPECT_EQ(t.name, e.name);
        EXPECT_EQ(t.dtype, e.dtype);
        EXPECT_EQ(t.shape, e.shape);
        EXPECT_EQ(t.numel(), numelOf(e.shape));
        ASSERT_EQ(t.nbytes, e.data.size());
        EXPECT_EQ(std::vector<uint8_t>(t.data, t.data + t.nbytes), e.data);
        const std::vector<float> values = t.toFloats();
        ASSERT_EQ(values.size(), std::size_t(t.numel()));
        for (std::size_t i = 0; i < values.size(); ++i)
            EXPECT_EQ(values[i], expectedValue(e.dtype, int64_t(i))) << i;
    }
    // File order is data-offset order, which is the order written.
    for (std::size_t i = 0; i < entries.size(); ++i)
        EXPECT_EQ(f.tensors()[i].name, entries[i].name);
    EXPECT_EQ(f.find("missing"), nullptr);
    expectError([&] { f.at("missing"); }, ErrorCode::NotFound, path, {"'missing'"});

    // Views stay valid when the file object is moved.
    const uint8_t* before = f.at(entries[0].name).data;
    SafetensorsFile moved = std::move(f);
    EXPECT_EQ(moved.at(entries[0].name).data, before);
    EXPECT_EQ(moved.at(entries[0].name).toFloats().size(), 6u);
}

TEST(Safetensors, HeaderLayoutMatchesTheReferenceSerializer)
{
    TempDir dir;
    const std::string path = dir.file("layout.safetensors");
    SafetensorsEntry a = makeEntry("b", DType::F32, {2});
    SafetensorsEntry b = makeEntry("a", DType::I64, {});
    writeSafetensors(path, {a, b}, {{"format", "pt"}});
    const std::string bytes = vaclip::test::readText(path);
    const std::string json =
        R"({"__metadata__":{"format":"pt"},"b":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},)"
        R"("a":{"dtype":"I64","shape":[],"data_offsets":[8,16]}})";
    const std::string padded = json + std::string((8 - json.size() % 8) % 8, ' ');
    ASSERT_EQ(bytes.size(), 8 + padded.size() + 16);
    EXPECT_EQ(uint8_t(bytes[0]), padded.size());
    EXPECT_EQ(bytes.substr(1, 7), std::string(7, '\0'));
    EXPECT_EQ(bytes.substr(8, padded.size()), padded);

    // Without metadata there is no "__metadata__" key; an empty file is valid too.
    writeSafetensors(path, {});
    const std::string empty = vaclip::test::readText(path);
    EXPECT_EQ(empty.substr(8), "{}      ");
    const SafetensorsFile f = SafetensorsFile::open(path);
    EXPECT_TRUE(f.tensors().empty());
    EXPECT_TRUE(f.metadata().empty());
}

TEST(Safetensors, NumpyReadsOurFile)
{
    TempDir dir;
    const std::string path = dir.file("np.safetensors");
    writeSafetensors(path, {makeEntry("w", DType::F32, {3, 4}), makeEntry("h", DType::F16, {5}),
                            makeEntry("i", DType::I64, {2, 2})});
    const std::string python = vaclip::test::pythonWithNumpy();
    ASSERT_FALSE(python.empty()) << "python3 with numpy not found (install python3-numpy)";
    const std::string script = R"PY(
import sys, json, struct, numpy as np
b = open(sys.argv[1], 'rb').read()
n = struct.unpack('<Q', b[:8])[0]
h = json.loads(b[8:8 + n])
def get(k, dt):
    s, e = h[k]['data_offsets']
    return np.frombuffer(b[8 + n + s:8 + n + e], dtype=dt).reshape(h[k]['shape'])
ok = np.array_equal(get('w', '<f4'), (np.arange(12, dtype='<f4') * np.float32(0.1)).reshape(3, 4))
ok &= np.array_equal(get('h', '<f2'), np.arange(5) * 0.5 - 4)
ok &= np.array_equal(get('i', '<i8'), -(np.arange(4).reshape(2, 2) << 20))
ok &= len(b) == 8 + n + 48 + 10 + 32
sys.exit(0 if ok else 1)
)PY";
    vaclip::test::writeText(dir.file("check.py"), script);
    const auto r = vaclip::test::runCommand(vaclip::test::shellQuote(python) + " " +
                                            vaclip::test::shellQuote(dir.file("check.py")) + " " +
                                            vaclip::test::shellQuote(path));
    EXPECT_EQ(r.exitCode, 0) << r.output;
}

TEST(Safetensors, WriteRejectsInconsistentEntries)
{
    TempDir dir;
    const std::string path = dir.file("bad_write.safetensors");
    SafetensorsEntry e = makeEntry("x", DType::F32, {2, 2});
    e.data.resize(12);
    expectError([&] { writeSafetensors(path, {e}); }, ErrorCode::Mismatch, path, {"'x'", "16", "12"});
    expectError([&] { writeSafetensors(path, {makeEntry("x", DType::U8, {1}), makeEntry("x", DType::U8, {1})}); },
                ErrorCode::InvalidArgument, path, {"duplicate"});
    expectError([&] { writeSafetensors(path, {makeEntry("__metadata__", DType::U8, {1})}); },
                ErrorCode::InvalidArgument, path, {"reserved"});
    SafetensorsEntry neg = makeEntry("n", DType::U8, {1});
    neg.shape = {-1};
    expectError([&] { writeSafetensors(path, {neg}); }, ErrorCode::InvalidArgument, path, {"negative"});
    EXPECT_FALSE(std::filesystem::exists(path));
}

// ---- reference checkpoints ----------------------------------------------------------------------

TEST(Safetensors, ReadsReferenceClipCheckpoints)
{
    const std::string openaiPath = (tinyA() / "openai_names.f16.safetensors").string();
    const std::string hfPath = (tinyA() / "hf/model.safetensors").string();
    ASSERT_TRUE(std::filesystem::exists(openaiPath)) << openaiPath;
    ASSERT_TRUE(std::filesystem::exists(hfPath)) << hfPath;
    const SafetensorsFile openai = SafetensorsFile::open(openaiPath);
    const SafetensorsFile hf = SafetensorsFile::open(hfPath);

    EXPECT_EQ(openai.tensors().size(), 62u);
    EXPECT_EQ(hf.tensors().size(), 78u);
    EXPECT_EQ(openai.metadata(), (std::map<std::string, std::string>{{"format", "pt"}}));
    EXPECT_EQ(hf.metadata(), (std::map<std::string, std::string>{{"format", "pt"}}));
    for (const auto& t : openai.tensors())
        EXPECT_EQ(t.dtype, DType::F16) << t.name;
    for (const auto& t : hf.tensors())
        EXPECT_EQ(t.dtype, DType::F32) << t.name;
    // Tensors come in data-offset order.
    EXPECT_EQ(openai.tensors().front().name, "ln_final.bias");
    EXPECT_EQ(hf.tensors().front().name, "logit_scale");
    for (const SafetensorsFile* f : {&openai, &hf})
        for (std::size_t i = 1; i < f->tensors().size(); ++i)
            EXPECT_EQ(f->tensors()[i].data, f->tensors()[i - 1].data + f->tensors()[i - 1].nbytes);

    EXPECT_EQ(openai.at("visual.proj").shape, (std::vector<int64_t>{64, 48}));
    EXPECT_EQ(hf.at("visual_projection.weight").shape, (std::vector<int64_t>{48, 64}));
    EXPECT_EQ(openai.at("token_embedding.weight").shape, (std::vector<int64_t>{49408, 32}));
    EXPECT_EQ(openai.at("logit_scale").shape, std::vector<int64_t>{});
    EXPECT_EQ(hf.at("vision_model.embeddings.patch_embedding.weight").shape,
              (std::vector<int64_t>{64, 3, 8, 8}));

    // The F16 checkpoint holds exactly the F32 values (they were rounded to half before export).
    struct Pair {
        const char* openai;
        const char* hf;
        bool transposed;
    };
    for (const Pair& p : {Pair{"token_embedding.weight", "text_model.embeddings.token_embedding.weight", false},
                          Pair{"positional_embedding", "text_model.embeddings.position_embedding.weight", false},
                          Pair{"ln_final.weight", "text_model.final_layer_norm.weight", false},
                          Pair{"logit_scale", "logit_scale", false},
                          Pair{"visual.proj", "visual_projection.weight", true},
                          Pair{"text_projection", "text_projection.weight", true}}) {
        SCOPED_TRACE(p.openai);
        const auto& a = openai.at(p.openai);
        const auto& b = hf.at(p.hf);
        std::vector<float> av = a.toFloats();
        const std::vector<float> bv = b.toFloats();
        ASSERT_EQ(av.size(), bv.size());
        ASSERT_EQ(av.size(), std::size_t(a.numel()));
        if (p.transposed) {
            ASSERT_EQ(a.shape.size(), 2u);
            EXPECT_EQ(a.shape, (std::vector<int64_t>{b.shape[1], b.shape[0]}));
            av = transpose(av, a.shape[0], a.shape[1]);
        } else {
            EXPECT_EQ(a.shape, b.shape);
        }
        EXPECT_EQ(av, bv);
        bool nonzero = false;
        for (float v : bv)
            nonzero |= v != 0;
        EXPECT_TRUE(nonzero);
    }
}

// ---- lying headers ------------------------------------------------------------------------------

TEST(SafetensorsBadInput, MissingAndTooShortFiles)
{
    TempDir dir;
    const std::string missing = dir.file("missing.safetensors");
    expectError([&] { SafetensorsFile::open(missing); }, ErrorCode::NotFound, missing);
    const std::string tiny = dir.file("tiny.safetensors");
    vaclip::test::writeText(tiny, "abc");
    expectError([&] { SafetensorsFile::open(tiny); }, ErrorCode::Format, tiny, {"3 bytes"});
    expectError([&] { SafetensorsFile::open(dir.path().string()); }, ErrorCode::Io, dir.path().string());
}

TEST(SafetensorsBadInput, HeaderLengthLies)
{
    TempDir dir;
    const std::string beyond = dir.file("beyond.safetensors");
    writeRaw(beyond, "{}", 0, 1000);
    expectError([&] { SafetensorsFile::open(beyond); }, ErrorCode::Format, beyond,
                {"header length 1000", "16 bytes"});
    const std::string absurd = dir.file("absurd.safetensors");
    writeRaw(absurd, "{}", 0, int64_t(1) << 40);
    expectError([&] { SafetensorsFile::open(absurd); }, ErrorCode::Format, absurd,
                {std::to_string(int64_t(1) << 40), "absurd"});
}

TEST(SafetensorsBadInput, HeaderIsNotAJsonObject)
{
    TempDir dir;
    struct Case {
        std::string header, part;
    };
    for (const Case& c : {Case{"{not json", "not valid JSON"}, Case{"[1, 2, 3]", "not an object"},
                          Case{"", "not valid JSON"}, Case{"{\"a\": 1}", "not an object"},
                          Case{"{\"__metadata__\": {\"k\": 1}}", "not a string"},
                          Case{"{\"__metadata__\": [1]}", "'__metadata__' is not an object"}}) {
        SCOPED_TRACE(c.header);
        const std::string path = dir.file("nonjson.safetensors");
        writeRaw(path, c.header, 0);
        expectError([&] { SafetensorsFile::open(path); }, ErrorCode::Format, path, {c.part});
    }
}

TEST(SafetensorsBadInput, EntriesThatLie)
{
    TempDir dir;
    struct Case {
        std::string name, header;
        std::size_t dataBytes;
        ErrorCode code;
        std::vector<std::string> parts;
    };
    const std::vector<Case> cases = {
        {"missing_dtype", R"({"x":{"shape":[2],"data_offsets":[0,8]}})", 8, ErrorCode::Format,
         {"'x'", "missing 'dtype'"}},
        {"missing_shape", R"({"x":{"dtype":"F32","data_offsets":[0,8]}})", 8, ErrorCode::Format,
         {"missing 'shape'"}},
        {"missing_offsets", R"({"x":{"dtype":"F32","shape":[2]}})", 8, ErrorCode::Format,
         {"missing 'data_offsets'"}},
        {"unknown_dtype", R"({"x":{"dtype":"C64","shape":[1],"data_offsets":[0,8]}})", 8,
         ErrorCode::Unsupported, {"'C64'"}},
        {"fp8_dtype", R"({"x":{"dtype":"F8_E4M3","shape":[1],"data_offsets":[0,1]}})", 1,
         ErrorCode::Unsupported, {"'F8_E4M3'"}},
        {"out_of_range", R"({"x":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}})", 8,
         ErrorCode::Format, {"[0, 16]", "out of range", "8-byte"}},
        {"end_before_begin", R"({"x":{"dtype":"F32","shape":[2],"data_offsets":[8,0]}})", 8,
         ErrorCode::Format, {"[8, 0]", "end before"}},
        {"size_mismatch", R"({"x":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}})", 8,
         ErrorCode::Format, {"8 bytes", "needs 12"}},
        {"overlap",
         R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})",
         12, ErrorCode::Format, {"'a' [0, 8]", "'b' [4, 12]", "overlap"}},
        {"hole",
         R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[12,20]}})",
         20, ErrorCode::Format, {"[8, 12)", "no tensor"}},
        {"hole_at_start", R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})", 12,
         ErrorCode::Format, {"[0, 4)"}},
        {"trailing_bytes", R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})", 12,
         ErrorCode::Format, {"12 bytes", "cover only 8"}},
        {"shape_overflow",
         R"({"a":{"dtype":"F32","shape":[4294967296,4294967296,4294967296],"data_offsets":[0,4]}})", 4,
         ErrorCode::Format, {"overflows"}},
        {"negative_dim", R"({"a":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}})", 4,
         ErrorCode::Format, {"negative"}},
        {"negative_offset", R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[-4,0]}})", 4,
         ErrorCode::Format, {"data_offsets"}},
        {"offsets_arity", R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0]}})", 4,
         ErrorCode::Format, {"data_offsets"}},
        {"float_shape", R"({"a":{"dtype":"F32","shape":[1.5],"data_offsets":[0,4]}})", 4,
         ErrorCode::Format, {"non-integer"}},
        {"entry_not_object", R"({"a":[1,2]})", 0, ErrorCode::Format, {"'a'", "not an object"}},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.name);
        const std::string path = dir.file(c.name + ".safetensors");
        writeRaw(path, c.header, c.dataBytes);
        expectError([&] { SafetensorsFile::open(path); }, c.code, path, c.parts);
    }
}

TEST(SafetensorsBadInput, TruncatedRealFile)
{
    TempDir dir;
    const std::string path = dir.file("cut.safetensors");
    writeSafetensors(path, {makeEntry("a", DType::F32, {4}), makeEntry("b", DType::F64, {3})});
    const std::string bytes = vaclip::test::readText(path);
    vaclip::test::writeText(path, bytes.substr(0, bytes.size() - 4));
    expectError([&] { SafetensorsFile::open(path); }, ErrorCode::Format, path, {"'b'", "out of range"});
}
