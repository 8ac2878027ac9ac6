#pragma once
// Annotations (anomalous frame intervals with a category) to and from a dataset's ground-truth
// files, in the formats of docs/ground_truth_formats.md, so that `vaclip evaluate`, the importers'
// readers and research code read what the studio saved.
//
//   DatasetMeta meta = loadMeta("/data/walkway/meta.json");
//   std::vector<AnnotationRecord> a = {{0, "", 60, 180, "bicycle", ""}};
//   GroundTruthSave s = saveAnnotationsToGroundTruth(meta, "/data/walkway/meta.json",
//                                                    "videos/test_003.mp4", a, 240);
//   // s.path: the file written; meta (and meta.json, when it changed) updated
//   std::vector<AnnotationRecord> back = loadAnnotationsFromGroundTruth(*meta.find("videos/test_003.mp4"));
//
// Where the intervals go (frames 0-based, [begin, end)):
//   - gt_path is a ranges text file, or a text file that does not exist yet: rewritten in the
//     ranges form, one "begin end  # category" line per interval (the reader ignores the comment;
//     loadAnnotationsFromGroundTruth reads the category back);
//   - gt_path is a per-frame text file: rewritten per frame (categories are not kept there);
//   - gt_path is a 1-D .npy of frame labels (ShanghaiTech): rewritten with the same dtype and shape;
//   - no gt_path, or pixel masks (mask folder, .mat, 3-D .npy) that intervals cannot express:
//     a new ranges file <root>/gt/annotations/<video path with '/' -> '__'>.txt becomes gt_path;
//     masks stay referenced as mask_path (set to the old gt_path when it had none).
// The entry's "anomaly" becomes 1 exactly when there is an interval, "frame_count" is set, and
// meta.json is saved (atomically) when any of that changed. A dataset file that existed before
// the first save is kept as "<file>.orig" (made once; files this code wrote are not backed up).
// Every file is written atomically.
//
// Errors (vaclip::Error): an interval outside [0, frameCount) or empty -> InvalidArgument naming
// the video; a video not in meta -> NotFound; unreadable existing files -> their reader's error.
// Thread safety: free functions, no shared state (they write files).

#include "data/meta.h"
#include "workspace/workspace.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vaclip {

/// The first line of every ranges file written here.
extern const char* const kAnnotationFileMarker;

/// The ranges form with categories after '#'. `comment` lines (may be empty) follow the marker.
std::string formatAnnotatedRanges(const std::vector<AnnotationRecord>& intervals, const std::string& comment = {});
/// The intervals of a ranges-form text (anyone's), with the text after '#' on a data line as the
/// category. std::nullopt when the text is in the per-frame form (one value per line). Throws
/// Format naming `sourceName` and the line for anything else.
std::optional<std::vector<AnnotationRecord>> parseAnnotatedRanges(const std::string& text,
                                                                  const std::string& sourceName);

struct GroundTruthSave {
    std::string path;          ///< the ground-truth file written
    std::string backupPath;    ///< "<file>.orig" made by this save, "" when none
    bool metaSaved = false;    ///< meta.json was rewritten
};

/// Saves the intervals of one video (`videoPath` as written in meta.json, or its absolute path)
/// into its ground truth; see the top of this header. `metaPath` is where meta.json is saved
/// when the entry changed ("" = meta.sourcePath).
GroundTruthSave saveAnnotationsToGroundTruth(DatasetMeta& meta, const std::string& metaPath,
                                             const std::string& videoPath,
                                             const std::vector<AnnotationRecord>& intervals, int64_t frameCount);

/// The intervals of an entry's ground truth: as written in an annotated ranges file (with
/// categories), else the maximal runs of its frame labels (no category). A normal entry without
/// gt_path has none. `frameCount` as in loadFrameLabels.
std::vector<AnnotationRecord> loadAnnotationsFromGroundTruth(const VideoEntry& entry,
                                                             std::optional<int64_t> frameCount = std::nullopt);

} // namespace vaclip
