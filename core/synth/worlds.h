#pragma once
// The two demo worlds and how videos and still images of them are composed.
//
//  - campus: three scenes (a paved plaza before a building, a square with diagonal paving and
//    lawns, a concrete courtyard path between lawns), cameras 5-6 m up. Its anomalies are
//    running, fighting, car, throwing, jumping (the training categories).
//  - walkway: two scenes of a walkway between lawns seen by a higher, steeper camera (a
//    different place and camera). Its anomalies are bicycle, skateboard, cart, wheelchair (the
//    zero-shot test categories, never anomalies in campus training).
//
//   SceneSpec v = makeVideoSpec(World::Walkway, 0, ActorKind::Bicycle, {128, 128, 15.0, 96}, seed);
//   SceneSpec s = makeImageSpec(World::Campus, 2, {ActorKind::Car}, 96, 96, seed, /*crowd*/ 0);
//
// Everything is a pure function of its arguments (same seed -> same spec -> same pixels).
// Thread safety: free functions on values.

#include "synth/actors.h"
#include "synth/scene.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vaclip::synth {

enum class World { Campus, Walkway };

const char* worldName(World world);
/// "campus" / "walkway"; throws vaclip::Error (InvalidArgument) otherwise.
World parseWorld(const std::string& name);
int sceneCount(World world);
/// Throws InvalidArgument for an index outside [0, sceneCount).
SceneLayout sceneLayout(World world, int index);
/// The anomaly categories that belong to a world (campus: training kinds; walkway: test kinds).
std::vector<ActorKind> anomalyKinds(World world);

/// Everything needed to render a clip or a frame deterministically.
struct SceneSpec {
    SceneLayout layout;
    int width = 128;
    int height = 128;
    double fps = 15.0;
    int frames = 1;
    uint64_t seed = 0;
    Lighting lighting;
    std::vector<ActorSpec> actors;   ///< ids are unique and > 0
};

struct VideoShape {
    int width = 128;
    int height = 128;
    double fps = 15.0;
    int frames = 96;
};

/// A video of a scene: a crowd of pedestrians and, when `anomaly` is set, one actor of that kind
/// that enters (or starts its activity) between 10% and 40% of the clip and is visible for a
/// good part of the rest. Any kind may be placed in any world (pretraining uses all of them).
SceneSpec makeVideoSpec(World world, int scene, std::optional<ActorKind> anomaly, const VideoShape& shape,
                        uint64_t seed);

/// A still image (render frame 0) with exactly the given actors placed in the scene's near band,
/// each fully in view and mid-activity (a fighter pair is fighting, a jumper in the air or
/// crouching), plus `crowd` random pedestrians. An empty `kinds` with crowd 0 is an empty scene.
SceneSpec makeImageSpec(World world, int scene, const std::vector<ActorKind>& kinds, int width, int height,
                        uint64_t seed, int crowd = 0);

} // namespace vaclip::synth
