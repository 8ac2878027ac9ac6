// vaclip import: turn a dataset as its authors ship it into meta.json (+ per-video gt files).
//
//   vaclip import --list
//   vaclip import --format ucsd-ped2 --root /data/UCSD/UCSDped2            # -> <root>/meta.json
//   vaclip import --format auto --root /data/shanghaitech --out /data/shanghaitech/meta.json
//
// The formats are dataset-format plugins (plugins/, found by DatasetPluginRegistry in
// VACLIP_PLUGIN_PATH, the install's or build tree's plugin folder and the user's folder). A
// plugin that is broken is reported on stderr ("vaclip: warning: ...") and skipped.
#include "commands.h"

#include "common/error.h"
#include "common/install_paths.h"
#include "data/importers.h"
#include "data/meta.h"
#include "dataset_plugin_registry.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <iomanip>
#include <iostream>
#include <memory>

namespace fs = std::filesystem;

namespace vaclip::cli {

namespace {

struct ImportArgs {
    bool list = false;
    std::string format = "auto";
    std::string root;
    std::string out;
    bool force = false;
    bool dryRun = false;
};

void warn(const std::string& message)
{
    std::cerr << "vaclip: warning: " << message << "\n";
}

/// The formats and where they come from; metadata only (no plugin is loaded).
void printList(const DatasetPluginRegistry& registry)
{
    const auto& plugins = registry.plugins();
    std::size_t width = 4;
    for (const DatasetPluginInfo& p : plugins)
        width = std::max(width, p.name.size());
    const int w = static_cast<int>(width);
    std::cout << "Dataset formats (vaclip import --format NAME):\n";
    for (const DatasetPluginInfo& p : plugins)
        std::cout << "  " << std::left << std::setw(w) << p.name << "  " << p.description << "\n";
    std::cout << "  " << std::left << std::setw(w) << "auto" << "  detect the format from the folder layout\n";
    if (plugins.empty())
        std::cout << "  (no dataset-format plugins found)\n";

    std::cout << "\nPlugins (read from their metadata, not loaded):\n";
    for (const DatasetPluginInfo& p : plugins) {
        std::cout << "  " << std::left << std::setw(w) << p.name << "  " << (p.version.empty() ? "-" : p.version)
                  << "  " << p.origin << "  " << p.file << "\n";
        if (!p.reads.empty()) {
            std::string reads;
            for (const std::string& r : p.reads)
                reads += (reads.empty() ? "" : ", ") + r;
            std::cout << "  " << std::string(width, ' ') << "  reads " << reads << "\n";
        }
    }
    std::cout << "\nPlugin folders, in search order:\n";
    for (const PluginFolder& f : registry.folders()) {
        std::error_code ec;
        std::cout << "  " << std::left << std::setw(8) << f.origin << "  " << f.path.string()
                  << (fs::is_directory(f.path, ec) ? "" : "  (does not exist)") << "\n";
    }
    if (!registry.problems().empty()) {
        std::cout << "\nSkipped:\n";
        for (const std::string& p : registry.problems())
            std::cout << "  " << p << "\n";
    }
}

void printSplit(const DatasetMeta& meta, const char* split)
{
    const auto& entries = meta.split(split);
    std::size_t withGt = 0;
    for (const VideoEntry& v : entries)
        withGt += v.gtPath.empty() ? 0 : 1;
    std::cout << "  " << split << ": " << entries.size() << " videos, " << meta.anomalousCount(split)
              << " anomalous";
    if (withGt)
        std::cout << ", " << withGt << " with frame ground truth";
    std::cout << "\n";
}

void runImport(const ImportArgs& args)
{
    if (args.list) {
        printList(DatasetPluginRegistry(pluginSearchFolders()));   // problems are listed, not warned
        return;
    }
    if (args.root.empty())
        throw CLI::RequiredError("--root");
    const std::string out = args.out.empty() ? (fs::path(args.root) / "meta.json").string() : args.out;
    std::error_code ec;
    if (!args.dryRun && !args.force && fs::exists(out, ec))
        throw Error(ErrorCode::InvalidArgument, quoted(out) + ": already exists (pass --force to replace it)");

    DatasetPluginRegistry registry(pluginSearchFolders(), &warn);
    const ImportResult result = registry.importDataset({args.format, args.root, out});
    if (!args.dryRun) {
        writeImport(result, out);
        loadMeta(out);   // what was written must read back cleanly
    }

    std::cout << (args.dryRun ? "would import " : "imported ") << result.format << " from "
              << quoted(result.sourceRoot) << (args.dryRun ? " to " : " -> ") << quoted(out) << "\n";
    printSplit(result.meta, "train");
    printSplit(result.meta, "test");
    if (!result.files.empty())
        std::cout << "  " << result.files.size() << " ground-truth files "
                  << (args.dryRun ? "would be written to " : "written to ")
                  << quoted(fs::path(result.files.front().path).parent_path().string()) << "\n";
    for (const std::string& note : result.notes)
        std::cout << "  note: " << note << "\n";
}

} // namespace

void addImportCommand(CLI::App& app)
{
    auto args = std::make_shared<ImportArgs>();
    CLI::App* cmd = app.add_subcommand(
        "import", "Import a dataset folder (as its authors ship it) into meta.json with per-video ground truth");
    cmd->add_flag("--list", args->list, "List the dataset formats (plugins, their files and folders) and exit");
    cmd->add_option("--format", args->format, "Dataset format (see --list), or 'auto' to detect it")
        ->capture_default_str();
    cmd->add_option("--root", args->root, "The dataset folder");
    cmd->add_option("--out", args->out,
                    "meta.json to write (default <root>/meta.json); it must be in the root or a folder above it");
    cmd->add_flag("--force", args->force, "Replace an existing meta.json");
    cmd->add_flag("--dry-run", args->dryRun, "Check the dataset and print the summary without writing anything");
    cmd->callback([args] { runImport(*args); });
}

} // namespace vaclip::cli
