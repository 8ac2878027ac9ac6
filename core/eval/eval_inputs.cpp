#include "eval/eval_inputs.h"

#include "common/error.h"
#include "data/file_list.h"
#include "data/ground_truth.h"
#include "data/importers.h"
#include "data/meta.h"
#include "io/atomic_file.h"
#include "io/frame_reader.h"
#include "io/npy.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <numeric>

namespace fs = std::filesystem;

namespace vaclip {

int64_t GroundTruthSet::totalFrames() const
{
    int64_t n = 0;
    for (const VideoGroundTruth& v : videos)
        n += int64_t(v.labels.size());
    return n;
}

std::string predictionStem(const std::string& videoName)
{
    std::string s = videoName;
    while (!s.empty() && (s.back() == '/' || s.back() == '\\'))
        s.pop_back();
    return fs::path(s).stem().string();
}

namespace {

/// Labels of every test entry of a meta; `generated` holds label files an in-memory import made.
GroundTruthSet fromMeta(const DatasetMeta& meta, const std::map<std::string, std::string>& generated,
                        const std::string& source, const std::string& dataset)
{
    GroundTruthSet set;
    set.source = source;
    set.dataset = dataset;
    if (meta.test.empty())
        throw Error(ErrorCode::NotFound, quoted(source) + ": the test split lists no videos");
    for (const VideoEntry& e : meta.test) {
        VideoGroundTruth v;
        v.name = e.videoPath;
        v.maskPath = e.maskAbsolutePath;
        std::optional<int64_t> frames = e.frameCount;
        auto gen = generated.find(e.gtAbsolutePath);
        if (gen != generated.end()) {
            v.labels = parseLabelText(gen->second, e.gtAbsolutePath, frames);
        } else {
            if (!frames && e.gtPath.empty())  // a normal video without labels: count its frames
                frames = FrameReader::open(e.absolutePath)->info().frameCount;
            v.labels = loadFrameLabels(e, frames);
        }
        set.videos.push_back(std::move(v));
    }
    return set;
}

std::string importerFor(const std::string& root, const std::string& dataset)
{
    std::vector<std::string> formats = detectFormats(root);
    auto has = [&](const std::string& f) { return std::find(formats.begin(), formats.end(), f) != formats.end(); };
    if (dataset == "ucsd") {
        for (const char* f : {"ucsd-ped2", "ucsd-ped1"})
            if (has(f))
                return f;
        throw Error(ErrorCode::NotFound, quoted(root) + ": not a UCSD Ped1/Ped2 folder (expected Test/TestNNN "
                                                         "frame folders and Test/UCSDped1.m or UCSDped2.m)");
    }
    if (dataset == "shanghaitech" || dataset == "avenue") {
        if (!has(dataset))
            throw Error(ErrorCode::NotFound, quoted(root) + ": does not have the " + dataset + " layout (see 'vaclip import --list')");
        return dataset;
    }
    return detectFormat(root);  // auto
}

GroundTruthSet fromLabelFolder(const std::string& dir)
{
    GroundTruthSet set;
    set.source = dir;
    set.dataset = "generic";
    auto isLabelFile = [](const fs::path& p) {
        const std::string ext = data::lowerExtension(p);
        return ext == ".txt" || ext == ".npy" || ext == ".csv";
    };
    for (const fs::path& p : data::listFiles(dir, +isLabelFile)) {
        VideoGroundTruth v;
        v.name = p.stem().string();
        v.labels = loadFrameLabels(p.string(), LabelFormat::Auto);
        set.videos.push_back(std::move(v));
    }
    if (set.videos.empty())
        throw Error(ErrorCode::NotFound, quoted(dir) + ": no per-video label files (*.txt, *.npy) in the folder");
    return set;
}

std::vector<double> jsonScores(const nlohmann::json& j, const std::string& file, const std::string& where)
{
    if (!j.is_object() || !j.contains("scores") || !j["scores"].is_array())
        throw Error(ErrorCode::Format, quoted(file) + ": " + where + ": expected an object with a \"scores\" array");
    std::vector<double> s;
    s.reserve(j["scores"].size());
    for (const nlohmann::json& x : j["scores"]) {
        if (x.is_number())
            s.push_back(x.get<double>());
        else if (x.is_null())  // JSON has no NaN: writers emit null for it
            s.push_back(std::numeric_limits<double>::quiet_NaN());
        else
            throw Error(ErrorCode::Format, quoted(file) + ": " + where + ": scores[" + std::to_string(s.size())
                                               + "] is not a number");
    }
    return s;
}

/// Per-video scores keyed by prediction stem, from a JSON file.
std::map<std::string, std::vector<double>> readJsonPredictions(const std::string& file)
{
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(readFile(file));
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorCode::Format, quoted(file) + ": not valid JSON: " + e.what());
    }
    std::map<std::string, std::vector<double>> out;
    auto addOne = [&](const nlohmann::json& v, const std::string& where, const std::string& fallbackName) {
        std::string name = fallbackName;
        for (const char* key : {"video", "video_path"})  // `vaclip test` scores.json writes video_path
            if (v.is_object() && v.contains(key) && v[key].is_string())
                name = v[key].get<std::string>();
        if (name.empty())
            throw Error(ErrorCode::Format, quoted(file) + ": " + where + ": missing \"video\" name");
        out[predictionStem(name)] = jsonScores(v, file, where);
    };
    if (j.is_object() && j.contains("videos")) {
        if (!j["videos"].is_array())
            throw Error(ErrorCode::Format, quoted(file) + ": \"videos\" must be an array");
        for (std::size_t i = 0; i < j["videos"].size(); ++i)
            addOne(j["videos"][i], "videos[" + std::to_string(i) + "]", "");
    } else {
        addOne(j, "top level", fs::path(file).stem().string());
    }
    return out;
}

} // namespace

GroundTruthSet loadGroundTruthSet(const std::string& gtPath, const std::string& datasetIn)
{
    const std::string dataset = datasetIn.empty() ? "auto" : datasetIn;
    static const char* known[] = {"auto", "ucsd", "shanghaitech", "avenue", "generic"};
    if (std::find(std::begin(known), std::end(known), dataset) == std::end(known))
        throw Error(ErrorCode::InvalidArgument, "unknown --dataset '" + dataset
                                                    + "' (expected ucsd, shanghaitech, avenue, generic or auto)");
    std::error_code ec;
    if (!fs::exists(gtPath, ec))
        throw Error(ErrorCode::NotFound, quoted(gtPath) + ": no such file or folder");
    if (fs::is_regular_file(gtPath)) {
        if (data::lowerExtension(gtPath) != ".json")
            throw Error(ErrorCode::Unsupported, quoted(gtPath)
                                                    + ": ground truth must be a meta.json, a dataset folder or a folder of label files");
        return fromMeta(loadMeta(gtPath), {}, gtPath, "meta");
    }
    if (dataset == "generic")
        return fromLabelFolder(gtPath);
    if (dataset == "auto" && detectFormats(gtPath) == std::vector<std::string>{"folder"})
        return fromLabelFolder(gtPath);  // nothing dataset-like: per-video label files
    ImportOptions opt;
    opt.format = importerFor(gtPath, dataset);
    opt.sourceRoot = gtPath;
    opt.metaPath = (fs::absolute(gtPath) / "meta.json").string();  // never written
    ImportResult imported = importDataset(opt);
    std::map<std::string, std::string> generated;
    for (const GeneratedFile& f : imported.files)
        generated[f.path] = f.content;
    return fromMeta(imported.meta, generated, gtPath, imported.format);
}

std::vector<std::vector<double>> loadPredictions(const std::string& predPath, const GroundTruthSet& gt)
{
    std::error_code ec;
    if (!fs::exists(predPath, ec))
        throw Error(ErrorCode::NotFound, quoted(predPath) + ": no such file or folder");
    std::vector<std::vector<double>> out;
    out.reserve(gt.videos.size());

    if (fs::is_regular_file(predPath) && data::lowerExtension(predPath) == ".npy") {
        NpyArray a = readNpy(predPath);
        if (a.shape.size() > 2 || (a.shape.size() == 2 && a.shape[1] != 1))
            throw Error(ErrorCode::Format, quoted(predPath) + ": expected a 1-D array of frame scores, got shape "
                                               + [&] {
                                                     std::string s = "(";
                                                     for (int64_t d : a.shape)
                                                         s += std::to_string(d) + ",";
                                                     return s + ")";
                                                 }());
        std::vector<double> all = a.toDoubles();
        if (int64_t(all.size()) != gt.totalFrames())
            throw Error(ErrorCode::Mismatch, quoted(predPath) + ": holds " + std::to_string(all.size())
                                                 + " frame scores, the ground truth of " + std::to_string(gt.videos.size())
                                                 + " videos has " + std::to_string(gt.totalFrames()) + " frames");
        std::size_t pos = 0;
        for (const VideoGroundTruth& v : gt.videos) {
            out.emplace_back(all.begin() + std::ptrdiff_t(pos), all.begin() + std::ptrdiff_t(pos + v.labels.size()));
            pos += v.labels.size();
        }
        return out;
    }

    std::map<std::string, std::vector<double>> byStem;
    std::map<std::string, std::string> fileOf;
    if (fs::is_regular_file(predPath)) {
        if (data::lowerExtension(predPath) != ".json")
            throw Error(ErrorCode::Unsupported, quoted(predPath) + ": predictions must be a .npy, a .json or a folder of them");
        byStem = readJsonPredictions(predPath);
        for (const auto& kv : byStem)
            fileOf[kv.first] = predPath;
    } else {
        auto isPred = [](const fs::path& p) {
            const std::string ext = data::lowerExtension(p);
            return ext == ".npy" || ext == ".json";
        };
        for (const fs::path& p : data::listFiles(predPath, +isPred)) {
            if (data::lowerExtension(p) == ".npy") {
                NpyArray a = readNpy(p.string());
                if (a.shape.size() != 1)
                    throw Error(ErrorCode::Format, quoted(p.string()) + ": expected a 1-D array of frame scores");
                byStem[p.stem().string()] = a.toDoubles();
                fileOf[p.stem().string()] = p.string();
            } else {
                for (auto& kv : readJsonPredictions(p.string())) {
                    fileOf[kv.first] = p.string();
                    byStem[kv.first] = std::move(kv.second);
                }
            }
        }
    }
    for (const VideoGroundTruth& v : gt.videos) {
        const std::string stem = predictionStem(v.name);
        auto it = byStem.find(stem);
        if (it == byStem.end())
            throw Error(ErrorCode::NotFound, quoted(predPath) + ": no predictions for video '" + v.name + "' (looked for '"
                                                 + stem + "')");
        if (it->second.size() != v.labels.size())
            throw Error(ErrorCode::Mismatch, quoted(fileOf[stem]) + ": video '" + v.name + "' has "
                                                 + std::to_string(it->second.size()) + " scores but "
                                                 + std::to_string(v.labels.size()) + " ground-truth frames");
        out.push_back(it->second);
    }
    return out;
}

} // namespace vaclip
