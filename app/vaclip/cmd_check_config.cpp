// vaclip check-config: validate a YAML config and print the effective settings.
#include "commands.h"
#include "common/error.h"
#include "config/config.h"
#include "config/schema.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

namespace vaclip::cli {

namespace {
struct CheckConfigOptions {
    std::string file;
    bool printSchemaMarkdown = false;
    bool printDefaults = false;
};
} // namespace

void addCheckConfigCommand(CLI::App& app)
{
    auto options = std::make_shared<CheckConfigOptions>();
    CLI::App* cmd = app.add_subcommand(
        "check-config",
        "Validate a YAML config and print the effective settings (every key, defaults filled in)");
    cmd->add_option("file", options->file, "the config file (YAML)");
    cmd->add_flag("--print-schema-markdown", options->printSchemaMarkdown,
                  "print the key reference (docs/configuration.md) and exit");
    cmd->add_flag("--print-defaults", options->printDefaults, "print a config with every default and exit");
    cmd->footer("Errors name file:line:column and the key. Relative paths in a config resolve against\n"
                "the config file's folder; the effective settings show them absolute.\n"
                "Reference: docs/configuration.md");
    cmd->callback([options] {
        if (options->printSchemaMarkdown) {
            std::cout << configSchemaMarkdown();
            return;
        }
        if (options->printDefaults) {
            std::cout << effectiveYaml(Config{});
            return;
        }
        if (options->file.empty())
            throw CLI::RequiredError("file");
        const Config config = loadConfig(options->file);  // throws vaclip::Error: main prints it, exit 1
        std::cout << "# " << options->file << ": valid\n" << effectiveYaml(config);
    });
}

} // namespace vaclip::cli
