#pragma once
// A small floating-point raster for the demo world: anti-aliased shapes defined by signed
// distance (coverage = clamp(0.5 - distance_in_pixels, 0, 1), i.e. one pixel of edge blur at any
// resolution), plus an owner buffer recording which actor covers each pixel.
//
//   Canvas c(128, 128);
//   c.clear({0.5f, 0.5f, 0.5f});
//   c.fillCapsule({10, 10}, {40, 60}, 3.0f, 2.0f, {{0.8f, 0.2f, 0.2f}, 1.0f, 7});  // actor 7
//   c.fillEllipse({64, 100}, 20, 5, {{0, 0, 0}, 0.3f, Paint::kKeepOwner});          // a shadow
//   Image im = c.toImage();
//   int who = c.owner(30, 40);   // 7 where the capsule covers at least half the pixel
//
// Coordinates are pixels with (0,0) the top-left corner of the top-left pixel (pixel centres at
// +0.5). Colours are display RGB in [0, 1]. Thread safety: a Canvas is a value.

#include "io/image.h"

#include <cstdint>
#include <vector>

namespace vaclip::synth {

struct Vec2 {
    float x = 0, y = 0;
};
inline Vec2 operator+(Vec2 a, Vec2 b) { return {a.x + b.x, a.y + b.y}; }
inline Vec2 operator-(Vec2 a, Vec2 b) { return {a.x - b.x, a.y - b.y}; }
inline Vec2 operator*(Vec2 a, float s) { return {a.x * s, a.y * s}; }
inline Vec2 lerp(Vec2 a, Vec2 b, float t) { return {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t}; }

struct Rgb {
    float r = 0, g = 0, b = 0;
};
inline Rgb operator*(Rgb c, float s) { return {c.r * s, c.g * s, c.b * s}; }
inline Rgb mixRgb(Rgb a, Rgb b, float t) { return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t}; }

struct Paint {
    static constexpr int kKeepOwner = -1;
    Rgb color;
    float alpha = 1.0f;
    /// Owner written where coverage >= 0.5 (0 = background); kKeepOwner leaves the buffer alone
    /// (shadows, glints).
    int owner = kKeepOwner;
};

class Canvas {
public:
    Canvas() = default;
    Canvas(int width, int height);

    int width() const { return m_width; }
    int height() const { return m_height; }
    void clear(Rgb color);

    Rgb get(int x, int y) const;
    void set(int x, int y, Rgb c);
    /// Blends colour `c` into pixel (x, y) with weight `a` in [0, 1].
    void blend(int x, int y, Rgb c, float a);
    int owner(int x, int y) const { return m_owner[std::size_t(y) * m_width + x]; }
    const std::vector<int32_t>& owners() const { return m_owner; }
    void resetOwners();

    void fillCircle(Vec2 c, float r, const Paint& p);
    /// An axis-aligned ellipse with half-axes rx, ry.
    void fillEllipse(Vec2 c, float rx, float ry, const Paint& p);
    /// An elliptical ring: the ellipse outline with the given line width (a wheel seen obliquely).
    void strokeEllipse(Vec2 c, float rx, float ry, float lineWidth, const Paint& p);
    /// A segment with round ends whose radius goes from ra at a to rb at b (a limb).
    void fillCapsule(Vec2 a, Vec2 b, float ra, float rb, const Paint& p);
    /// A convex polygon (either winding). Non-convex input draws its convex-region approximation.
    void fillConvex(const std::vector<Vec2>& pts, const Paint& p);

    /// Multiplies every pixel by (gain.r, gain.g, gain.b) and adds `offset`.
    void applyGain(Rgb gain, float offset);
    /// Quantises to RGB8 (clamped, rounded).
    Image toImage() const;

private:
    template <class Sdf>
    void fillSdf(float x0, float y0, float x1, float y1, const Sdf& sdf, const Paint& p);

    int m_width = 0;
    int m_height = 0;
    std::vector<float> m_rgb;       // width * height * 3
    std::vector<int32_t> m_owner;   // width * height
};

} // namespace vaclip::synth
