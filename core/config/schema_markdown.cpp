// docs/configuration.md, rendered from the key table.
#include "config/schema.h"
#include "config/schema_fields.h"

#include <sstream>

namespace vaclip {

namespace {

struct Section {
    const char* group;  ///< first path segment, "" = the top-level keys
    const char* title;
    const char* intro;
};

const Section kSections[] = {
    {"", "Model, windows and prompts",
     "Top-level keys keep the names of the research code. `stride` must not exceed `clip_length`."},
    {"dataset", "dataset", "Which videos, and which splits of the dataset's meta.json."},
    {"backbone", "backbone", "The frozen CLIP model."},
    {"features", "features", "The on-disk cache of CLIP frame embeddings."},
    {"training", "training", "Learning the temporal transformer and the generic prompt context."},
    {"testing", "testing", "Scoring test videos against prompts."},
    {"evaluation", "evaluation", "Metrics, confidence intervals and curves."},
};

std::string cell(const std::string& text)
{
    std::string out;
    for (char c : text) {
        if (c == '|')
            out += "\\|";
        else
            out += c;
    }
    return out;
}

std::string sectionOf(const std::string& path)
{
    const std::string first = path.substr(0, path.find('.'));
    for (const Section& s : kSections)
        if (first == s.group)
            return first;
    return "";
}

} // namespace

std::string configSchemaMarkdown()
{
    std::ostringstream md;
    md << "# Configuration reference\n"
          "\n"
          "<!-- Generated from the key table in core/config/schema.cpp by\n"
          "     `vaclip check-config --print-schema-markdown > docs/configuration.md`.\n"
          "     Do not edit by hand: tests/test_config.cpp fails when this file and the table differ. -->\n"
          "\n"
          "A config is one YAML file whose top level is a mapping. Every key is optional: a missing key\n"
          "takes the default below, and an empty file means \"all defaults\". Dotted names are nesting:\n"
          "`training.learning_rate` is written\n"
          "\n"
          "```yaml\n"
          "training:\n"
          "  learning_rate: 0.001\n"
          "```\n"
          "\n"
          "`vaclip check-config FILE` validates a config and prints the effective settings (every key,\n"
          "defaults filled in, paths absolute); `vaclip check-config --print-defaults` prints the defaults.\n"
          "The shipped examples are `configs/shanghaitech_train.yaml` and `configs/ucsd_test.yaml`.\n"
          "\n"
          "## Rules\n"
          "\n"
          "- **Relative paths** (type `path`) resolve against the folder that contains the config\n"
          "  file, not the working directory, so a config means the same thing wherever it is run\n"
          "  from. This holds for defaults too: with `configs/x.yaml`, the default `output_dir`\n"
          "  is `configs/runs`. The shipped configs live in `configs/` and therefore write\n"
          "  `../data/...` for the repository's `data/` folder. An empty path means \"not set\".\n"
          "- **Types.** boolean: `true`/`false` (`yes`/`no`, `on`/`off` also accepted); integer: whole\n"
          "  numbers; number: decimals or exponents (`1e-3`); choice: one of the listed words; lists:\n"
          "  `[a, b]` or one `- item` per line (a single value is not a list: write `[x]`).\n"
          "- **Errors** name the file, line, column and key, and stop at the first problem:\n"
          "  `cfg.yaml:4:9: stride: expected an integer, got 'eight'`. Unknown keys are errors, with a\n"
          "  suggestion when the key looks like a typo (`unknown key 'clip_lenght' (did you mean\n"
          "  'clip_length'?)`); so are duplicate keys, values out of range, unknown choices, a\n"
          "  top level that is not a mapping, and a second YAML document in the file.\n";

    for (const Section& section : kSections) {
        md << "\n## " << (section.group[0] ? std::string("`") + section.group + "`" : section.title) << "\n\n"
           << section.intro << "\n\n"
           << "| Key | Type | Default | Allowed | Description |\n"
           << "|---|---|---|---|---|\n";
        for (const ConfigKeyInfo& k : configKeys()) {
            if (sectionOf(k.path) != section.group)
                continue;
            md << "| `" << k.path << "` | " << toString(k.type) << " | `" << cell(k.defaultText) << "` | "
               << cell(k.allowed) << " | " << cell(k.description) << " |\n";
        }
    }
    return md.str();
}

} // namespace vaclip
