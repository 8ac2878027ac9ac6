#pragma once
// What a dataset-format importer works with: the state of one import (where the dataset is,
// where meta.json goes, the result being built) and the folder helpers every format needs.
// Part of the dataset-format SDK (plugins/sdk/vaclip_dataset_plugin.h): built-in formats and
// plugins fill an ImportContext the same way.
//
//   void MyFormat::import(vaclip::ImportContext& ctx) const
//   {
//       for (const vaclip::FoundVideo& v : vaclip::findVideos(ctx.sourceRoot() / "videos")) {
//           vaclip::VideoEntry& e = ctx.add("test", "mycam", v.path, false);
//           e.frameCount = v.frameCount;                        // known for frame folders only
//           ctx.addLabelFile(e, v.stem(), labels, "from annotations.csv");  // gt/<format>/<stem>.txt
//       }
//   }
//
// Paths given to add/setGt/setMask are absolute (or relative to the working directory); the meta
// records them relative to the folder of meta.json. Errors: vaclip::Error naming the file.
// Thread safety: one ImportContext per import, used from one thread.

#include "data/importers.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace vaclip {

/// State of one import: where things are and the result being built.
class ImportContext {
public:
    ImportContext(std::string format, std::filesystem::path sourceRoot, std::filesystem::path metaRoot,
                  ImportResult& result);

    const std::string& format() const { return m_format; }
    /// The dataset as shipped: absolute, normalised, no trailing slash.
    const std::filesystem::path& sourceRoot() const { return m_sourceRoot; }
    /// Folder of meta.json (the source root or a folder above it).
    const std::filesystem::path& metaRoot() const { return m_metaRoot; }
    /// <meta folder>/gt/<format>
    std::filesystem::path gtDir() const { return m_metaRoot / "gt" / m_format; }

    /// Appends an entry for `video` to split "train" or "test"; paths are made relative to the
    /// meta root. The returned reference is valid until the next add().
    VideoEntry& add(const std::string& split, const std::string& category, const std::filesystem::path& video,
                    bool anomaly);
    /// Points the entry at a ground-truth file the dataset ships (read as is by loadFrameLabels).
    void setGt(VideoEntry& e, const std::filesystem::path& gt) const;
    void setMask(VideoEntry& e, const std::filesystem::path& mask) const;
    /// Queues <gtDir>/<name>.txt with `labels` in the per-frame text form and points e.gt_path at
    /// it (for ground truth that is not one readable file per video). Two videos writing the same
    /// name is an InvalidArgument error.
    void addLabelFile(VideoEntry& e, const std::string& name, const std::vector<uint8_t>& labels,
                      const std::string& comment);
    /// A non-fatal remark shown after the import ("no training videos found").
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

/// A video found in a folder: a video file (no frame count) or a folder of frames (counted).
struct FoundVideo {
    std::filesystem::path path;
    std::optional<int64_t> frameCount;
    std::string stem() const { return path.stem().string(); }
};
/// Video files and non-empty frame folders directly in `dir` (natural order), skipping
/// sub-folders named in `skip`. Throws NotFound when `dir` is not a folder.
std::vector<FoundVideo> findVideos(const std::filesystem::path& dir, const std::vector<std::string>& skip = {});
/// Frame folders only (sub-folders holding at least one image), natural order.
std::vector<FoundVideo> findFrameFolders(const std::filesystem::path& dir);

} // namespace vaclip
