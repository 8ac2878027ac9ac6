#pragma once
// Deterministic randomness for the demo world: a seeded generator whose output is the same on
// every platform and compiler (no std::uniform_*_distribution, whose algorithms are
// implementation-defined), and hash-based value noise for textures.
//
//   Rng rng(seed);                         // xoshiro256**, seeded through splitmix64
//   double u = rng.uniform(0.5, 2.0);      // [0.5, 2.0)
//   int k = rng.below(4);                  // 0..3
//   Rng child = rng.fork(17);              // independent stream, stable under code changes elsewhere
//   float n = fbmNoise(x, y, seed, 4);     // ~[-1, 1], smooth, tileless
//
// Thread safety: an Rng is a value; use one per thread. The noise functions are pure.

#include <cstdint>

namespace vaclip::synth {

/// splitmix64 step: a good 64-bit mixer for seeds and hashing.
uint64_t mix64(uint64_t x);
/// Hash of several integers (order matters).
uint64_t hashCombine(uint64_t a, uint64_t b);

class Rng {
public:
    explicit Rng(uint64_t seed = 0);
    uint64_t next();
    /// Uniform in [0, 1) with 53 random bits.
    double uniform();
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    /// Uniform integer in [0, n); n > 0.
    int below(int n);
    /// Standard normal (Box-Muller, deterministic).
    double normal();
    bool chance(double p) { return uniform() < p; }
    /// A new generator whose stream depends on this one's seed and `salt` only (not on how many
    /// numbers were drawn), so adding draws in one place does not change others.
    Rng fork(uint64_t salt) const;
    uint64_t seed() const { return m_seed; }

private:
    uint64_t m_seed;
    uint64_t m_s[4];
};

/// Smooth value noise in about [-1, 1] at real coordinates (unit = one lattice cell).
float valueNoise(float x, float y, uint64_t seed);
/// Fractal sum of `octaves` value-noise layers (each twice the frequency, half the amplitude),
/// normalised to about [-1, 1].
float fbmNoise(float x, float y, uint64_t seed, int octaves);
/// Uniform [0, 1) from integer coordinates (per-cell randomness: tiles, stones, grass blades).
float cellRandom(int64_t x, int64_t y, uint64_t seed);

} // namespace vaclip::synth
