#include "io/npy.h"

#include "common/error.h"
#include "io/atomic_file.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <map>
#include <type_traits>

namespace vaclip {

namespace {

constexpr unsigned char kMagic[6] = {0x93, 'N', 'U', 'M', 'P', 'Y'};
constexpr bool kHostLittleEndian = __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__;

std::string shapeText(const std::vector<int64_t>& shape)
{
    std::string s = "[";
    for (std::size_t i = 0; i < shape.size(); ++i)
        s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + "]";
}

// ---- Python literal parsing ---------------------------------------------------------------------
// The header is a Python dict literal written by repr(). We accept the subset numpy produces and
// hand-written variants of it: strings (either quote), True/False/None, integers (optionally with
// Python 2's 'L' suffix) and tuples/lists of those.

struct PyValue {
    enum Kind { Str, Bool, Int, None, Seq } kind = None;
    std::string str;
    bool boolean = false;
    int64_t integer = 0;
    std::vector<PyValue> items;
};

class PyParser {
public:
    PyParser(const std::string& text, const std::string& source) : m_text(text), m_source(source) {}

    std::map<std::string, PyValue> parseDict()
    {
        std::map<std::string, PyValue> dict;
        skipSpace();
        expect('{');
        for (;;) {
            skipSpace();
            if (peek() == '}') {
                ++m_pos;
                break;
            }
            PyValue key = parseValue();
            if (key.kind != PyValue::Str)
                fail("dictionary keys must be strings");
            skipSpace();
            expect(':');
            PyValue value = parseValue();
            if (!dict.emplace(key.str, std::move(value)).second)
                fail("duplicate key '" + key.str + "'");
            skipSpace();
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            skipSpace();
            if (peek() != '}')
                fail("expected ',' or '}'");
        }
        skipSpace();
        if (m_pos != m_text.size())
            fail("unexpected text after the dictionary");
        return dict;
    }

private:
    char peek() const { return m_pos < m_text.size() ? m_text[m_pos] : '\0'; }

    void skipSpace()
    {
        while (m_pos < m_text.size() &&
               (m_text[m_pos] == ' ' || m_text[m_pos] == '\t' || m_text[m_pos] == '\n' ||
                m_text[m_pos] == '\r'))
            ++m_pos;
    }

    [[noreturn]] void fail(const std::string& what) const
    {
        throw Error(ErrorCode::Format, quoted(m_source) + ": malformed .npy header: " + what +
                                           " at offset " + std::to_string(m_pos) + " in \"" +
                                           m_text.substr(0, 200) + "\"");
    }

    void expect(char c)
    {
        if (peek() != c)
            fail(std::string("expected '") + c + "'");
        ++m_pos;
    }

    PyValue parseValue()
    {
        skipSpace();
        const char c = peek();
        if (c == '\'' || c == '"')
            return parseString();
        if (c == '(' || c == '[')
            return parseSeq(c == '(' ? ')' : ']');
        if (c == '-' || c == '+' || (c >= '0' && c <= '9'))
            return parseInt();
        for (const char* word : {"True", "False", "None"}) {
            const std::size_t n = std::strlen(word);
            if (m_text.compare(m_pos, n, word) == 0) {
                m_pos += n;
                PyValue v;
                v.kind = word[0] == 'N' ? PyValue::None : PyValue::Bool;
                v.boolean = word[0] == 'T';
                return v;
            }
        }
        fail("unexpected character");
    }

    PyValue parseString()
    {
        const char quote = m_text[m_pos++];
        PyValue v;
        v.kind = PyValue::Str;
        while (m_pos < m_text.size() && m_text[m_pos] != quote) {
            if (m_text[m_pos] == '\\' && m_pos + 1 < m_text.size())
                ++m_pos; // simple escapes: the next character stands for itself
            v.str += m_text[m_pos++];
        }
        if (m_pos >= m_text.size())
            fail("unterminated string");
        ++m_pos;
        return v;
    }

    PyValue parseInt()
    {
        bool negative = false;
        if (peek() == '-' || peek() == '+')
            negative = m_text[m_pos++] == '-';
        if (!(peek() >= '0' && peek() <= '9'))
            fail("expected a digit");
        uint64_t magnitude = 0;
        while (peek() >= '0' && peek() <= '9') {
            const uint64_t digit = uint64_t(m_text[m_pos++] - '0');
            if (magnitude > (uint64_t(std::numeric_limits<int64_t>::max()) - digit) / 10)
                fail("integer too large");
            magnitude = magnitude * 10 + digit;
        }
        if (peek() == 'L' || peek() == 'l') // Python 2 long literal
            ++m_pos;
        PyValue v;
        v.kind = PyValue::Int;
        v.integer = negative ? -int64_t(magnitude) : int64_t(magnitude);
        return v;
    }

    PyValue parseSeq(char close)
    {
        ++m_pos;
        PyValue v;
        v.kind = PyValue::Seq;
        for (;;) {
            skipSpace();
            if (peek() == close) {
                ++m_pos;
                return v;
            }
            v.items.push_back(parseValue());
            skipSpace();
            if (peek() == ',')
                ++m_pos;
            else if (peek() != close)
                fail(std::string("expected ',' or '") + close + "'");
        }
    }

    const std::string& m_text;
    const std::string& m_source;
    std::size_t m_pos = 0;
};

// ---- dtype descriptors -----------------------------------------------------------------------

struct Descr {
    DType dtype;
    bool bigEndian;
};

Descr parseDescr(const std::string& descr, const std::string& source)
{
    auto unsupported = [&]() -> Error {
        return Error(ErrorCode::Unsupported,
                     quoted(source) + ": unsupported .npy dtype '" + descr +
                         "' (supported: bool, u1, i1, u2, i2, u4, i4, u8, i8, f2, f4, f8)");
    };
    std::string code = descr;
    bool bigEndian = !kHostLittleEndian;
    if (!code.empty() && (code[0] == '<' || code[0] == '>' || code[0] == '|' || code[0] == '=')) {
        if (code[0] == '<')
            bigEndian = false;
        else if (code[0] == '>')
            bigEndian = true;
        code.erase(0, 1);
    }
    static const std::map<std::string, DType> codes = {
        {"b1", DType::Bool}, {"?", DType::Bool},  {"u1", DType::U8},  {"i1", DType::I8},
        {"u2", DType::U16},  {"i2", DType::I16},  {"u4", DType::U32}, {"i4", DType::I32},
        {"u8", DType::U64},  {"i8", DType::I64},  {"f2", DType::F16}, {"f4", DType::F32},
        {"f8", DType::F64},
    };
    const auto it = codes.find(code);
    if (it == codes.end())
        throw unsupported();
    return {it->second, bigEndian};
}

const char* descrFor(DType t)
{
    switch (t) {
    case DType::Bool: return "|b1";
    case DType::U8: return "|u1";
    case DType::I8: return "|i1";
    case DType::U16: return "<u2";
    case DType::I16: return "<i2";
    case DType::U32: return "<u4";
    case DType::I32: return "<i4";
    case DType::U64: return "<u8";
    case DType::I64: return "<i8";
    case DType::F16: return "<f2";
    case DType::F32: return "<f4";
    case DType::F64: return "<f8";
    case DType::BF16: break;
    }
    return nullptr;
}

/// numel * elemSize with overflow checks; throws `code` with `prefix` on negative dims/overflow.
std::size_t checkedByteCount(const std::vector<int64_t>& shape, std::size_t elemSize,
                             ErrorCode code, const std::string& prefix)
{
    std::size_t count = 1;
    for (int64_t d : shape) {
        if (d < 0)
            throw Error(code, prefix + "negative dimension in shape " + shapeText(shape));
        if (d != 0 && count > std::numeric_limits<std::size_t>::max() / std::size_t(d))
            throw Error(code, prefix + "shape " + shapeText(shape) + " overflows the element count");
        count *= std::size_t(d);
    }
    if (count > uint64_t(std::numeric_limits<int64_t>::max()) ||
        (elemSize != 0 && count > std::numeric_limits<std::size_t>::max() / elemSize))
        throw Error(code, prefix + "shape " + shapeText(shape) + " overflows the byte count");
    return count * elemSize;
}

void byteswapElements(uint8_t* data, std::size_t bytes, std::size_t elemSize)
{
    if (elemSize <= 1)
        return;
    for (std::size_t off = 0; off + elemSize <= bytes; off += elemSize)
        std::reverse(data + off, data + off + elemSize);
}

/// Reorders Fortran-order bytes into C order (last index fastest).
std::vector<uint8_t> fortranToC(const uint8_t* src, const std::vector<int64_t>& shape,
                                std::size_t elemSize, std::size_t numel)
{
    std::vector<uint8_t> out(numel * elemSize);
    if (numel == 0)
        return out;
    const std::size_t nd = shape.size();
    std::vector<std::size_t> fstride(nd);
    std::size_t stride = 1;
    for (std::size_t k = 0; k < nd; ++k) {
        fstride[k] = stride;
        stride *= std::size_t(shape[k]);
    }
    std::vector<std::size_t> index(nd, 0);
    std::size_t fOffset = 0; // Fortran-order element offset of `index`
    for (std::size_t c = 0; c < numel; ++c) {
        std::memcpy(out.data() + c * elemSize, src + fOffset * elemSize, elemSize);
        for (std::size_t k = nd; k-- > 0;) { // advance the C-order odometer
            if (++index[k] < std::size_t(shape[k])) {
                fOffset += fstride[k];
                break;
            }
            fOffset -= fstride[k] * (index[k] - 1);
            index[k] = 0;
        }
    }
    return out;
}

uint32_t readLE(const uint8_t* p, int n)
{
    uint32_t v = 0;
    for (int i = n - 1; i >= 0; --i)
        v = (v << 8) | p[i];
    return v;
}

template <typename T>
T load(const uint8_t* p)
{
    T v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

/// Converts element i of native-endian `data` to Out.
template <typename Out>
Out elementAs(DType t, const uint8_t* data, std::size_t i)
{
    const uint8_t* p = data + i * dtypeSize(t);
    switch (t) {
    case DType::Bool: return Out(*p != 0 ? 1 : 0);
    case DType::U8: return Out(*p);
    case DType::I8: return Out(load<int8_t>(p));
    case DType::U16: return Out(load<uint16_t>(p));
    case DType::I16: return Out(load<int16_t>(p));
    case DType::U32: return Out(load<uint32_t>(p));
    case DType::I32: return Out(load<int32_t>(p));
    case DType::U64: return Out(load<uint64_t>(p));
    case DType::I64: return Out(load<int64_t>(p));
    case DType::F16: return Out(halfToFloat(load<uint16_t>(p)));
    case DType::BF16: return Out(bfloat16ToFloat(load<uint16_t>(p)));
    case DType::F32: return Out(load<float>(p));
    case DType::F64: return Out(load<double>(p));
    }
    return Out();
}

template <typename Out>
std::vector<Out> convertAll(const NpyArray& a)
{
    const std::size_t n = a.data.size() / dtypeSize(a.dtype);
    std::vector<Out> out(n);
    for (std::size_t i = 0; i < n; ++i)
        out[i] = elementAs<Out>(a.dtype, a.data.data(), i);
    return out;
}

template <typename T>
NpyArray fromValues(DType dtype, const std::vector<T>& values, std::vector<int64_t> shape,
                    const char* fn)
{
    const std::size_t bytes =
        checkedByteCount(shape, sizeof(T), ErrorCode::InvalidArgument, std::string(fn) + ": ");
    if (bytes / sizeof(T) != values.size())
        throw Error(ErrorCode::Mismatch, std::string(fn) + ": " + std::to_string(values.size()) +
                                             " values but shape " + shapeText(shape) + " has " +
                                             std::to_string(bytes / sizeof(T)) + " elements");
    NpyArray a;
    a.dtype = dtype;
    a.shape = std::move(shape);
    a.data.resize(bytes);
    if (bytes)
        std::memcpy(a.data.data(), values.data(), bytes);
    return a;
}

} // namespace

// ---- NpyArray -----------------------------------------------------------------------------------

int64_t NpyArray::numel() const
{
    int64_t n = 1;
    for (int64_t d : shape)
        n *= d;
    return n;
}

std::vector<double> NpyArray::toDoubles() const { return convertAll<double>(*this); }
std::vector<float> NpyArray::toFloats() const { return convertAll<float>(*this); }

std::vector<int64_t> NpyArray::toInt64() const
{
    if (dtype != DType::F16 && dtype != DType::BF16 && dtype != DType::F32 && dtype != DType::F64)
        return convertAll<int64_t>(*this);
    // Floats: truncate toward zero, saturating (and NaN -> 0) instead of undefined behaviour.
    std::vector<double> d = toDoubles();
    std::vector<int64_t> out(d.size());
    for (std::size_t i = 0; i < d.size(); ++i) {
        const double v = d[i];
        if (!(v == v))
            out[i] = 0;
        else if (v >= 9223372036854775807.0)
            out[i] = std::numeric_limits<int64_t>::max();
        else if (v <= -9223372036854775808.0)
            out[i] = std::numeric_limits<int64_t>::min();
        else
            out[i] = int64_t(v);
    }
    return out;
}

NpyArray NpyArray::fromFloats(const std::vector<float>& values, std::vector<int64_t> shape)
{
    return fromValues(DType::F32, values, std::move(shape), "NpyArray::fromFloats");
}
NpyArray NpyArray::fromDoubles(const std::vector<double>& values, std::vector<int64_t> shape)
{
    return fromValues(DType::F64, values, std::move(shape), "NpyArray::fromDoubles");
}
NpyArray NpyArray::fromInt64(const std::vector<int64_t>& values, std::vector<int64_t> shape)
{
    return fromValues(DType::I64, values, std::move(shape), "NpyArray::fromInt64");
}
NpyArray NpyArray::fromUint8(const std::vector<uint8_t>& values, std::vector<int64_t> shape)
{
    return fromValues(DType::U8, values, std::move(shape), "NpyArray::fromUint8");
}

// ---- reading ------------------------------------------------------------------------------------

NpyArray parseNpy(const uint8_t* bytes, std::size_t size, const std::string& sourceName)
{
    const std::string where = quoted(sourceName) + ": ";
    if (size < 10)
        throw Error(ErrorCode::Format, where + "file is " + std::to_string(size) +
                                           " bytes, too short for a .npy header");
    if (std::memcmp(bytes, kMagic, sizeof kMagic) != 0)
        throw Error(ErrorCode::Format, where + "not a .npy file (bad magic bytes)");

    const int major = bytes[6];
    const int minor = bytes[7];
    std::size_t prefix = 0;
    std::size_t headerLen = 0;
    if (major == 1) {
        prefix = 10;
        headerLen = readLE(bytes + 8, 2);
    } else if (major == 2 || major == 3) {
        if (size < 12)
            throw Error(ErrorCode::Format, where + "file is " + std::to_string(size) +
                                               " bytes, too short for a version " +
                                               std::to_string(major) + ".0 .npy header");
        prefix = 12;
        headerLen = readLE(bytes + 8, 4);
    } else {
        throw Error(ErrorCode::Format, where + "unknown .npy format version " +
                                           std::to_string(major) + "." + std::to_string(minor) +
                                           " (supported: 1.0, 2.0, 3.0)");
    }
    if (headerLen > size - prefix)
        throw Error(ErrorCode::Format, where + "header length " + std::to_string(headerLen) +
                                           " goes beyond the end of the file (" +
                                           std::to_string(size) + " bytes)");

    // Version 3.0 headers are UTF-8, older ones latin-1; the keys and values we accept are ASCII.
    const std::string header(reinterpret_cast<const char*>(bytes + prefix), headerLen);
    const std::map<std::string, PyValue> dict = PyParser(header, sourceName).parseDict();

    auto get = [&](const char* key) -> const PyValue& {
        const auto it = dict.find(key);
        if (it == dict.end())
            throw Error(ErrorCode::Format,
                        where + "malformed .npy header: missing key '" + key + "' in \"" +
                            header.substr(0, 200) + "\"");
        return it->second;
    };
    const PyValue& descrValue = get("descr");
    const PyValue& fortranValue = get("fortran_order");
    const PyValue& shapeValue = get("shape");

    if (descrValue.kind == PyValue::Seq)
        throw Error(ErrorCode::Unsupported, where + "structured .npy dtypes are not supported");
    if (descrValue.kind != PyValue::Str)
        throw Error(ErrorCode::Format, where + "malformed .npy header: 'descr' is not a string");
    if (fortranValue.kind != PyValue::Bool)
        throw Error(ErrorCode::Format,
                    where + "malformed .npy header: 'fortran_order' is not True or False");
    if (shapeValue.kind != PyValue::Seq)
        throw Error(ErrorCode::Format, where + "malformed .npy header: 'shape' is not a tuple");

    NpyArray array;
    for (const PyValue& dim : shapeValue.items) {
        if (dim.kind != PyValue::Int)
            throw Error(ErrorCode::Format,
                        where + "malformed .npy header: 'shape' holds a non-integer");
        array.shape.push_back(dim.integer);
    }
    const Descr descr = parseDescr(descrValue.str, sourceName);
    array.dtype = descr.dtype;
    const std::size_t elemSize = dtypeSize(descr.dtype);
    const std::size_t expected = checkedByteCount(array.shape, elemSize, ErrorCode::Format, where);

    const std::size_t dataStart = prefix + headerLen;
    const std::size_t available = size - dataStart;
    const std::string what = "shape " + shapeText(array.shape) + " of " +
                             dtypeName(descr.dtype) + " needs " + std::to_string(expected) +
                             " data bytes";
    if (available < expected)
        throw Error(ErrorCode::Format, where + "truncated: " + what + " but the file has only " +
                                           std::to_string(available));
    if (available > expected)
        throw Error(ErrorCode::Format, where + what + " but the file has " +
                                           std::to_string(available) + " (" +
                                           std::to_string(available - expected) +
                                           " unexpected trailing bytes)");

    const uint8_t* src = bytes + dataStart;
    const std::size_t numel = elemSize ? expected / elemSize : 0;
    if (fortranValue.boolean && array.shape.size() > 1)
        array.data = fortranToC(src, array.shape, elemSize, numel);
    else
        array.data.assign(src, src + expected);
    if (descr.bigEndian == kHostLittleEndian)
        byteswapElements(array.data.data(), array.data.size(), elemSize);
    return array;
}

NpyArray readNpy(const std::string& path)
{
    const std::string content = readFile(path);
    return parseNpy(reinterpret_cast<const uint8_t*>(content.data()), content.size(), path);
}

// ---- writing ------------------------------------------------------------------------------------

void writeNpy(const std::string& path, const NpyArray& array)
{
    const std::string where = quoted(path) + ": ";
    const char* descr = descrFor(array.dtype);
    if (!descr)
        throw Error(ErrorCode::Unsupported,
                    where + "cannot write " + dtypeName(array.dtype) + " to .npy (numpy has no such dtype)");
    const std::size_t expected = checkedByteCount(array.shape, dtypeSize(array.dtype),
                                                  ErrorCode::InvalidArgument, where);
    if (expected != array.data.size())
        throw Error(ErrorCode::Mismatch, where + "shape " + shapeText(array.shape) + " of " +
                                             dtypeName(array.dtype) + " needs " +
                                             std::to_string(expected) + " bytes but the array holds " +
                                             std::to_string(array.data.size()));

    // The same bytes numpy.save writes: sorted keys, repr() of the shape tuple, room for the
    // first axis to grow to 21 digits, then spaces and '\n' up to a multiple of 64 bytes.
    std::string shape = "(";
    for (std::size_t i = 0; i < array.shape.size(); ++i)
        shape += (i ? ", " : "") + std::to_string(array.shape[i]);
    shape += array.shape.size() == 1 ? ",)" : ")";
    std::string dict = std::string("{'descr': '") + descr +
                       "', 'fortran_order': False, 'shape': " + shape + ", }";
    if (!array.shape.empty())
        dict.append(21 - std::min<std::size_t>(21, std::to_string(array.shape[0]).size()), ' ');

    auto wrap = [&](std::size_t prefix) {
        const std::size_t hlen = dict.size() + 1;
        const std::size_t pad = 64 - (prefix + hlen) % 64;
        return hlen + pad;
    };
    int major = 1;
    std::size_t prefix = 10;
    std::size_t headerLen = wrap(prefix);
    if (headerLen > 65535) {
        major = 2;
        prefix = 12;
        headerLen = wrap(prefix);
    }

    std::string head(reinterpret_cast<const char*>(kMagic), sizeof kMagic);
    head += char(major);
    head += char(0);
    for (std::size_t i = 0; i < prefix - 8; ++i)
        head += char((headerLen >> (8 * i)) & 0xff);
    head += dict;
    head.append(headerLen - dict.size() - 1, ' ');
    head += '\n';

    AtomicFile file(path);
    file.write(head);
    if (kHostLittleEndian || dtypeSize(array.dtype) == 1) {
        file.write(array.data.data(), array.data.size());
    } else {
        std::vector<uint8_t> swapped = array.data;
        byteswapElements(swapped.data(), swapped.size(), dtypeSize(array.dtype));
        file.write(swapped.data(), swapped.size());
    }
    file.commit();
}

} // namespace vaclip
