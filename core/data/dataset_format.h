#pragma once
// A dataset format: how to recognise a dataset's folder layout, import it into a DatasetMeta
// (meta.json) and read its ground truth. The five formats the engine knows (UCSD Ped1/Ped2,
// ShanghaiTech Campus, CUHK Avenue, a plain folder of videos) implement it in core/data; the
// dataset-format plugins (plugins/, SDK header plugins/sdk/vaclip_dataset_plugin.h) expose the
// same interface from shared objects found at run time, and a new layout is a new plugin.
//
//   const DatasetFormat* f = builtinFormat("ucsd-ped2");
//   if (f && f->detect("/data/UCSDped2")) {
//       ImportResult r = importDataset({"ucsd-ped2", "/data/UCSDped2", "/data/UCSDped2/meta.json"}, *f);
//       for (const VideoGroundTruth& g : f->readGroundTruth("/data/UCSDped2"))
//           std::cout << g.video << ": " << countAnomalous(g.labels) << " anomalous frames\n";
//   }
//
// Contract for implementations (the SDK version in the plugin IID changes when it changes):
//  - name(): the --format name, lower case letters, digits and '-'; description(): one line.
//  - detect(root): cheap, looks at names only (never decodes); root is absolute and normalised.
//    Must not throw for an unreadable or odd folder (return false); a plugin that throws anyway
//    is reported and skipped by the plugin registry.
//  - import(ctx): adds every video to ctx; throws vaclip::Error naming the file for missing or
//    malformed pieces. Any other exception from a plugin is reported as a broken plugin.
//  - readGroundTruth(root): per-frame labels of every test video that has ground truth, in
//    import order, read from the dataset as shipped (nothing is written).
// Thread safety: implementations are stateless; any const method may be called from any thread.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace vaclip {

class ImportContext;

/// Frame labels of one test video, as a format reads them from the dataset root.
struct VideoGroundTruth {
    std::string video;              ///< the video's path relative to the dataset root ("Test/Test001")
    std::vector<uint8_t> labels;    ///< one 0/1 per frame, frame 0 first
    std::string source;             ///< where they came from ("Test/UCSDped2.m line 3", a file path)
};

class DatasetFormat {
public:
    virtual ~DatasetFormat();

    virtual std::string name() const = 0;
    virtual std::string description() const = 0;
    /// True for a format that matches nearly any folder (a plain folder of videos): automatic
    /// detection picks it only when no other format matches.
    virtual bool isCatchAll() const = 0;
    virtual bool detect(const std::filesystem::path& root) const = 0;
    virtual void import(ImportContext& ctx) const = 0;
    virtual std::vector<VideoGroundTruth> readGroundTruth(const std::filesystem::path& root) const = 0;
};

/// The formats built into the engine, in the order `vaclip import --list` used to print them.
const std::vector<const DatasetFormat*>& builtinFormats();
/// nullptr when no built-in format has that name.
const DatasetFormat* builtinFormat(const std::string& name);

/// readGroundTruth done the generic way: import `root` in memory (meta root = root) and read
/// each test entry's labels from its referenced or generated file. Formats whose ground truth
/// import already converts can implement readGroundTruth with this.
std::vector<VideoGroundTruth> groundTruthFromImport(const DatasetFormat& format, const std::filesystem::path& root);

} // namespace vaclip
