#pragma once
// 3-D drawing parts for actors: capsules, spheres, flat polygons and wheels placed in world
// metres, projected through the camera and painted far to near (a painter's algorithm per part).
//
//   PartList parts;
//   parts.capsule({0, 0.9, 10}, {0, 0.5, 10}, 0.06, 0.05, shirt);   // a limb
//   parts.wheel({1, 0.35, 10}, 0.35, {1, 0, 0}, 0.03, tyre);          // a wheel rolling along x
//   parts.draw(canvas, camera, /*owner*/ 5);
//
// Thread safety: a value type.

#include "synth/camera.h"
#include "synth/canvas.h"

#include <vector>

namespace vaclip::synth {

inline Vec3 operator+(Vec3 a, Vec3 b) { return {a.x + b.x, a.y + b.y, a.z + b.z}; }
inline Vec3 operator-(Vec3 a, Vec3 b) { return {a.x - b.x, a.y - b.y, a.z - b.z}; }
inline Vec3 operator*(Vec3 a, double s) { return {a.x * s, a.y * s, a.z * s}; }

/// A local frame on the ground: forward (heading), left, up. local(f, l, u) -> world.
struct Frame3 {
    Vec3 origin;
    double heading = 0;   ///< radians; 0 = +x, pi/2 = +z (away from the camera)
    Vec3 forward() const;
    Vec3 left() const;
    Vec3 local(double f, double l, double u) const;
};

class PartList {
public:
    void capsule(Vec3 a, Vec3 b, double ra, double rb, Rgb color, double depthBias = 0);
    void sphere(Vec3 c, double r, Rgb color, double depthBias = 0);
    /// A planar convex polygon (projected; must stay convex in the image).
    void polygon(std::vector<Vec3> pts, Rgb color, double depthBias = 0);
    /// A tyre: circle of radius r in the vertical plane containing `axisForward`, drawn as a ring
    /// of line width `thickness` (m). `spokes` > 0 adds spokes rotated by `angle`.
    void wheel(Vec3 centre, double r, Vec3 axisForward, double thickness, Rgb color, int spokes = 0,
               double angle = 0, double depthBias = 0);
    /// A filled disc in the same plane (car wheels, wheelchair rims).
    void disc(Vec3 centre, double r, Vec3 axisForward, Rgb color, double depthBias = 0);

    /// A box in `frame`'s local axes: forward [f0,f1], left [l0,l1], up [u0,u1]. Only faces
    /// turned towards the camera are painted (top brightest, sides darker).
    void box(const Frame3& frame, double f0, double f1, double l0, double l1, double u0, double u1, Rgb color,
             double depthBias = 0);

    /// Paints all parts far to near; pixels at least half covered get `owner`.
    void draw(Canvas& canvas, const Camera& camera, int owner) const;
    bool empty() const { return m_parts.empty(); }

private:
    struct Part {
        enum Kind { Capsule, Sphere, Polygon, Ring, Box } kind = Capsule;
        std::vector<Vec3> pts;
        double ra = 0, rb = 0;
        Rgb color;
        double depthBias = 0;
    };
    std::vector<Part> m_parts;
};

} // namespace vaclip::synth
