#pragma once
// A fixed pinhole surveillance camera over a flat ground plane.
//
// World frame (metres): x to the right, y up, z away from the camera along the ground; the ground
// is y = 0. The camera stands at (x, heightM, 0), looks along +z pitched down by pitchDeg.
// Pixels: (0,0) is the top-left corner; the focal length follows the vertical field of view and
// the image height, so the same camera renders the same view at any resolution (the horizontal
// field grows with the aspect ratio).
//
//   Camera cam{6.0, 28.0, 40.0};
//   Projection p = cam.project({1.0, 1.7, 10.0}, 128, 128);  // a head 10 m ahead: p.x, p.y, p.depth
//   float s = cam.pixelsPerMetre(10.0, 128);                  // ~ scale of an upright object there
//   auto g = cam.groundPoint(64.5, 120.5, 128, 128);          // where a pixel ray meets the ground
//
// Thread safety: a value type, const methods only.

#include <optional>

namespace vaclip::synth {

struct Vec3 {
    double x = 0, y = 0, z = 0;
};

struct Projection {
    float x = 0, y = 0;   ///< pixel coordinates
    double depth = 0;     ///< distance along the optical axis (m); <= 0 means behind the camera
};

struct Camera {
    double heightM = 6.0;   ///< above the ground
    double pitchDeg = 28.0; ///< downward tilt of the optical axis
    double vfovDeg = 40.0;  ///< vertical field of view
    double x = 0.0;         ///< lateral position

    /// Focal length in pixels for an image `height` pixels tall.
    double focalPixels(int height) const;
    Projection project(const Vec3& p, int width, int height) const;
    /// Pixels per metre of an upright object standing at ground distance z (along the axis).
    double pixelsPerMetre(double z, int height) const;
    /// World point where the ray through pixel (px, py) meets the ground, or nullopt when the ray
    /// goes above the horizon.
    std::optional<Vec3> groundPoint(double px, double py, int width, int height) const;
    /// The ray direction through a pixel (unnormalised; camera centre is (x, heightM, 0)).
    Vec3 rayDirection(double px, double py, int width, int height) const;
};

} // namespace vaclip::synth
