#pragma once
// Internal to core/config (not part of the public API): the key table with accessors into Config
// and the constraints the loader checks. schema.h publishes the descriptive part.

#include "config/config.h"
#include "config/schema.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace vaclip::config_detail {

/// A key's value independent of the member type (enums travel as their YAML word).
using Value = std::variant<bool, std::int64_t, double, std::string, std::vector<std::string>>;

/// Numeric range of an Integer or Number key; unset ends are open.
struct Bounds {
    std::optional<double> min;
    std::optional<double> max;
    bool minExclusive = false;
    bool maxExclusive = false;
    std::string text;  ///< replaces the generated wording in docs when the rule is not numeric
};

struct Field {
    ConfigKeyInfo info;
    Bounds bounds;                                   ///< Integer, Number
    std::int64_t typeMin = 0, typeMax = 0;           ///< Integer: what the member type holds
    std::vector<std::string> choices;                ///< Choice, ChoiceList
    std::size_t minItems = 0;                        ///< StringList, ChoiceList
    std::function<std::string(const Value&)> check;  ///< extra rule: "" = fine, else the reason
    std::function<Value(const Config&)> get;
    std::function<void(Config&, const Value&)> set;
};

/// The table, in file order.
const std::vector<Field>& fields();
/// nullptr when no leaf key has this dotted path.
const Field* findField(const std::string& path);
/// True when some key lives below this dotted path ("training", "testing.smoothing").
bool isGroup(const std::string& path);
/// Names directly below a group ("" = top level): leaves and subgroups, in table order.
std::vector<std::string> childrenOf(const std::string& group);

/// Why a parsed value breaks the key's rules ("0 is out of range (allowed: 1 .. 1024)"), or "".
std::string validateValue(const Field& field, const Value& value);

struct CrossProblem {
    std::string path;    ///< the key to blame
    std::string reason;
};
/// Rules that involve two keys (stride <= clip_length); empty when all hold.
std::vector<CrossProblem> crossCheck(const Config& config);

/// Shortest text that parses back to the same double, always with a '.' or an exponent.
std::string formatNumber(double value);
/// YAML text of a value: 16, 0.001, true, "runs", learned, ["a", "b"], [frame_auc, frame_ap].
std::string formatValue(const Value& value, ConfigValueType type);
/// The closest candidate when it is near enough to be a likely typo, else "".
std::string closestMatch(const std::string& word, const std::vector<std::string>& candidates);

} // namespace vaclip::config_detail
