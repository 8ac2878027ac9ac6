#pragma once
// Internal helpers of core/data (not a public API): listing dataset folders in a stable,
// human ("natural") order and classifying files by extension.
//
//   for (const auto& frame : data::listImageFiles(dir)) { ... }   // 001.tif, 002.tif, ..., 010.tif

#include "common/natural_sort.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace vaclip::data {

using vaclip::naturalLess;  // common/natural_sort.h

/// Lower-case extension with the dot (".tif"), "" when none.
std::string lowerExtension(const std::filesystem::path& p);
bool isImageFile(const std::filesystem::path& p);   ///< .bmp .jpg .jpeg .png .tif .tiff
bool isVideoFile(const std::filesystem::path& p);   ///< .avi .mp4 .mkv .mov .webm .mpg .mpeg .m4v .wmv .flv .ts
bool isHidden(const std::filesystem::path& p);      ///< name starts with '.' (also macOS "._x" files)

/// Regular, non-hidden files in `dir` (not recursive) accepted by `keep`, natural order.
/// Throws vaclip::Error (NotFound / Io) naming `dir`.
std::vector<std::filesystem::path> listFiles(const std::filesystem::path& dir,
                                             bool (*keep)(const std::filesystem::path&));
std::vector<std::filesystem::path> listImageFiles(const std::filesystem::path& dir);
/// Non-hidden sub-folders of `dir`, natural order.
std::vector<std::filesystem::path> listSubdirectories(const std::filesystem::path& dir);
/// Number of image files directly in `dir`.
int64_t countImageFiles(const std::filesystem::path& dir);

bool isDirectory(const std::filesystem::path& p);     ///< no-throw
bool isRegularFile(const std::filesystem::path& p);   ///< no-throw

} // namespace vaclip::data
