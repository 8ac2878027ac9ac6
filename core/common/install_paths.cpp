// Install layout relative to the executable. The relative steps and the build-tree locations are
// compile definitions of this file only (core/common/CMakeLists.txt).
#include "common/install_paths.h"

#include <cstdlib>
#include <system_error>

#ifndef VACLIP_BIN_TO_DATA
#define VACLIP_BIN_TO_DATA "../share/vaclip"
#endif
#ifndef VACLIP_BIN_TO_PLUGINS
#define VACLIP_BIN_TO_PLUGINS "../lib/vaclip/plugins"
#endif
#ifndef VACLIP_BUILD_TREE
#define VACLIP_BUILD_TREE ""
#endif
#ifndef VACLIP_BUILD_PLUGIN_DIR
#define VACLIP_BUILD_PLUGIN_DIR ""
#endif
#ifndef VACLIP_SOURCE_TREE
#define VACLIP_SOURCE_TREE ""
#endif

namespace fs = std::filesystem;

namespace vaclip {

namespace {

std::string env(const char* name)
{
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

fs::path exeDir()
{
    const fs::path exe = executablePath();
    return exe.empty() ? fs::path() : exe.parent_path();
}

bool pathExists(const fs::path& p)
{
    std::error_code ec;
    return !p.empty() && fs::exists(p, ec);
}

/// `p` made absolute and lexically normal (symlinks are not resolved: the install may be one).
fs::path clean(const fs::path& p)
{
    std::error_code ec;
    fs::path a = fs::absolute(p, ec);
    return (ec ? p : a).lexically_normal();
}

} // namespace

fs::path executablePath()
{
    std::error_code ec;
    const fs::path p = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : p;
}

bool runningFromBuildTree()
{
    const std::string tree = VACLIP_BUILD_TREE;
    if (tree.empty())
        return false;
    const fs::path exe = executablePath();
    if (exe.empty())
        return false;
    std::error_code ec;
    const fs::path root = fs::weakly_canonical(tree, ec);
    if (ec)
        return false;
    const fs::path rel = exe.lexically_relative(root);
    return !rel.empty() && *rel.begin() != "..";
}

fs::path installedDataDir()
{
    const fs::path dir = exeDir();
    return dir.empty() ? fs::path() : clean(dir / VACLIP_BIN_TO_DATA);
}

fs::path installedPluginDir()
{
    const fs::path dir = exeDir();
    return dir.empty() ? fs::path() : clean(dir / VACLIP_BIN_TO_PLUGINS);
}

fs::path buildTreePluginDir()
{
    return fs::path(VACLIP_BUILD_PLUGIN_DIR);
}

fs::path userPluginDir()
{
    const std::string xdg = env("XDG_DATA_HOME");
    if (!xdg.empty() && fs::path(xdg).is_absolute())   // the XDG spec ignores relative values
        return fs::path(xdg) / "vaclip" / "plugins";
    const std::string home = env("HOME");
    if (!home.empty())
        return fs::path(home) / ".local" / "share" / "vaclip" / "plugins";
    return {};
}

std::optional<fs::path> findDataPath(const std::string& relative)
{
    std::vector<fs::path> bases;
    if (const std::string d = env("VACLIP_DATA_DIR"); !d.empty())
        bases.push_back(d);
    bases.push_back(installedDataDir());
    if (runningFromBuildTree() && std::string(VACLIP_SOURCE_TREE).size()) {
        bases.push_back(fs::path(VACLIP_SOURCE_TREE) / "resources");
        bases.push_back(fs::path(VACLIP_SOURCE_TREE));
    }
    for (const fs::path& base : bases)
        if (!base.empty() && pathExists(base / relative))
            return clean(base / relative);
    return std::nullopt;
}

std::vector<PluginFolder> pluginSearchFolders()
{
    std::vector<PluginFolder> out;
    auto add = [&](const fs::path& p, const char* origin) {
        if (p.empty())
            return;
        const fs::path c = clean(p);
        for (const PluginFolder& f : out)
            if (f.path == c)
                return;
        out.push_back({c, origin});
    };
    const std::string list = env("VACLIP_PLUGIN_PATH");
    std::size_t start = 0;
    while (start <= list.size() && !list.empty()) {
        const std::size_t colon = list.find(':', start);
        const std::string item = list.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
        add(item, "env");
        if (colon == std::string::npos)
            break;
        start = colon + 1;
    }
    if (runningFromBuildTree())
        add(buildTreePluginDir(), "build");
    else
        add(installedPluginDir(), "install");
    add(userPluginDir(), "user");
    return out;
}

} // namespace vaclip
