// ctest-labels: unit io
// .npy reading and writing, checked against files written and read by real numpy, plus the
// half/bfloat16 conversions in io/dtype.h (exhaustively against numpy for float16).

#include "common/error.h"
#include "io/dtype.h"
#include "io/npy.h"
#include "expect_error.h"
#include "test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <functional>
#include <limits>

using namespace vaclip;
using ::testing::HasSubstr;
using vaclip::test::TempDir;

namespace {

const std::vector<DType> kNpyDtypes = {DType::Bool, DType::U8,  DType::I8,  DType::U16,
                                       DType::I16,  DType::U32, DType::I32, DType::U64,
                                       DType::I64,  DType::F16, DType::F32, DType::F64};

/// Deterministic contents for element i; the Python scripts below use the same formulas.
void storeElement(DType t, uint8_t* p, uint64_t i)
{
    auto put = [p](auto v) { std::memcpy(p, &v, sizeof v); };
    switch (t) {
    case DType::Bool: put(uint8_t(i % 3 == 0)); break;
    case DType::U8: put(uint8_t(i * 37 % 256)); break;
    case DType::I8: put(int8_t(int(i * 37 % 256) - 128)); break;
    case DType::U16: put(uint16_t(i * 4099 % 65536)); break;
    case DType::I16: put(int16_t(int(i * 4099 % 65536) - 32768)); break;
    case DType::U32: put(uint32_t(i * 2654435761u % 4294967296u)); break;
    case DType::I32: put(int32_t(int64_t(i * 2654435761u % 4294967296u) - 2147483648LL)); break;
    case DType::U64: put(uint64_t(i * 0x9E3779B97F4A7C15ull)); break;
    case DType::I64: put(int64_t(i * 0x9E3779B97F4A7C15ull)); break;
    case DType::F16: put(uint16_t(i * 1021 % 31744)); break;
    case DType::BF16: put(uint16_t(0x3f80 + i)); break;
    case DType::F32: put(float(i) * 0.25f - 3.0f); break;
    case DType::F64: put(double(i) * 1e10 / 7 - 5); break;
    }
}

NpyArray makeArray(DType t, std::vector<int64_t> shape)
{
    NpyArray a;
    a.dtype = t;
    a.shape = std::move(shape);
    a.data.resize(std::size_t(a.numel()) * dtypeSize(t));
    for (int64_t i = 0; i < a.numel(); ++i)
        storeElement(t, a.data.data() + std::size_t(i) * dtypeSize(t), uint64_t(i));
    return a;
}

std::string npyCode(DType t)
{
    switch (t) {
    case DType::Bool: return "bool";
    case DType::U8: return "u1";
    case DType::I8: return "i1";
    case DType::U16: return "u2";
    case DType::I16: return "i2";
    case DType::U32: return "u4";
    case DType::I32: return "i4";
    case DType::U64: return "u8";
    case DType::I64: return "i8";
    case DType::F16: return "f2";
    case DType::F32: return "f4";
    case DType::F64: return "f8";
    default: return "?";
    }
}

// Python definitions matching storeElement().
const char* kPythonExpected = R"PY(
import sys, numpy as np
def expected(code, shape):
    n = int(np.prod(shape, dtype=np.int64))
    i = np.arange(n, dtype=np.uint64)
    ii = [int(x) for x in range(n)]
    if code == 'bool': a = (np.arange(n) % 3 == 0)
    elif code == 'u1': a = (i * 37 % 256).astype('u1')
    elif code == 'i1': a = ((i * 37 % 256).astype(np.int64) - 128).astype('i1')
    elif code == 'u2': a = (i * 4099 % 65536).astype('<u2')
    elif code == 'i2': a = ((i * 4099 % 65536).astype(np.int64) - 32768).astype('<i2')
    elif code == 'u4': a = np.array([x * 2654435761 % 2**32 for x in ii], dtype='<u4')
    elif code == 'i4': a = np.array([x * 2654435761 % 2**32 - 2**31 for x in ii], dtype='<i4')
    elif code == 'u8': a = np.array([x * 0x9E3779B97F4A7C15 % 2**64 for x in ii], dtype='<u8')
    elif code == 'i8': a = np.array([x * 0x9E3779B97F4A7C15 % 2**64 for x in ii], dtype='<u8').view('<i8')
    elif code == 'f2': a = (i * 1021 % 31744).astype('<u2').view('<f2')
    elif code == 'f4': a = np.arange(n, dtype='<f4') * np.float32(0.25) - np.float32(3)
    elif code == 'f8': a = np.arange(n, dtype='<f8') * 1e10 / 7 - 5
    return a.reshape(shape)
)PY";

/// Runs a Python script with Debian's numpy; fails (never skips) when that python is missing.
::testing::AssertionResult runPython(const TempDir& dir, const std::string& script,
                                     const std::string& args)
{
    const std::string python = vaclip::test::pythonWithNumpy();
    if (python.empty())
        return ::testing::AssertionFailure()
               << "python3 with numpy not found at configure time (install python3-numpy)";
    const std::string scriptPath = dir.file("script.py");
    vaclip::test::writeText(scriptPath, script);
    const auto r = vaclip::test::runCommand(vaclip::test::shellQuote(python) + " " +
                                            vaclip::test::shellQuote(scriptPath) + " " + args);
    if (r.exitCode != 0)
        return ::testing::AssertionFailure() << "python exited " << r.exitCode << ":\n" << r.output;
    return ::testing::AssertionSuccess();
}

/// A .npy file from a raw header dict (padded like numpy) and raw data bytes.
std::string npyBytes(const std::string& dict, const std::string& data, int major = 1)
{
    const std::size_t prefix = major == 1 ? 10 : 12;
    std::string header = dict;
    while ((prefix + header.size() + 1) % 64 != 0)
        header += ' ';
    header += '\n';
    std::string out = "\x93NUMPY";
    out += char(major);
    out += char(0);
    for (std::size_t i = 0; i < prefix - 8; ++i)
        out += char((header.size() >> (8 * i)) & 0xff);
    return out + header + data;
}

/// Expects `fn` to throw vaclip::Error with `code` and a message naming `path` and each of `parts`.
void expectError(const std::function<void()>& fn, ErrorCode code, const std::string& path,
                 std::vector<std::string> parts = {})
{
    parts.insert(parts.begin(), path);
    vaclip::test::expectError(fn, code, parts);
}

uint32_t bitsOf(float f)
{
    uint32_t u;
    std::memcpy(&u, &f, 4);
    return u;
}

} // namespace

// ---- dtype conversions --------------------------------------------------------------------------

TEST(Dtype, SizesAndNames)
{
    EXPECT_EQ(dtypeSize(DType::Bool), 1u);
    EXPECT_EQ(dtypeSize(DType::I16), 2u);
    EXPECT_EQ(dtypeSize(DType::BF16), 2u);
    EXPECT_EQ(dtypeSize(DType::U32), 4u);
    EXPECT_EQ(dtypeSize(DType::F64), 8u);
    EXPECT_STREQ(dtypeName(DType::F16), "float16");
    EXPECT_STREQ(dtypeName(DType::BF16), "bfloat16");
    EXPECT_STREQ(dtypeName(DType::U64), "uint64");
}

TEST(Dtype, HalfConversionsMatchNumpyExhaustively)
{
    TempDir dir;
    const std::string script = R"PY(
import sys, numpy as np
d = sys.argv[1]
np.save(d + '/half_to_float.npy', np.arange(65536, dtype='<u2').view('<f2').astype('<f4'))
rng = np.random.default_rng(7)
h = np.arange(65536, dtype='<u2').view('<f2')
fin = h[np.isfinite(h)].astype('<f8')
fin = np.unique(fin)
mids = ((fin[:-1] + fin[1:]) / 2).astype('<f4')   # exact: halves have 11 significant bits
mb = mids.view('<u4')
edges = np.concatenate([mb, mb + 1, mb - 1, fin.astype('<f4').view('<u4'),
                        np.array([0x477fe000, 0x477ff000, 0x477fefff, 0x33000000, 0x33000001,
                                  0x32ffffff, 0x7f800000, 0x7f800001, 0x7fc00000, 0x7f7fffff,
                                  0x00000001, 0x38800000, 0x387fffff], dtype='<u4')])
bits = np.concatenate([edges, edges | np.uint32(0x80000000),
                       rng.integers(0, 2**32, size=300000, dtype=np.uint64).astype('<u4')])
np.save(d + '/float_bits.npy', bits)
with np.errstate(all='ignore'):
    np.save(d + '/float_to_half.npy', bits.view('<f4').astype('<f2').view('<u2'))
)PY";
    ASSERT_TRUE(runPython(dir, script, vaclip::test::shellQuote(dir.path().string())));

    const NpyArray h2f = readNpy(dir.file("half_to_float.npy"));
    ASSERT_EQ(h2f.dtype, DType::F32);
    ASSERT_EQ(h2f.shape, std::vector<int64_t>{65536});
    const std::vector<float> expected = h2f.toFloats();
    int mismatches = 0;
    for (uint32_t h = 0; h < 65536; ++h) {
        if (bitsOf(halfToFloat(uint16_t(h))) != bitsOf(expected[h]) && ++mismatches < 10)
            ADD_FAILURE() << "halfToFloat(0x" << std::hex << h << ")";
    }
    EXPECT_EQ(mismatches, 0);

    const NpyArray bits = readNpy(dir.file("float_bits.npy"));
    const NpyArray halves = readNpy(dir.file("float_to_half.npy"));
    ASSERT_EQ(bits.dtype, DType::U32);
    ASSERT_EQ(halves.dtype, DType::U16);
    ASSERT_EQ(bits.numel(), halves.numel());
    ASSERT_GT(bits.numel(), 300000);
    mismatches = 0;
    for (int64_t i = 0; i < bits.numel(); ++i) {
        uint32_t fb;
        uint16_t want;
        std::memcpy(&fb, bits.data.data() + 4 * i, 4);
        std::memcpy(&want, halves.data.data() + 2 * i, 2);
        float f;
        std::memcpy(&f, &fb, 4);
        const uint16_t got = floatToHalf(f);
        const bool ok = std::isnan(f) ? std::isnan(halfToFloat(got)) && (got & 0x8000) == (want & 0x8000)
                                      : got == want;
        if (!ok && ++mismatches < 10)
            ADD_FAILURE() << "floatToHalf(bits 0x" << std::hex << fb << ") = 0x" << got
                          << ", numpy says 0x" << want;
    }
    EXPECT_EQ(mismatches, 0);
}

TEST(Dtype, Bfloat16RoundsToNearestEven)
{
    auto fromBits = [](uint32_t u) {
        float f;
        std::memcpy(&f, &u, 4);
        return f;
    };
    EXPECT_EQ(floatToBfloat16(1.0f), 0x3f80);
    EXPECT_EQ(bfloat16ToFloat(0x3f80), 1.0f);
    EXPECT_EQ(bfloat16ToFloat(0xc040), -3.0f);
    EXPECT_EQ(floatToBfloat16(fromBits(0x3f808000)), 0x3f80); // tie, even stays
    EXPECT_EQ(floatToBfloat16(fromBits(0x3f818000)), 0x3f82); // tie, odd rounds up
    EXPECT_EQ(floatToBfloat16(fromBits(0x3f808001)), 0x3f81); // above the tie
    EXPECT_EQ(floatToBfloat16(fromBits(0x3f807fff)), 0x3f80); // below the tie
    EXPECT_EQ(floatToBfloat16(std::numeric_limits<float>::infinity()), 0x7f80);
    EXPECT_EQ(floatToBfloat16(std::numeric_limits<float>::max()), 0x7f80); // rounds up to inf
    EXPECT_EQ(floatToBfloat16(-0.0f), 0x8000);
    EXPECT_TRUE(std::isnan(bfloat16ToFloat(floatToBfloat16(std::nanf("")))));
    EXPECT_TRUE(std::isnan(bfloat16ToFloat(floatToBfloat16(fromBits(0x7f800001))))); // NaN stays NaN
    for (uint32_t b = 0; b < 65536; ++b) { // every bfloat16 survives the round trip
        const float f = bfloat16ToFloat(uint16_t(b));
        if (!std::isnan(f)) {
            ASSERT_EQ(floatToBfloat16(f), b);
        }
    }
}

// ---- round trips --------------------------------------------------------------------------------

TEST(Npy, RoundTripsEveryDtypeAndShape)
{
    TempDir dir;
    const std::vector<std::vector<int64_t>> shapes = {{}, {0}, {7}, {2, 3, 4}, {3, 0}, {1, 1, 1, 1, 5}};
    for (DType t : kNpyDtypes) {
        for (const auto& shape : shapes) {
            SCOPED_TRACE(std::string(dtypeName(t)) + " ndim " + std::to_string(shape.size()));
            const NpyArray a = makeArray(t, shape);
            const std::string path = dir.file("a.npy");
            writeNpy(path, a);
            const std::string bytes = vaclip::test::readText(path);
            ASSERT_EQ(bytes.compare(0, 8, std::string("\x93NUMPY\x01\x00", 8)), 0);
            const std::size_t headerLen = uint8_t(bytes[8]) | (uint8_t(bytes[9]) << 8);
            EXPECT_EQ((10 + headerLen) % 64, 0u);
            EXPECT_EQ(bytes[10 + headerLen - 1], '\n');
            EXPECT_EQ(bytes.size(), 10 + headerLen + a.data.size());
            const NpyArray b = readNpy(path);
            EXPECT_EQ(b.dtype, t);
            EXPECT_EQ(b.shape, shape);
            EXPECT_EQ(b.data, a.data);
        }
    }
}

TEST(Npy, WriteRejectsBfloat16AndInconsistentArrays)
{
    TempDir dir;
    const std::string path = dir.file("bad.npy");
    expectError([&] { writeNpy(path, makeArray(DType::BF16, {3})); }, ErrorCode::Unsupported, path,
                {"bfloat16"});
    NpyArray a = makeArray(DType::F32, {2, 3});
    a.data.pop_back();
    expectError([&] { writeNpy(path, a); }, ErrorCode::Mismatch, path, {"24", "23"});
    a.shape = {-1, 3};
    expectError([&] { writeNpy(path, a); }, ErrorCode::InvalidArgument, path, {"negative"});
    EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(Npy, LargeHeaderSwitchesToVersion2)
{
    TempDir dir;
    const std::string path = dir.file("many_dims.npy");
    NpyArray a = makeArray(DType::I16, std::vector<int64_t>(30000, 1));
    writeNpy(path, a);
    const std::string bytes = vaclip::test::readText(path);
    ASSERT_EQ(bytes[6], 2);
    std::size_t headerLen = 0;
    for (int i = 0; i < 4; ++i)
        headerLen |= std::size_t(uint8_t(bytes[8 + i])) << (8 * i);
    EXPECT_GT(headerLen, 65535u);
    EXPECT_EQ((12 + headerLen) % 64, 0u);
    const NpyArray b = readNpy(path);
    EXPECT_EQ(b.shape.size(), 30000u);
    EXPECT_EQ(b.data, a.data);
}

TEST(Npy, WrittenBytesEqualNumpySave)
{
    TempDir dir;
    struct Case {
        DType dtype;
        std::vector<int64_t> shape;
        std::string pyShape;
    };
    const std::vector<Case> cases = {{DType::F32, {2, 3}, "(2, 3)"},
                                     {DType::I64, {}, "()"},
                                     {DType::Bool, {4}, "(4,)"},
                                     {DType::U16, {0}, "(0,)"},
                                     {DType::F16, {123456789, 0}, "(123456789, 0)"},
                                     {DType::F64, {3, 1, 2}, "(3, 1, 2)"}};
    std::string calls;
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const std::string name = "ours_" + std::to_string(i) + ".npy";
        writeNpy(dir.file(name), makeArray(cases[i].dtype, cases[i].shape));
        calls += "np.save(d + '/theirs_" + std::to_string(i) + ".npy', expected('" +
                 npyCode(cases[i].dtype) + "', " + cases[i].pyShape + "))\n";
    }
    ASSERT_TRUE(runPython(dir, std::string(kPythonExpected) + "d = sys.argv[1]\n" + calls,
                          vaclip::test::shellQuote(dir.path().string())));
    for (std::size_t i = 0; i < cases.size(); ++i) {
        SCOPED_TRACE(i);
        EXPECT_EQ(vaclip::test::readText(dir.file("ours_" + std::to_string(i) + ".npy")),
                  vaclip::test::readText(dir.file("theirs_" + std::to_string(i) + ".npy")));
    }
}

TEST(Npy, NumpyLoadsOurFiles)
{
    TempDir dir;
    std::string checks;
    auto add = [&](DType t, const std::vector<int64_t>& shape, const std::string& pyShape) {
        const std::string name = npyCode(t) + "_" + std::to_string(shape.size()) + "d";
        writeNpy(dir.file(name + ".npy"), makeArray(t, shape));
        checks += "check('" + name + "', expected('" + npyCode(t) + "', " + pyShape + "))\n";
    };
    for (DType t : kNpyDtypes) {
        add(t, {2, 3, 4}, "(2, 3, 4)");
        add(t, {}, "()");
    }
    add(DType::F32, {0, 3}, "(0, 3)");
    add(DType::I16, {7}, "(7,)");
    const std::string script = std::string(kPythonExpected) + R"PY(
d = sys.argv[1]
bad = 0
def check(name, want):
    global bad
    got = np.load(d + '/' + name + '.npy', allow_pickle=False)
    nan = want.dtype.kind == 'f'
    if got.dtype != want.dtype or got.shape != want.shape or not np.array_equal(got, want, equal_nan=nan):
        print('MISMATCH', name, got.dtype, got.shape, want.dtype, want.shape, got.ravel()[:8], want.ravel()[:8])
        bad = 1
)PY" + checks + "sys.exit(bad)\n";
    EXPECT_TRUE(runPython(dir, script, vaclip::test::shellQuote(dir.path().string())));
}

TEST(Npy, ReadsFilesWrittenByNumpy)
{
    TempDir dir;
    const std::string script = R"PY(
import sys, numpy as np
d = sys.argv[1]
def save(name, a, version=None):
    with open(d + '/' + name + '.npy', 'wb') as f:
        np.lib.format.write_array(f, a, version=version)
save('be_f8', (np.arange(12, dtype='>f8').reshape(3, 4) * 1.5 - 2).astype('>f8'))
save('be_i4', np.array([-2, -1, 0, 1, 2147483647, -2147483648], dtype='>i4'))
save('be_u2', np.array([0, 1, 256, 65535], dtype='>u2'))
save('be_f2', np.array([1.5, -2.25, 65504, 6e-8], dtype='>f2'))
save('fortran_f4', np.asfortranarray(np.arange(24, dtype='<f4').reshape(2, 3, 4)))
save('fortran_be_i2', np.asfortranarray((np.arange(6).reshape(2, 3) - 3).astype('>i2')))
save('fortran_empty', np.asfortranarray(np.zeros((2, 0), dtype='<f4')))
save('v2', np.arange(5, dtype='<i8') * -7, version=(2, 0))
save('v3', np.arange(5, dtype='<u4') * 3, version=(3, 0))
save('bool', np.array([True, False, False, True, True]))
save('f16', np.array([0.0, -0.0, 1.0, -2.5, 65504.0, np.inf, -np.inf, 5.960464477539063e-08, 6.103515625e-05], dtype='<f2'))
save('u1', np.arange(256, dtype=np.uint8).reshape(16, 16))
save('i1', np.array([-128, -1, 0, 127], dtype='i1'))
save('u8', np.array([0, 2**64 - 1, 2**63], dtype='<u8'))
save('i8', np.array([-2**63, 2**63 - 1], dtype='<i8'))
save('scalar', np.array(3.25, dtype='<f8'))
save('empty', np.zeros((0, 3), dtype='<f4'))
np.save(d + '/np_save.npy', np.linspace(0, 1, 11, dtype=np.float32))
)PY";
    ASSERT_TRUE(runPython(dir, script, vaclip::test::shellQuote(dir.path().string())));
    auto read = [&](const std::string& name) { return readNpy(dir.file(name + ".npy")); };

    NpyArray a = read("be_f8");
    EXPECT_EQ(a.dtype, DType::F64);
    EXPECT_EQ(a.shape, (std::vector<int64_t>{3, 4}));
    std::vector<double> d = a.toDoubles();
    for (int i = 0; i < 12; ++i)
        EXPECT_EQ(d[i], i * 1.5 - 2);

    EXPECT_EQ(read("be_i4").toInt64(),
              (std::vector<int64_t>{-2, -1, 0, 1, 2147483647, -2147483648LL}));
    EXPECT_EQ(read("be_u2").toInt64(), (std::vector<int64_t>{0, 1, 256, 65535}));
    EXPECT_EQ(read("be_f2").toFloats(),
              (std::vector<float>{1.5f, -2.25f, 65504.0f, halfToFloat(0x0001)}));

    a = read("fortran_f4");
    EXPECT_EQ(a.shape, (std::vector<int64_t>{2, 3, 4}));
    std::vector<float> f = a.toFloats();
    for (int i = 0; i < 24; ++i)
        EXPECT_EQ(f[i], float(i)) << i;
    a = read("fortran_be_i2");
    EXPECT_EQ(a.dtype, DType::I16);
    EXPECT_EQ(a.toInt64(), (std::vector<int64_t>{-3, -2, -1, 0, 1, 2}));
    a = read("fortran_empty");
    EXPECT_EQ(a.shape, (std::vector<int64_t>{2, 0}));
    EXPECT_TRUE(a.data.empty());

    EXPECT_EQ(read("v2").toInt64(), (std::vector<int64_t>{0, -7, -14, -21, -28}));
    a = read("v3");
    EXPECT_EQ(a.dtype, DType::U32);
    EXPECT_EQ(a.toInt64(), (std::vector<int64_t>{0, 3, 6, 9, 12}));

    a = read("bool");
    EXPECT_EQ(a.dtype, DType::Bool);
    EXPECT_EQ(a.data, (std::vector<uint8_t>{1, 0, 0, 1, 1}));
    EXPECT_EQ(a.toDoubles(), (std::vector<double>{1, 0, 0, 1, 1}));

    a = read("f16");
    EXPECT_EQ(a.dtype, DType::F16);
    f = a.toFloats();
    const float inf = std::numeric_limits<float>::infinity();
    EXPECT_EQ(f, (std::vector<float>{0.0f, -0.0f, 1.0f, -2.5f, 65504.0f, inf, -inf,
                                     5.960464477539063e-08f, 6.103515625e-05f}));
    EXPECT_TRUE(std::signbit(f[1]));

    a = read("u1");
    EXPECT_EQ(a.shape, (std::vector<int64_t>{16, 16}));
    for (int i = 0; i < 256; ++i)
        EXPECT_EQ(a.data[i], i);
    EXPECT_EQ(read("i1").toInt64(), (std::vector<int64_t>{-128, -1, 0, 127}));
    a = read("u8");
    ASSERT_EQ(a.dtype, DType::U64);
    uint64_t u[3];
    std::memcpy(u, a.data.data(), 24);
    EXPECT_EQ(u[0], 0u);
    EXPECT_EQ(u[1], std::numeric_limits<uint64_t>::max());
    EXPECT_EQ(u[2], uint64_t(1) << 63);
    EXPECT_EQ(read("i8").toInt64(), (std::vector<int64_t>{std::numeric_limits<int64_t>::min(),
                                                          std::numeric_limits<int64_t>::max()}));
    a = read("scalar");
    EXPECT_TRUE(a.shape.empty());
    EXPECT_EQ(a.numel(), 1);
    EXPECT_EQ(a.toDoubles(), std::vector<double>{3.25});
    a = read("empty");
    EXPECT_EQ(a.shape, (std::vector<int64_t>{0, 3}));
    EXPECT_EQ(a.numel(), 0);
    EXPECT_TRUE(a.toFloats().empty());
    f = read("np_save").toFloats();
    ASSERT_EQ(f.size(), 11u);
    EXPECT_FLOAT_EQ(f[10], 1.0f);
}

TEST(Npy, ConversionsAndFactories)
{
    NpyArray a = NpyArray::fromFloats({-1.75f, 2.5f, 0.0f}, {3});
    EXPECT_EQ(a.dtype, DType::F32);
    EXPECT_EQ(a.toInt64(), (std::vector<int64_t>{-1, 2, 0})); // truncation toward zero
    EXPECT_EQ(a.toDoubles(), (std::vector<double>{-1.75, 2.5, 0.0}));
    EXPECT_EQ(NpyArray::fromDoubles({1e300}, {}).toFloats()[0], std::numeric_limits<float>::infinity());
    EXPECT_EQ(NpyArray::fromInt64({-5, 7}, {2, 1}).toDoubles(), (std::vector<double>{-5, 7}));
    EXPECT_EQ(NpyArray::fromUint8({255, 0}, {2}).toInt64(), (std::vector<int64_t>{255, 0}));
    EXPECT_EQ(NpyArray::fromFloats({}, {0, 4}).numel(), 0);
    try {
        NpyArray::fromFloats({1, 2, 3}, {2, 2});
        ADD_FAILURE() << "no exception";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Mismatch);
        EXPECT_THAT(e.what(), HasSubstr("3 values"));
        EXPECT_THAT(e.what(), HasSubstr("4 elements"));
    }
}

// ---- header parsing -----------------------------------------------------------------------------

TEST(Npy, AcceptsHeaderDictVariants)
{
    TempDir dir;
    std::string data;
    for (int32_t v : {1, 2, 3, 4, 5, 6})
        data.append(reinterpret_cast<const char*>(&v), 4);
    const std::vector<std::string> dicts = {
        "{'descr': '<i4', 'fortran_order': False, 'shape': (2, 3), }",
        "{\"shape\": (2, 3), \"fortran_order\": False, \"descr\": \"<i4\"}",
        "{ 'descr' : '<i4' ,\t'fortran_order' : False , 'shape' : ( 2 , 3 , ) , }",
        "{'fortran_order':False,'descr':'<i4','shape':[2,3]}",
        "{'descr': '<i4', 'fortran_order': False, 'shape': (2L, 3L), }",
        "{'descr': 'i4', 'fortran_order': False, 'shape': (2, 3), 'extra': None, }",
    };
    for (const std::string& dict : dicts) {
        SCOPED_TRACE(dict);
        vaclip::test::writeText(dir.file("v.npy"), npyBytes(dict, data));
        const NpyArray a = readNpy(dir.file("v.npy"));
        EXPECT_EQ(a.dtype, DType::I32);
        EXPECT_EQ(a.shape, (std::vector<int64_t>{2, 3}));
        EXPECT_EQ(a.toInt64(), (std::vector<int64_t>{1, 2, 3, 4, 5, 6}));
    }
    // 0-d, and a 1-tuple without a space
    vaclip::test::writeText(dir.file("s.npy"),
                            npyBytes("{'descr':'<i4','fortran_order':True,'shape':()}", data.substr(0, 4)));
    EXPECT_EQ(readNpy(dir.file("s.npy")).toInt64(), std::vector<int64_t>{1});
    vaclip::test::writeText(dir.file("t.npy"),
                            npyBytes("{'descr':'<i4','fortran_order':False,'shape':(6,)}", data));
    EXPECT_EQ(readNpy(dir.file("t.npy")).shape, std::vector<int64_t>{6});
}

// ---- bad input ----------------------------------------------------------------------------------

TEST(NpyBadInput, MissingFile)
{
    TempDir dir;
    const std::string path = dir.file("nope.npy");
    expectError([&] { readNpy(path); }, ErrorCode::NotFound, path);
}

TEST(NpyBadInput, TruncatedAndBadMagicAndVersion)
{
    TempDir dir;
    const std::string good = npyBytes("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }",
                                      std::string(8, '\0'));
    struct Case {
        std::string name, bytes;
        std::vector<std::string> parts;
    };
    std::string badMagic = good;
    badMagic[1] = 'X';
    std::string v4 = good;
    v4[6] = 4;
    std::string longHeader = good;
    longHeader[9] = char(0x7f); // header length 0x7f00+ > file
    const std::vector<Case> cases = {
        {"tiny.npy", "\x93NUM", {"4 bytes", "too short"}},
        {"empty.npy", "", {"0 bytes"}},
        {"prefix_only.npy", good.substr(0, 40), {"header length 118", "40 bytes"}},
        {"bad_magic.npy", badMagic, {"magic"}},
        {"text.npy", "this is definitely not numpy data", {"magic"}},
        {"version4.npy", v4, {"version 4.0"}},
        {"long_header.npy", longHeader, {"beyond the end"}},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.name);
        const std::string path = dir.file(c.name);
        vaclip::test::writeText(path, c.bytes);
        expectError([&] { readNpy(path); }, ErrorCode::Format, path, c.parts);
    }
}

TEST(NpyBadInput, DataLengthDisagreesWithShape)
{
    TempDir dir;
    const std::string dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }";
    const std::string shortPath = dir.file("lying_shape.npy");
    vaclip::test::writeText(shortPath, npyBytes(dict, std::string(12, '\0')));
    expectError([&] { readNpy(shortPath); }, ErrorCode::Format, shortPath,
                {"truncated", "[2, 3]", "24", "12"});
    const std::string longPath = dir.file("too_long.npy");
    vaclip::test::writeText(longPath, npyBytes(dict, std::string(30, '\0')));
    expectError([&] { readNpy(longPath); }, ErrorCode::Format, longPath, {"24", "30", "6 unexpected"});
    // A complete file cut short is reported the same way.
    NpyArray a = makeArray(DType::F64, {10});
    const std::string cutPath = dir.file("cut.npy");
    writeNpy(cutPath, a);
    std::string bytes = vaclip::test::readText(cutPath);
    vaclip::test::writeText(cutPath, bytes.substr(0, bytes.size() - 5));
    expectError([&] { readNpy(cutPath); }, ErrorCode::Format, cutPath, {"80", "75"});
}

TEST(NpyBadInput, UnsupportedDtypes)
{
    TempDir dir;
    for (const std::string descr : {"<c8", "|O", "<U5", "<M8[ns]", "|V16", ">c16"}) {
        SCOPED_TRACE(descr);
        const std::string path = dir.file("dtype.npy");
        vaclip::test::writeText(path, npyBytes("{'descr': '" + descr +
                                                   "', 'fortran_order': False, 'shape': (1,), }",
                                               std::string(16, '\0')));
        expectError([&] { readNpy(path); }, ErrorCode::Unsupported, path, {descr});
    }
    const std::string path = dir.file("structured.npy");
    vaclip::test::writeText(path, npyBytes("{'descr': [('a', '<f4'), ('b', '<i4')], "
                                           "'fortran_order': False, 'shape': (1,), }",
                                           std::string(8, '\0')));
    expectError([&] { readNpy(path); }, ErrorCode::Unsupported, path, {"structured"});
}

TEST(NpyBadInput, MalformedHeaderDicts)
{
    TempDir dir;
    struct Case {
        std::string dict, part;
    };
    const std::vector<Case> cases = {
        {"{'descr': '<f4', 'fortran_order': False}", "missing key 'shape'"},
        {"{'fortran_order': False, 'shape': (1,)}", "missing key 'descr'"},
        {"{'descr': '<f4', 'shape': (1,)}", "missing key 'fortran_order'"},
        {"not a dict at all", "expected '{'"},
        {"{'descr': '<f4', 'fortran_order': False, 'shape': (1,)", "expected ',' or '}'"},
        {"{'descr': '<f4, 'fortran_order': False, 'shape': (1,), }", "malformed"},
        {"{'descr': '<f4', 'fortran_order': 0, 'shape': (1,), }", "fortran_order"},
        {"{'descr': '<f4', 'fortran_order': False, 'shape': 1, }", "'shape' is not a tuple"},
        {"{'descr': '<f4', 'fortran_order': False, 'shape': ('a',), }", "non-integer"},
        {"{'descr': '<f4', 'fortran_order': False, 'shape': (1,), } junk", "after the dictionary"},
        {"{'descr': '<f4', 'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", "duplicate"},
        {"{'descr': '<f4', 'fortran_order': False, 'shape': (1, -1), }", "negative"},
        {"{'descr': '<f4', 'fortran_order': False, 'shape': (4294967296, 4294967296, 4294967296), }",
         "overflows"},
        {"{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999,), }", "too large"},
        {"{'descr': '<f4', 'fortran_order': False, 'shape': (1,), 5: 1}", "keys must be strings"},
        {"{'descr': 4, 'fortran_order': False, 'shape': (1,), }", "'descr' is not a string"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.dict);
        const std::string path = dir.file("malformed_header.npy");
        vaclip::test::writeText(path, npyBytes(c.dict, std::string(4, '\0')));
        expectError([&] { readNpy(path); }, ErrorCode::Format, path, {c.part});
    }
}

TEST(NpyBadInput, ParseNpyNamesTheSource)
{
    const std::string bytes = "\x93NUMPX\x01\x00xxxxxxxx";
    expectError([&] { parseNpy(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), "memory:blob"); },
                ErrorCode::Format, "'memory:blob'");
}
