#include "data/file_list.h"

#include "io/frame_reader.h"

#include "common/error.h"

#include <algorithm>
#include <cctype>

namespace fs = std::filesystem;

namespace vaclip::data {


std::string lowerExtension(const fs::path& p)
{
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

bool isImageFile(const fs::path& p)
{
    return FrameReader::hasImageExtension(p.string());  // the same set the frame reader reads
}

bool isVideoFile(const fs::path& p)
{
    static const char* const exts[] = {".avi", ".mp4", ".mkv", ".mov", ".webm", ".mpg",
                                       ".mpeg", ".m4v", ".wmv", ".flv", ".ts"};
    const std::string e = lowerExtension(p);
    return std::any_of(std::begin(exts), std::end(exts), [&](const char* x) { return e == x; });
}

bool isHidden(const fs::path& p)
{
    const std::string name = p.filename().string();
    return !name.empty() && name[0] == '.';
}

bool isDirectory(const fs::path& p)
{
    std::error_code ec;
    return fs::is_directory(p, ec);
}

bool isRegularFile(const fs::path& p)
{
    std::error_code ec;
    return fs::is_regular_file(p, ec);
}

namespace {

template <typename Keep>
std::vector<fs::path> listEntries(const fs::path& dir, Keep keep)
{
    if (!isDirectory(dir))
        throw Error(ErrorCode::NotFound, quoted(dir.string()) + ": no such folder");
    std::vector<fs::path> out;
    std::error_code ec;
    fs::directory_iterator it(dir, ec), end;
    if (ec)
        throw Error(ErrorCode::Io, quoted(dir.string()) + ": cannot list the folder: " + ec.message());
    for (; it != end; it.increment(ec)) {
        if (ec)
            break;
        const fs::path& p = it->path();
        if (!isHidden(p) && keep(*it))
            out.push_back(p);
    }
    if (ec)
        throw Error(ErrorCode::Io, quoted(dir.string()) + ": cannot list the folder: " + ec.message());
    std::sort(out.begin(), out.end(), [](const fs::path& a, const fs::path& b) {
        return naturalLess(a.filename().string(), b.filename().string());
    });
    return out;
}

} // namespace

std::vector<fs::path> listFiles(const fs::path& dir, bool (*keep)(const fs::path&))
{
    return listEntries(dir, [keep](const fs::directory_entry& e) {
        std::error_code ec;
        return e.is_regular_file(ec) && (!keep || keep(e.path()));
    });
}

std::vector<fs::path> listImageFiles(const fs::path& dir) { return listFiles(dir, &isImageFile); }

std::vector<fs::path> listSubdirectories(const fs::path& dir)
{
    return listEntries(dir, [](const fs::directory_entry& e) {
        std::error_code ec;
        return e.is_directory(ec);
    });
}

int64_t countImageFiles(const fs::path& dir) { return static_cast<int64_t>(listImageFiles(dir).size()); }

} // namespace vaclip::data
