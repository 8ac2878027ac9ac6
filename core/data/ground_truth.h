#pragma once
// Ground truth of video anomaly datasets, converted to per-frame 0/1 labels
// (std::vector<uint8_t>, frame 0 first) and, where the dataset has them, pixel masks.
//
// Formats read (docs/ground_truth_formats.md has the details):
//  - UCSD Ped1/Ped2 "UCSDpedN.m": one MATLAB statement per test video, in order,
//    `TestVideoFile{end+1}.gt_frame = [61:180];` or `[1:15, 45:113]` (also `[1:15 45:113]`,
//    single frames `[5]`, empty `[]`, '%' comments). 1-based inclusive -> 0-based half-open.
//  - UCSD "TestNNN_gt/" folders of mask images (.bmp): a frame is anomalous when any pixel of its
//    mask is nonzero.
//  - .npy: a 1-D array of 0/1 per frame (ShanghaiTech test_frame_mask/), or T x H x W masks
//    (test_pixel_mask/; frame label = any nonzero pixel).
//  - MATLAB MAT v5 .mat (CUHK Avenue testing_label_mask/N_label.mat): variable `volLabel`, a cell
//    array of T per-frame masks (or a T-vector of 0/1, or an H x W x T array).
//  - Plain text, one file per video (what `vaclip import` writes), two forms told apart by the
//    number of values on a line; blank lines and everything after '#' are ignored:
//      * per-frame: exactly one value per line, 0 or 1, one line per frame (frame 0 first);
//        "0.0"/"1.000e+00" (numpy.savetxt) are accepted. The line count must equal the frame count.
//      * ranges: "start end" per line (space, tab or comma separated): 0-based frame indices,
//        start inclusive, end exclusive (Python slice semantics), start < end <= frame count.
//        Frames in no range are normal; a file with no data lines means "no anomalous frame".
//        Needs the frame count from the caller (meta.json "frame_count").
//
// A label count that differs from the video's frame count is an error naming both numbers and the
// file; labels are never padded or cut.
//
//   std::vector<UcsdVideoRanges> m = parseUcsdM("UCSDped2/Test/UCSDped2.m");   // 12 videos
//   std::vector<uint8_t> y = ucsdLabels(m[0], 180, "UCSDped2.m", "Test001");   // 60 x 0, 120 x 1
//   writeLabelText("gt/Test001.txt", y);                                       // per-frame text
//   std::vector<uint8_t> z = loadFrameLabels(entry);         // a meta.json entry, any format
//
// Thread safety: free functions, no shared state.

#include "data/meta.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vaclip {

/// Frames [begin, end), 0-based.
struct FrameRange {
    int64_t begin = 0;
    int64_t end = 0;
    bool operator==(const FrameRange& o) const { return begin == o.begin && end == o.end; }
};

// ---- UCSD .m ---------------------------------------------------------------------------------

/// One `TestVideoFile{end+1}.gt_frame = [...]` statement.
struct UcsdVideoRanges {
    int line = 0;                    ///< 1-based line in the .m file
    std::string text;                ///< the bracket as written, "[1:15, 45:113]"
    std::vector<FrameRange> ranges;  ///< 0-based half-open, in written order
};

/// Parses a UCSD .m ground-truth file; one element per test video, in file order.
/// Throws vaclip::Error (Format) naming the file and line for anything it cannot read, and when
/// the file holds no gt_frame statement.
std::vector<UcsdVideoRanges> parseUcsdM(const std::string& path);
std::vector<UcsdVideoRanges> parseUcsdMText(const std::string& text, const std::string& sourceName);
/// Per-frame labels of one .m video. A range ending after `frameCount` is an error (Mismatch)
/// naming the file, line, video and the numbers (in the file's 1-based notation).
std::vector<uint8_t> ucsdLabels(const UcsdVideoRanges& video, int64_t frameCount,
                                const std::string& sourceName, const std::string& videoName);

// ---- ranges <-> labels -----------------------------------------------------------------------

/// 0/1 labels of `frameCount` frames; overlapping ranges are fine. Throws InvalidArgument
/// "<context>: ..." for begin < 0, begin >= end or end > frameCount.
std::vector<uint8_t> rangesToLabels(const std::vector<FrameRange>& ranges, int64_t frameCount,
                                    const std::string& context);
/// Maximal runs of nonzero labels.
std::vector<FrameRange> labelsToRanges(const std::vector<uint8_t>& labels);
int64_t countAnomalous(const std::vector<uint8_t>& labels);

// ---- plain text ------------------------------------------------------------------------------

/// Parses either text form (see the top of this header). `frameCount` is required for the ranges
/// form and, when given, checked against the per-frame form.
std::vector<uint8_t> parseLabelText(const std::string& text, const std::string& sourceName,
                                    std::optional<int64_t> frameCount = std::nullopt);
std::vector<uint8_t> readLabelText(const std::string& path, std::optional<int64_t> frameCount = std::nullopt);
/// The per-frame form, preceded by "# <comment>" lines when `comment` is not empty (readable by
/// numpy.loadtxt as well).
std::string formatLabelText(const std::vector<uint8_t>& labels, const std::string& comment = {});
/// formatLabelText written atomically.
void writeLabelText(const std::string& path, const std::vector<uint8_t>& labels,
                    const std::string& comment = {});

// ---- masks -----------------------------------------------------------------------------------

/// T binary masks (0/1), each height x width, row-major, frame after frame.
struct FrameMasks {
    int64_t frames = 0;
    int height = 0;
    int width = 0;
    std::vector<uint8_t> data;   ///< frames * height * width values, 0 or 1

    const uint8_t* frame(int64_t t) const { return data.data() + t * int64_t(height) * width; }
    /// 1 for a frame with any nonzero pixel.
    std::vector<uint8_t> frameLabels() const;
};

/// A folder of mask images, one per frame in natural file-name order (001.bmp, 002.bmp, ...);
/// nonzero pixel = anomalous. All images must have the same size.
FrameMasks readMaskFolder(const std::string& dir);
/// The frame labels of a mask folder without keeping the masks.
std::vector<uint8_t> readMaskFolderLabels(const std::string& dir);
/// A T x H x W .npy of any numeric dtype (nonzero = anomalous).
FrameMasks readMaskNpy(const std::string& path);
/// Frame labels from a .npy: 1-D (or T x 1 / 1 x T) 0/1 values, or T x H x W masks.
std::vector<uint8_t> readLabelNpy(const std::string& path);
/// Masks from a MAT v5 file: variable `volLabel` (else the file's only variable) as a cell array
/// of 2-D masks, or an H x W x T array.
FrameMasks readMaskMat(const std::string& path);
/// Frame labels from a MAT v5 file: the masks above (any nonzero), or a vector of 0/1 per frame.
std::vector<uint8_t> readLabelMat(const std::string& path);

// ---- dispatch --------------------------------------------------------------------------------

enum class LabelFormat {
    Auto,        ///< "auto" or "": decided by the path (folder -> MaskFolder, .npy, .mat, .txt/.csv)
    Text,        ///< "text": per-frame or ranges plain text
    Npy,         ///< "npy"
    MaskFolder,  ///< "mask-folder"
    Mat,         ///< "mat"
};
/// Names as listed above; throws Format "<context>: unknown label_format 'x' (expected ...)".
LabelFormat parseLabelFormat(const std::string& name, const std::string& context = {});
const char* toString(LabelFormat format);
/// Resolves Auto from the path; throws Unsupported naming the file for other extensions
/// (including a whole UCSD .m file, which is not per video: import the dataset instead).
LabelFormat detectLabelFormat(const std::string& path);

/// Frame labels of one ground-truth file or folder. When `frameCount` is given the label count
/// must equal it (Mismatch error naming the file and both numbers otherwise).
std::vector<uint8_t> loadFrameLabels(const std::string& path, LabelFormat format,
                                     std::optional<int64_t> frameCount = std::nullopt);
/// Pixel masks of a mask folder, .npy or .mat (Text has none: Unsupported).
FrameMasks loadFrameMasks(const std::string& path, LabelFormat format,
                          std::optional<int64_t> frameCount = std::nullopt);

/// Labels of a meta.json entry. The expected count is `frameCount` if given, else the entry's
/// frame_count (both given and different: Mismatch). Without gt_path a normal video is all zeros
/// (needs a count); an anomalous one is an error (its frames are unknown).
std::vector<uint8_t> loadFrameLabels(const VideoEntry& entry,
                                     std::optional<int64_t> frameCount = std::nullopt);
/// Masks of a meta.json entry: mask_path, else gt_path when that holds masks (folder, 3-D npy,
/// .mat). Throws NotFound when the entry has neither.
FrameMasks loadFrameMasks(const VideoEntry& entry, std::optional<int64_t> frameCount = std::nullopt);

} // namespace vaclip
