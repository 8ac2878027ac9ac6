// PLACEHOLDER (being written): vaclip info
#include "commands.h"
#include <CLI/CLI.hpp>
namespace vaclip::cli {
void addInfoCommand(CLI::App& app) { app.add_subcommand("info", "Describe a video, image folder or meta.json (not yet built)"); }
}
