// Importer registry, format detection and the shared import machinery.
#include "data/importers.h"

#include "common/error.h"
#include "data/file_list.h"
#include "data/ground_truth.h"
#include "data/dataset_format.h"
#include "data/importers_internal.h"
#include "io/atomic_file.h"

#include <algorithm>

namespace fs = std::filesystem;

namespace vaclip {

namespace data {

fs::path normalised(const fs::path& p)
{
    fs::path out = fs::absolute(p).lexically_normal();
    if (!out.has_filename() && out != out.root_path())
        out = out.parent_path();
    return out;
}

namespace {

const DatasetFormat& builtinNamed(const std::string& name)
{
    if (const DatasetFormat* f = builtinFormat(name))
        return *f;
    std::string names;
    for (const DatasetFormat* f : builtinFormats())
        names += (names.empty() ? "" : ", ") + f->name();
    throw Error(ErrorCode::InvalidArgument, "unknown dataset format '" + name + "' (known: " + names + ", auto)");
}

} // namespace

} // namespace data

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
    const fs::path r = data::normalised(p).lexically_relative(m_sourceRoot);
    return r.empty() ? p.string() : r.generic_string();
}

VideoEntry& ImportContext::add(const std::string& split, const std::string& category, const fs::path& video,
                               bool anomaly)
{
    VideoEntry e;
    e.split = split;
    e.category = category;
    e.absolutePath = data::normalised(video).string();
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
    e.gtAbsolutePath = data::normalised(gt).string();
    e.gtPath = rel(gt);
}

void ImportContext::setMask(VideoEntry& e, const fs::path& mask) const
{
    e.maskAbsolutePath = data::normalised(mask).string();
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
    for (const fs::path& f : data::listFiles(dir, &data::isVideoFile))
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
    for (const fs::path& d : data::listSubdirectories(dir)) {
        const int64_t n = data::countImageFiles(d);
        if (n > 0)
            out.push_back({d, n});
    }
    return out;
}

std::vector<ImporterInfo> listImporters()
{
    std::vector<ImporterInfo> out;
    for (const DatasetFormat* f : builtinFormats())
        out.push_back({f->name(), f->description()});
    return out;
}

std::vector<std::string> detectFormats(const std::string& root)
{
    return detectFormats(root, builtinFormats());
}

std::string detectFormat(const std::string& root)
{
    return detectFormat(root, builtinFormats());
}

std::vector<std::string> detectFormats(const std::string& root, const std::vector<const DatasetFormat*>& formats,
                                       const DetectFailure& onFailure)
{
    if (!data::isDirectory(root))
        throw Error(ErrorCode::NotFound, quoted(root) + ": no such folder");
    const fs::path r = data::normalised(root);
    auto matches = [&](const DatasetFormat& f) {
        if (!onFailure)
            return f.detect(r);
        try {
            return f.detect(r);
        } catch (const std::exception& e) {
            onFailure(f, e.what());
        } catch (...) {
            onFailure(f, "an exception that is not a std::exception");
        }
        return false;
    };
    std::vector<std::string> out;
    for (const DatasetFormat* f : formats)
        if (!f->isCatchAll() && matches(*f))
            out.push_back(f->name());
    if (out.empty())
        for (const DatasetFormat* f : formats)
            if (f->isCatchAll() && matches(*f))
                out.push_back(f->name());
    return out;
}

std::string detectFormat(const std::string& root, const std::vector<const DatasetFormat*>& formats,
                         const DetectFailure& onFailure)
{
    const std::vector<std::string> found = detectFormats(root, formats, onFailure);
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
    const std::string format = (options.format.empty() || options.format == "auto")
                                   ? detectFormat(data::normalised(options.sourceRoot).string())
                                   : options.format;
    return importDataset(options, data::builtinNamed(format));
}

ImportResult importDataset(const ImportOptions& options, const DatasetFormat& format)
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

    ImportResult result;
    result.format = format.name();
    result.sourceRoot = source.string();
    result.meta.root = metaRoot.string();
    ImportContext ctx(result.format, source, metaRoot, result);
    format.import(ctx);
    if (result.meta.train.empty() && result.meta.test.empty())
        throw Error(ErrorCode::NotFound,
                    quoted(source.string()) + ": no videos found for format '" + result.format + "'");
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
