// PLACEHOLDER (replaced by the config work): vaclip check-config
#include "commands.h"
#include <CLI/CLI.hpp>
namespace vaclip::cli {
void addCheckConfigCommand(CLI::App& app) { app.add_subcommand("check-config", "Validate a config (not yet built)"); }
}
