// The five built-in dataset formats as DatasetFormat objects, and the generic ground-truth reader.
#include "data/dataset_format.h"

#include "common/error.h"
#include "data/ground_truth.h"
#include "data/import_context.h"
#include "data/importers_internal.h"

#include <sstream>

namespace fs = std::filesystem;

namespace vaclip {

DatasetFormat::~DatasetFormat() = default;

namespace {

class BuiltinFormat final : public DatasetFormat {
public:
    using Detect = bool (*)(const fs::path&);
    using Run = void (*)(ImportContext&);

    BuiltinFormat(const char* name, const char* description, bool catchAll, Detect detect, Run run)
        : m_name(name), m_description(description), m_catchAll(catchAll), m_detect(detect), m_run(run)
    {
    }
    std::string name() const override { return m_name; }
    std::string description() const override { return m_description; }
    bool isCatchAll() const override { return m_catchAll; }
    bool detect(const fs::path& root) const override { return m_detect(root); }
    void import(ImportContext& ctx) const override { m_run(ctx); }
    std::vector<VideoGroundTruth> readGroundTruth(const fs::path& root) const override
    {
        return groundTruthFromImport(*this, root);
    }

private:
    const char* m_name;
    const char* m_description;
    bool m_catchAll;
    Detect m_detect;
    Run m_run;
};

/// The first "# ..." line of a generated label file (it says where the labels came from).
std::string firstComment(const std::string& text)
{
    std::istringstream in(text);
    std::string line;
    if (std::getline(in, line) && line.rfind("# ", 0) == 0)
        return line.substr(2);
    return {};
}

} // namespace

const std::vector<const DatasetFormat*>& builtinFormats()
{
    static const BuiltinFormat ped1("ucsd-ped1",
                                    "UCSD Ped1: UCSDped1/{Train,Test}/NNN/*.tif, Test/UCSDped1.m frame ranges, "
                                    "TestNNN_gt masks",
                                    false, &data::detectUcsdPed1, &data::importUcsdPed1);
    static const BuiltinFormat ped2("ucsd-ped2",
                                    "UCSD Ped2: UCSDped2/{Train,Test}/NNN/*.tif, Test/UCSDped2.m frame ranges, "
                                    "TestNNN_gt masks",
                                    false, &data::detectUcsdPed2, &data::importUcsdPed2);
    static const BuiltinFormat shanghaitech(
        "shanghaitech", "ShanghaiTech Campus: training/videos/*.avi, testing/frames/<clip>/, test_frame_mask/*.npy",
        false, &data::detectShanghaiTech, &data::importShanghaiTech);
    static const BuiltinFormat avenue(
        "avenue", "CUHK Avenue: training_videos/*.avi, testing_videos/*.avi, testing_label_mask/<N>_label.mat", false,
        &data::detectAvenue, &data::importAvenue);
    static const BuiltinFormat folder(
        "folder", "plain folder of videos or frame folders (all normal), or normal/ + abnormal/ sub-folders", true,
        &data::detectFolder, &data::importFolder);
    static const std::vector<const DatasetFormat*> list = {&ped1, &ped2, &shanghaitech, &avenue, &folder};
    return list;
}

const DatasetFormat* builtinFormat(const std::string& name)
{
    for (const DatasetFormat* f : builtinFormats())
        if (f->name() == name)
            return f;
    return nullptr;
}

std::vector<VideoGroundTruth> groundTruthFromImport(const DatasetFormat& format, const fs::path& root)
{
    const fs::path r = data::normalised(root);
    const ImportResult imported = importDataset({format.name(), r.string(), (r / "meta.json").string()}, format);
    std::vector<VideoGroundTruth> out;
    for (const VideoEntry& e : imported.meta.test) {
        if (e.gtAbsolutePath.empty())
            continue;
        VideoGroundTruth g;
        g.video = fs::path(e.absolutePath).lexically_relative(r).generic_string();
        const GeneratedFile* generated = nullptr;
        for (const GeneratedFile& f : imported.files)
            if (f.path == e.gtAbsolutePath)
                generated = &f;
        if (generated) {
            g.labels = parseLabelText(generated->content, generated->path, e.frameCount);
            g.source = firstComment(generated->content);
        } else {
            g.labels = loadFrameLabels(e.gtAbsolutePath, LabelFormat::Auto, e.frameCount);
            g.source = e.gtAbsolutePath;
        }
        if (g.source.empty())
            g.source = e.gtAbsolutePath;
        out.push_back(std::move(g));
    }
    return out;
}

} // namespace vaclip
