#include "synth/camera.h"

#include <cmath>

namespace vaclip::synth {

namespace {
constexpr double kDeg = 3.14159265358979323846 / 180.0;
}

double Camera::focalPixels(int height) const { return 0.5 * height / std::tan(0.5 * vfovDeg * kDeg); }

Projection Camera::project(const Vec3& p, int width, int height) const
{
    const double s = std::sin(pitchDeg * kDeg), c = std::cos(pitchDeg * kDeg);
    const double dx = p.x - x, dy = p.y - heightM, dz = p.z;
    // Camera axes: right (1,0,0), up (0, c, s), forward (0, -s, c).
    const double xc = dx;
    const double yc = dy * c + dz * s;
    const double zc = -dy * s + dz * c;
    const double f = focalPixels(height);
    Projection out;
    out.depth = zc;
    const double z = std::max(zc, 1e-3);
    out.x = float(0.5 * width + f * xc / z);
    out.y = float(0.5 * height - f * yc / z);
    return out;
}

double Camera::pixelsPerMetre(double z, int height) const
{
    const Projection foot = project({x, 0.0, z}, height, height);
    const Projection top = project({x, 1.0, z}, height, height);
    return std::fabs(double(foot.y) - double(top.y));
}

Vec3 Camera::rayDirection(double px, double py, int width, int height) const
{
    const double s = std::sin(pitchDeg * kDeg), c = std::cos(pitchDeg * kDeg);
    const double f = focalPixels(height);
    const double a = (px - 0.5 * width) / f;
    const double b = -(py - 0.5 * height) / f;
    // forward + a * right + b * up
    return {a, -s + b * c, c + b * s};
}

std::optional<Vec3> Camera::groundPoint(double px, double py, int width, int height) const
{
    const Vec3 d = rayDirection(px, py, width, height);
    if (d.y >= -1e-9)
        return std::nullopt;
    const double t = heightM / -d.y;
    return Vec3{x + d.x * t, 0.0, d.z * t};
}

} // namespace vaclip::synth
