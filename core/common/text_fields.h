#pragma once
// Small text helpers shared by the line-oriented file readers (ground truth, annotations, UCSD .m):
//
//     for (const std::string& field : splitFields("12, 40\t# bicycle")) ...   // "12", "40", "#", "bicycle"
//     trimmed("  people walking \r") == "people walking"
//
// Plain functions of their arguments; thread-safe.

#include <string>
#include <vector>

namespace vaclip {

/// `s` without leading and trailing whitespace (space, tab, CR, LF, FF, VT).
std::string trimmed(const std::string& s);

/// The non-empty fields of `line` separated by whitespace and/or commas ("1,2", "1 2" and "1 , 2"
/// all give {"1", "2"}).
std::vector<std::string> splitFields(const std::string& line);

} // namespace vaclip
