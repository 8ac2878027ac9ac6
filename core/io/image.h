#pragma once
// Still images (png, jpg, bmp, tif, ...) decoded with FFmpeg to RGB8.
//
// Thread safety: free functions, no shared state.

#include <cstdint>
#include <string>
#include <vector>

namespace vaclip {

/// An 8-bit RGB image, rows top to bottom, pixels interleaved R,G,B, no row padding.
struct Image {
    int width = 0;
    int height = 0;
    std::vector<uint8_t> rgb;  ///< width * height * 3 bytes

    bool empty() const { return width == 0 || height == 0; }
    const uint8_t* pixel(int x, int y) const { return rgb.data() + (std::size_t(y) * width + x) * 3; }
};

/// Decodes an image file to RGB8 (grayscale and palette images come out as RGB).
/// Throws vaclip::Error naming the file and FFmpeg's reason when it cannot.
Image readImage(const std::string& path);
/// Writes a PNG (atomically). Used by tests and exports.
void writePng(const std::string& path, const Image& image);

} // namespace vaclip
