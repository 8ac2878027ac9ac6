// vaclip: the command-line face of the engine.
#include "commands.h"
#include "common/error.h"
#include "runtime/version_info.h"

#include <CLI/CLI.hpp>

#include <iostream>

int main(int argc, char** argv)
{
    CLI::App app{"vaclip " VACLIP_VERSION
                 " - zero-shot semantic video anomaly detection with CLIP.\n"
                 "Reads videos, image folders and dataset ground truth; imports datasets; checks configs.",
                 "vaclip"};
    app.set_version_flag("--version", [] {
            std::string text = vaclip::formatVersionInfo(vaclip::versionInfo());
            text.pop_back();   // CLI11 adds the final newline
            return text;
        },
                         "Print the version, git revision, LibTorch, Qt, FFmpeg and BLAS in use, and exit");
    app.require_subcommand(1);
    app.fallthrough(false);
    app.footer("Exit status: 0 success, 1 failure (a one-line reason on stderr), 2 usage error.\n"
               "Run 'vaclip <command> --help' for a command's options.");

    vaclip::cli::addInfoCommand(app);
    vaclip::cli::addImportCommand(app);
    vaclip::cli::addCheckConfigCommand(app);
    vaclip::cli::addSynthCommand(app);
    vaclip::cli::addTrainCommand(app);
    vaclip::cli::addTestCommand(app);
    vaclip::cli::addExtractCommand(app);
    vaclip::cli::addEmbedCommand(app);
    vaclip::cli::addEvaluateCommand(app);
    vaclip::cli::addDemoCommand(app);
    vaclip::cli::addPretrainBackboneCommand(app);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return 2;
    } catch (const vaclip::Error& e) {
        std::cerr << "vaclip: error: " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "vaclip: error: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
