// Checking and printing values of the key table: ranges, choices, typo suggestions, YAML text.
#include "config/schema_fields.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>

namespace vaclip::config_detail {

namespace {

/// Optimal string alignment distance (Levenshtein plus adjacent transpositions).
std::size_t editDistance(const std::string& a, const std::string& b)
{
    const std::size_t n = a.size(), m = b.size();
    std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
    for (std::size_t i = 0; i <= n; ++i)
        d[i][0] = i;
    for (std::size_t j = 0; j <= m; ++j)
        d[0][j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[n][m];
}

} // namespace

std::string validateValue(const Field& f, const Value& v)
{
    switch (f.info.type) {
    case ConfigValueType::Integer:
    case ConfigValueType::Number: {
        const double x = f.info.type == ConfigValueType::Integer
                             ? static_cast<double>(std::get<std::int64_t>(v)) : std::get<double>(v);
        const Bounds& b = f.bounds;
        const bool low = b.min && (b.minExclusive ? x <= *b.min : x < *b.min);
        const bool high = b.max && (b.maxExclusive ? x >= *b.max : x > *b.max);
        const std::string shown = f.info.type == ConfigValueType::Integer
                                      ? std::to_string(std::get<std::int64_t>(v)) : formatNumber(x);
        if (low || high)
            return shown + " is out of range (allowed: " + f.info.allowed + ")";
        if (f.info.type == ConfigValueType::Integer &&
            (std::get<std::int64_t>(v) < f.typeMin || std::get<std::int64_t>(v) > f.typeMax))
            return shown + " is too large (at most " + std::to_string(f.typeMax) + ")";
        break;
    }
    case ConfigValueType::Choice: {
        const std::string& s = std::get<std::string>(v);
        if (std::find(f.choices.begin(), f.choices.end(), s) == f.choices.end()) {
            std::string msg = "'" + s + "' is not one of: " + f.info.allowed;
            const std::string near = closestMatch(s, f.choices);
            if (!near.empty())
                msg += " (did you mean '" + near + "'?)";
            return msg;
        }
        break;
    }
    case ConfigValueType::StringList:
    case ConfigValueType::ChoiceList: {
        const auto& list = std::get<std::vector<std::string>>(v);
        if (list.size() < f.minItems)
            return "needs at least " + std::to_string(f.minItems) + (f.minItems == 1 ? " entry" : " entries");
        std::set<std::string> seen;
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (list[i].empty())
                return "entry " + std::to_string(i + 1) + " is empty";
            if (f.info.type == ConfigValueType::ChoiceList &&
                std::find(f.choices.begin(), f.choices.end(), list[i]) == f.choices.end()) {
                std::string msg = "entry " + std::to_string(i + 1) + " '" + list[i] +
                                  "' is not one of: " + f.info.allowed;
                const std::string near = closestMatch(list[i], f.choices);
                if (!near.empty())
                    msg += " (did you mean '" + near + "'?)";
                return msg;
            }
            if (f.info.type == ConfigValueType::ChoiceList && !seen.insert(list[i]).second)
                return "'" + list[i] + "' is listed twice";
        }
        break;
    }
    default:
        break;
    }
    return f.check ? f.check(v) : std::string();
}

std::vector<CrossProblem> crossCheck(const Config& c)
{
    std::vector<CrossProblem> problems;
    if (c.stride > c.clipLength)
        problems.push_back({"stride", std::to_string(c.stride) + " is larger than clip_length (" +
                                          std::to_string(c.clipLength) + "); allowed: 1 .. clip_length"});
    return problems;
}

std::string formatNumber(double value)
{
    if (!std::isfinite(value))
        return std::isnan(value) ? ".nan" : (value > 0 ? ".inf" : "-.inf");
    char buf[64];
    const auto result = std::to_chars(buf, buf + sizeof buf, value);
    std::string s(buf, result.ptr);
    if (s.find_first_of(".e") == std::string::npos)
        s += ".0";
    return s;
}

namespace {
std::string quoteString(const std::string& s)
{
    std::string out = "\"";
    for (char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        default: out += c;
        }
    }
    return out + "\"";
}
} // namespace

std::string formatValue(const Value& v, ConfigValueType type)
{
    switch (type) {
    case ConfigValueType::Bool: return std::get<bool>(v) ? "true" : "false";
    case ConfigValueType::Integer: return std::to_string(std::get<std::int64_t>(v));
    case ConfigValueType::Number: return formatNumber(std::get<double>(v));
    case ConfigValueType::String:
    case ConfigValueType::Path: return quoteString(std::get<std::string>(v));
    case ConfigValueType::Choice: return std::get<std::string>(v);
    case ConfigValueType::StringList:
    case ConfigValueType::ChoiceList: {
        std::string out = "[";
        for (const std::string& s : std::get<std::vector<std::string>>(v)) {
            if (out.size() > 1)
                out += ", ";
            out += type == ConfigValueType::StringList ? quoteString(s) : s;
        }
        return out + "]";
    }
    }
    return {};
}

std::string closestMatch(const std::string& word, const std::vector<std::string>& candidates)
{
    // Near enough: at most a third of the word's letters wrong (at least 1, at most 3).
    const std::size_t limit = std::clamp<std::size_t>(word.size() / 3, 1, 3);
    std::string best;
    std::size_t bestDistance = limit + 1;
    for (const std::string& c : candidates) {
        const std::size_t d = editDistance(word, c);
        if (d < bestDistance) {
            bestDistance = d;
            best = c;
        }
    }
    return best;
}

} // namespace vaclip::config_detail
