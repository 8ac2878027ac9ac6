// PLACEHOLDER (replaced by the data work): vaclip import
#include "commands.h"
#include <CLI/CLI.hpp>
namespace vaclip::cli {
void addImportCommand(CLI::App& app) { app.add_subcommand("import", "Import a dataset root to meta.json (not yet built)"); }
}
