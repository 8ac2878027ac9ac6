#include "io/safetensors.h"

#include "common/error.h"
#include "io/atomic_file.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>
#include <set>
#include <unordered_map>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace vaclip {

namespace {

constexpr bool kHostLittleEndian = __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__;
/// Headers beyond this are refused before parsing (the reference implementation uses 100 MB).
constexpr uint64_t kMaxHeaderBytes = 100'000'000;

const std::pair<const char*, DType> kDtypeNames[] = {
    {"BOOL", DType::Bool}, {"U8", DType::U8},   {"I8", DType::I8},   {"U16", DType::U16},
    {"I16", DType::I16},   {"U32", DType::U32}, {"I32", DType::I32}, {"U64", DType::U64},
    {"I64", DType::I64},   {"F16", DType::F16}, {"BF16", DType::BF16}, {"F32", DType::F32},
    {"F64", DType::F64},
};

const char* safetensorsName(DType t)
{
    for (const auto& [name, dtype] : kDtypeNames)
        if (dtype == t)
            return name;
    return "?";
}

std::string shapeText(const std::vector<int64_t>& shape)
{
    std::string s = "[";
    for (std::size_t i = 0; i < shape.size(); ++i)
        s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + "]";
}

/// numel * elemSize, or throws `code` with `prefix` on a negative dimension or overflow.
uint64_t checkedBytes(const std::vector<int64_t>& shape, std::size_t elemSize, ErrorCode code,
                      const std::string& prefix)
{
    uint64_t count = 1;
    for (int64_t d : shape) {
        if (d < 0)
            throw Error(code, prefix + "negative dimension in shape " + shapeText(shape));
        if (d != 0 && count > uint64_t(std::numeric_limits<int64_t>::max()) / uint64_t(d))
            throw Error(code, prefix + "shape " + shapeText(shape) + " overflows the element count");
        count *= uint64_t(d);
    }
    if (count > uint64_t(std::numeric_limits<int64_t>::max()) / elemSize)
        throw Error(code, prefix + "shape " + shapeText(shape) + " overflows the byte count");
    return count * elemSize;
}

/// Loads a little-endian T from possibly unaligned memory.
template <typename T>
T loadLE(const uint8_t* p)
{
    T v;
    if (kHostLittleEndian) {
        std::memcpy(&v, p, sizeof v);
    } else {
        uint8_t tmp[sizeof(T)];
        std::reverse_copy(p, p + sizeof(T), tmp);
        std::memcpy(&v, tmp, sizeof v);
    }
    return v;
}

/// A read-only private mapping of a whole file, unmapped on destruction.
struct Mapping {
    const uint8_t* data = nullptr;
    std::size_t size = 0;

    Mapping() = default;
    Mapping(const Mapping&) = delete;
    Mapping& operator=(const Mapping&) = delete;
    ~Mapping()
    {
        if (data)
            ::munmap(const_cast<uint8_t*>(data), size);
    }
};

} // namespace

struct SafetensorsFile::Impl {
    std::string path;
    Mapping mapping;
    std::vector<Tensor> tensors;
    std::unordered_map<std::string, std::size_t> index;
    std::map<std::string, std::string> metadata;
};

// ---- Tensor -------------------------------------------------------------------------------------

int64_t SafetensorsFile::Tensor::numel() const
{
    int64_t n = 1;
    for (int64_t d : shape)
        n *= d;
    return n;
}

std::vector<float> SafetensorsFile::Tensor::toFloats() const
{
    const std::size_t elem = dtypeSize(dtype);
    const std::size_t n = nbytes / elem;
    std::vector<float> out(n);
    const uint8_t* p = data;
    for (std::size_t i = 0; i < n; ++i, p += elem) {
        switch (dtype) {
        case DType::Bool: out[i] = *p != 0 ? 1.0f : 0.0f; break;
        case DType::U8: out[i] = float(*p); break;
        case DType::I8: out[i] = float(int8_t(*p)); break;
        case DType::U16: out[i] = float(loadLE<uint16_t>(p)); break;
        case DType::I16: out[i] = float(loadLE<int16_t>(p)); break;
        case DType::U32: out[i] = float(loadLE<uint32_t>(p)); break;
        case DType::I32: out[i] = float(loadLE<int32_t>(p)); break;
        case DType::U64: out[i] = float(loadLE<uint64_t>(p)); break;
        case DType::I64: out[i] = float(loadLE<int64_t>(p)); break;
        case DType::F16: out[i] = halfToFloat(loadLE<uint16_t>(p)); break;
        case DType::BF16: out[i] = bfloat16ToFloat(loadLE<uint16_t>(p)); break;
        case DType::F32: out[i] = loadLE<float>(p); break;
        case DType::F64: out[i] = float(loadLE<double>(p)); break;
        }
    }
    return out;
}

// ---- reading ------------------------------------------------------------------------------------

SafetensorsFile SafetensorsFile::open(const std::string& path)
{
    using nlohmann::json;
    const std::string where = quoted(path) + ": ";
    auto impl = std::make_unique<Impl>();
    impl->path = path;

    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        const int err = errno;
        throw Error(err == ENOENT ? ErrorCode::NotFound : ErrorCode::Io,
                    where + "cannot open: " + std::strerror(err));
    }
    struct stat st;
    if (::fstat(fd, &st) != 0) {
        const int err = errno;
        ::close(fd);
        throw Error(ErrorCode::Io, where + "cannot stat: " + std::strerror(err));
    }
    if (!S_ISREG(st.st_mode)) {
        ::close(fd);
        throw Error(ErrorCode::Io, where + "not a regular file");
    }
    const uint64_t fileSize = uint64_t(st.st_size);
    if (fileSize < 8) {
        ::close(fd);
        throw Error(ErrorCode::Format, where + "file is " + std::to_string(fileSize) +
                                           " bytes, too short for a safetensors header length");
    }
    void* mapped = ::mmap(nullptr, std::size_t(fileSize), PROT_READ, MAP_PRIVATE, fd, 0);
    const int mapErr = errno;
    ::close(fd); // the mapping keeps the file alive
    if (mapped == MAP_FAILED)
        throw Error(ErrorCode::Io, where + "cannot memory-map " + std::to_string(fileSize) +
                                       " bytes: " + std::strerror(mapErr));
    impl->mapping.data = static_cast<const uint8_t*>(mapped);
    impl->mapping.size = std::size_t(fileSize);
    const uint8_t* bytes = impl->mapping.data;

    const uint64_t headerLen = loadLE<uint64_t>(bytes);
    if (headerLen > kMaxHeaderBytes)
        throw Error(ErrorCode::Format, where + "header length " + std::to_string(headerLen) +
                                           " is absurd (limit " + std::to_string(kMaxHeaderBytes) +
                                           " bytes); not a safetensors file?");
    if (headerLen > fileSize - 8)
        throw Error(ErrorCode::Format, where + "header length " + std::to_string(headerLen) +
                                           " goes beyond the end of the file (" +
                                           std::to_string(fileSize) + " bytes)");

    json header;
    try {
        header = json::parse(bytes + 8, bytes + 8 + headerLen);
    } catch (const json::exception& e) {
        throw Error(ErrorCode::Format, where + "header is not valid JSON: " + e.what());
    }
    if (!header.is_object())
        throw Error(ErrorCode::Format, where + "header is JSON but not an object");

    const uint8_t* dataBase = bytes + 8 + headerLen;
    const uint64_t dataSize = fileSize - 8 - headerLen;
    struct Range {
        uint64_t begin, end;
        std::size_t tensor;
    };
    std::vector<Range> ranges;

    for (auto it = header.begin(); it != header.end(); ++it) {
        const std::string& name = it.key();
        const json& entry = it.value();
        if (name == "__metadata__") {
            if (!entry.is_object())
                throw Error(ErrorCode::Format, where + "'__metadata__' is not an object");
            for (auto m = entry.begin(); m != entry.end(); ++m) {
                if (!m.value().is_string())
                    throw Error(ErrorCode::Format, where + "'__metadata__' value for '" + m.key() +
                                                       "' is not a string");
                impl->metadata[m.key()] = m.value().get<std::string>();
            }
            continue;
        }
        const std::string at = where + "tensor '" + name + "': ";
        if (!entry.is_object())
            throw Error(ErrorCode::Format, at + "entry is not an object");
        for (const char* key : {"dtype", "shape", "data_offsets"})
            if (!entry.contains(key))
                throw Error(ErrorCode::Format, at + "missing '" + key + "'");

        Tensor t;
        t.name = name;
        const json& dtype = entry["dtype"];
        if (!dtype.is_string())
            throw Error(ErrorCode::Format, at + "'dtype' is not a string");
        const std::string dtypeText = dtype.get<std::string>();
        const auto known = std::find_if(std::begin(kDtypeNames), std::end(kDtypeNames),
                                        [&](const auto& p) { return dtypeText == p.first; });
        if (known == std::end(kDtypeNames))
            throw Error(ErrorCode::Unsupported,
                        at + "unsupported dtype '" + dtypeText +
                            "' (supported: BOOL, U8, I8, U16, I16, U32, I32, U64, I64, F16, BF16, "
                            "F32, F64)");
        t.dtype = known->second;

        const json& shape = entry["shape"];
        if (!shape.is_array())
            throw Error(ErrorCode::Format, at + "'shape' is not an array");
        for (const json& d : shape) {
            if (!d.is_number_integer())
                throw Error(ErrorCode::Format, at + "'shape' holds a non-integer: " + d.dump());
            if (d.is_number_unsigned() &&
                d.get<uint64_t>() > uint64_t(std::numeric_limits<int64_t>::max()))
                throw Error(ErrorCode::Format, at + "dimension " + d.dump() + " is too large");
            t.shape.push_back(d.get<int64_t>());
        }
        const uint64_t expected = checkedBytes(t.shape, dtypeSize(t.dtype), ErrorCode::Format, at);

        const json& offsets = entry["data_offsets"];
        if (!offsets.is_array() || offsets.size() != 2 || !offsets[0].is_number_unsigned() ||
            !offsets[1].is_number_unsigned())
            throw Error(ErrorCode::Format, at + "'data_offsets' must be two non-negative integers, got " +
                                               offsets.dump());
        const uint64_t begin = offsets[0].get<uint64_t>();
        const uint64_t end = offsets[1].get<uint64_t>();
        const std::string range = "[" + std::to_string(begin) + ", " + std::to_string(end) + "]";
        if (end < begin)
            throw Error(ErrorCode::Format, at + "data_offsets " + range + " end before they begin");
        if (end > dataSize)
            throw Error(ErrorCode::Format, at + "data_offsets " + range +
                                               " are out of range of the " +
                                               std::to_string(dataSize) + "-byte data buffer");
        if (end - begin != expected)
            throw Error(ErrorCode::Format, at + "data_offsets " + range + " span " +
                                               std::to_string(end - begin) + " bytes but shape " +
                                               shapeText(t.shape) + " of " + dtypeText + " needs " +
                                               std::to_string(expected));
        t.data = dataBase + begin;
        t.nbytes = std::size_t(expected);
        ranges.push_back({begin, end, impl->tensors.size()});
        impl->tensors.push_back(std::move(t));
    }

    // The tensors must tile the data buffer exactly: no overlaps, no holes, nothing left over.
    std::stable_sort(ranges.begin(), ranges.end(), [](const Range& a, const Range& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
    });
    uint64_t covered = 0;
    const Range* previous = nullptr;
    auto describe = [&](const Range& r) {
        return "'" + impl->tensors[r.tensor].name + "' [" + std::to_string(r.begin) + ", " +
               std::to_string(r.end) + "]";
    };
    for (const Range& r : ranges) {
        if (r.begin < covered)
            throw Error(ErrorCode::Format, where + "tensors " + describe(*previous) + " and " +
                                               describe(r) + " overlap");
        if (r.begin > covered)
            throw Error(ErrorCode::Format,
                        where + "bytes [" + std::to_string(covered) + ", " +
                            std::to_string(r.begin) + ") of the data buffer belong to no tensor" +
                            (previous ? " (hole after " + describe(*previous) + ")" : ""));
        covered = r.end;
        previous = &r;
    }
    if (covered != dataSize)
        throw Error(ErrorCode::Format, where + "the data buffer is " + std::to_string(dataSize) +
                                           " bytes but the tensors cover only " +
                                           std::to_string(covered) + " (" +
                                           std::to_string(dataSize - covered) +
                                           " bytes belong to no tensor)");

    std::vector<Tensor> ordered;
    ordered.reserve(ranges.size());
    for (const Range& r : ranges)
        ordered.push_back(std::move(impl->tensors[r.tensor]));
    impl->tensors = std::move(ordered);
    for (std::size_t i = 0; i < impl->tensors.size(); ++i)
        impl->index.emplace(impl->tensors[i].name, i);
    return SafetensorsFile(std::move(impl));
}

SafetensorsFile::SafetensorsFile(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
SafetensorsFile::SafetensorsFile(SafetensorsFile&&) noexcept = default;
SafetensorsFile& SafetensorsFile::operator=(SafetensorsFile&&) noexcept = default;
SafetensorsFile::~SafetensorsFile() = default;

const std::string& SafetensorsFile::path() const { return m_impl->path; }
const std::vector<SafetensorsFile::Tensor>& SafetensorsFile::tensors() const { return m_impl->tensors; }
const std::map<std::string, std::string>& SafetensorsFile::metadata() const { return m_impl->metadata; }

const SafetensorsFile::Tensor* SafetensorsFile::find(const std::string& name) const
{
    const auto it = m_impl->index.find(name);
    return it == m_impl->index.end() ? nullptr : &m_impl->tensors[it->second];
}

const SafetensorsFile::Tensor& SafetensorsFile::at(const std::string& name) const
{
    if (const Tensor* t = find(name))
        return *t;
    throw Error(ErrorCode::NotFound, quoted(m_impl->path) + ": no tensor '" + name + "' (the file has " +
                                         std::to_string(m_impl->tensors.size()) + " tensors)");
}

// ---- writing ------------------------------------------------------------------------------------

void writeSafetensors(const std::string& path, const std::vector<SafetensorsEntry>& entries,
                      const std::map<std::string, std::string>& metadata)
{
    using nlohmann::ordered_json;
    const std::string where = quoted(path) + ": ";

    // Same layout as the reference serializer: "__metadata__" first, then the tensors with keys
    // dtype, shape, data_offsets; compact JSON padded with spaces to a multiple of 8 bytes.
    ordered_json header = ordered_json::object();
    if (!metadata.empty()) {
        ordered_json meta = ordered_json::object();
        for (const auto& [key, value] : metadata)
            meta[key] = value;
        header["__metadata__"] = std::move(meta);
    }
    std::set<std::string> names;
    uint64_t offset = 0;
    for (const SafetensorsEntry& e : entries) {
        const std::string at = where + "tensor '" + e.name + "': ";
        if (e.name == "__metadata__")
            throw Error(ErrorCode::InvalidArgument, at + "the name is reserved");
        if (!names.insert(e.name).second)
            throw Error(ErrorCode::InvalidArgument, at + "duplicate tensor name");
        const uint64_t bytes = checkedBytes(e.shape, dtypeSize(e.dtype), ErrorCode::InvalidArgument, at);
        if (bytes != e.data.size())
            throw Error(ErrorCode::Mismatch, at + "shape " + shapeText(e.shape) + " of " +
                                                 safetensorsName(e.dtype) + " needs " +
                                                 std::to_string(bytes) + " bytes but the entry holds " +
                                                 std::to_string(e.data.size()));
        ordered_json entry = ordered_json::object();
        entry["dtype"] = safetensorsName(e.dtype);
        entry["shape"] = e.shape;
        entry["data_offsets"] = {offset, offset + bytes};
        header[e.name] = std::move(entry);
        offset += bytes;
    }

    std::string text;
    try {
        text = header.dump(-1, ' ', false, ordered_json::error_handler_t::strict);
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorCode::InvalidArgument,
                    where + "a tensor name or metadata string is not valid UTF-8: " + e.what());
    }
    text.append((8 - text.size() % 8) % 8, ' ');

    uint8_t length[8];
    for (int i = 0; i < 8; ++i)
        length[i] = uint8_t((uint64_t(text.size()) >> (8 * i)) & 0xff);

    AtomicFile file(path);
    file.write(length, sizeof length);
    file.write(text);
    for (const SafetensorsEntry& e : entries)
        file.write(e.data.data(), e.data.size());
    file.commit();
}

} // namespace vaclip
