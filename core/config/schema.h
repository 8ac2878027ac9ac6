#pragma once
// The config key table: for every key its dotted path, type, default, allowed values and a
// one-line description. It drives loading, validation, effectiveYaml() and the reference page
// docs/configuration.md, so documentation and behaviour cannot drift apart.
//
//   for (const vaclip::ConfigKeyInfo& k : vaclip::configKeys())
//       std::cout << k.path << " = " << k.defaultText << "  (" << k.allowed << ")\n";
//   writeFileAtomic("docs/configuration.md", vaclip::configSchemaMarkdown());
//   // or: vaclip check-config --print-schema-markdown > docs/configuration.md
//
// Thread safety: the table is built once (thread-safe static) and never changes.

#include <string>
#include <vector>

namespace vaclip {

enum class ConfigValueType {
    Bool,       ///< true / false
    Integer,    ///< whole number
    Number,     ///< floating point
    String,     ///< free text
    Path,       ///< file or folder; relative = relative to the config file's folder
    Choice,     ///< one of a fixed set of words
    StringList, ///< list of free-text strings
    ChoiceList, ///< list of words from a fixed set
};

/// "boolean", "integer", "number", "string", "path", "choice", "list of strings", "list of choices".
const char* toString(ConfigValueType type);

struct ConfigKeyInfo {
    std::string path;          ///< dotted key path, e.g. "training.learning_rate"
    ConfigValueType type;
    std::string defaultText;   ///< default as YAML text: 16, 0.001, "cpu", ["a", "b"]
    std::string allowed;       ///< range or choices in words: "1 .. 1024", "> 0", "learned, sinusoidal"
    std::string description;   ///< one line
};

/// All keys in file order (keys of one group are contiguous).
const std::vector<ConfigKeyInfo>& configKeys();

/// The full text of docs/configuration.md.
std::string configSchemaMarkdown();

} // namespace vaclip
