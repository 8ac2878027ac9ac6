#pragma once
// The static part of a demo-world scene: ground regions (paving, concrete, grass, asphalt, soil),
// a building facade at the back, benches, lamp posts and bins, a fixed camera; and the per-video
// changes over time (lighting drift, sensor noise).
//
//   SceneLayout layout = campusLayout(0);              // worlds.h
//   Canvas bg = renderBackground(layout, 128, 128);     // static: render once per video
//   Lighting light = Lighting::random(rng);
//   Canvas frame = bg;  ...draw actors...
//   light.apply(frame, tSeconds);  addSensorNoise(frame, light.noiseSigma, rng);
//
// Texture detail is tied to world coordinates (tiles are 0.4-0.6 m), so it shrinks with distance
// like everything else, and is supersampled (3x3 per pixel) against aliasing.
// Thread safety: free functions on values.

#include "synth/camera.h"
#include "synth/canvas.h"

#include <cstdint>
#include <string>
#include <vector>

namespace vaclip::synth {

class Rng;

enum class GroundKind { Paving, Concrete, Grass, Asphalt, Soil };

/// An axis-aligned rectangle of ground in world metres; later regions paint over earlier ones.
struct GroundRegion {
    GroundKind kind = GroundKind::Paving;
    double x0 = -1e9, x1 = 1e9, z0 = -1e9, z1 = 1e9;
    Rgb tint{0.6f, 0.6f, 0.6f};
    double tileM = 0.5;        ///< paving tile / concrete slab size
    double angleDeg = 0.0;     ///< tile grid rotation
    bool border = false;       ///< a kerb line along the region's x-parallel edges
};

struct Bench {
    double x = 0, z = 0;
    double lengthM = 1.8;
    bool alongX = true;        ///< seat runs parallel to x (else to z)
};

struct Prop {
    enum Kind { LampPost, Bin, Bollard, Planter } kind = LampPost;
    double x = 0, z = 0;
};

struct Facade {
    bool present = false;
    double z = 30;             ///< distance of the wall plane
    double heightM = 12;
    Rgb wall{0.62f, 0.55f, 0.48f};
    Rgb window{0.25f, 0.3f, 0.36f};
    double bayM = 3.0;         ///< window spacing
};

/// Everything static about one place and its camera, and where actors may go.
struct SceneLayout {
    std::string world;         ///< "campus" or "walkway"
    int index = 0;             ///< scene number inside the world
    std::string name;          ///< "campus-0"
    std::string placeNoun;     ///< caption noun: "plaza", "walkway", "square", "courtyard"
    Camera camera;
    uint64_t textureSeed = 1;
    Rgb sky{0.72f, 0.78f, 0.86f};
    std::vector<GroundRegion> ground;
    Facade facade;
    std::vector<Bench> benches;
    std::vector<Prop> props;

    // Where actors move (world metres). Pedestrians use the whole area; anomalous actors keep
    // to the near band [anomalyZ0, anomalyZ1] so they are large enough to learn from.
    double areaX0 = -6, areaX1 = 6, areaZ0 = 6, areaZ1 = 20;
    double anomalyZ0 = 6, anomalyZ1 = 12;
    double mainHeadingDeg = 0;     ///< 0 = moving along +x (across the view), 90 = away from the camera
    double headingSpreadDeg = 180; ///< pedestrians' headings: main +- spread (180 = any direction)
    int crowdMin = 2, crowdMax = 7;
    /// The visible x extent at depth z (for spawning actors just outside the frame).
    double halfWidthAt(double z, int width, int height) const;
};

/// Renders the ground, facade and props as seen by the layout's camera.
Canvas renderBackground(const SceneLayout& layout, int width, int height);

/// Per-video lighting: a global gain that drifts slowly, a colour cast, a sun direction for
/// shadows, and the sensor noise level.
struct Lighting {
    float gain = 1.0f;
    float driftAmplitude = 0.04f;
    float driftPeriodS = 20.0f;
    float driftPhase = 0.0f;
    Rgb cast{1.0f, 1.0f, 1.0f};
    float shadowDx = 0.25f;    ///< shadow offset per metre of height, along x
    float shadowStrength = 0.35f;
    float noiseSigma = 0.012f; ///< Gaussian sensor noise, in [0,1] units
    static Lighting random(Rng& rng);
    /// Gain at time t (seconds).
    float gainAt(double tSeconds) const;
    void apply(Canvas& canvas, double tSeconds) const;
};

/// Adds zero-mean Gaussian noise of `sigma` per channel (deterministic from the rng).
void addSensorNoise(Canvas& canvas, float sigma, Rng& rng);

} // namespace vaclip::synth
