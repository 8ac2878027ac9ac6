#pragma once
// A small reader for MATLAB MAT-files, version 5 (what MATLAB writes with -v6 and the default
// -v7): the 128-byte header (either byte order), miCOMPRESSED elements (zlib), and miMATRIX
// arrays of class double/single/int*/uint*/char/logical, cell and struct, with their dimensions
// and names. Sparse, object and function-handle arrays are listed (class, name, dimensions) but
// their data is skipped. MAT v7.3 (HDF5) and v4 files are rejected as Unsupported.
//
// Enough for CUHK Avenue's ground truth (testing_label_mask/N_label.mat: a cell array `volLabel`
// of per-frame logical masks):
//
//   MatFile mat = readMatFile("testing_label_mask/1_label.mat");
//   const MatArray& vol = mat.variable("volLabel");            // throws NotFound if absent
//   for (const MatArray& mask : vol.cells)                      // 1 x T cell, column-major
//       bool anomalous = mask.anyNonzero();                      // H x W logical
//
// Array data is not copied out of the (decompressed) file buffer: arrays share it.
// Thread safety: free functions; a MatFile is immutable after reading.

#include "io/dtype.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace vaclip {

enum class MatClass {
    Unknown = 0, Cell = 1, Struct = 2, Object = 3, Char = 4, Sparse = 5, Double = 6, Single = 7,
    Int8 = 8, UInt8 = 9, Int16 = 10, UInt16 = 11, Int32 = 12, UInt32 = 13, Int64 = 14, UInt64 = 15,
};
/// "cell", "struct", "double", ...
const char* toString(MatClass c);

/// A view of numeric data inside the file buffer, already in host byte order.
struct MatData {
    std::shared_ptr<const std::vector<uint8_t>> buffer;
    std::size_t offset = 0;
    std::size_t size = 0;             ///< bytes
    DType type = DType::F64;          ///< storage type (may be narrower than the class: MATLAB
                                      ///< stores a double array of small integers as uint8)
    const uint8_t* bytes() const { return buffer ? buffer->data() + offset : nullptr; }
    std::size_t count() const { return size / dtypeSize(type); }
};

struct MatArray {
    std::string name;                 ///< "" for cell elements and struct fields
    MatClass cls = MatClass::Unknown;
    bool logical = false;
    bool complex = false;
    std::vector<int64_t> dims;        ///< MATLAB order (rows, columns, ...); data is column-major
    MatData real;                     ///< numeric, logical and char arrays
    MatData imag;                     ///< complex arrays only
    std::vector<MatArray> cells;      ///< Cell: numel() elements, column-major
    std::vector<std::string> fieldNames;  ///< Struct
    std::vector<MatArray> fields;     ///< Struct: element e, field f at [e * fieldNames.size() + f]

    int64_t numel() const;
    bool isNumeric() const;           ///< double..uint64 (logical included), not char
    /// Real part element i (column-major linear index) as double. Throws for non-numeric arrays
    /// and out-of-range indices.
    double at(int64_t i) const;
    std::vector<double> toDoubles() const;
    /// Any nonzero element (NaN counts as nonzero); false for an empty array.
    bool anyNonzero() const;
    /// A Char array as UTF-8 (rows concatenated in column-major order for 1 x N strings).
    std::string text() const;
    /// A 2-D numeric array as row-major rows x cols 0/1 values (nonzero -> 1).
    std::vector<uint8_t> toMaskRowMajor() const;
    /// "volLabel: 1x21 cell" style description for messages.
    std::string describe() const;
};

struct MatFile {
    std::string path;
    std::string headerText;           ///< the 116-byte descriptive text, trailing blanks removed
    bool bigEndian = false;
    std::vector<MatArray> variables;  ///< file order

    const MatArray* find(const std::string& name) const;
    /// Throws NotFound naming the file and listing the variables present.
    const MatArray& variable(const std::string& name) const;
};

/// Reads a MAT v5 file. Throws vaclip::Error naming the file: Format for truncated or malformed
/// content (with the byte offset), Unsupported for v4 / v7.3 (HDF5) files.
MatFile readMatFile(const std::string& path);
/// The same from bytes in memory; `sourceName` is used in messages.
MatFile parseMatFile(std::vector<uint8_t> bytes, const std::string& sourceName);

} // namespace vaclip
