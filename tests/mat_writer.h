#pragma once
// Test helper: writes MATLAB MAT v5 bytes by hand (scipy is not available), so the .mat reader in
// core/data can be tested on files whose every byte is known. Little or big endian; elements
// optionally wrapped in miCOMPRESSED (zlib).
//
//   MatWriter w;                                           // little endian
//   auto mask = w.logical("", 2, 3, {0, 1, 0, 0, 0, 0});   // 2 x 3, column-major values
//   auto vol = w.cell("volLabel", 1, 1, {mask});
//   std::vector<uint8_t> bytes = w.file({w.compressed(vol)});

#include <zlib.h>

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

namespace vaclip::test {

class MatWriter {
public:
    using Bytes = std::vector<uint8_t>;
    enum : uint32_t { miINT8 = 1, miUINT8 = 2, miINT32 = 5, miUINT32 = 6, miDOUBLE = 9, miMATRIX = 14, miCOMPRESSED = 15 };
    enum : uint32_t { mxCELL = 1, mxSTRUCT = 2, mxCHAR = 4, mxDOUBLE = 6, mxUINT8 = 9 };

    explicit MatWriter(bool bigEndian = false) : m_be(bigEndian) {}

    void put32(Bytes& b, uint32_t v) const
    {
        for (int i = 0; i < 4; ++i)
            b.push_back(static_cast<uint8_t>(m_be ? v >> (24 - 8 * i) : v >> (8 * i)));
    }
    void put16(Bytes& b, uint16_t v) const
    {
        b.push_back(static_cast<uint8_t>(m_be ? v >> 8 : v));
        b.push_back(static_cast<uint8_t>(m_be ? v : v >> 8));
    }

    /// A data element; `small` uses the 8-byte compact form (data <= 4 bytes).
    Bytes element(uint32_t type, const Bytes& data, bool small = false) const
    {
        Bytes b;
        if (small && data.size() <= 4) {
            if (m_be) {
                put16(b, static_cast<uint16_t>(data.size()));
                put16(b, static_cast<uint16_t>(type));
            } else {
                put16(b, static_cast<uint16_t>(type));
                put16(b, static_cast<uint16_t>(data.size()));
            }
            b.insert(b.end(), data.begin(), data.end());
            b.resize(8, 0);
            return b;
        }
        put32(b, type);
        put32(b, static_cast<uint32_t>(data.size()));
        b.insert(b.end(), data.begin(), data.end());
        while (b.size() % 8)
            b.push_back(0);
        return b;
    }

    /// miMATRIX with flags, dims, name, then `body` (already encoded sub-elements).
    Bytes matrix(const std::string& name, uint32_t cls, bool logical, const std::vector<int32_t>& dims,
                 const Bytes& body) const
    {
        Bytes content, flags, d;
        put32(flags, cls | (logical ? 0x0200u : 0u));
        put32(flags, 0);
        content = element(miUINT32, flags);
        for (int32_t x : dims)
            put32(d, static_cast<uint32_t>(x));
        append(content, element(miINT32, d));
        append(content, element(miINT8, Bytes(name.begin(), name.end()), name.size() <= 4));
        append(content, body);
        return element(miMATRIX, content);
    }

    Bytes logical(const std::string& name, int32_t rows, int32_t cols, const Bytes& columnMajor) const
    {
        return matrix(name, mxUINT8, true, {rows, cols}, element(miUINT8, columnMajor));
    }
    Bytes doubles(const std::string& name, int32_t rows, int32_t cols, const std::vector<double>& columnMajor) const
    {
        Bytes data;
        for (double v : columnMajor) {
            uint8_t raw[8];
            std::memcpy(raw, &v, 8);
            for (int i = 0; i < 8; ++i)
                data.push_back(m_be ? raw[7 - i] : raw[i]);
        }
        return matrix(name, mxDOUBLE, false, {rows, cols}, element(miDOUBLE, data));
    }
    Bytes chars(const std::string& name, const std::string& text) const
    {
        Bytes data;
        for (char c : text)
            put16(data, static_cast<uint16_t>(static_cast<unsigned char>(c)));
        return matrix(name, mxCHAR, false, {1, static_cast<int32_t>(text.size())}, element(4 /*miUINT16*/, data));
    }
    Bytes cell(const std::string& name, int32_t rows, int32_t cols, const std::vector<Bytes>& children) const
    {
        Bytes body;
        for (const Bytes& c : children)
            append(body, c);
        return matrix(name, mxCELL, false, {rows, cols}, body);
    }

    /// Wraps an element in miCOMPRESSED (no padding after it, as MATLAB writes it).
    Bytes compressed(const Bytes& elementBytes) const
    {
        uLongf size = compressBound(static_cast<uLong>(elementBytes.size()));
        Bytes z(size);
        if (compress2(z.data(), &size, elementBytes.data(), static_cast<uLong>(elementBytes.size()), 6) != Z_OK)
            throw std::runtime_error("compress2 failed");
        z.resize(size);
        Bytes b;
        put32(b, miCOMPRESSED);
        put32(b, static_cast<uint32_t>(z.size()));
        append(b, z);
        return b;
    }

    Bytes header(uint16_t version = 0x0100) const
    {
        std::string text = "MATLAB 5.0 MAT-file, Platform: GLNXA64, Created on: Mon Jan  1 00:00:00 2024";
        text.resize(116, ' ');
        Bytes b(text.begin(), text.end());
        b.resize(124, 0);   // subsystem data offset
        put16(b, version);
        if (m_be) {
            b.push_back('M');
            b.push_back('I');
        } else {
            b.push_back('I');
            b.push_back('M');
        }
        return b;
    }

    Bytes file(const std::vector<Bytes>& elements, uint16_t version = 0x0100) const
    {
        Bytes b = header(version);
        for (const Bytes& e : elements)
            append(b, e);
        return b;
    }

    static void append(Bytes& to, const Bytes& from) { to.insert(to.end(), from.begin(), from.end()); }

private:
    bool m_be;
};

} // namespace vaclip::test
