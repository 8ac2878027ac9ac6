#pragma once
// Internal to core/data: the built-in formats' detect and import functions (wrapped as
// DatasetFormat objects in builtin_formats.cpp).

#include "data/import_context.h"
#include "data/importers.h"

#include <filesystem>

namespace vaclip::data {

bool detectUcsdPed1(const std::filesystem::path& root);
bool detectUcsdPed2(const std::filesystem::path& root);
void importUcsdPed1(ImportContext& ctx);
void importUcsdPed2(ImportContext& ctx);
bool detectShanghaiTech(const std::filesystem::path& root);
void importShanghaiTech(ImportContext& ctx);
bool detectAvenue(const std::filesystem::path& root);
void importAvenue(ImportContext& ctx);
bool detectFolder(const std::filesystem::path& root);
void importFolder(ImportContext& ctx);

/// Absolute, lexically normal, without a trailing separator.
std::filesystem::path normalised(const std::filesystem::path& p);

} // namespace vaclip::data
