#include "workspace/annotation_files.h"

#include "common/error.h"
#include "common/text_fields.h"
#include "data/ground_truth.h"
#include "io/atomic_file.h"
#include "io/npy.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace fs = std::filesystem;

namespace vaclip {

const char* const kAnnotationFileMarker =
    "# vaclip annotations: 'start end' per line, 0-based frames, end exclusive; '# category' after";

namespace {

bool parseIndex(const std::string& s, int64_t& v)
{
    char* end = nullptr;
    const double d = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size() || d < 0 || d > 9e15 || d != static_cast<double>(static_cast<int64_t>(d)))
        return false;
    v = static_cast<int64_t>(d);
    return true;
}

void checkIntervals(const std::vector<AnnotationRecord>& intervals, int64_t frameCount, const std::string& video)
{
    for (const AnnotationRecord& r : intervals)
        if (r.begin < 0 || r.end <= r.begin || r.end > frameCount)
            throw Error(ErrorCode::InvalidArgument, "annotations of '" + video + "': interval [" +
                                                        std::to_string(r.begin) + ", " + std::to_string(r.end) +
                                                        ") is not inside the video's " + std::to_string(frameCount) +
                                                        " frames");
}

bool writtenByUs(const std::string& path)
{
    std::error_code ec;
    if (!fs::is_regular_file(path, ec))
        return false;
    const std::string text = readFile(path);
    return text.compare(0, std::strlen(kAnnotationFileMarker), kAnnotationFileMarker) == 0;
}

/// Copies a dataset's own file to "<file>.orig" once before it is first replaced.
std::string backupOnce(const std::string& path)
{
    std::error_code ec;
    const std::string backup = path + ".orig";
    if (!fs::is_regular_file(path, ec) || fs::exists(backup, ec) || writtenByUs(path))
        return {};
    writeFileAtomic(backup, readFile(path));
    return backup;
}

/// Labels stored in `like`'s dtype and shape.
NpyArray labelsLike(const NpyArray& like, const std::vector<uint8_t>& labels)
{
    NpyArray out;
    out.dtype = like.dtype;
    out.shape = like.shape;
    const std::size_t size = dtypeSize(like.dtype);
    out.data.assign(labels.size() * size, 0);
    for (std::size_t i = 0; i < labels.size(); ++i) {
        uint8_t* p = out.data.data() + i * size;
        const int v = labels[i] ? 1 : 0;
        switch (like.dtype) {
        case DType::F16: { const uint16_t h = floatToHalf(float(v)); std::memcpy(p, &h, 2); break; }
        case DType::F32: { const float f = float(v); std::memcpy(p, &f, 4); break; }
        case DType::F64: { const double d = double(v); std::memcpy(p, &d, 8); break; }
        case DType::BF16: { const uint16_t b = floatToBfloat16(float(v)); std::memcpy(p, &b, 2); break; }
        default: p[0] = uint8_t(v); break;   // integers and bool, little endian: 1 in the low byte
        }
    }
    return out;
}

std::string newGtRelativePath(const std::string& videoPath)
{
    std::string name = videoPath;
    for (std::size_t i = 0; (i = name.find('/', i)) != std::string::npos;)
        name.replace(i, 1, "__");
    return "gt/annotations/" + name + ".txt";
}

} // namespace

std::string formatAnnotatedRanges(const std::vector<AnnotationRecord>& intervals, const std::string& comment)
{
    std::string out = std::string(kAnnotationFileMarker) + "\n";
    std::size_t pos = 0;
    while (pos < comment.size()) {
        std::size_t nl = comment.find('\n', pos);
        if (nl == std::string::npos)
            nl = comment.size();
        out += "# " + comment.substr(pos, nl - pos) + "\n";
        pos = nl + 1;
    }
    for (const AnnotationRecord& r : intervals) {
        out += std::to_string(r.begin) + " " + std::to_string(r.end);
        std::string category = r.category;
        std::replace(category.begin(), category.end(), '\n', ' ');
        if (!category.empty())
            out += "  # " + category;
        out += "\n";
    }
    return out;
}

std::optional<std::vector<AnnotationRecord>> parseAnnotatedRanges(const std::string& text, const std::string& sourceName)
{
    std::vector<AnnotationRecord> out;
    std::size_t pos = 0;
    int lineNo = 0;
    while (pos < text.size()) {
        std::size_t nl = text.find('\n', pos);
        if (nl == std::string::npos)
            nl = text.size();
        std::string line = text.substr(pos, nl - pos);
        pos = nl + 1;
        ++lineNo;
        std::string category;
        const std::size_t hash = line.find('#');
        if (hash != std::string::npos) {
            category = trimmed(line.substr(hash + 1));
            line.erase(hash);
        }
        const std::vector<std::string> tok = splitFields(line);
        if (tok.empty())
            continue;
        if (tok.size() == 1)
            return std::nullopt;   // per-frame form
        AnnotationRecord r;
        if (tok.size() != 2 || !parseIndex(tok[0], r.begin) || !parseIndex(tok[1], r.end) || r.begin >= r.end)
            throw Error(ErrorCode::Format, quoted(sourceName) + " line " + std::to_string(lineNo) +
                                               ": expected 'start end' (0-based frames, start < end)");
        r.category = category;
        out.push_back(r);
    }
    return out;
}

GroundTruthSave saveAnnotationsToGroundTruth(DatasetMeta& meta, const std::string& metaPath, const std::string& videoPath,
                                             const std::vector<AnnotationRecord>& intervals, int64_t frameCount)
{
    const VideoEntry* found = meta.find(videoPath);
    if (!found)
        throw Error(ErrorCode::NotFound, quoted(metaPath.empty() ? meta.sourcePath : metaPath) + ": no video '" +
                                             videoPath + "' to save annotations of");
    VideoEntry& entry = const_cast<VideoEntry&>(*found);
    if (frameCount <= 0)
        throw Error(ErrorCode::InvalidArgument, "annotations of '" + entry.videoPath +
                                                    "': the video's frame count is unknown (open the video or set "
                                                    "\"frame_count\" in meta.json)");
    checkIntervals(intervals, frameCount, entry.videoPath);
    std::vector<AnnotationRecord> sorted = intervals;
    std::sort(sorted.begin(), sorted.end(), [](const AnnotationRecord& a, const AnnotationRecord& b) {
        return a.begin < b.begin || (a.begin == b.begin && a.end < b.end);
    });
    std::vector<FrameRange> ranges;
    for (const AnnotationRecord& r : sorted)
        ranges.push_back({r.begin, r.end});
    const std::vector<uint8_t> labels = rangesToLabels(ranges, frameCount, entry.videoPath);
    const std::string comment = "ground truth of " + entry.videoPath + ", " + std::to_string(frameCount) + " frames";

    GroundTruthSave result;
    bool metaChanged = false;
    bool written = false;
    if (!entry.gtAbsolutePath.empty()) {
        const std::string& gt = entry.gtAbsolutePath;
        const LabelFormat format = entry.labelFormat.empty() ? detectLabelFormat(gt)
                                                             : parseLabelFormat(entry.labelFormat, entry.location);
        std::error_code ec;
        if (format == LabelFormat::Text) {
            const bool exists = fs::exists(gt, ec);
            const bool perFrame = exists && !parseAnnotatedRanges(readFile(gt), gt);
            result.backupPath = backupOnce(gt);
            writeFileAtomic(gt, perFrame ? formatLabelText(labels, comment) : formatAnnotatedRanges(sorted, comment));
            written = true;
        } else if (format == LabelFormat::Npy) {
            const NpyArray old = readNpy(gt);
            const bool oneD = old.shape.size() == 1 || (old.shape.size() == 2 && (old.shape[0] == 1 || old.shape[1] == 1));
            if (oneD) {
                if (old.numel() != frameCount)
                    throw Error(ErrorCode::Mismatch, quoted(gt) + ": " + std::to_string(old.numel()) +
                                                         " frame labels for a video of " + std::to_string(frameCount) +
                                                         " frames");
                result.backupPath = backupOnce(gt);
                writeNpy(gt, labelsLike(old, labels));
                written = true;
            }
        }
        if (written)
            result.path = gt;
    }
    if (!written) {
        // No ground truth, or pixel masks: intervals go to a ranges file of their own.
        const std::string relative = newGtRelativePath(entry.videoPath);
        const std::string absolute = (fs::path(meta.root) / relative).lexically_normal().string();
        writeFileAtomic(absolute, formatAnnotatedRanges(sorted, comment));
        if (entry.maskPath.empty() && !entry.gtPath.empty()) {
            entry.maskPath = entry.gtPath;
            entry.maskAbsolutePath = entry.gtAbsolutePath;
        }
        entry.gtPath = relative;
        entry.gtAbsolutePath = absolute;
        entry.labelFormat.clear();
        metaChanged = true;
        result.path = absolute;
    }
    const bool anomaly = !sorted.empty();
    if (entry.anomaly != anomaly || entry.frameCount != frameCount) {
        entry.anomaly = anomaly;
        entry.frameCount = frameCount;
        metaChanged = true;
    }
    if (metaChanged) {
        const std::string target = metaPath.empty() ? meta.sourcePath : metaPath;
        if (target.empty())
            throw Error(ErrorCode::InvalidArgument, "annotations of '" + entry.videoPath +
                                                        "': the dataset has no meta.json path to save to");
        saveMeta(meta, target);
        result.metaSaved = true;
    }
    return result;
}

std::vector<AnnotationRecord> loadAnnotationsFromGroundTruth(const VideoEntry& entry, std::optional<int64_t> frameCount)
{
    if (entry.gtAbsolutePath.empty() && !entry.anomaly)
        return {};
    if (!entry.gtAbsolutePath.empty()) {
        const LabelFormat format = entry.labelFormat.empty() ? detectLabelFormat(entry.gtAbsolutePath)
                                                             : parseLabelFormat(entry.labelFormat, entry.location);
        if (format == LabelFormat::Text) {
            const std::string text = readFile(entry.gtAbsolutePath);
            if (auto ranges = parseAnnotatedRanges(text, entry.gtAbsolutePath)) {
                // Checked against the frame count by the standard reader.
                loadFrameLabels(entry, frameCount);
                for (AnnotationRecord& r : *ranges)
                    r.video = entry.videoPath;
                return *ranges;
            }
        }
    }
    std::vector<AnnotationRecord> out;
    for (const FrameRange& r : labelsToRanges(loadFrameLabels(entry, frameCount)))
        out.push_back({0, entry.videoPath, r.begin, r.end, "", ""});
    return out;
}

} // namespace vaclip
