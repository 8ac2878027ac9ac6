// Importer registry, format detection and the shared import machinery.
#include "data/importers.h"

#include "common/error.h"
#include "data/file_list.h"
#include "data/ground_truth.h"
#include "data/importers_internal.h"
#include "io/atomic_file.h"

#include <algorithm>

namespace fs = std::filesystem;

namespace vaclip {

namespace data {

namespace {

fs::path normalised(const fs::path& p)
{
    fs::path out = fs::absolute(p).lexically_normal();
    if (!out.has_filename() && out != out.root_path())
        out = out.parent_path();
    return out;
}

const std::vector<Importer>& registry()
{
    static const std::vector<Importer> list = {
        {"ucsd-ped1", "UCSD Ped1: UCSDped1/{Train,Test}/NNN/*.tif, Test/UCSDped1.m frame ranges, TestNNN_gt masks",
         &detectUcsdPed1, &importUcsdPed1},
        {"ucsd-ped2", "UCSD Ped2: UCSDped2/{Train,Test}/NNN/*.tif, Test/UCSDped2.m frame ranges, TestNNN_gt masks",
         &detectUcsdPed2, &importUcsdPed2},
        {"shanghaitech", "ShanghaiTech Campus: training/videos/*.avi, testing/frames/<clip>/, test_frame_mask/*.npy",
         &detectShanghaiTech, &importShanghaiTech},
        {"avenue", "CUHK Avenue: training_videos/*.avi, testing_videos/*.avi, testing_label_mask/<N>_label.mat",
         &detectAvenue, &importAvenue},
        {"folder", "plain folder of videos or frame folders (all normal), or normal/ + abnormal/ sub-folders",
         &detectFolder, &importFolder},
    };
    return list;
}

const Importer& importerNamed(const std::string& name)
{
    for (const Importer& i : registry())
        if (name == i.name)
            return i;
    std::string names;
    for (const Importer& i : registry())
        names += (names.empty() ? "" : ", ") + std::string(i.name);
    throw Error(ErrorCode::InvalidArgument, "unknown dataset format '" + name + "' (known: " + names + ", auto)");
}

} // namespace

ImportContext::ImportContext(std::string format, fs::path sourceRoot, fs::path metaRoot, ImportResult& result)
    : m_format(std::move(format)), m_sourceRoot(std::move(sourceRoot)), m_metaRoot(std::move(metaRoot)),
      m_result(result)
{
}

std::string ImportContext::rel(const fs::path& p) const
{
    return relativeToRoot(m_metaRoot.string(), p.string());
}

std::string ImportContext::shortName(const fs::path& p) const
{
    const fs::path r = normalised(p).lexically_relative(m_sourceRoot);
    return r.empty() ? p.string() : r.generic_string();
}

VideoEntry& ImportContext::add(const std::string& split, const std::string& category, const fs::path& video,
                               bool anomaly)
{
    VideoEntry e;
    e.split = split;
    e.category = category;
    e.absolutePath = normalised(video).string();
    e.videoPath = rel(video);
    e.anomaly = anomaly;
    auto& list = m_result.meta.split(split);
    std::size_t index = 0;
    for (const VideoEntry& other : list)
        index += other.category == category ? 1 : 0;
    e.location = split + "/" + category + "[" + std::to_string(index) + "]";
    list.push_back(std::move(e));
    return list.back();
}

void ImportContext::setGt(VideoEntry& e, const fs::path& gt) const
{
    e.gtAbsolutePath = normalised(gt).string();
    e.gtPath = rel(gt);
}

void ImportContext::setMask(VideoEntry& e, const fs::path& mask) const
{
    e.maskAbsolutePath = normalised(mask).string();
    e.maskPath = rel(mask);
}

void ImportContext::addLabelFile(VideoEntry& e, const std::string& name, const std::vector<uint8_t>& labels,
                                 const std::string& comment)
{
    const fs::path file = gtDir() / (name + ".txt");
    for (const GeneratedFile& g : m_result.files)
        if (g.path == file.string())
            throw Error(ErrorCode::InvalidArgument, "two videos would write the same label file " + quoted(g.path));
    m_result.files.push_back({file.string(), formatLabelText(labels, comment)});
    setGt(e, file);
}

std::vector<FoundVideo> findVideos(const fs::path& dir, const std::vector<std::string>& skip)
{
    std::vector<FoundVideo> out;
    for (const fs::path& f : listFiles(dir, &isVideoFile))
        out.push_back({f, std::nullopt});
    for (const FoundVideo& v : findFrameFolders(dir))
        if (std::find(skip.begin(), skip.end(), v.path.filename().string()) == skip.end())
            out.push_back(v);
    std::sort(out.begin(), out.end(), [](const FoundVideo& a, const FoundVideo& b) {
        return naturalLess(a.path.filename().string(), b.path.filename().string());
    });
    return out;
}

std::vector<FoundVideo> findFrameFolders(const fs::path& dir)
{
    std::vector<FoundVideo> out;
    for (const fs::path& d : listSubdirectories(dir)) {
        const int64_t n = countImageFiles(d);
        if (n > 0)
            out.push_back({d, n});
    }
    return out;
}

} // namespace data

std::vector<ImporterInfo> listImporters()
{
    std::vector<ImporterInfo> out;
    for (const data::Importer& i : data::registry())
        out.push_back({i.name, i.description});
    return out;
}

std::vector<std::string> detectFormats(const std::string& root)
{
    if (!data::isDirectory(root))
        throw Error(ErrorCode::NotFound, quoted(root) + ": no such folder");
    const fs::path r = data::normalised(root);
    std::vector<std::string> out;
    for (const data::Importer& i : data::registry())
        if (std::string(i.name) != "folder" && i.detect(r))
            out.push_back(i.name);
    if (out.empty() && data::detectFolder(r))
        out.push_back("folder");
    return out;
}

std::string detectFormat(const std::string& root)
{
    const std::vector<std::string> found = detectFormats(root);
    if (found.size() == 1)
        return found.front();
    if (found.empty())
        throw Error(ErrorCode::NotFound, quoted(root) + ": no known dataset layout and no videos found"
                                             " (see 'vaclip import --list')");
    std::string names;
    for (const std::string& f : found)
        names += (names.empty() ? "" : ", ") + f;
    throw Error(ErrorCode::InvalidArgument, quoted(root) + ": matches several formats (" + names
                                                + "); choose one with --format");
}

ImportResult importDataset(const ImportOptions& options)
{
    if (options.sourceRoot.empty())
        throw Error(ErrorCode::InvalidArgument, "no dataset root given");
    if (!data::isDirectory(options.sourceRoot))
        throw Error(ErrorCode::NotFound, quoted(options.sourceRoot) + ": no such folder");
    if (options.metaPath.empty())
        throw Error(ErrorCode::InvalidArgument, "no meta.json path given");
    const fs::path source = data::normalised(options.sourceRoot);
    const fs::path metaRoot = data::normalised(options.metaPath).parent_path();
    if (source != metaRoot && !isInsideRoot(metaRoot.string(), source.string()))
        throw Error(ErrorCode::InvalidArgument,
                    quoted(options.metaPath) + ": meta.json must be in the dataset root " + quoted(source.string())
                        + " or a folder above it, because the paths in it are relative to its folder "
                          "(the default is <root>/meta.json)");

    const std::string format =
        (options.format.empty() || options.format == "auto") ? detectFormat(source.string()) : options.format;
    const data::Importer& importer = data::importerNamed(format);

    ImportResult result;
    result.format = format;
    result.sourceRoot = source.string();
    result.meta.root = metaRoot.string();
    data::ImportContext ctx(format, source, metaRoot, result);
    importer.run(ctx);
    if (result.meta.train.empty() && result.meta.test.empty())
        throw Error(ErrorCode::NotFound, quoted(source.string()) + ": no videos found for format '" + format + "'");
    return result;
}

void writeImport(const ImportResult& result, const std::string& metaPath)
{
    for (const GeneratedFile& f : result.files) {
        std::error_code ec;
        fs::create_directories(fs::path(f.path).parent_path(), ec);
        if (ec)
            throw Error(ErrorCode::Io, quoted(fs::path(f.path).parent_path().string())
                                           + ": cannot create the folder: " + ec.message());
        writeFileAtomic(f.path, f.content);
    }
    saveMeta(result.meta, metaPath);
}

} // namespace vaclip
