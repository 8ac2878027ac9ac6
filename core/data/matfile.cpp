// MAT-file v5 reader. Layout (MathWorks, "MAT-File Format", R2023a):
//   header: 116 bytes text, 8 bytes subsystem offset, uint16 version 0x0100, "IM"/"MI" endian mark
//   data elements: tag {uint32 type, uint32 bytes} + data padded to 8 bytes, or a "small" element
//   {uint16 bytes, uint16 type} + 4 data bytes; miCOMPRESSED (15) holds a zlib stream of further
//   elements (not padded); miMATRIX (14) holds: array flags (miUINT32 x2), dimensions (miINT32),
//   name (miINT8), then per class: real [+ imaginary] data, cell elements, or struct fields.
#include "data/matfile.h"

#include "common/error.h"
#include "common/utf8.h"
#include "io/atomic_file.h"

#include <zlib.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace vaclip {

namespace {

enum : uint32_t {
    miINT8 = 1, miUINT8 = 2, miINT16 = 3, miUINT16 = 4, miINT32 = 5, miUINT32 = 6, miSINGLE = 7,
    miDOUBLE = 9, miINT64 = 12, miUINT64 = 13, miMATRIX = 14, miCOMPRESSED = 15, miUTF8 = 16,
    miUTF16 = 17, miUTF32 = 18,
};

bool storageType(uint32_t mi, DType& out)
{
    switch (mi) {
    case miINT8: out = DType::I8; return true;
    case miUINT8: case miUTF8: out = DType::U8; return true;
    case miINT16: out = DType::I16; return true;
    case miUINT16: case miUTF16: out = DType::U16; return true;
    case miINT32: out = DType::I32; return true;
    case miUINT32: case miUTF32: out = DType::U32; return true;
    case miSINGLE: out = DType::F32; return true;
    case miDOUBLE: out = DType::F64; return true;
    case miINT64: out = DType::I64; return true;
    case miUINT64: out = DType::U64; return true;
    default: return false;
    }
}

using Buffer = std::shared_ptr<std::vector<uint8_t>>;

constexpr int kMaxDepth = 32;

struct Element {
    uint32_t type = 0;
    std::size_t tag = 0;     ///< offset of the tag
    std::size_t data = 0;    ///< offset of the data
    std::size_t size = 0;    ///< data bytes
    std::size_t next = 0;    ///< offset after the element (padding included)
};

class Parser {
public:
    Parser(std::string source, bool swap) : m_source(std::move(source)), m_swap(swap) {}

    void parseElements(const Buffer& buf, std::size_t pos, std::size_t end, const std::string& where,
                       std::vector<MatArray>& out, int depth)
    {
        while (pos < end) {
            if (end - pos < 8) {
                const auto* p = buf->data();
                if (std::all_of(p + pos, p + end, [](uint8_t b) { return b == 0; }))
                    break;   // trailing padding
                fail(where, pos, "truncated: " + std::to_string(end - pos) + " bytes left, a data element needs 8");
            }
            const Element e = readElement(buf, pos, end, where);
            if (e.type == miCOMPRESSED) {
                if (depth > kMaxDepth)
                    fail(where, pos, "compressed elements nested too deeply");
                Buffer inner = inflateElement(buf->data() + e.data, e.size, where, e.tag);
                const std::string innerWhere =
                    "in the compressed element at " + locate(where, e.tag) + ", decompressed";
                parseElements(inner, 0, inner->size(), innerWhere, out, depth + 1);
            } else if (e.type == miMATRIX) {
                out.push_back(parseMatrix(buf, e, where, depth + 1));
            }
            // Other top-level element types carry nothing we read: skipped.
            pos = e.next;
        }
    }

private:
    std::string m_source;
    bool m_swap;

    static std::string locate(const std::string& where, std::size_t offset)
    {
        return "byte " + std::to_string(offset) + (where.empty() ? "" : " " + where);
    }

    [[noreturn]] void fail(const std::string& where, std::size_t offset, const std::string& what) const
    {
        throw Error(ErrorCode::Format, quoted(m_source) + ": " + locate(where, offset) + ": " + what);
    }

    uint32_t u32(const uint8_t* p) const
    {
        if (m_swap)
            return uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | uint32_t(p[3]);
        return uint32_t(p[3]) << 24 | uint32_t(p[2]) << 16 | uint32_t(p[1]) << 8 | uint32_t(p[0]);
    }

    Element readElement(const Buffer& buf, std::size_t pos, std::size_t end, const std::string& where) const
    {
        if (end < pos + 8)
            fail(where, pos, "truncated: a data element tag needs 8 bytes, " + std::to_string(end - pos) + " left");
        const uint8_t* p = buf->data() + pos;
        Element e;
        e.tag = pos;
        const uint32_t first = u32(p);
        if (first >> 16) {   // small data element: 2 bytes size, 2 bytes type, up to 4 bytes data
            e.type = first & 0xffff;
            e.size = first >> 16;
            if (e.size > 4)
                fail(where, pos, "small data element declares " + std::to_string(e.size) + " bytes (at most 4)");
            e.data = pos + 4;
            e.next = pos + 8;
            return e;
        }
        e.type = first;
        e.size = u32(p + 4);
        e.data = pos + 8;
        if (e.size > end - e.data)
            fail(where, pos, "truncated: element of type " + std::to_string(e.type) + " declares "
                                 + std::to_string(e.size) + " bytes but only " + std::to_string(end - e.data)
                                 + " remain");
        e.next = e.data + e.size;
        if (e.type != miCOMPRESSED)
            e.next = std::min(end, e.data + ((e.size + 7) & ~std::size_t(7)));
        return e;
    }

    Element expect(const Buffer& buf, std::size_t& pos, std::size_t end, const std::string& where,
                   const char* what) const
    {
        if (pos >= end)
            fail(where, pos, std::string("truncated array: missing its ") + what);
        Element e = readElement(buf, pos, end, where);
        pos = e.next;
        return e;
    }

    Buffer inflateElement(const uint8_t* data, std::size_t size, const std::string& where, std::size_t tag) const
    {
        z_stream zs{};
        if (inflateInit(&zs) != Z_OK)
            throw Error(ErrorCode::Io, quoted(m_source) + ": cannot initialise zlib");
        struct End {
            z_stream* z;
            ~End() { inflateEnd(z); }
        } guard{&zs};
        auto out = std::make_shared<std::vector<uint8_t>>();
        out->resize(std::max<std::size_t>(size * 4, 4096));
        std::size_t consumed = 0, produced = 0;
        for (;;) {
            if (zs.avail_in == 0 && consumed < size) {
                const std::size_t chunk = std::min<std::size_t>(size - consumed, UINT_MAX / 2);
                zs.next_in = const_cast<Bytef*>(data + consumed);
                zs.avail_in = static_cast<uInt>(chunk);
                consumed += chunk;
            }
            if (produced == out->size())
                out->resize(out->size() * 2);
            const std::size_t room = std::min<std::size_t>(out->size() - produced, UINT_MAX / 2);
            zs.next_out = out->data() + produced;
            zs.avail_out = static_cast<uInt>(room);
            const int ret = inflate(&zs, Z_NO_FLUSH);
            produced += room - zs.avail_out;
            if (ret == Z_STREAM_END)
                break;
            if (ret == Z_OK)
                continue;
            if (ret == Z_BUF_ERROR && zs.avail_in == 0 && consumed == size)
                fail(where, tag, "truncated compressed element: the zlib stream ends early (" + std::to_string(size)
                                     + " compressed bytes gave " + std::to_string(produced) + ")");
            if (ret == Z_BUF_ERROR)
                continue;
            fail(where, tag, std::string("corrupt compressed element: ") + (zs.msg ? zs.msg : "zlib error"));
        }
        out->resize(produced);
        return out;
    }

    void swapInPlace(const Buffer& buf, const Element& e, std::size_t width) const
    {
        if (!m_swap || width == 1)
            return;
        uint8_t* p = buf->data() + e.data;
        for (std::size_t i = 0; i + width <= e.size; i += width)
            std::reverse(p + i, p + i + width);
    }

    MatData readData(const Buffer& buf, const Element& e, const std::string& where, int64_t numel,
                     bool checkCount, const std::string& arrayName) const
    {
        MatData d;
        if (!storageType(e.type, d.type))
            fail(where, e.tag, "array " + quoted(arrayName) + ": unsupported data type " + std::to_string(e.type));
        const std::size_t width = dtypeSize(d.type);
        if (e.size % width != 0 || (checkCount && e.size / width != static_cast<std::size_t>(numel)))
            fail(where, e.tag, "array " + quoted(arrayName) + ": " + std::to_string(numel) + " elements but "
                                   + std::to_string(e.size) + " data bytes of " + std::to_string(width) + "-byte values");
        swapInPlace(buf, e, width);
        d.buffer = buf;
        d.offset = e.data;
        d.size = e.size;
        return d;
    }

    MatArray parseMatrix(const Buffer& buf, const Element& m, const std::string& where, int depth)
    {
        if (depth > kMaxDepth)
            fail(where, m.tag, "arrays nested too deeply");
        MatArray a;
        if (m.size == 0) {   // an empty matrix written as a bare tag
            a.cls = MatClass::Double;
            a.dims = {0, 0};
            return a;
        }
        std::size_t pos = m.data;
        const std::size_t end = m.data + m.size;
        const uint8_t* base = buf->data();

        const Element flags = expect(buf, pos, end, where, "array flags");
        if (flags.type != miUINT32 || flags.size != 8)
            fail(where, flags.tag, "array flags must be 2 x uint32 (type 6, 8 bytes), got type "
                                       + std::to_string(flags.type) + ", " + std::to_string(flags.size) + " bytes");
        const uint32_t flagWord = u32(base + flags.data);
        const uint32_t cls = flagWord & 0xff;
        a.cls = (cls >= 1 && cls <= 15) ? static_cast<MatClass>(cls) : MatClass::Unknown;
        a.complex = (flagWord & 0x0800) != 0;
        a.logical = (flagWord & 0x0200) != 0;

        const Element dims = expect(buf, pos, end, where, "dimensions");
        if (dims.type != miINT32 || dims.size % 4 != 0 || dims.size == 0)
            fail(where, dims.tag, "array dimensions must be int32 values (type 5), got type " + std::to_string(dims.type)
                                      + ", " + std::to_string(dims.size) + " bytes");
        int64_t numel = 1;
        for (std::size_t i = 0; i < dims.size; i += 4) {
            const int32_t d = static_cast<int32_t>(u32(base + dims.data + i));
            if (d < 0)
                fail(where, dims.tag, "negative array dimension " + std::to_string(d));
            a.dims.push_back(d);
            if (d != 0 && numel > (int64_t(1) << 48) / d)
                fail(where, dims.tag, "array dimensions overflow");
            numel *= d;
        }

        const Element name = expect(buf, pos, end, where, "name");
        if (name.type != miINT8 && name.type != miUINT8 && name.type != miUTF8)
            fail(where, name.tag, "array name must be int8 text (type 1), got type " + std::to_string(name.type));
        a.name.assign(reinterpret_cast<const char*>(base + name.data), name.size);
        const std::string label = a.name.empty() ? std::string("(unnamed)") : a.name;

        if (a.isNumeric() || a.cls == MatClass::Char) {
            const Element re = expect(buf, pos, end, where, "data");
            const bool utf8 = a.cls == MatClass::Char && (re.type == miUTF8 || re.type == miUINT8);
            a.real = readData(buf, re, where, numel, !utf8, label);
            if (a.complex) {
                const Element im = expect(buf, pos, end, where, "imaginary part");
                a.imag = readData(buf, im, where, numel, true, label);
            }
        } else if (a.cls == MatClass::Cell) {
            a.cells.reserve(static_cast<std::size_t>(std::min<int64_t>(numel, 1 << 20)));
            for (int64_t i = 0; i < numel; ++i) {
                const Element c = expect(buf, pos, end, where, "cell elements");
                if (c.type != miMATRIX)
                    fail(where, c.tag, "cell " + quoted(label) + " element " + std::to_string(i)
                                           + " is not an array (type " + std::to_string(c.type) + ")");
                a.cells.push_back(parseMatrix(buf, c, where, depth + 1));
            }
        } else if (a.cls == MatClass::Struct) {
            const Element len = expect(buf, pos, end, where, "field name length");
            if (len.type != miINT32 || len.size != 4)
                fail(where, len.tag, "struct " + quoted(label) + ": bad field name length element");
            const int32_t fieldLen = static_cast<int32_t>(u32(base + len.data));
            const Element names = expect(buf, pos, end, where, "field names");
            if (fieldLen <= 0 || names.size % static_cast<std::size_t>(fieldLen) != 0)
                fail(where, names.tag, "struct " + quoted(label) + ": field names do not fit the length "
                                           + std::to_string(fieldLen));
            for (std::size_t off = 0; off < names.size; off += static_cast<std::size_t>(fieldLen)) {
                const char* s = reinterpret_cast<const char*>(base + names.data + off);
                a.fieldNames.emplace_back(s, strnlen(s, static_cast<std::size_t>(fieldLen)));
            }
            for (int64_t e = 0; e < numel; ++e)
                for (std::size_t f = 0; f < a.fieldNames.size(); ++f) {
                    const Element v = expect(buf, pos, end, where, "struct fields");
                    if (v.type != miMATRIX)
                        fail(where, v.tag, "struct " + quoted(label) + " field '" + a.fieldNames[f]
                                               + "' is not an array");
                    a.fields.push_back(parseMatrix(buf, v, where, depth + 1));
                }
        }
        // Sparse, object, function handles and unknown classes: listed, data skipped.
        return a;
    }
};

template <typename T>
T load(const uint8_t* p)
{
    T v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

} // namespace

const char* toString(MatClass c)
{
    switch (c) {
    case MatClass::Cell: return "cell";
    case MatClass::Struct: return "struct";
    case MatClass::Object: return "object";
    case MatClass::Char: return "char";
    case MatClass::Sparse: return "sparse";
    case MatClass::Double: return "double";
    case MatClass::Single: return "single";
    case MatClass::Int8: return "int8";
    case MatClass::UInt8: return "uint8";
    case MatClass::Int16: return "int16";
    case MatClass::UInt16: return "uint16";
    case MatClass::Int32: return "int32";
    case MatClass::UInt32: return "uint32";
    case MatClass::Int64: return "int64";
    case MatClass::UInt64: return "uint64";
    case MatClass::Unknown: break;
    }
    return "unknown";
}

int64_t MatArray::numel() const
{
    if (dims.empty())
        return 0;
    int64_t n = 1;
    for (int64_t d : dims)
        n *= d;
    return n;
}

bool MatArray::isNumeric() const
{
    return static_cast<int>(cls) >= static_cast<int>(MatClass::Double)
        && static_cast<int>(cls) <= static_cast<int>(MatClass::UInt64);
}

double MatArray::at(int64_t i) const
{
    if (!real.buffer || i < 0 || static_cast<std::size_t>(i) >= real.count())
        throw Error(ErrorCode::InvalidArgument, "MAT array " + quoted(name) + ": element " + std::to_string(i)
                                                    + " out of range (" + std::to_string(real.count()) + " elements)");
    const uint8_t* p = real.bytes() + static_cast<std::size_t>(i) * dtypeSize(real.type);
    switch (real.type) {
    case DType::I8: return load<int8_t>(p);
    case DType::U8: case DType::Bool: return load<uint8_t>(p);
    case DType::I16: return load<int16_t>(p);
    case DType::U16: return load<uint16_t>(p);
    case DType::I32: return load<int32_t>(p);
    case DType::U32: return load<uint32_t>(p);
    case DType::I64: return static_cast<double>(load<int64_t>(p));
    case DType::U64: return static_cast<double>(load<uint64_t>(p));
    case DType::F32: return load<float>(p);
    case DType::F64: return load<double>(p);
    default: break;
    }
    throw Error(ErrorCode::Unsupported, "MAT array " + quoted(name) + ": unexpected storage type");
}

std::vector<double> MatArray::toDoubles() const
{
    std::vector<double> out(real.count());
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = at(static_cast<int64_t>(i));
    return out;
}

bool MatArray::anyNonzero() const
{
    if (!real.buffer || real.size == 0)
        return false;
    const uint8_t* p = real.bytes();
    if (real.type == DType::F64 || real.type == DType::F32) {
        const std::size_t n = real.count();
        for (std::size_t i = 0; i < n; ++i)
            if (at(static_cast<int64_t>(i)) != 0.0 || std::isnan(at(static_cast<int64_t>(i))))
                return true;
        return false;
    }
    return std::any_of(p, p + real.size, [](uint8_t b) { return b != 0; });
}

std::string MatArray::text() const
{
    if (cls != MatClass::Char || !real.buffer)
        return {};
    std::string out;
    const std::size_t n = real.count();
    for (std::size_t i = 0; i < n; ++i) {
        const uint32_t c = static_cast<uint32_t>(at(static_cast<int64_t>(i)));
        if (real.type == DType::U8)
            out += static_cast<char>(c);  // 8-bit char data: copied byte for byte
        else
            appendUtf8(out, c);
    }
    return out;
}

std::vector<uint8_t> MatArray::toMaskRowMajor() const
{
    std::size_t nonSingleton = 0;
    for (std::size_t i = 2; i < dims.size(); ++i)
        nonSingleton += dims[i] != 1 ? 1 : 0;
    if (!isNumeric() || dims.size() < 2 || nonSingleton)
        throw Error(ErrorCode::Format, "MAT array " + describe() + " is not a 2-D numeric mask");
    const int64_t rows = dims[0], cols = dims[1];
    std::vector<uint8_t> out(static_cast<std::size_t>(rows * cols));
    const uint8_t* p = real.bytes();
    const bool bytes = dtypeSize(real.type) == 1;
    for (int64_t c = 0; c < cols; ++c)
        for (int64_t r = 0; r < rows; ++r) {
            const int64_t i = r + c * rows;
            out[static_cast<std::size_t>(r * cols + c)] = bytes ? (p[i] != 0) : (at(i) != 0.0);
        }
    return out;
}

std::string MatArray::describe() const
{
    std::string d;
    for (std::size_t i = 0; i < dims.size(); ++i)
        d += (i ? "x" : "") + std::to_string(dims[i]);
    return (name.empty() ? std::string() : name + ": ") + d + " " + (logical ? "logical" : toString(cls));
}

const MatArray* MatFile::find(const std::string& name) const
{
    for (const MatArray& v : variables)
        if (v.name == name)
            return &v;
    return nullptr;
}

const MatArray& MatFile::variable(const std::string& name) const
{
    if (const MatArray* v = find(name))
        return *v;
    std::string present;
    for (const MatArray& v : variables)
        present += (present.empty() ? "" : ", ") + v.describe();
    throw Error(ErrorCode::NotFound, quoted(path) + ": no variable '" + name + "' (the file holds: "
                                         + (present.empty() ? std::string("nothing") : present) + ")");
}

MatFile parseMatFile(std::vector<uint8_t> bytes, const std::string& sourceName)
{
    MatFile file;
    file.path = sourceName;
    if (bytes.size() < 128)
        throw Error(ErrorCode::Format, quoted(sourceName) + ": " + std::to_string(bytes.size())
                                           + " bytes, too short for a MAT-file header (128 bytes)");
    const char e0 = static_cast<char>(bytes[126]), e1 = static_cast<char>(bytes[127]);
    if (e0 == 'I' && e1 == 'M')
        file.bigEndian = false;
    else if (e0 == 'M' && e1 == 'I')
        file.bigEndian = true;
    else
        throw Error(ErrorCode::Unsupported, quoted(sourceName)
                                                + ": not a MAT v5 file (no 'MI' byte-order mark at byte 126;"
                                                  " MAT v4 files are not supported)");
    const unsigned version = file.bigEndian ? (bytes[124] << 8 | bytes[125]) : (bytes[125] << 8 | bytes[124]);
    if (version == 0x0200)
        throw Error(ErrorCode::Unsupported, quoted(sourceName)
                                                + ": MAT v7.3 (HDF5) files are not supported; re-save it in"
                                                  " MATLAB with save(..., '-v7')");
    if (version != 0x0100)
        throw Error(ErrorCode::Unsupported, quoted(sourceName) + ": unknown MAT-file version 0x"
                                                + [&] { char b[8]; std::snprintf(b, sizeof b, "%04x", version); return std::string(b); }());
    file.headerText.assign(reinterpret_cast<const char*>(bytes.data()), 116);
    file.headerText = file.headerText.substr(0, file.headerText.find('\0'));
    while (!file.headerText.empty() && (file.headerText.back() == ' ' || file.headerText.back() == '\0'))
        file.headerText.pop_back();

    auto buf = std::make_shared<std::vector<uint8_t>>(std::move(bytes));
    Parser parser(sourceName, file.bigEndian);
    parser.parseElements(buf, 128, buf->size(), "", file.variables, 0);
    return file;
}

MatFile readMatFile(const std::string& path)
{
    const std::string content = readFile(path);
    return parseMatFile(std::vector<uint8_t>(content.begin(), content.end()), path);
}

} // namespace vaclip
