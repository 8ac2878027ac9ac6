// Writing a config: every key of the table in table order, nested groups as YAML mappings.
#include "config/config.h"
#include "config/schema_fields.h"
#include "common/error.h"
#include "io/atomic_file.h"

#include <yaml-cpp/yaml.h>

namespace vaclip {

using config_detail::Field;
using config_detail::Value;

namespace {

std::vector<std::string> splitPath(const std::string& path)
{
    std::vector<std::string> parts;
    std::size_t pos = 0;
    while (true) {
        const std::size_t dot = path.find('.', pos);
        parts.push_back(path.substr(pos, dot - pos));
        if (dot == std::string::npos)
            return parts;
        pos = dot + 1;
    }
}

/// Prompts read best one per line; short word lists and empty lists stay on one line.
bool isBlockList(const Field& field, const Value& value)
{
    return field.info.type == ConfigValueType::StringList && !std::get<std::vector<std::string>>(value).empty();
}

void emitValue(YAML::Emitter& out, const Field& field, const Value& value)
{
    switch (field.info.type) {
    case ConfigValueType::Bool: out << std::get<bool>(value); break;
    case ConfigValueType::Integer: out << static_cast<long long>(std::get<std::int64_t>(value)); break;
    case ConfigValueType::Number: out << config_detail::formatNumber(std::get<double>(value)); break;
    case ConfigValueType::String:
    case ConfigValueType::Path: out << YAML::DoubleQuoted << std::get<std::string>(value); break;
    case ConfigValueType::Choice: out << std::get<std::string>(value); break;
    case ConfigValueType::StringList:
    case ConfigValueType::ChoiceList: {
        const auto& list = std::get<std::vector<std::string>>(value);
        if (!isBlockList(field, value))
            out << YAML::Flow;
        out << YAML::BeginSeq;
        for (const std::string& s : list) {
            if (field.info.type == ConfigValueType::StringList)
                out << YAML::DoubleQuoted;
            out << s;
        }
        out << YAML::EndSeq;
        break;
    }
    }
}

} // namespace

std::string effectiveYaml(const Config& config)
{
    YAML::Emitter out;
    out.SetIndent(2);
    out << YAML::BeginMap;
    std::vector<std::string> open;  // the groups currently open, outermost first
    for (const Field& field : config_detail::fields()) {
        std::vector<std::string> parts = splitPath(field.info.path);
        const std::vector<std::string> groups(parts.begin(), parts.end() - 1);
        std::size_t common = 0;
        while (common < open.size() && common < groups.size() && open[common] == groups[common])
            ++common;
        for (std::size_t i = open.size(); i > common; --i)
            out << YAML::EndMap;
        open.resize(common);
        for (std::size_t i = common; i < groups.size(); ++i) {
            out << YAML::Key << groups[i] << YAML::Value << YAML::BeginMap;
            open.push_back(groups[i]);
        }
        out << YAML::Key << parts.back() << YAML::Value;
        const Value value = field.get(config);
        if (isBlockList(field, value)) {  // "key:  # comment" then one item per line
            out << YAML::Comment(field.info.description);
            emitValue(out, field, value);
        } else {
            emitValue(out, field, value);
            out << YAML::Comment(field.info.description);
        }
    }
    for (std::size_t i = 0; i < open.size(); ++i)
        out << YAML::EndMap;
    out << YAML::EndMap;
    if (!out.good())
        throw Error(ErrorCode::Format, std::string("cannot write the config as YAML: ") + out.GetLastError());
    return "# VideoAnomalyCLIP configuration: every key, defaults filled in.\n"
           "# Reference: docs/configuration.md. Relative paths resolve against this file's folder.\n" +
           std::string(out.c_str()) + "\n";
}

void saveConfig(const Config& config, const std::string& path)
{
    writeFileAtomic(path, effectiveYaml(config));
}

} // namespace vaclip
