#include "distributed/sampler.h"

#include "common/error.h"

#include <numeric>
#include <random>
#include <string>

namespace vaclip::distributed {

std::vector<std::size_t> epochPermutation(std::size_t n, uint64_t seed, int epoch)
{
    std::vector<std::size_t> p(n);
    std::iota(p.begin(), p.end(), std::size_t(0));
    // Seeded like PyTorch's sampler (seed + epoch), mixed so that neighbouring seeds differ widely.
    std::mt19937_64 rng(seed * 0x9e3779b97f4a7c15ull + uint64_t(epoch) + 1);
    for (std::size_t i = n; i > 1; --i) {
        // An unbiased draw in [0, i) by rejection (portable, unlike the distributions of <random>).
        const uint64_t limit = ~uint64_t(0) - (~uint64_t(0) % uint64_t(i) + 1) % uint64_t(i);
        uint64_t r = rng();
        while (r > limit)
            r = rng();
        const std::size_t j = std::size_t(r % uint64_t(i));
        std::swap(p[i - 1], p[j]);
    }
    return p;
}

std::size_t samplesPerRank(std::size_t n, int worldSize)
{
    if (worldSize < 1)
        throw Error(ErrorCode::InvalidArgument, "world size must be >= 1, got " + std::to_string(worldSize));
    return (n + std::size_t(worldSize) - 1) / std::size_t(worldSize);
}

std::vector<std::size_t> distributedIndices(std::size_t n, int rank, int worldSize, uint64_t seed, int epoch)
{
    return shardPermutation(epochPermutation(n, seed, epoch), rank, worldSize);
}

std::vector<std::size_t> shardPermutation(const std::vector<std::size_t>& perm, int rank, int worldSize)
{
    const std::size_t n = perm.size();
    const std::size_t per = samplesPerRank(n, worldSize);
    if (rank < 0 || rank >= worldSize)
        throw Error(ErrorCode::InvalidArgument,
                    "rank " + std::to_string(rank) + " outside a world of " + std::to_string(worldSize));
    if (n == 0)
        throw Error(ErrorCode::InvalidArgument, "the distributed sampler needs at least one item");
    std::vector<std::size_t> mine;
    mine.reserve(per);
    for (std::size_t k = 0; k < per; ++k) {
        const std::size_t pos = k * std::size_t(worldSize) + std::size_t(rank);
        mine.push_back(perm[pos % n]);  // positions past n repeat the head (padding)
    }
    return mine;
}

} // namespace vaclip::distributed
