#include "io/dtype.h"

#include <cmath>
#include <cstring>

namespace vaclip {

namespace {

uint32_t floatBits(float f)
{
    uint32_t u;
    std::memcpy(&u, &f, sizeof u);
    return u;
}

float bitsFloat(uint32_t u)
{
    float f;
    std::memcpy(&f, &u, sizeof f);
    return f;
}

} // namespace

std::size_t dtypeSize(DType t)
{
    switch (t) {
    case DType::Bool:
    case DType::U8:
    case DType::I8: return 1;
    case DType::U16:
    case DType::I16:
    case DType::F16:
    case DType::BF16: return 2;
    case DType::U32:
    case DType::I32:
    case DType::F32: return 4;
    case DType::U64:
    case DType::I64:
    case DType::F64: return 8;
    }
    return 0;
}

const char* dtypeName(DType t)
{
    switch (t) {
    case DType::Bool: return "bool";
    case DType::U8: return "uint8";
    case DType::I8: return "int8";
    case DType::U16: return "uint16";
    case DType::I16: return "int16";
    case DType::U32: return "uint32";
    case DType::I32: return "int32";
    case DType::U64: return "uint64";
    case DType::I64: return "int64";
    case DType::F16: return "float16";
    case DType::BF16: return "bfloat16";
    case DType::F32: return "float32";
    case DType::F64: return "float64";
    }
    return "unknown";
}

float halfToFloat(uint16_t h)
{
    const uint32_t sign = uint32_t(h & 0x8000u) << 16;
    const uint32_t exponent = (h >> 10) & 0x1fu;
    const uint32_t mantissa = h & 0x3ffu;
    if (exponent == 0) {
        // Zero or subnormal: mantissa * 2^-24, exact in float.
        const float magnitude = std::ldexp(float(mantissa), -24);
        return sign ? -magnitude : magnitude;
    }
    if (exponent == 31) // infinity or NaN (payload kept)
        return bitsFloat(sign | 0x7f800000u | (mantissa << 13));
    return bitsFloat(sign | ((exponent + 127 - 15) << 23) | (mantissa << 13));
}

uint16_t floatToHalf(float f)
{
    const uint32_t x = floatBits(f);
    const uint16_t sign = uint16_t((x >> 16) & 0x8000u);
    uint32_t a = x & 0x7fffffffu;

    if (a >= 0x7f800000u) {
        if (a == 0x7f800000u)
            return sign | 0x7c00u;
        // NaN: keep the top payload bits, force a quiet NaN so it cannot become infinity.
        return uint16_t(sign | 0x7e00u | ((a >> 13) & 0x3ffu));
    }
    // 65520 is halfway between 65504 (largest half, odd mantissa) and 65536: ties go to infinity.
    if (a >= 0x477ff000u)
        return sign | 0x7c00u;
    if (a >= 0x38800000u) {
        // Normal half: rebias the exponent and round the 13 dropped bits to nearest even.
        const uint32_t odd = (a >> 13) & 1u;
        a += ((uint32_t(15) - 127) << 23) + 0xfffu + odd;
        return uint16_t(sign | (a >> 13));
    }
    // Subnormal half (or zero): the result counts units of 2^-24.
    const uint32_t exponent = a >> 23;
    if (exponent == 0)
        return sign; // float subnormals are far below half's smallest subnormal
    const uint32_t mantissa = (a & 0x7fffffu) | 0x800000u;
    const uint32_t shift = 126 - exponent; // value = mantissa * 2^(exponent - 150) = q * 2^-24
    if (shift > 24)
        return sign;
    uint32_t q = mantissa >> shift;
    const uint32_t rem = mantissa & ((1u << shift) - 1);
    const uint32_t halfway = 1u << (shift - 1);
    if (rem > halfway || (rem == halfway && (q & 1u)))
        ++q; // may carry into the smallest normal (0x0400), which is the right encoding
    return uint16_t(sign | q);
}

float bfloat16ToFloat(uint16_t b)
{
    return bitsFloat(uint32_t(b) << 16);
}

uint16_t floatToBfloat16(float f)
{
    const uint32_t x = floatBits(f);
    if ((x & 0x7fffffffu) > 0x7f800000u)
        return uint16_t((x >> 16) | 0x40u); // quiet NaN, never rounded into infinity
    const uint32_t odd = (x >> 16) & 1u;
    return uint16_t((x + 0x7fffu + odd) >> 16);
}

} // namespace vaclip
