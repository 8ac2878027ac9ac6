#pragma once
// The distributed sampler: which training items each rank takes in an epoch, as PyTorch's
// torch.utils.data.DistributedSampler(shuffle=True, drop_last=False) does it.
//
//   auto mine = distributedIndices(windows.size(), rank, world, seed, epoch);
//   for (step s) batch = mine[s * perRankBatch, (s + 1) * perRankBatch)
//
// Every rank computes the same permutation of [0, n) from (seed, epoch) (its own Fisher-Yates over
// a std::mt19937_64, so it does not depend on the standard library's shuffle), pads it by
// repeating its head to a multiple of worldSize (ceil(n / worldSize) items per rank, so every rank
// runs the same number of steps) and takes positions rank, rank + worldSize, ...
// Consequence used by the trainer: with per-rank batch b, step s of the ranks together covers
// positions [s*b*W, (s+1)*b*W) of the padded permutation — exactly the batch of a one-process run
// with batch b*W over the same permutation (epochPermutation(n, seed, epoch)).
// Thread safety: pure functions.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace vaclip::distributed {

/// The permutation of [0, n) of an epoch (the same on every rank).
std::vector<std::size_t> epochPermutation(std::size_t n, uint64_t seed, int epoch);

/// ceil(n / worldSize): how many items each rank gets (padding included).
std::size_t samplesPerRank(std::size_t n, int worldSize);

/// This rank's items of the epoch, samplesPerRank(n, worldSize) of them (n > 0; rank < worldSize).
std::vector<std::size_t> distributedIndices(std::size_t n, int rank, int worldSize, uint64_t seed, int epoch);

/// The same split of a permutation every rank computed alike (the trainer shuffles with its own
/// checkpointed generator, so a resumed run continues its order): positions rank, rank + W, ...
/// padded by repeating the head. distributedIndices = shardPermutation(epochPermutation(...)).
std::vector<std::size_t> shardPermutation(const std::vector<std::size_t>& permutation, int rank, int worldSize);

} // namespace vaclip::distributed
