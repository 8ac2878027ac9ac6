#pragma once
// Where the running program finds its data and plugins, relative to its own executable so that
// an install is relocatable (`cmake --install --prefix ANY`, `dpkg -x` into any folder):
//
//   <prefix>/bin/vaclip                              the executables
//   <prefix>/share/vaclip/{configs,demo_backbone,translations}
//   <prefix>/<libdir>/vaclip/plugins                 dataset-format plugins (libdir e.g. lib/x86_64-linux-gnu)
//
// When the executable runs from the build tree it was built in, the source tree's configs/ and
// resources/ and the build tree's plugin folder are used instead (nothing needs installing).
//
//   if (auto p = vaclip::findDataPath("demo_backbone"))      // installed or source tree
//       loadBackbone(*p);
//   for (const auto& dir : vaclip::pluginSearchFolders()) ...
//
// Environment: VACLIP_DATA_DIR (a folder searched first by findDataPath), VACLIP_PLUGIN_PATH
// (':'-separated folders searched first for plugins), XDG_DATA_HOME (the user's plugin folder
// is $XDG_DATA_HOME/vaclip/plugins, default ~/.local/share/vaclip/plugins).
// Thread safety: free functions, read-only (environment and /proc/self/exe).

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace vaclip {

/// Absolute path of the running executable (/proc/self/exe); empty if it cannot be read.
std::filesystem::path executablePath();
/// True when the running executable lies inside the build tree this code was configured for.
bool runningFromBuildTree();

/// <exe>/../share/vaclip (the relative step comes from the configured GNUInstallDirs); may not exist.
std::filesystem::path installedDataDir();
/// <exe>/../<libdir>/vaclip/plugins; may not exist.
std::filesystem::path installedPluginDir();
/// The build tree's plugin folder (where the build puts the plugins).
std::filesystem::path buildTreePluginDir();
/// $XDG_DATA_HOME/vaclip/plugins, else $HOME/.local/share/vaclip/plugins; empty without either.
std::filesystem::path userPluginDir();

/// The first existing of: $VACLIP_DATA_DIR/<relative>, installedDataDir()/<relative> and, from
/// the build tree, <source>/resources/<relative> and <source>/<relative>. nullopt when none exists.
std::optional<std::filesystem::path> findDataPath(const std::string& relative);

/// A folder to look for plugins in and what it is ("env", "build", "install", "user").
struct PluginFolder {
    std::filesystem::path path;
    std::string origin;
};
/// In search order: each VACLIP_PLUGIN_PATH entry, the build tree's folder when running from
/// it (else the install's folder), the user's folder. Folders that do not exist are included
/// (the caller reports them); duplicates are removed.
std::vector<PluginFolder> pluginSearchFolders();

} // namespace vaclip
