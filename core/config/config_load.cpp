// Reading a YAML config: walk the document against the key table, convert and check every value,
// and report the first problem as "file:line:column: key.path: what is wrong".
#include "config/config.h"
#include "config/schema_fields.h"
#include "common/error.h"
#include "io/atomic_file.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>

namespace fs = std::filesystem;

namespace vaclip {

using config_detail::Field;
using config_detail::Value;

namespace {

std::string joinPath(const std::string& prefix, const std::string& key)
{
    return prefix.empty() ? key : prefix + "." + key;
}

/// What a node holds, for "expected X, got Y" messages.
std::string describe(const YAML::Node& node)
{
    switch (node.Type()) {
    case YAML::NodeType::Null: return "nothing";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Map: return "a mapping";
    case YAML::NodeType::Scalar: return "'" + node.Scalar() + "'";
    default: return "nothing";
    }
}

bool parseInteger(std::string s, std::int64_t& out, bool& overflow)
{
    overflow = false;
    if (!s.empty() && s[0] == '+')
        s.erase(0, 1);
    if (s.empty())
        return false;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
    if (r.ec == std::errc::result_out_of_range && r.ptr == s.data() + s.size()) {
        overflow = true;
        return false;
    }
    return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

bool parseNumber(std::string s, double& out)
{
    if (!s.empty() && s[0] == '+')
        s.erase(0, 1);
    if (s.empty() || !(std::isdigit(static_cast<unsigned char>(s[0])) || s[0] == '-' || s[0] == '.'))
        return false;  // from_chars would accept "inf" and "nan"
    const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
    return r.ec == std::errc() && r.ptr == s.data() + s.size() && std::isfinite(out);
}

bool parseBool(std::string s, bool& out)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    if (s == "true" || s == "yes" || s == "on") {
        out = true;
        return true;
    }
    if (s == "false" || s == "no" || s == "off") {
        out = false;
        return true;
    }
    return false;
}

class Loader {
public:
    Loader(std::string source, std::string baseDir) : m_source(std::move(source)), m_baseDir(std::move(baseDir)) {}

    Config load(const std::string& text)
    {
        std::vector<YAML::Node> docs;
        try {
            docs = YAML::LoadAll(text);
        } catch (const YAML::ParserException& e) {
            fail(e.mark, "YAML syntax error: " + e.msg);
        }
        for (std::size_t i = 1; i < docs.size(); ++i)
            if (!docs[i].IsNull())
                fail(docs[i].Mark(), "a config file holds one YAML document, found a second after '---'");
        if (!docs.empty() && !docs[0].IsNull()) {
            const YAML::Node& root = docs[0];
            if (!root.IsMap())
                fail(root.Mark(), "the top level must be a mapping of keys (like 'clip_length: 16'), got " +
                                      describe(root));
            walkMap(root, "");
        }
        for (const config_detail::CrossProblem& p : config_detail::crossCheck(m_config)) {
            auto it = m_marks.find(p.path);
            if (it == m_marks.end())
                it = m_marks.find("clip_length");
            fail(it != m_marks.end() ? it->second : YAML::Mark::null_mark(), p.path + ": " + p.reason);
        }
        if (!m_baseDir.empty())
            resolvePaths();
        return m_config;
    }

private:
    [[noreturn]] void fail(const YAML::Mark& mark, const std::string& message) const
    {
        std::string where = m_source;
        if (mark.line >= 0)
            where += ":" + std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1);
        throw Error(ErrorCode::Format, where + ": " + message);
    }

    void walkMap(const YAML::Node& map, const std::string& prefix)
    {
        std::set<std::string> seen;
        for (const auto& entry : map) {  // entry is a temporary pair of node handles: copy them
            const YAML::Node keyNode = entry.first;
            const YAML::Node value = entry.second;
            if (!keyNode.IsScalar())
                fail(keyNode.Mark(), "keys must be plain words, got " + describe(keyNode));
            const std::string key = keyNode.Scalar();
            const std::string path = joinPath(prefix, key);
            if (!seen.insert(key).second)
                fail(keyNode.Mark(), "duplicate key '" + path + "'");
            // A null value has no position of its own; blame the key.
            m_marks[path] = value.IsNull() ? keyNode.Mark() : value.Mark();

            if (const Field* field = config_detail::findField(path)) {
                readLeaf(*field, value, m_marks[path]);
            } else if (config_detail::isGroup(path)) {
                if (value.IsNull())
                    continue;  // "training:" with nothing below = all defaults
                if (!value.IsMap())
                    fail(m_marks[path], path + ": expected a group of keys (a mapping), got " + describe(value));
                walkMap(value, path);
            } else {
                fail(keyNode.Mark(), "unknown key '" + path + "'" + suggestion(prefix, key));
            }
        }
    }

    /// " (did you mean 'x'?)" for a sibling within typo distance, or a key of that name
    /// elsewhere (learning_rate at the top level -> training.learning_rate); "" otherwise.
    static std::string suggestion(const std::string& prefix, const std::string& key)
    {
        std::string near = config_detail::closestMatch(key, config_detail::childrenOf(prefix));
        if (!near.empty())
            return " (did you mean '" + joinPath(prefix, near) + "'?)";
        std::vector<std::string> lastSegments;
        std::vector<std::string> fullPaths;
        for (const Field& f : config_detail::fields()) {
            const std::string& p = f.info.path;
            std::size_t pos = 0;
            while (true) {  // every suffix segment: "training", "pseudo_anomalies", "reverse", ...
                const std::size_t dot = p.find('.', pos);
                lastSegments.push_back(p.substr(pos, dot - pos));
                fullPaths.push_back(p.substr(0, dot));
                if (dot == std::string::npos)
                    break;
                pos = dot + 1;
            }
        }
        near = config_detail::closestMatch(key, lastSegments);
        if (near.empty())
            return {};
        const auto at = std::find(lastSegments.begin(), lastSegments.end(), near) - lastSegments.begin();
        return " (did you mean '" + fullPaths[static_cast<std::size_t>(at)] + "'?)";
    }

    void readLeaf(const Field& field, const YAML::Node& node, const YAML::Mark& mark)
    {
        const std::string& path = field.info.path;
        const auto expected = [&](const std::string& what) {
            fail(mark, path + ": expected " + what + ", got " + describe(node));
        };
        Value value;
        switch (field.info.type) {
        case ConfigValueType::Bool: {
            bool b = false;
            if (!node.IsScalar() || !parseBool(node.Scalar(), b))
                expected("true or false");
            value = b;
            break;
        }
        case ConfigValueType::Integer: {
            std::int64_t i = 0;
            bool overflow = false;
            if (!node.IsScalar() || !parseInteger(node.Scalar(), i, overflow)) {
                if (overflow)
                    fail(mark, path + ": " + node.Scalar() + " is too large");
                expected("an integer");
            }
            value = i;
            break;
        }
        case ConfigValueType::Number: {
            double d = 0;
            if (!node.IsScalar() || !parseNumber(node.Scalar(), d))
                expected("a number");
            value = d;
            break;
        }
        case ConfigValueType::String:
        case ConfigValueType::Path:
            if (node.IsNull())
                value = std::string();
            else if (!node.IsScalar())
                expected("a string");
            else
                value = node.Scalar();
            break;
        case ConfigValueType::Choice:
            if (!node.IsScalar())
                expected("one of: " + field.info.allowed);
            value = node.Scalar();
            break;
        case ConfigValueType::StringList:
        case ConfigValueType::ChoiceList: {
            std::vector<std::string> list;
            if (node.IsScalar())
                fail(mark, path + ": expected a list, got " + describe(node) + " (write [" + node.Scalar() +
                               "] for a list of one)");
            if (!node.IsNull() && !node.IsSequence())
                expected("a list");
            std::size_t index = 0;
            for (const auto& item : node) {  // a null node iterates as empty
                ++index;
                if (!item.IsScalar())
                    fail(item.Mark(), path + ": entry " + std::to_string(index) + ": expected a string, got " +
                                          describe(item));
                list.push_back(item.Scalar());
            }
            value = std::move(list);
            break;
        }
        }
        const std::string problem = config_detail::validateValue(field, value);
        if (!problem.empty())
            fail(mark, path + ": " + problem);
        field.set(m_config, value);
    }

    /// Relative paths (given or default) become absolute against the config file's folder.
    void resolvePaths()
    {
        const fs::path base = fs::absolute(fs::path(m_baseDir));
        for (const Field& field : config_detail::fields()) {
            if (field.info.type != ConfigValueType::Path)
                continue;
            const std::string p = std::get<std::string>(field.get(m_config));
            if (p.empty() || fs::path(p).is_absolute())
                continue;
            field.set(m_config, (base / p).lexically_normal().string());
        }
    }

    std::string m_source;
    std::string m_baseDir;
    Config m_config;
    std::map<std::string, YAML::Mark> m_marks;
};

} // namespace

Config configFromYaml(const std::string& text, const std::string& sourceName, const std::string& baseDir)
{
    return Loader(sourceName, baseDir).load(text);
}

Config loadConfig(const std::string& path)
{
    if (fs::is_directory(path))
        throw Error(ErrorCode::InvalidArgument, "config " + quoted(path) + " is a folder, not a YAML file");
    const std::string text = readFile(path);  // NotFound / Io naming the path
    std::string base = fs::path(path).parent_path().string();
    if (base.empty())
        base = ".";
    return configFromYaml(text, path, base);
}

} // namespace vaclip
