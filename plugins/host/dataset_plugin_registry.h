#pragma once
// Finds, describes and loads dataset-format plugins (plugins/sdk/vaclip_dataset_plugin.h) for
// the CLI (`vaclip import`) and the studio. Plain C++ header (no Qt types); QtCore inside.
//
//   vaclip::DatasetPluginRegistry plugins(vaclip::pluginSearchFolders(),
//       [](const std::string& m) { std::cerr << "vaclip: warning: " << m << "\n"; });
//   for (const auto& p : plugins.plugins())             // metadata only: nothing is loaded
//       std::cout << p.name << " " << p.version << " " << p.file << "\n";
//   ImportResult r = plugins.importDataset({"auto", root, root + "/meta.json"});   // loads them
//
// Discovery (constructor): every library file (QLibrary::isLibrary) directly in each folder, in
// folder order and then file-name order, is described from its embedded metadata without being
// loaded. It is reported (the reporter, and problems()) and skipped when it is not a Qt plugin,
// has another interface id (not a vaclip dataset plugin, or another SDK version), has metadata
// without "name"/"description", or names a format an earlier plugin already provides.
// Loading (load(), detectFormats(), importDataset(), readGroundTruth()): QPluginLoader on first
// use. A plugin that fails to load, is not a DatasetFormat, reports another name than its
// metadata, or throws anything from construction, name(), detect() or readGroundTruth() is
// reported and marked broken (never used again in this registry). From import(), a vaclip::Error
// is the dataset's problem and propagates unchanged; any other exception marks the plugin broken
// and becomes a vaclip::Error (Unsupported) naming the plugin and its file.
// Loaded plugins stay loaded until the process ends (their code may be referenced by results).
//
// Thread safety: not thread-safe (lazy loading mutates it); use one registry from one thread at
// a time. The DatasetFormat objects it hands out are stateless and may be used from any thread.

#include "common/install_paths.h"
#include "data/dataset_format.h"
#include "data/importers.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace vaclip {

/// What a plugin's metadata says, read without loading it.
struct DatasetPluginInfo {
    std::string file;                  ///< absolute path of the shared object
    std::string origin;                ///< its folder's origin: "env", "build", "install", "user"
    std::string name;                  ///< the format name ("ucsd-ped2")
    std::string version;               ///< the plugin's own version ("1.0.0"; "" when not given)
    std::string description;           ///< one line
    std::vector<std::string> reads;    ///< what it reads, as path patterns under the dataset root
    bool catchAll = false;             ///< matches nearly any folder (detected last)
};

class DatasetPluginRegistry {
public:
    using Reporter = std::function<void(const std::string& message)>;

    /// Scans `folders` (metadata only). Problems go to `reporter` (when set) as they happen and
    /// are kept in problems(). Missing folders are not problems.
    explicit DatasetPluginRegistry(std::vector<PluginFolder> folders, Reporter reporter = {});
    ~DatasetPluginRegistry();
    DatasetPluginRegistry(const DatasetPluginRegistry&) = delete;
    DatasetPluginRegistry& operator=(const DatasetPluginRegistry&) = delete;

    const std::vector<PluginFolder>& folders() const { return m_folders; }
    /// Usable plugins (valid metadata, unique names), in discovery order.
    const std::vector<DatasetPluginInfo>& plugins() const { return m_plugins; }
    /// One line per problem: "<file>: <what>".
    const std::vector<std::string>& problems() const { return m_problems; }
    const DatasetPluginInfo* find(const std::string& name) const;

    /// The format, loading its plugin on first use; nullptr when there is no such plugin or it is
    /// broken (reported once).
    const DatasetFormat* load(const std::string& name);
    bool isLoaded(const std::string& name) const;
    /// Every plugin that loads, in discovery order.
    std::vector<const DatasetFormat*> loadAll();

    /// vaclip::detectFormats over the plugins; one that throws is reported and skipped.
    std::vector<std::string> detectFormats(const std::string& root);
    /// vaclip::importDataset with the plugin named by options.format, or the detected one for
    /// "auto"/"". Unknown names: InvalidArgument listing the known ones; no plugins at all:
    /// NotFound listing the folders searched.
    ImportResult importDataset(const ImportOptions& options);
    /// The format's DatasetFormat::readGroundTruth(root), errors as importDataset.
    std::vector<VideoGroundTruth> readGroundTruth(const std::string& format, const std::string& root);

private:
    struct Slot;
    void scan(const PluginFolder& folder);
    void report(const std::string& file, const std::string& message);
    Slot* slotNamed(const std::string& name);
    const DatasetFormat& require(const std::string& name);
    DetectFailure detectFailure();
    [[noreturn]] void pluginFailed(Slot& slot, const char* during, const std::string& what);

    std::vector<PluginFolder> m_folders;
    Reporter m_reporter;
    std::vector<DatasetPluginInfo> m_plugins;
    std::vector<std::unique_ptr<Slot>> m_slots;   ///< parallel to m_plugins
    std::vector<std::string> m_problems;
};

} // namespace vaclip
