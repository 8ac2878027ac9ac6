// vaclip info META.json: a dataset's splits, videos, frame counts and label counts.
#include "common/error.h"
#include "data/ground_truth.h"
#include "data/meta.h"
#include "io/frame_reader.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

namespace vaclip::cli {

namespace {

struct VideoSummary {
    const VideoEntry* entry = nullptr;
    int64_t frames = -1;          ///< -1 = unknown
    int64_t anomalousFrames = -1; ///< -1 = no labels
    std::string problem;          ///< a ground-truth or video problem, "" when fine
};

VideoSummary summarise(const VideoEntry& e, bool checkVideos)
{
    VideoSummary s;
    s.entry = &e;
    if (e.frameCount)
        s.frames = *e.frameCount;
    try {
        if (checkVideos) {
            const int64_t actual = FrameReader::open(e.absolutePath)->info().frameCount;
            if (s.frames >= 0 && actual != s.frames)
                throw Error(ErrorCode::Mismatch, quoted(e.absolutePath) + ": meta.json says " + std::to_string(s.frames)
                                                     + " frames, the video has " + std::to_string(actual));
            s.frames = actual;
        }
        if (!e.gtPath.empty() || (!e.anomaly && s.frames >= 0)) {
            std::vector<uint8_t> labels = loadFrameLabels(e, s.frames >= 0 ? std::optional<int64_t>(s.frames) : std::nullopt);
            s.frames = int64_t(labels.size());
            s.anomalousFrames = countAnomalous(labels);
        }
    } catch (const Error& err) {
        s.problem = err.what();
    }
    return s;
}

} // namespace

void printMetaInfo(const std::string& path, bool json, bool checkVideos)
{
    LoadMetaOptions options;
    const DatasetMeta meta = loadMeta(path, options);
    std::vector<VideoSummary> rows;
    for (const char* split : {"train", "test"})
        for (const VideoEntry& e : meta.split(split))
            rows.push_back(summarise(e, checkVideos));

    int problems = 0;
    for (const VideoSummary& r : rows)
        problems += r.problem.empty() ? 0 : 1;

    if (json) {
        nlohmann::json j = {{"path", path}, {"root", meta.root}};
        for (const char* split : {"train", "test"}) {
            j["splits"][split] = {{"videos", meta.split(split).size()},
                                  {"anomalous_videos", meta.anomalousCount(split)},
                                  {"categories", meta.categories(split)}};
        }
        for (const VideoSummary& r : rows) {
            nlohmann::json v = {{"split", r.entry->split},
                                {"category", r.entry->category},
                                {"video_path", r.entry->videoPath},
                                {"anomaly", r.entry->anomaly},
                                {"gt_path", r.entry->gtPath}};
            if (r.frames >= 0)
                v["frames"] = r.frames;
            if (r.anomalousFrames >= 0)
                v["anomalous_frames"] = r.anomalousFrames;
            if (!r.problem.empty())
                v["problem"] = r.problem;
            j["videos"].push_back(v);
        }
        std::cout << j.dump(2) << "\n";
    } else {
        std::printf("%s\n  root        %s\n", path.c_str(), meta.root.c_str());
        for (const char* split : {"train", "test"}) {
            std::string cats;
            for (const std::string& c : meta.categories(split))
                cats += (cats.empty() ? "" : ", ") + c;
            std::printf("  %-11s %zu videos, %zu anomalous%s%s\n", split, meta.split(split).size(),
                        meta.anomalousCount(split), cats.empty() ? "" : "; categories: ", cats.c_str());
        }
        std::printf("\n  %-5s %-40s %7s %10s  %s\n", "split", "video", "frames", "anomalous", "ground truth");
        int64_t totalFrames = 0, totalAnomalous = 0;
        for (const VideoSummary& r : rows) {
            std::string frames = r.frames >= 0 ? std::to_string(r.frames) : "?";
            std::string anomalous = r.anomalousFrames >= 0 ? std::to_string(r.anomalousFrames) : "-";
            std::printf("  %-5s %-40s %7s %10s  %s\n", r.entry->split.c_str(), r.entry->videoPath.c_str(),
                        frames.c_str(), anomalous.c_str(), r.entry->gtPath.empty() ? "-" : r.entry->gtPath.c_str());
            if (r.entry->split == "test" && r.frames >= 0 && r.anomalousFrames >= 0) {
                totalFrames += r.frames;
                totalAnomalous += r.anomalousFrames;
            }
        }
        if (totalFrames > 0)
            std::printf("\n  test frames with labels: %lld, anomalous %lld (%.1f%%)\n", static_cast<long long>(totalFrames),
                        static_cast<long long>(totalAnomalous), 100.0 * double(totalAnomalous) / double(totalFrames));
        for (const VideoSummary& r : rows)
            if (!r.problem.empty())
                std::printf("  problem     %s\n", r.problem.c_str());
    }
    if (problems > 0)
        throw Error(ErrorCode::Mismatch, quoted(path) + ": " + std::to_string(problems)
                                             + " video(s) with ground-truth or frame-count problems (listed above)");
}

} // namespace vaclip::cli
