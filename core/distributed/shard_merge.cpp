#include "distributed/shard_merge.h"

#include "common/error.h"
#include "features/extractor.h"
#include "features/feature_cache.h"
#include "io/atomic_file.h"
#include "io/safetensors.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

namespace vaclip::distributed {

namespace fs = std::filesystem;

namespace {

bool endsWith(const std::string& s, const std::string& tail)
{
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

std::string shardOf(std::size_t position, int shards)
{
    if (shards <= 0)
        return "";
    return " (shard " + std::to_string(position % std::size_t(shards)) + "/" + std::to_string(shards) + ")";
}

std::string metadataOf(const std::string& file, const std::string& key)
{
    try {
        const SafetensorsFile f = SafetensorsFile::open(file);
        const auto& m = f.metadata();
        const auto it = m.find(key);
        return it == m.end() ? "" : it->second;
    } catch (const Error&) {
        return "";
    }
}

} // namespace

MergeReport mergeShards(const std::vector<std::string>& videoList, const MergeOptions& o)
{
    if (o.cacheDir.empty() || o.backboneId.empty() || o.preprocessing.empty())
        throw Error(ErrorCode::InvalidArgument, "merge needs the cache folder, the backbone id and the preprocessing");
    const std::vector<std::string> videos = selectShard(videoList, Shard{0, 1});  // sorted, unique
    if (videos.empty())
        throw Error(ErrorCode::InvalidArgument, "merge: the video list is empty");
    const FeatureCache cache(o.cacheDir);
    const fs::path dir = fs::path(o.cacheDir) / o.backboneId / o.preprocessing;

    // What is on disk: finished files by the video_path they name, chunk files by video id.
    std::map<std::string, std::vector<std::string>> filesByVideo;
    std::map<std::string, int> partsById;
    std::error_code ec;
    if (fs::is_directory(dir, ec))
        for (const auto& e : fs::directory_iterator(dir)) {
            const std::string name = e.path().filename().string();
            if (!endsWith(name, ".safetensors"))
                continue;
            if (const auto p = name.find(".part-"); p != std::string::npos)
                ++partsById[name.substr(0, p)];
            else
                filesByVideo[metadataOf(e.path().string(), "video_path")].push_back(e.path().string());
        }

    std::vector<std::string> missing, incomplete, mismatched;
    std::map<std::string, std::string> idOwner;  // content id -> first list entry
    MergeReport report;
    nlohmann::json entries = nlohmann::json::array();
    std::set<std::string> listedFiles;
    for (std::size_t i = 0; i < videos.size(); ++i) {
        const std::string& v = videos[i];
        std::string id;
        try {
            id = videoContentId(v);
        } catch (const Error& e) {
            missing.push_back(v + shardOf(i, o.shards) + ": " + e.what());
            continue;
        }
        if (const auto [it, fresh] = idOwner.emplace(id, v); !fresh)
            mismatched.push_back("duplicate: " + v + " has the same content as " + it->second + " (id " + id + ")");
        const FeatureKey key{id, o.backboneId, o.preprocessing, o.tokens};
        listedFiles.insert(fs::path(cache.videoFile(key)).lexically_normal().string());
        if (const auto parts = partsById.find(id); parts != partsById.end())
            incomplete.push_back(v + shardOf(i, o.shards) + ": " + std::to_string(parts->second) +
                                 " chunk file(s) of an interrupted extraction; rerun that shard");
        std::string why;
        const auto f = cache.open(key, &why);
        if (!f) {
            std::string other;
            if (fs::is_directory(o.cacheDir, ec))
                for (const auto& b : fs::directory_iterator(o.cacheDir))
                    if (b.is_directory() && b.path().filename() != o.backboneId &&
                        fs::exists(b.path() / o.preprocessing / (id + ".safetensors")))
                        other = b.path().filename().string();
            if (!other.empty())
                mismatched.push_back(v + shardOf(i, o.shards) + ": extracted with backbone " + other + ", not " + o.backboneId);
            else if (!partsById.count(id))
                missing.push_back(v + shardOf(i, o.shards) + ": " + why);
            continue;
        }
        const auto named = filesByVideo.find(f->videoPath());
        if (named != filesByVideo.end() && named->second.size() > 1) {
            std::string list;
            for (const auto& p : named->second)
                list += (list.empty() ? "" : ", ") + fs::path(p).filename().string();
            mismatched.push_back(v + ": " + std::to_string(named->second.size()) + " cached files name this video (" + list +
                                 "): its content changed between shards; remove the stale ones and rerun");
            named->second.clear();  // report once
        }
        if (report.videos == 0) {
            report.dim = f->dim();
            report.tokens = f->tokens();
        } else if (f->dim() != report.dim || f->tokens() != report.tokens) {
            mismatched.push_back(v + ": " + std::to_string(f->dim()) + "-d features with " + std::to_string(f->tokens()) +
                                 " tokens per frame, others " + std::to_string(report.dim) + "-d with " +
                                 std::to_string(report.tokens));
        }
        ++report.videos;
        report.frames += f->frames();
        entries.push_back({{"video_path", v},
                           {"video_id", id},
                           {"file", fs::path(f->path()).filename().string()},
                           {"frames", f->frames()},
                           {"fps", f->fps()}});
    }
    for (const auto& [video, files] : filesByVideo)
        for (const auto& file : files)
            if (!listedFiles.count(fs::path(file).lexically_normal().string()))
                report.extraFiles.push_back(file);

    if (!missing.empty() || !incomplete.empty() || !mismatched.empty()) {
        std::string msg = "merge of " + dir.string() + ": ";
        std::vector<std::string> all;
        auto add = [&](const std::vector<std::string>& items, const std::string& what) {
            if (items.empty())
                return;
            msg += std::to_string(items.size()) + " " + what + ", ";
            all.insert(all.end(), items.begin(), items.end());
        };
        add(missing, "of " + std::to_string(videos.size()) + " videos missing");
        add(incomplete, "incomplete");
        add(mismatched, "inconsistent");
        msg.resize(msg.size() - 2);
        for (std::size_t i = 0; i < std::min<std::size_t>(5, all.size()); ++i)
            msg += "; " + all[i];
        if (all.size() > 5)
            msg += "; ... (" + std::to_string(all.size() - 5) + " more)";
        throw Error(mismatched.empty() ? ErrorCode::NotFound : ErrorCode::Mismatch, msg);
    }
    const nlohmann::json index = {{"format", "vaclip-feature-index"},
                                  {"version", 1},
                                  {"backbone_id", o.backboneId},
                                  {"preprocessing", o.preprocessing},
                                  {"dim", report.dim},
                                  {"tokens", report.tokens},
                                  {"videos", report.videos},
                                  {"frames", report.frames},
                                  {"entries", entries}};
    report.indexPath = (dir / "index.json").string();
    writeFileAtomic(report.indexPath, index.dump(1) + "\n");
    return report;
}

std::vector<FeatureIndexEntry> readFeatureIndex(const std::string& indexPath)
{
    std::ifstream in(indexPath);
    if (!in)
        throw Error(ErrorCode::NotFound, "feature index " + quoted(indexPath) + " does not exist (vaclip extract --merge)");
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(in);
        if (j.at("format") != "vaclip-feature-index" || j.at("version") != 1)
            throw Error(ErrorCode::Format, "feature index " + quoted(indexPath) + ": not a vaclip-feature-index version 1");
        std::vector<FeatureIndexEntry> out;
        const fs::path dir = fs::path(indexPath).parent_path();
        for (const auto& e : j.at("entries")) {
            FeatureIndexEntry x;
            x.videoPath = e.at("video_path").get<std::string>();
            x.videoId = e.at("video_id").get<std::string>();
            x.file = (dir / e.at("file").get<std::string>()).string();
            x.frames = e.at("frames").get<int64_t>();
            x.fps = e.at("fps").get<double>();
            out.push_back(std::move(x));
        }
        if (int64_t(out.size()) != j.at("videos").get<int64_t>())
            throw Error(ErrorCode::Format, "feature index " + quoted(indexPath) + ": " + std::to_string(out.size()) +
                                               " entries but \"videos\" says " + j.at("videos").dump());
        return out;
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorCode::Format, "feature index " + quoted(indexPath) + ": " + e.what());
    }
}

} // namespace vaclip::distributed
