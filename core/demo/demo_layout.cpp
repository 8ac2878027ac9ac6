// Workspace paths and the default locations of the demo's backbone and configs.
#include "demo/demo.h"

#include "common/error.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>
#include <vector>

namespace vaclip::demo {

namespace fs = std::filesystem;

namespace {
std::string env(const char* name)
{
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

fs::path exeDir()
{
    std::error_code ec;
    fs::path p = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : p.parent_path();
}

std::string firstExisting(const std::vector<fs::path>& candidates)
{
    for (const fs::path& c : candidates)
        if (!c.empty() && fs::exists(c))
            return c.lexically_normal().string();
    return candidates.back().lexically_normal().string();
}
} // namespace

std::string DemoLayout::results(const std::string& mode) const { return (fs::path(walkwayRun) / mode).string(); }

DemoLayout demoLayout(const std::string& root)
{
    const fs::path r = fs::absolute(root).lexically_normal();
    DemoLayout l;
    l.root = r.string();
    l.campus = (r / "campus").string();
    l.walkway = (r / "walkway").string();
    l.cache = (r / "cache").string();
    l.configs = (r / "configs").string();
    l.campusConfig = (r / "configs" / "campus_train.yaml").string();
    l.walkwayConfig = (r / "configs" / "walkway_test.yaml").string();
    l.campusRun = (r / "runs" / "campus").string();
    l.checkpoints = (r / "runs" / "campus" / "checkpoints").string();
    l.walkwayRun = (r / "runs" / "walkway").string();
    l.pixelMaps = (r / "runs" / "walkway" / "pixel_maps").string();
    l.ablation = (r / "runs" / "ablation").string();
    l.summary = (r / "demo.json").string();
    return l;
}

std::string defaultDemoRoot()
{
    if (std::string d = env("VACLIP_DEMO_DIR"); !d.empty())
        return d;
    if (std::string x = env("XDG_DATA_HOME"); !x.empty())
        return (fs::path(x) / "vaclip" / "demo").string();
    if (std::string h = env("HOME"); !h.empty())
        return (fs::path(h) / ".local" / "share" / "vaclip" / "demo").string();
    throw Error(ErrorCode::NotFound, "no demo folder: set VACLIP_DEMO_DIR (HOME is not set)");
}

std::string defaultDemoBackbone()
{
    if (std::string b = env("VACLIP_DEMO_BACKBONE"); !b.empty())
        return b;
    const fs::path e = exeDir();
    return firstExisting({e.empty() ? fs::path() : e / ".." / "share" / "vaclip" / "demo_backbone",
                          fs::path(VACLIP_DEMO_SOURCE_DIR) / "resources" / "demo_backbone"});
}

std::string defaultDemoConfigDir()
{
    const fs::path e = exeDir();
    const std::string file =
        firstExisting({e.empty() ? fs::path() : e / ".." / "share" / "vaclip" / "configs" / "demo_campus_train.yaml",
                       fs::path(VACLIP_DEMO_SOURCE_DIR) / "configs" / "demo_campus_train.yaml"});
    return fs::path(file).parent_path().string();
}

std::string resolveBackbone(const std::string& path)
{
    if (path.empty())
        throw Error(ErrorCode::InvalidArgument, "no demo backbone given");
    if (!fs::exists(path))
        throw Error(ErrorCode::NotFound, "demo backbone " + quoted(path) +
                                             " does not exist (make it with `vaclip pretrain-backbone`, or pass --backbone)");
    if (!fs::is_directory(path) || fs::exists(fs::path(path) / "config.json"))
        return path;
    if (fs::exists(fs::path(path) / "demo_backbone.safetensors"))
        return (fs::path(path) / "demo_backbone.safetensors").string();
    std::vector<fs::path> weights;  // a pretraining folder's checkpoint.safetensors is not a model
    for (const auto& entry : fs::directory_iterator(path))
        if (entry.is_regular_file() && entry.path().extension() == ".safetensors" &&
            entry.path().filename() != "checkpoint.safetensors")
            weights.push_back(entry.path());
    if (weights.size() != 1)
        throw Error(ErrorCode::NotFound, "demo backbone folder " + quoted(path) + " holds " +
                                             std::to_string(weights.size()) +
                                             " .safetensors files; expected one (with vocab.json + merges.txt)");
    return weights.front().string();
}

} // namespace vaclip::demo
