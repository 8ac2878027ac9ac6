#pragma once
// Element types shared by the .npy and safetensors readers and writers.

#include <cstddef>
#include <cstdint>
#include <string>

namespace vaclip {

enum class DType { Bool, U8, I8, U16, I16, U32, I32, U64, I64, F16, BF16, F32, F64 };

/// Size of one element in bytes.
std::size_t dtypeSize(DType t);
/// Short human name: "bool", "uint8", ..., "float16", "bfloat16", "float32", "float64".
const char* dtypeName(DType t);

/// IEEE half <-> float, exact for every finite half and round-to-nearest-even the other way.
float halfToFloat(uint16_t h);
uint16_t floatToHalf(float f);
/// bfloat16 <-> float (round-to-nearest-even).
float bfloat16ToFloat(uint16_t b);
uint16_t floatToBfloat16(float f);

} // namespace vaclip
