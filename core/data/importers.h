#pragma once
// Importers: turn a dataset folder laid out as its authors ship it into a DatasetMeta (meta.json)
// plus, where the original ground truth is not per video, per-video label files.
//
// Formats (listImporters() gives the same list with one-line descriptions):
//  - "ucsd-ped1", "ucsd-ped2": UCSD Anomaly Detection v1p2. The root is the folder holding
//    UCSDped2/ (or UCSDped2/ itself): Train/Train001/*.tif (normal, train split),
//    Test/Test001/*.tif (test split), Test/Test001_gt/*.bmp (pixel masks, when present),
//    Test/UCSDped2.m (frame ranges of every test video in order). The .m ranges are converted to
//    per-frame text files <meta folder>/gt/<format>/Test001.txt; the mask folders become
//    "mask_path". Every Test folder needs a .m line and vice versa; a range past the last frame,
//    or a mask folder whose image count differs from the frame count, is an error.
//  - "shanghaitech": ShanghaiTech Campus, one-class split. training/videos/*.avi (normal;
//    training/frames/<clip>/ also accepted), testing/frames/<scene>_<clip>/NNN.jpg,
//    testing/test_frame_mask/<scene>_<clip>.npy (gt_path, referenced as is; its length must equal
//    the frame count), testing/test_pixel_mask/<scene>_<clip>.npy (mask_path, when present).
//  - "avenue": CUHK Avenue. training_videos/*.avi, testing_videos/*.avi (or training/frames/<v>/,
//    testing/frames/<v>/ frame folders); ground truth per test video, looked up in the first of
//    testing_label_mask/, ground_truth_demo/testing_label_mask/, testing_labels/,
//    test_frame_mask/, testing/test_frame_mask/ that exists, as <N>_label.mat (the original
//    volLabel masks; video "01" -> "1_label.mat"), <video>.mat, <video>.npy or <video>.txt
//    (referenced as is).
//  - "folder": a plain folder of videos (video files or sub-folders of frame images). Either
//    everything directly in the root (all test, anomaly 0), or sub-folders normal/ and abnormal/
//    (test split, anomaly 0/1 by folder). Optional frame labels labels/<video stem>.txt|.npy.
//
// Video paths in the meta are relative to the folder of meta.json, so that folder must be the
// dataset root or one of its parents. Frame counts are recorded for frame folders only.
//
//   ImportResult r = importDataset({"ucsd-ped2", "/data/UCSD/UCSDped2", "/data/UCSD/UCSDped2/meta.json"});
//   writeImport(r, "/data/UCSD/UCSDped2/meta.json");     // gt files, then meta.json, atomically
//   std::string f = detectFormat("/data/shanghaitech");    // "shanghaitech"
//
// Errors: vaclip::Error naming the folder or file and the numbers (NotFound for missing pieces,
// Mismatch for count disagreements, Format for unreadable ground truth).

#include "data/meta.h"

#include <functional>
#include <string>
#include <vector>

namespace vaclip {

class DatasetFormat;  // data/dataset_format.h

struct ImporterInfo {
    std::string name;          ///< "ucsd-ped2"
    std::string description;   ///< one line
};
/// The built-in formats (data/dataset_format.h), in the order `vaclip import --list` used to print them.
std::vector<ImporterInfo> listImporters();

/// Formats whose layout `root` matches ("folder" only when no dataset format matches).
std::vector<std::string> detectFormats(const std::string& root);
/// The single matching format; throws NotFound (nothing matches) or InvalidArgument (several
/// match, listing them).
std::string detectFormat(const std::string& root);

/// Reports a format whose detect() threw (the format, the exception's message).
using DetectFailure = std::function<void(const DatasetFormat& format, const std::string& message)>;
/// detectFormats over any list of formats (built-in or plugins): the names of those whose
/// layout matches; catch-all formats (DatasetFormat::isCatchAll) only when nothing else does.
/// With `onFailure`, a format whose detect throws is reported through it and skipped; without,
/// the exception propagates.
std::vector<std::string> detectFormats(const std::string& root, const std::vector<const DatasetFormat*>& formats,
                                       const DetectFailure& onFailure = {});
/// The single match of detectFormats(root, formats, onFailure), with detectFormat's errors.
std::string detectFormat(const std::string& root, const std::vector<const DatasetFormat*>& formats,
                         const DetectFailure& onFailure = {});

struct ImportOptions {
    std::string format;        ///< a listImporters() name, or "auto" / "" to detect
    std::string sourceRoot;    ///< the dataset as shipped
    std::string metaPath;      ///< where meta.json will be written; its folder becomes the meta root
};

/// A file the import creates next to meta.json (per-video ground truth).
struct GeneratedFile {
    std::string path;          ///< absolute
    std::string content;
};

struct ImportResult {
    std::string format;                 ///< resolved (never "auto")
    std::string sourceRoot;             ///< absolute
    DatasetMeta meta;                   ///< root = folder of metaPath
    std::vector<GeneratedFile> files;   ///< written by writeImport before meta.json
    std::vector<std::string> notes;     ///< non-fatal remarks ("no training videos found")
};

/// Builds the meta (and the gt files to write) without writing anything, with a built-in format.
ImportResult importDataset(const ImportOptions& options);
/// The same with a given format (built-in or from a plugin); options.format is not consulted.
ImportResult importDataset(const ImportOptions& options, const DatasetFormat& format);
/// Writes the generated files and then meta.json, each atomically (creating folders as needed).
void writeImport(const ImportResult& result, const std::string& metaPath);

} // namespace vaclip
