// Example dataset-format plugin: "interval-csv". A layout many labs end up with when they record
// their own cameras - a folder of videos plus one CSV of the anomalous intervals:
//
//   <root>/videos/cam1_0001.mp4           test videos: video files or folders of frame images
//   <root>/videos/cam1_0002/000001.png
//   <root>/annotations.csv                 video,first_frame,last_frame   (0-based, inclusive)
//   <root>/train/normal_0001.mp4           optional: normal training videos
//
//   # annotations.csv: '#' starts a comment; the header line is optional
//   video,first_frame,last_frame
//   cam1_0001,120,180
//   cam1_0001,300,340
//   cam1_0002,15,15
//
// A test video without a row is normal. `vaclip import` writes one per-frame label file per test
// video (gt/interval-csv/<video>.txt) and meta.json. Copy this file as the start of a new format:
// the four methods below and the JSON next to it are all a plugin needs (README.md).
#include "vaclip_dataset_plugin.h"

#include "common/error.h"
#include "data/ground_truth.h"
#include "io/frame_reader.h"

#include <QObject>

#include <fstream>
#include <map>
#include <sstream>

namespace fs = std::filesystem;

namespace {

/// Anomalous frame ranges per video name, with the CSV line each came from (for messages).
struct Interval {
    vaclip::FrameRange range;   // 0-based, half-open
    int line = 0;
};
using Annotations = std::map<std::string, std::vector<Interval>>;

std::string trim(const std::string& s)
{
    const auto b = s.find_first_not_of(" \t\r");
    const auto e = s.find_last_not_of(" \t\r");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

int64_t parseFrame(const std::string& text, const std::string& where)
{
    std::size_t used = 0;
    long long v = -1;
    try {
        v = std::stoll(text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != text.size() || text.empty() || v < 0)
        throw vaclip::Error(vaclip::ErrorCode::Format, where + ": '" + text + "' is not a frame index (0, 1, 2, ...)");
    return v;
}

/// Reads annotations.csv. Throws vaclip::Error (Format) naming the file and line.
Annotations readAnnotations(const fs::path& csv)
{
    std::ifstream in(csv);
    if (!in)
        throw vaclip::Error(vaclip::ErrorCode::NotFound, vaclip::quoted(csv.string()) + ": cannot be read");
    Annotations out;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        line = trim(line.substr(0, line.find('#')));
        if (line.empty())
            continue;
        std::vector<std::string> fields;
        std::stringstream ss(line);
        for (std::string f; std::getline(ss, f, ',');)
            fields.push_back(trim(f));
        const std::string where = vaclip::quoted(csv.string()) + " line " + std::to_string(number);
        if (fields.size() != 3)
            throw vaclip::Error(vaclip::ErrorCode::Format,
                                where + ": expected 3 fields video,first_frame,last_frame, found "
                                    + std::to_string(fields.size()));
        if (out.empty() && fields[1] == "first_frame")
            continue;   // the header
        const int64_t first = parseFrame(fields[1], where);
        const int64_t last = parseFrame(fields[2], where);
        if (last < first)
            throw vaclip::Error(vaclip::ErrorCode::Format, where + ": last frame " + std::to_string(last)
                                                               + " is before first frame " + std::to_string(first));
        out[fields[0]].push_back({{first, last + 1}, number});
    }
    return out;
}

/// Frame count: counted images for a frame folder, else the video's exact count (one demux pass).
int64_t frameCountOf(const vaclip::FoundVideo& v)
{
    return v.frameCount ? *v.frameCount : vaclip::FrameReader::open(v.path.string())->info().frameCount;
}

/// Labels of one video from its intervals; an interval past the end is an error naming the line.
std::vector<uint8_t> labelsOf(const std::vector<Interval>& intervals, int64_t frames, const fs::path& csv,
                              const std::string& video)
{
    std::vector<vaclip::FrameRange> ranges;
    for (const Interval& i : intervals) {
        if (i.range.end > frames)
            throw vaclip::Error(vaclip::ErrorCode::Mismatch,
                                vaclip::quoted(csv.string()) + " line " + std::to_string(i.line) + ": last frame "
                                    + std::to_string(i.range.end - 1) + " of " + video + ", which has "
                                    + std::to_string(frames) + " frames (0.." + std::to_string(frames - 1) + ")");
        ranges.push_back(i.range);
    }
    return vaclip::rangesToLabels(ranges, frames, video);
}

/// Every name in the CSV must be a video in videos/ (a typo would silently make a video normal).
void checkAllUsed(const Annotations& annotations, const std::vector<vaclip::FoundVideo>& videos, const fs::path& csv)
{
    for (const auto& [name, intervals] : annotations) {
        bool found = false;
        for (const vaclip::FoundVideo& v : videos)
            found = found || v.stem() == name;
        if (!found)
            throw vaclip::Error(vaclip::ErrorCode::Mismatch, vaclip::quoted(csv.string()) + " line "
                                                                 + std::to_string(intervals.front().line) + ": video '"
                                                                 + name + "' is not in videos/");
    }
}

} // namespace

namespace vaclip::plugins {

class IntervalCsvFormat final : public QObject, public DatasetFormat {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID VACLIP_DATASET_PLUGIN_IID FILE "interval_csv.json")
    Q_INTERFACES(vaclip::DatasetFormat)

public:
    // name() must equal "name" in interval_csv.json (the host checks).
    std::string name() const override { return "interval-csv"; }
    std::string description() const override
    {
        return "videos/ (files or frame folders) + annotations.csv of anomalous frame intervals (video,first,last), "
               "optional train/";
    }
    bool isCatchAll() const override { return false; }

    // Cheap: names only. Never decode here; detection runs every plugin on every folder.
    bool detect(const fs::path& root) const override
    {
        std::error_code ec;
        return fs::is_regular_file(root / "annotations.csv", ec) && fs::is_directory(root / "videos", ec);
    }

    void import(ImportContext& ctx) const override
    {
        const fs::path& root = ctx.sourceRoot();
        const fs::path csv = root / "annotations.csv";
        const Annotations annotations = readAnnotations(csv);
        std::error_code ec;
        if (fs::is_directory(root / "train", ec))
            for (const FoundVideo& v : findVideos(root / "train"))
                ctx.add("train", "interval-csv", v.path, false).frameCount = v.frameCount;
        else
            ctx.note("no train/ folder: the meta has no training videos");

        const std::vector<FoundVideo> videos = findVideos(root / "videos");
        checkAllUsed(annotations, videos, csv);
        for (const FoundVideo& v : videos) {
            const int64_t frames = frameCountOf(v);
            const auto it = annotations.find(v.stem());
            const std::vector<uint8_t> labels =
                labelsOf(it == annotations.end() ? std::vector<Interval>{} : it->second, frames, csv, v.stem());
            VideoEntry& e = ctx.add("test", "interval-csv", v.path, countAnomalous(labels) > 0);
            e.frameCount = frames;
            ctx.addLabelFile(e, v.stem(), labels, "ground truth of videos/" + v.path.filename().string()
                                                      + " from annotations.csv; one label per frame, frame 0 first");
        }
    }

    // Read straight from the CSV (no import needed): one entry per test video.
    std::vector<VideoGroundTruth> readGroundTruth(const fs::path& root) const override
    {
        const fs::path csv = root / "annotations.csv";
        const Annotations annotations = readAnnotations(csv);
        const std::vector<FoundVideo> videos = findVideos(root / "videos");
        checkAllUsed(annotations, videos, csv);
        std::vector<VideoGroundTruth> out;
        for (const FoundVideo& v : videos) {
            const auto it = annotations.find(v.stem());
            VideoGroundTruth g;
            g.video = "videos/" + v.path.filename().string();
            g.labels = labelsOf(it == annotations.end() ? std::vector<Interval>{} : it->second, frameCountOf(v), csv,
                                v.stem());
            g.source = csv.string();
            out.push_back(std::move(g));
        }
        return out;
    }
};

} // namespace vaclip::plugins

#include "interval_csv_plugin.moc"
