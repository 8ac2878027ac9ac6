// vaclip import: turn a dataset as its authors ship it into meta.json (+ per-video gt files).
//
//   vaclip import --list
//   vaclip import --format ucsd-ped2 --root /data/UCSD/UCSDped2            # -> <root>/meta.json
//   vaclip import --format auto --root /data/shanghaitech --out /data/shanghaitech/meta.json
#include "commands.h"

#include "common/error.h"
#include "data/importers.h"
#include "data/meta.h"

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

void printList()
{
    const auto importers = listImporters();
    std::size_t width = 4;
    for (const ImporterInfo& i : importers)
        width = std::max(width, i.name.size());
    std::cout << "Dataset formats (vaclip import --format NAME):\n";
    for (const ImporterInfo& i : importers)
        std::cout << "  " << std::left << std::setw(static_cast<int>(width)) << i.name << "  " << i.description << "\n";
    std::cout << "  " << std::left << std::setw(static_cast<int>(width)) << "auto"
              << "  detect the format from the folder layout\n";
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
        printList();
        return;
    }
    if (args.root.empty())
        throw CLI::RequiredError("--root");
    const std::string out = args.out.empty() ? (fs::path(args.root) / "meta.json").string() : args.out;
    std::error_code ec;
    if (!args.dryRun && !args.force && fs::exists(out, ec))
        throw Error(ErrorCode::InvalidArgument, quoted(out) + ": already exists (pass --force to replace it)");

    const ImportResult result = importDataset({args.format, args.root, out});
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
    cmd->add_flag("--list", args->list, "List the dataset formats and exit");
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
