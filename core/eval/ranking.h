#pragma once
// Scores ranked from highest to lowest, the one sort every ranking metric of core/eval shares.
//
//   std::vector<double> s = {0.9, 0.1, 0.9};
//   std::vector<uint32_t> tag = {1, 0, 0};            // anything 32-bit: label, video index, ...
//   eval::Ranking r = eval::rankDescending(s.data(), tag.data(), s.size());
//   r.score(0) == 0.9; r.tiedWithNext(0) == true;      // two 0.9 form one group
//
// The sort is an LSD radix sort on the order-preserving 64-bit image of each double (passes whose
// digit is the same for every score are skipped, so float32-valued scores cost about half), about
// 5-10x faster than a comparison sort of 10^7 values. -0.0 is ranked as +0.0 (numpy: -0.0 == 0.0).
// NaN must be rejected before (eval/validate.h): its place in the order is meaningless.
// Memory: 12 bytes per score plus as much again during the sort.
//
// Thread safety: a Ranking is an immutable value once built.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace vaclip::eval {

/// The order-preserving unsigned image of a double (a < b  <=>  key(a) < key(b); -0.0 -> key(0.0)).
uint64_t scoreKey(double score);
double scoreFromKey(uint64_t key);

class Ranking {
public:
#pragma pack(push, 4)
    struct Item {  ///< 12 bytes, not 16: the sort moves every item up to six times
        uint64_t key;
        uint32_t payload;
    };
#pragma pack(pop)

    std::size_t size() const { return m_items.size(); }
    /// i = 0 is the highest score.
    double score(std::size_t i) const { return scoreFromKey(item(i).key); }
    uint32_t payload(std::size_t i) const { return item(i).payload; }
    /// True when rank i and i + 1 hold equal scores (one threshold group).
    bool tiedWithNext(std::size_t i) const { return i + 1 < size() && item(i).key == item(i + 1).key; }
    const Item& item(std::size_t i) const { return m_items[m_items.size() - 1 - i]; }

private:
    friend Ranking rankDescending(const double*, const uint32_t*, std::size_t);
    std::vector<Item> m_items;  ///< ascending by key; accessors reverse
};

/// Ranks n scores with their payloads (payload may be nullptr: all 0). Ties keep no useful order:
/// every consumer treats a tied group as one threshold, as scikit-learn does.
Ranking rankDescending(const double* scores, const uint32_t* payload, std::size_t n);

} // namespace vaclip::eval
