#pragma once
// Human ("natural") ordering of names: digit runs compare as numbers, so frame files and video
// folders sort the way their authors numbered them ("2.jpg" < "10.jpg", "Test2" < "Test10").

#include <string>

namespace vaclip {

/// A strict total order: digit runs by value (then fewer leading zeros first), other characters
/// byte-wise.
bool naturalLess(const std::string& a, const std::string& b);

} // namespace vaclip
