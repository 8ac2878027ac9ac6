#include "synth/rng.h"

#include <cmath>

namespace vaclip::synth {

uint64_t mix64(uint64_t x)
{
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

uint64_t hashCombine(uint64_t a, uint64_t b)
{
    return mix64(a ^ (mix64(b) + 0x632BE59BD9B4E019ull + (a << 6) + (a >> 2)));
}

Rng::Rng(uint64_t seed) : m_seed(seed)
{
    uint64_t x = seed;
    for (uint64_t& s : m_s) {
        x = mix64(x);
        s = x;
    }
    if ((m_s[0] | m_s[1] | m_s[2] | m_s[3]) == 0)
        m_s[0] = 1;
}

static inline uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

uint64_t Rng::next()
{
    const uint64_t result = rotl(m_s[1] * 5, 7) * 9;
    const uint64_t t = m_s[1] << 17;
    m_s[2] ^= m_s[0];
    m_s[3] ^= m_s[1];
    m_s[1] ^= m_s[2];
    m_s[0] ^= m_s[3];
    m_s[2] ^= t;
    m_s[3] = rotl(m_s[3], 45);
    return result;
}

double Rng::uniform() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }

int Rng::below(int n)
{
    if (n <= 1)
        return 0;
    return int((next() >> 11) % uint64_t(n));
}

double Rng::normal()
{
    double u1 = uniform();
    if (u1 < 1e-300)
        u1 = 1e-300;
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
}

Rng Rng::fork(uint64_t salt) const { return Rng(hashCombine(m_seed, salt)); }

float cellRandom(int64_t x, int64_t y, uint64_t seed)
{
    const uint64_t h = hashCombine(hashCombine(seed, uint64_t(x)), uint64_t(y));
    return float(h >> 40) * (1.0f / 16777216.0f);
}

float valueNoise(float x, float y, uint64_t seed)
{
    const float fx = std::floor(x), fy = std::floor(y);
    const int64_t ix = int64_t(fx), iy = int64_t(fy);
    float tx = x - fx, ty = y - fy;
    tx = tx * tx * (3 - 2 * tx);
    ty = ty * ty * (3 - 2 * ty);
    const float a = cellRandom(ix, iy, seed), b = cellRandom(ix + 1, iy, seed);
    const float c = cellRandom(ix, iy + 1, seed), d = cellRandom(ix + 1, iy + 1, seed);
    const float top = a + (b - a) * tx, bottom = c + (d - c) * tx;
    return (top + (bottom - top) * ty) * 2.0f - 1.0f;
}

float fbmNoise(float x, float y, uint64_t seed, int octaves)
{
    float sum = 0, amp = 1, norm = 0, f = 1;
    for (int o = 0; o < octaves; ++o) {
        // Each octave is rotated a little and offset so lattice artefacts do not line up.
        const float rx = x * f * 0.8f - y * f * 0.6f + 17.3f * o;
        const float ry = x * f * 0.6f + y * f * 0.8f - 9.1f * o;
        sum += amp * valueNoise(rx, ry, seed + uint64_t(o) * 7919);
        norm += amp;
        amp *= 0.5f;
        f *= 2.0f;
    }
    return sum / norm;
}

} // namespace vaclip::synth
