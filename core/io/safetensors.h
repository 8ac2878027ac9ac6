#pragma once
// safetensors files: 8-byte little-endian header length, a JSON header
// {"name": {"dtype": "F32", "shape": [..], "data_offsets": [begin, end]}, "__metadata__": {..}},
// then the raw little-endian tensor data. Reading memory-maps the file; tensor views point into
// the mapping and stay valid while the SafetensorsFile lives.
//
//   SafetensorsFile f = SafetensorsFile::open("model.safetensors");
//   const SafetensorsFile::Tensor& t = f.at("visual.proj");   // throws naming the key if absent
//   std::vector<float> w = t.toFloats();
//
// Headers that lie are rejected with an error naming the file: header length beyond the file,
// non-JSON, unknown dtype, offsets out of range, end < begin, overlapping tensors, size not equal
// to numel * element size, absurd shapes (overflow), holes are allowed only as documented by the
// format (none: the data buffer must be covered exactly).
//
// Thread safety: a SafetensorsFile is immutable after open(); concurrent reads are safe.

#include "io/dtype.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace vaclip {

class SafetensorsFile {
public:
    struct Tensor {
        std::string name;
        DType dtype = DType::F32;
        std::vector<int64_t> shape;
        const uint8_t* data = nullptr;  ///< into the mapping, little endian
        std::size_t nbytes = 0;

        int64_t numel() const;
        std::vector<float> toFloats() const;  ///< any float/int dtype converted
    };

    static SafetensorsFile open(const std::string& path);

    SafetensorsFile(SafetensorsFile&&) noexcept;
    SafetensorsFile& operator=(SafetensorsFile&&) noexcept;
    ~SafetensorsFile();

    const std::string& path() const;
    /// Tensors in file order (sorted by data offset).
    const std::vector<Tensor>& tensors() const;
    const Tensor* find(const std::string& name) const;
    const Tensor& at(const std::string& name) const;
    const std::map<std::string, std::string>& metadata() const;

private:
    struct Impl;
    explicit SafetensorsFile(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

/// A tensor to write: the bytes must be little endian, numel(shape) * dtypeSize(dtype) long.
struct SafetensorsEntry {
    std::string name;
    DType dtype = DType::F32;
    std::vector<int64_t> shape;
    std::vector<uint8_t> data;
};

/// Writes atomically (temporary file + rename), entries in the given order, 8-byte aligned header.
void writeSafetensors(const std::string& path, const std::vector<SafetensorsEntry>& entries,
                      const std::map<std::string, std::string>& metadata = {});

} // namespace vaclip
