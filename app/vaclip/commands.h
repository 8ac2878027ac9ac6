#pragma once
// Each subcommand registers itself on the root CLI11 app. A callback reports failure by throwing
// vaclip::Error (main prints "vaclip: error: <message>" and exits 1); usage errors exit 2.

namespace CLI {
class App;
}

namespace vaclip::cli {

void addInfoCommand(CLI::App& app);
void addImportCommand(CLI::App& app);
void addCheckConfigCommand(CLI::App& app);
void addSynthCommand(CLI::App& app);
void addTrainCommand(CLI::App& app);
void addTestCommand(CLI::App& app);
void addExtractCommand(CLI::App& app);
void addEmbedCommand(CLI::App& app);
void addEvaluateCommand(CLI::App& app);
void addDemoCommand(CLI::App& app);
void addPretrainBackboneCommand(CLI::App& app);

} // namespace vaclip::cli
