#pragma once
// Dataset meta.json, in the format of the research code:
//
//   {
//     "train": { "ped2": [ {"video_path": "UCSDped2/Train/Train001", "anomaly": 0, "gt_path": ""} ] },
//     "test":  { "ped2": [ {"video_path": "UCSDped2/Test/Test001", "anomaly": 1,
//                           "gt_path": "gt/ucsd-ped2/Test001.txt", "frame_count": 180,
//                           "mask_path": "UCSDped2/Test/Test001_gt"} ] }
//   }
//
// Keys of an entry: "video_path" (string, required: a video file or a folder of frames),
// "anomaly" (0/1 or false/true, required), "gt_path" (string, optional, "" or null = none),
// "frame_count" (integer >= 0, optional), "label_format" (string, optional, see
// ground_truth.h LabelFormat), "mask_path" (string, optional). Other keys are kept verbatim and
// written back by saveMeta. All paths are relative to the dataset root, which is the folder of
// meta.json unless LoadMetaOptions::root says otherwise; a path may not leave the root (no "..",
// no absolute path outside it). Absolute paths inside the root are accepted.
//
//   DatasetMeta meta = loadMeta("/data/UCSDped2/meta.json");   // validated, paths resolved
//   for (const VideoEntry& v : meta.test)
//       std::cout << v.absolutePath << (v.anomaly ? " anomalous\n" : " normal\n");
//   saveMeta(meta, "/data/UCSDped2/meta.json");                 // atomic, pretty JSON
//
// Every problem is a vaclip::Error naming the file and the JSON location:
//   "'/data/meta.json': test/bike[3]: missing key 'video_path'".
//
// Thread safety: free functions, no shared state.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace vaclip {

/// One video of a split.
struct VideoEntry {
    std::string split;             ///< "train" or "test"
    std::string category;          ///< the key the entry is listed under
    std::string videoPath;         ///< as written in meta.json
    std::string absolutePath;      ///< root / videoPath, lexically normalised
    bool anomaly = false;
    std::string gtPath;            ///< as written; "" when none
    std::string gtAbsolutePath;    ///< "" when none
    std::string maskPath;          ///< optional "mask_path" as written
    std::string maskAbsolutePath;
    std::string labelFormat;       ///< optional "label_format"; "" = decided by the gt file name
    std::optional<int64_t> frameCount;  ///< optional "frame_count"
    /// Other keys of the entry in file order: name -> JSON text (written back by saveMeta).
    std::vector<std::pair<std::string, std::string>> extra;
    /// "test/bike[3]" (split/category[index in category]) for messages.
    std::string location;
};

struct DatasetMeta {
    std::string root;              ///< absolute, lexically normalised
    std::string sourcePath;        ///< the file it was loaded from ("" when built in memory)
    std::vector<VideoEntry> train; ///< file order
    std::vector<VideoEntry> test;  ///< file order

    /// "train" or "test"; throws InvalidArgument for other names.
    const std::vector<VideoEntry>& split(const std::string& name) const;
    std::vector<VideoEntry>& split(const std::string& name);
    /// Category names of a split in first-seen order.
    std::vector<std::string> categories(const std::string& split) const;
    std::size_t anomalousCount(const std::string& split) const;
    /// The entry whose videoPath (as written) or absolutePath equals `path`, or nullptr.
    const VideoEntry* find(const std::string& path) const;
};

struct LoadMetaOptions {
    std::string root;              ///< "" = the folder of the meta.json
    bool checkFilesExist = true;   ///< video, gt and mask paths must exist on disk
};

/// Reads and validates a meta.json. Throws vaclip::Error naming the file and the JSON location for:
/// invalid JSON, unknown top-level keys, wrong types, missing keys, anomaly not 0/1, empty or
/// escaping paths, duplicate video paths (also across splits), missing files (when checked).
DatasetMeta loadMeta(const std::string& path, const LoadMetaOptions& options = {});
/// The same from JSON text; `sourceName` is used in messages and, when options.root is empty,
/// its folder is the root.
DatasetMeta parseMeta(const std::string& jsonText, const std::string& sourceName,
                      const LoadMetaOptions& options = {});

/// Pretty JSON (2-space indent) in the research format. Both splits are always written;
/// entries are grouped by category in first-seen order (file order within a category);
/// "gt_path" is always written ("" when none); optional keys only when set.
/// An entry with an empty videoPath (gtPath, maskPath) is written relative to meta.root from its
/// absolute path. Throws InvalidArgument for a path outside the root.
std::string metaToJson(const DatasetMeta& meta);
/// metaToJson written atomically (io/atomic_file.h). The paths stay relative to meta.root, so
/// `path` should be in meta.root unless every reader is given the root.
void saveMeta(const DatasetMeta& meta, const std::string& path);

/// Resolves a path as written in meta.json against `root` (absolute, normalised result).
/// Throws vaclip::Error (Format) "<context>: path 'x' leaves the dataset root 'R'" for "..",
/// absolute paths outside the root, the root itself, and empty paths.
std::string resolveDatasetPath(const std::string& root, const std::string& written,
                               const std::string& context);
/// `absolute` relative to `root` in generic form ("Test/Test001"); throws InvalidArgument when it
/// is not strictly inside the root.
std::string relativeToRoot(const std::string& root, const std::string& absolute);
/// True when `path` (normalised lexically) is strictly inside `root`.
bool isInsideRoot(const std::string& root, const std::string& path);

} // namespace vaclip
