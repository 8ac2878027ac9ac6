#pragma once
// NumPy .npy files: read format versions 1.0, 2.0 and 3.0, little and big endian, C and Fortran
// order, dtypes bool/uint8..uint64/int8..int64/float16/float32/float64. Write version 1.0
// (2.0 when the header needs it), little endian, C order, atomically (temporary file + rename).
//
//   NpyArray a = readNpy("frame_scores.npy");           // any supported dtype
//   std::vector<double> s = a.toDoubles();             // converted element-wise
//   writeNpy("out.npy", NpyArray::fromFloats({0.1f, 0.9f}, {2}));
//
// Thread safety: free functions, no shared state.

#include "io/dtype.h"

#include <cstdint>
#include <string>
#include <vector>

namespace vaclip {

struct NpyArray {
    DType dtype = DType::F32;
    std::vector<int64_t> shape;   ///< empty for a 0-d array (one element)
    std::vector<uint8_t> data;    ///< C order, native (little) endian, numel() * dtypeSize(dtype) bytes

    int64_t numel() const;
    /// Element-wise conversion of any numeric dtype (bool -> 0/1).
    std::vector<double> toDoubles() const;
    std::vector<float> toFloats() const;
    std::vector<int64_t> toInt64() const;   ///< floats are truncated toward zero

    static NpyArray fromFloats(const std::vector<float>& values, std::vector<int64_t> shape);
    static NpyArray fromDoubles(const std::vector<double>& values, std::vector<int64_t> shape);
    static NpyArray fromInt64(const std::vector<int64_t>& values, std::vector<int64_t> shape);
    static NpyArray fromUint8(const std::vector<uint8_t>& values, std::vector<int64_t> shape);
};

/// Reads a whole .npy file. Throws vaclip::Error naming the file on any malformed or lying header
/// (bad magic, unknown version, unparsable dict, unsupported dtype, negative or overflowing shape,
/// data shorter or longer than the shape says).
NpyArray readNpy(const std::string& path);
/// Parses .npy bytes already in memory; `sourceName` is used in error messages.
NpyArray parseNpy(const uint8_t* bytes, std::size_t size, const std::string& sourceName);
/// Writes atomically. Throws on shape/data disagreement or I/O failure; an existing file is
/// replaced only when the new one is complete. BF16 is rejected (numpy has no bfloat16).
void writeNpy(const std::string& path, const NpyArray& array);

} // namespace vaclip
