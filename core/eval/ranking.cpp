#include "eval/ranking.h"

#include <array>
#include <cstring>

namespace vaclip::eval {

uint64_t scoreKey(double score)
{
    score += 0.0;  // -0.0 -> +0.0
    uint64_t u;
    std::memcpy(&u, &score, sizeof u);
    return (u & 0x8000000000000000ull) ? ~u : (u | 0x8000000000000000ull);
}

double scoreFromKey(uint64_t key)
{
    const uint64_t u = (key & 0x8000000000000000ull) ? (key & ~0x8000000000000000ull) : ~key;
    double d;
    std::memcpy(&d, &u, sizeof d);
    return d;
}

namespace {

constexpr int kDigitBits = 11;
constexpr int kPasses = 6;  // 6 x 11 = 66 >= 64 bits
constexpr std::size_t kBuckets = std::size_t(1) << kDigitBits;

inline std::size_t digit(uint64_t key, int pass)
{
    return std::size_t(key >> (pass * kDigitBits)) & (kBuckets - 1);
}

} // namespace

Ranking rankDescending(const double* scores, const uint32_t* payload, std::size_t n)
{
    Ranking r;
    std::vector<Ranking::Item>& a = r.m_items;
    a.resize(n);
    std::vector<std::array<std::size_t, kBuckets>> hist(kPasses);
    for (auto& h : hist)
        h.fill(0);
    for (std::size_t i = 0; i < n; ++i) {
        const uint64_t k = scoreKey(scores[i]);
        a[i] = {k, payload ? payload[i] : 0u};
        for (int p = 0; p < kPasses; ++p)
            ++hist[std::size_t(p)][digit(k, p)];
    }
    std::vector<Ranking::Item> b(n);
    for (int p = 0; p < kPasses; ++p) {
        auto& h = hist[std::size_t(p)];
        if (n == 0 || h[digit(a[0].key, p)] == n)
            continue;  // every key has the same digit here: the pass would not move anything
        std::size_t sum = 0;
        for (std::size_t& c : h) {
            const std::size_t count = c;
            c = sum;
            sum += count;
        }
        for (std::size_t i = 0; i < n; ++i)
            b[h[digit(a[i].key, p)]++] = a[i];
        a.swap(b);
    }
    return r;
}

} // namespace vaclip::eval
