#pragma once
// Internal to core/data: the importer registry and what each format's importer works with.

#include "data/importers.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace vaclip::data {

/// State of one import: where things are and the result being built.
class ImportContext {
public:
    ImportContext(std::string format, std::filesystem::path sourceRoot, std::filesystem::path metaRoot,
                  ImportResult& result);

    const std::string& format() const { return m_format; }
    const std::filesystem::path& sourceRoot() const { return m_sourceRoot; }
    /// <meta folder>/gt/<format>
    std::filesystem::path gtDir() const { return m_metaRoot / "gt" / m_format; }

    /// Appends an entry for `video` (absolute) to a split; paths are made relative to the meta root.
    VideoEntry& add(const std::string& split, const std::string& category, const std::filesystem::path& video,
                    bool anomaly);
    void setGt(VideoEntry& e, const std::filesystem::path& gt) const;
    void setMask(VideoEntry& e, const std::filesystem::path& mask) const;
    /// Queues <gtDir>/<name>.txt with `labels` in the per-frame text form and points e.gt_path at it.
    void addLabelFile(VideoEntry& e, const std::string& name, const std::vector<uint8_t>& labels,
                      const std::string& comment);
    void note(const std::string& text) { m_result.notes.push_back(text); }
    /// Relative to the source root, for messages ("Test/Test001").
    std::string shortName(const std::filesystem::path& p) const;

private:
    std::string rel(const std::filesystem::path& p) const;

    std::string m_format;
    std::filesystem::path m_sourceRoot;
    std::filesystem::path m_metaRoot;
    ImportResult& m_result;
};

struct Importer {
    const char* name;
    const char* description;
    bool (*detect)(const std::filesystem::path& root);
    void (*run)(ImportContext& ctx);
};

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

/// A video found in a folder: a video file (no frame count) or a folder of frames (counted).
struct FoundVideo {
    std::filesystem::path path;
    std::optional<int64_t> frameCount;
    std::string stem() const { return path.stem().string(); }
};
/// Video files and non-empty frame folders directly in `dir` (natural order), skipping
/// sub-folders named in `skip`.
std::vector<FoundVideo> findVideos(const std::filesystem::path& dir, const std::vector<std::string>& skip = {});
/// Frame folders only (sub-folders holding at least one image), natural order.
std::vector<FoundVideo> findFrameFolders(const std::filesystem::path& dir);

} // namespace vaclip::data
