#include "data/meta.h"

#include "common/error.h"
#include "data/ground_truth.h"
#include "io/atomic_file.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <map>

namespace fs = std::filesystem;
using ojson = nlohmann::ordered_json;

namespace vaclip {

namespace {

fs::path normalisedAbsolute(const fs::path& p)
{
    fs::path out = fs::absolute(p).lexically_normal();
    // "/a/b/" normalises to "/a/b/" (empty filename): drop the trailing separator.
    if (!out.has_filename() && out != out.root_path())
        out = out.parent_path();
    return out;
}

bool strictlyInside(const fs::path& root, const fs::path& p)
{
    const fs::path rel = p.lexically_relative(root);
    if (rel.empty() || rel == ".")
        return false;
    return *rel.begin() != "..";
}

const char* const kSplits[] = {"train", "test"};

/// Everything needed to phrase an error about one place in the file.
struct Where {
    std::string file;
    std::string location;
    [[noreturn]] void fail(ErrorCode code, const std::string& what) const
    {
        throw Error(code, quoted(file) + ": " + (location.empty() ? "" : location + ": ") + what);
    }
};

std::string describeType(const ojson& v) { return v.type_name(); }

std::string optionalPath(const ojson& entry, const char* key, const Where& w)
{
    auto it = entry.find(key);
    if (it == entry.end() || it->is_null())
        return {};
    if (!it->is_string())
        w.fail(ErrorCode::Format, std::string("'") + key + "' must be a string, got " + describeType(*it));
    return it->get<std::string>();
}

void checkExists(const std::string& absolute, const std::string& written, const char* what,
                 const Where& w)
{
    std::error_code ec;
    if (!fs::exists(absolute, ec))
        w.fail(ErrorCode::NotFound, std::string(what) + " " + quoted(written) + " not found (looked for "
                                        + quoted(absolute) + ")");
}

VideoEntry parseEntry(const ojson& e, const std::string& split, const std::string& category,
                      std::size_t index, const fs::path& root, const LoadMetaOptions& options,
                      const std::string& file)
{
    VideoEntry v;
    v.split = split;
    v.category = category;
    v.location = split + "/" + category + "[" + std::to_string(index) + "]";
    const Where w{file, v.location};
    if (!e.is_object())
        w.fail(ErrorCode::Format, "an entry must be an object, got " + describeType(e));

    auto vp = e.find("video_path");
    if (vp == e.end())
        w.fail(ErrorCode::Format, "missing key 'video_path'");
    if (!vp->is_string())
        w.fail(ErrorCode::Format, "'video_path' must be a string, got " + describeType(*vp));
    v.videoPath = vp->get<std::string>();
    if (v.videoPath.empty())
        w.fail(ErrorCode::Format, "'video_path' is empty");

    auto an = e.find("anomaly");
    if (an == e.end())
        w.fail(ErrorCode::Format, "missing key 'anomaly'");
    if (an->is_boolean()) {
        v.anomaly = an->get<bool>();
    } else if (an->is_number_integer()) {
        const int64_t a = an->get<int64_t>();
        if (a != 0 && a != 1)
            w.fail(ErrorCode::Format, "'anomaly' must be 0 or 1, got " + std::to_string(a));
        v.anomaly = a == 1;
    } else {
        w.fail(ErrorCode::Format, "'anomaly' must be 0 or 1, got " + describeType(*an)
                                      + (an->is_primitive() ? " " + an->dump() : std::string()));
    }

    v.gtPath = optionalPath(e, "gt_path", w);
    v.maskPath = optionalPath(e, "mask_path", w);

    auto fc = e.find("frame_count");
    if (fc != e.end() && !fc->is_null()) {
        if (!fc->is_number_integer() || (fc->is_number_integer() && fc->get<int64_t>() < 0))
            w.fail(ErrorCode::Format, "'frame_count' must be an integer >= 0, got " + fc->dump());
        v.frameCount = fc->get<int64_t>();
    }
    auto lf = e.find("label_format");
    if (lf != e.end() && !lf->is_null()) {
        if (!lf->is_string())
            w.fail(ErrorCode::Format, "'label_format' must be a string, got " + describeType(*lf));
        v.labelFormat = lf->get<std::string>();
        parseLabelFormat(v.labelFormat, quoted(file) + ": " + v.location);  // validates
    }
    for (auto it = e.begin(); it != e.end(); ++it) {
        const std::string& k = it.key();
        if (k != "video_path" && k != "anomaly" && k != "gt_path" && k != "mask_path"
            && k != "frame_count" && k != "label_format")
            v.extra.emplace_back(k, it.value().dump());
    }

    const std::string ctx = quoted(file) + ": " + v.location;
    v.absolutePath = resolveDatasetPath(root.string(), v.videoPath, ctx + ": 'video_path'");
    if (!v.gtPath.empty())
        v.gtAbsolutePath = resolveDatasetPath(root.string(), v.gtPath, ctx + ": 'gt_path'");
    if (!v.maskPath.empty())
        v.maskAbsolutePath = resolveDatasetPath(root.string(), v.maskPath, ctx + ": 'mask_path'");
    if (options.checkFilesExist) {
        checkExists(v.absolutePath, v.videoPath, "video", w);
        if (!v.gtPath.empty())
            checkExists(v.gtAbsolutePath, v.gtPath, "ground truth", w);
        if (!v.maskPath.empty())
            checkExists(v.maskAbsolutePath, v.maskPath, "mask", w);
    }
    return v;
}

std::string writtenPath(const std::string& written, const std::string& absolute, const std::string& root)
{
    if (!written.empty() || absolute.empty())
        return written;
    return relativeToRoot(root, absolute);
}

} // namespace

bool isInsideRoot(const std::string& root, const std::string& path)
{
    return strictlyInside(normalisedAbsolute(root), normalisedAbsolute(path));
}

std::string resolveDatasetPath(const std::string& root, const std::string& written,
                               const std::string& context)
{
    const fs::path r = normalisedAbsolute(root);
    if (written.empty())
        throw Error(ErrorCode::Format, context + ": empty path");
    const fs::path w(written);
    const fs::path resolved = normalisedAbsolute(w.is_absolute() ? w : r / w);
    if (!strictlyInside(r, resolved))
        throw Error(ErrorCode::Format, context + ": path " + quoted(written)
                                           + " leaves the dataset root " + quoted(r.string())
                                           + " (paths must stay inside it)");
    return resolved.string();
}

std::string relativeToRoot(const std::string& root, const std::string& absolute)
{
    const fs::path r = normalisedAbsolute(root);
    const fs::path p = normalisedAbsolute(absolute);
    if (!strictlyInside(r, p))
        throw Error(ErrorCode::InvalidArgument,
                    quoted(p.string()) + " is not inside the dataset root " + quoted(r.string()));
    return p.lexically_relative(r).generic_string();
}

const std::vector<VideoEntry>& DatasetMeta::split(const std::string& name) const
{
    if (name == "train")
        return train;
    if (name == "test")
        return test;
    throw Error(ErrorCode::InvalidArgument, "unknown split '" + name + "' (expected 'train' or 'test')");
}

std::vector<VideoEntry>& DatasetMeta::split(const std::string& name)
{
    return const_cast<std::vector<VideoEntry>&>(static_cast<const DatasetMeta*>(this)->split(name));
}

std::vector<std::string> DatasetMeta::categories(const std::string& splitName) const
{
    std::vector<std::string> out;
    for (const VideoEntry& v : split(splitName))
        if (std::find(out.begin(), out.end(), v.category) == out.end())
            out.push_back(v.category);
    return out;
}

std::size_t DatasetMeta::anomalousCount(const std::string& splitName) const
{
    std::size_t n = 0;
    for (const VideoEntry& v : split(splitName))
        n += v.anomaly ? 1 : 0;
    return n;
}

const VideoEntry* DatasetMeta::find(const std::string& path) const
{
    for (const auto* list : {&train, &test})
        for (const VideoEntry& v : *list)
            if (v.videoPath == path || v.absolutePath == path)
                return &v;
    return nullptr;
}

DatasetMeta parseMeta(const std::string& jsonText, const std::string& sourceName,
                      const LoadMetaOptions& options)
{
    ojson j;
    try {
        j = ojson::parse(jsonText);
    } catch (const ojson::parse_error& e) {
        std::string what = e.what();
        const auto pos = what.find("] ");
        if (what.rfind("[json.exception", 0) == 0 && pos != std::string::npos)
            what = what.substr(pos + 2);
        throw Error(ErrorCode::Format, quoted(sourceName) + ": not valid JSON: " + what);
    }
    const Where top{sourceName, ""};
    if (!j.is_object())
        top.fail(ErrorCode::Format, "the top level must be an object with \"train\" and/or \"test\", got "
                                        + describeType(j));
    for (auto it = j.begin(); it != j.end(); ++it)
        if (it.key() != "train" && it.key() != "test")
            top.fail(ErrorCode::Format, "unknown top-level key '" + it.key() + "' (expected \"train\" and/or \"test\")");
    if (!j.contains("train") && !j.contains("test"))
        top.fail(ErrorCode::Format, "neither \"train\" nor \"test\" is present");

    DatasetMeta meta;
    meta.sourcePath = sourceName;
    const fs::path root = normalisedAbsolute(
        options.root.empty() ? fs::absolute(fs::path(sourceName)).parent_path() : fs::path(options.root));
    meta.root = root.string();

    std::map<std::string, std::string> seen;   // absolute video path -> location
    for (const char* split : kSplits) {
        auto s = j.find(split);
        if (s == j.end() || s->is_null())
            continue;
        const Where ws{sourceName, split};
        if (!s->is_object())
            ws.fail(ErrorCode::Format, "must be an object {category: [entries]}, got " + describeType(*s));
        for (auto c = s->begin(); c != s->end(); ++c) {
            const std::string& category = c.key();
            const Where wc{sourceName, std::string(split) + "/" + category};
            if (category.empty())
                ws.fail(ErrorCode::Format, "empty category name");
            if (!c.value().is_array())
                wc.fail(ErrorCode::Format, "must be an array of entries, got " + describeType(c.value()));
            std::size_t index = 0;
            for (const ojson& e : c.value()) {
                VideoEntry v = parseEntry(e, split, category, index++, root, options, sourceName);
                auto [it, inserted] = seen.emplace(v.absolutePath, v.location);
                if (!inserted)
                    Where{sourceName, v.location}.fail(
                        ErrorCode::Format, "duplicate video_path " + quoted(v.videoPath) + " (already listed at "
                                               + it->second + ")");
                meta.split(split).push_back(std::move(v));
            }
        }
    }
    return meta;
}

DatasetMeta loadMeta(const std::string& path, const LoadMetaOptions& options)
{
    return parseMeta(readFile(path), path, options);
}

std::string metaToJson(const DatasetMeta& meta)
{
    ojson j = ojson::object();
    for (const char* split : kSplits) {
        ojson s = ojson::object();
        const auto& entries = meta.split(split);
        for (const std::string& category : meta.categories(split)) {
            ojson list = ojson::array();
            for (const VideoEntry& v : entries) {
                if (v.category != category)
                    continue;
                ojson e = ojson::object();
                e["video_path"] = writtenPath(v.videoPath, v.absolutePath, meta.root);
                if (e["video_path"].get<std::string>().empty())
                    throw Error(ErrorCode::InvalidArgument,
                                std::string(split) + "/" + category + ": an entry has no video path");
                e["anomaly"] = v.anomaly ? 1 : 0;
                e["gt_path"] = writtenPath(v.gtPath, v.gtAbsolutePath, meta.root);
                if (v.frameCount)
                    e["frame_count"] = *v.frameCount;
                if (!v.labelFormat.empty())
                    e["label_format"] = v.labelFormat;
                const std::string mask = writtenPath(v.maskPath, v.maskAbsolutePath, meta.root);
                if (!mask.empty())
                    e["mask_path"] = mask;
                for (const auto& [key, text] : v.extra) {
                    try {
                        e[key] = ojson::parse(text);
                    } catch (const ojson::parse_error&) {
                        throw Error(ErrorCode::InvalidArgument, v.location + ": extra key '" + key
                                                                    + "' does not hold JSON text");
                    }
                }
                list.push_back(std::move(e));
            }
            s[category] = std::move(list);
        }
        j[split] = std::move(s);
    }
    return j.dump(2) + "\n";
}

void saveMeta(const DatasetMeta& meta, const std::string& path)
{
    writeFileAtomic(path, metaToJson(meta));
}

} // namespace vaclip
